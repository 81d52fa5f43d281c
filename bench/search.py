"""Procedures guide search: SearchIndex against the naive scan, same corpus, same queries, same run.

The naive peer is what one would write first: for every query, normalise every document with
`search_key` and test substrings; a term found nowhere falls back to difflib.SequenceMatcher
ratios against titles, readings and keywords.

    python bench/search.py [--docs 1000] [--queries 2000] [--seed 1]

Prints build time, queries/s and p50/p95 latency for both, the speed ratio, and how often each
puts the intended document first and in the top 20 (queries built from a document know it).
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from difflib import SequenceMatcher
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import jaconv

from cityhall.core.search import SearchDocument, SearchIndex
from cityhall.core.text import fold, search_key

SUBJECTS = [
    ("住民票", "じゅうみんひょう"),
    ("印鑑登録", "いんかんとうろく"),
    ("国民健康保険", "こくみんけんこうほけん"),
    ("児童手当", "じどうてあて"),
    ("粗大ごみ", "そだいごみ"),
    ("戸籍謄本", "こせきとうほん"),
    ("介護保険", "かいごほけん"),
    ("保育所", "ほいくしょ"),
    ("犬の登録", "いぬのとうろく"),
    ("軽自動車税", "けいじどうしゃぜい"),
    ("国民年金", "こくみんねんきん"),
    ("後期高齢者医療", "こうきこうれいしゃいりょう"),
    ("妊娠届", "にんしんとどけ"),
    ("母子健康手帳", "ぼしけんこうてちょう"),
    ("固定資産税", "こていしさんぜい"),
    ("住民税", "じゅうみんぜい"),
    ("マイナンバーカード", "まいなんばーかーど"),
    ("転入届", "てんにゅうとどけ"),
    ("転出届", "てんしゅつとどけ"),
    ("婚姻届", "こんいんとどけ"),
    ("出生届", "しゅっしょうとどけ"),
    ("死亡届", "しぼうとどけ"),
    ("就学援助", "しゅうがくえんじょ"),
    ("放課後児童クラブ", "ほうかごじどうくらぶ"),
    ("障害者手帳", "しょうがいしゃてちょう"),
    ("生活保護", "せいかつほご"),
    ("市営住宅", "しえいじゅうたく"),
    ("自転車駐輪場", "じてんしゃちゅうりんじょう"),
    ("家庭ごみ", "かていごみ"),
    ("水道", "すいどう"),
    ("下水道", "げすいどう"),
    ("道路占用", "どうろせんよう"),
    ("建築確認", "けんちくかくにん"),
    ("公民館", "こうみんかん"),
    ("図書館カード", "としょかんかーど"),
    ("予防接種", "よぼうせっしゅ"),
    ("健康診断", "けんこうしんだん"),
    ("納税証明書", "のうぜいしょうめいしょ"),
    ("所得証明書", "しょとくしょうめいしょ"),
    ("臨時福祉給付金", "りんじふくしきゅうふきん"),
]
ACTIONS = [
    ("の交付", "のこうふ"),
    ("の申請", "のしんせい"),
    ("の届出", "のとどけで"),
    ("の変更", "のへんこう"),
    ("の廃止", "のはいし"),
    ("の再発行", "のさいはっこう"),
    ("の相談", "のそうだん"),
    ("の予約", "のよやく"),
    ("の証明", "のしょうめい"),
    ("の閲覧", "のえつらん"),
    ("の減免", "のげんめん"),
    ("の更新", "のこうしん"),
]
QUALIFIERS = [
    ("", ""),
    ("（郵送）", "ゆうそう"),
    ("（オンライン）", "おんらいん"),
    ("（代理人）", "だいりにん"),
    ("（窓口）", "まどぐち"),
    ("（コンビニ）", "こんびに"),
    ("（休日）", "きゅうじつ"),
    ("（夜間）", "やかん"),
]
TARGETS = [
    ("", ""),
    ("高齢者の", "こうれいしゃの"),
    ("外国人住民の", "がいこくじんじゅうみんの"),
    ("法人の", "ほうじんの"),
    ("ひとり親家庭の", "ひとりおやかていの"),
    ("転入者の", "てんにゅうしゃの"),
    ("障害のある方の", "しょうがいのあるかたの"),
    ("学生の", "がくせいの"),
    ("事業者の", "じぎょうしゃの"),
    ("未成年者の", "みせいねんしゃの"),
]
WORDS = [
    "本人確認書類",
    "印鑑",
    "マイナンバーカード",
    "運転免許証",
    "健康保険証",
    "委任状",
    "手数料",
    "窓口",
    "郵送",
    "オンライン",
    "申請書",
    "世帯主",
    "代理人",
    "転入",
    "転出",
    "引っ越し",
    "子ども",
    "高齢者",
    "家具",
    "予約",
    "証明書",
    "手当",
    "税金",
    "保険料",
    "年金",
    "介護",
    "障害",
    "妊娠",
    "出生",
    "ペット",
    "通帳",
    "在留カード",
    "源泉徴収票",
    "口座振替",
    "納付書",
    "領収書",
    "母子手帳",
    "診断書",
    "車検証",
    "住所変更",
]
PLACES = [
    "本庁舎1階市民課",
    "北支所",
    "南出張所",
    "保健センター",
    "子育て支援課",
    "税務課",
    "環境センター",
    "福祉事務所",
    "国保年金課",
    "市民活動センター",
    "第2庁舎3階",
    "駅前行政サービスコーナー",
]
SENTENCES = [
    "{w1}をお持ちのうえ、{p}で手続きしてください。",
    "手数料は1通{n}円です。{w1}と{w2}が必要になる場合があります。",
    "代理人が申請するときは委任状と代理人の{w1}が必要です。",
    "平日の午前8時30分から午後5時15分まで{p}で受け付けます。第2・第4土曜日は{w1}の受付のみ行います。",
    "{w1}について詳しくは{p}（電話：0120-{n}-{n}）へお問い合わせください。",
    "オンライン申請では{w1}の読み取りが必要です。スマートフォンからも申請できます。",
    "郵送で請求する場合は、{w1}の写しと返信用封筒（切手{n}円分）を同封してください。",
    "世帯全員分が必要な場合は、申請書の{w1}欄に記入してください。{w2}の変更があった方はご注意ください。",
    "{m}月{d}日から制度が変わりました。{w1}をお持ちでない方は{p}にご相談ください。",
    "提出期限は事由が生じた日から{d}日以内です。期限を過ぎると{w1}が受けられないことがあります。",
    "審査には{d}日程度かかります。結果は{w1}あてに郵送でお知らせします。",
    "ＦＡＸ・電子メールでの受付はしていません。{w2}の記載内容に誤りがないか確認してください。",
    "対象は市内に住所がある方で、{w1}の要件を満たす方です。所得制限があります。",
    "{p}の駐車場は混雑します。公共交通機関をご利用ください。",
    "外国籍の方は{w1}もお持ちください。通訳が必要な方は{d}日前までにご連絡ください。",
    "令和{d}年度から{w1}の様式が新しくなりました。旧様式も当分の間使えます。",
]
SYNONYMS = [
    ("住民票", "住民票の写し", "じゅうみんひょう"),
    ("国保", "国民健康保険"),
    ("引っ越し", "引越し", "転入", "転居", "転出"),
    ("マイナンバーカード", "マイナカード", "個人番号カード"),
    ("印鑑証明", "印鑑登録証明"),
    ("ごみ", "ゴミ", "塵"),
    ("年金", "ねんきん"),
]
KATAKANA = {c: c + 0x60 for c in range(0x3041, 0x3097)}
SMALL_TO_LARGE = str.maketrans("ゃゅょっ", "やゆよつ")


def corpus(rng: random.Random, size: int) -> list[SearchDocument]:
    combos = [(t, s, a, q) for t in TARGETS for s in SUBJECTS for a in ACTIONS for q in QUALIFIERS]
    docs = []
    for doc_id, (
        (target, target_kana),
        (subject, subject_kana),
        (action, action_kana),
        (qualifier, qualifier_kana),
    ) in enumerate(rng.sample(combos, size), start=1):
        words = rng.sample(WORDS, 8)
        body = ""
        while len(body) < 380:
            body += rng.choice(SENTENCES).format(
                w1=rng.choice(words),
                w2=rng.choice(words),
                p=rng.choice(PLACES),
                n=rng.randint(100, 999),
                m=rng.randint(1, 12),
                d=rng.randint(1, 30),
            )
            body += "\n" if rng.random() < 0.4 else ""
        docs.append(
            SearchDocument(
                id=doc_id,
                title=f"{target}{subject}{action}{qualifier}",
                title_kana=f"{target_kana}{subject_kana}{action_kana}{qualifier_kana}",
                keywords="、".join([subject, *words[:7]]),
                body=body,
            )
        )
    return docs


def typo(rng: random.Random, text: str) -> str:
    position = rng.randrange(len(text) - 1)
    kind = rng.choice(["substitute", "transpose", "delete", "small"])
    if kind == "substitute":
        return text[:position] + rng.choice("あかさたなはまやらわ") + text[position + 1 :]
    if kind == "transpose":
        return text[:position] + text[position + 1] + text[position] + text[position + 2 :]
    if kind == "delete":
        return text[:position] + text[position + 1 :]
    return text.translate(SMALL_TO_LARGE)


def queries(rng: random.Random, docs: Sequence[SearchDocument], count: int) -> list[tuple[str, int | None]]:
    """(query, the document it was made from or None)."""
    out: list[tuple[str, int | None]] = []
    while len(out) < count:
        doc = rng.choice(docs)
        roll = rng.random()
        if roll < 0.2:
            out.append((doc.title, doc.id))
        elif roll < 0.35:
            out.append((rng.choice(SUBJECTS)[0], None))
        elif roll < 0.45:
            out.append((doc.title_kana.translate(KATAKANA), doc.id))
        elif roll < 0.52:
            out.append((jaconv.z2h(doc.title_kana.translate(KATAKANA), kana=True, ascii=False, digit=False), doc.id))
        elif roll < 0.62:
            out.append((f"{rng.choice(SUBJECTS)[0]}　{rng.choice(ACTIONS)[0][1:]}", None))
        elif roll < 0.8:
            out.append((typo(rng, rng.choice([doc.title_kana, doc.title])), doc.id))
        elif roll < 0.9:
            out.append((rng.choice(rng.choice(SYNONYMS)), None))
        else:
            out.append(("".join(rng.choices("ぬねのへほゑをぺぽ", k=rng.randint(2, 8))), None))
    return out


# The naive peer: same semantics in outline, no index, nothing precomputed.
_SPLIT = re.compile(r"[\s、,]+")


def naive_search(docs: Sequence[SearchDocument], synonyms: Sequence[Sequence[str]], query: str) -> list[int]:
    terms = [k for k in (search_key(p) for p in _SPLIT.split(fold(query[:100]))) if k]
    if not terms:
        return []
    groups = [[search_key(w) for w in group] for group in synonyms]
    fields = [
        (d.id, search_key(d.title), search_key(d.title_kana), search_key(d.keywords), search_key(d.body)) for d in docs
    ]
    totals: dict[int, float] | None = None
    for term in terms:
        alternatives = [term, *(w for g in groups if term in g for w in g if w != term)]
        scores: dict[int, float] = {}
        for doc_id, title, kana, keywords, body in fields:
            for alt in alternatives:
                weight = 1.0 if alt == term else 0.85
                for base, field in ((80.0, title), (45.0, kana), (30.0, keywords), (12.0, body)):
                    if alt in field:
                        scores[doc_id] = max(scores.get(doc_id, 0.0), weight * (base + 4 * len(alt) / len(field)))
                        break
        if not scores:
            for doc_id, title, kana, keywords, _ in fields:
                ratio = max(SequenceMatcher(None, term, f).ratio() for f in (title, kana, *keywords.split(",")))
                if ratio >= 0.7:
                    scores[doc_id] = 40 * ratio
        totals = scores if totals is None else {i: s + scores[i] for i, s in totals.items() if i in scores}
    title_length = {d.id: len(d.title) for d in docs}
    return sorted(totals or {}, key=lambda i: (-(totals or {})[i], title_length[i], i))[:20]


def measure(search: Callable[[str], list[int]], workload: list[tuple[str, int | None]]) -> dict[str, float]:
    latencies, first, top = [], 0, 0
    for query, target in workload:
        started = time.perf_counter()
        ids = search(query)
        latencies.append(time.perf_counter() - started)
        first += bool(ids) and ids[0] == target
        top += target in ids
    targeted = sum(target is not None for _, target in workload)
    return {
        "qps": len(workload) / sum(latencies),
        "p50_ms": statistics.median(latencies) * 1000,
        "p95_ms": statistics.quantiles(latencies, n=20)[18] * 1000,
        "max_ms": max(latencies) * 1000,
        "hit_at_1": first / targeted,
        "hit_at_20": top / targeted,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    docs = corpus(rng, args.docs)
    workload = queries(rng, docs, args.queries)
    print(
        f"corpus: {len(docs)} documents; mean lengths: title {statistics.mean(len(d.title) for d in docs):.0f}, "
        f"reading {statistics.mean(len(d.title_kana) for d in docs):.0f}, "
        f"keywords {statistics.mean(len(d.keywords) for d in docs):.0f}, "
        f"body {statistics.mean(len(d.body) for d in docs):.0f} chars; {len(workload)} queries"
    )

    builds = []
    for _ in range(5):
        started = time.perf_counter()
        index = SearchIndex.build(docs, synonyms=SYNONYMS)
        builds.append(time.perf_counter() - started)
    print(f"SearchIndex.build: median {statistics.median(builds) * 1000:.0f} ms over {len(builds)} builds")

    indexed = measure(lambda q: [h.id for h in index.search(q)], workload)
    naive = measure(lambda q: naive_search(docs, SYNONYMS, q), workload)
    for name, result in (("SearchIndex", indexed), ("naive scan", naive)):
        print(
            f"{name:>12}: {result['qps']:9.1f} queries/s  p50 {result['p50_ms']:8.3f} ms  "
            f"p95 {result['p95_ms']:8.3f} ms  max {result['max_ms']:8.3f} ms  "
            f"target first {result['hit_at_1']:.1%}  in top 20 {result['hit_at_20']:.1%}"
        )
    print(
        f"ratio: SearchIndex is {indexed['qps'] / naive['qps']:.0f}x the naive scan's throughput "
        f"(p50 {naive['p50_ms'] / indexed['p50_ms']:.0f}x, p95 {naive['p95_ms'] / indexed['p95_ms']:.0f}x lower)"
    )


if __name__ == "__main__":
    main()
