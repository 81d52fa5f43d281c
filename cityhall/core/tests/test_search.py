"""Procedures guide search: normalisation, synonyms, typos, ranking. No database needed."""

from __future__ import annotations

import random
import re
import unicodedata
from itertools import product

import jaconv
import pytest

from cityhall.core.search import MAX_QUERY_CHARS, SearchDocument, SearchHit, SearchIndex, best_window, loose
from cityhall.core.search.keys import KATAKANA_RUN, STABLE, key, nfkc
from cityhall.core.text import search_key

PROCEDURES = [
    (
        1,
        "住民票の写しの交付",
        "じゅうみんひょうのうつしのこうふ",
        "住民票, 写し, 証明書, コンビニ交付",
        "住民票の写しを交付します。本人確認書類をお持ちください。手数料は1通300円です。",
    ),
    (
        2,
        "住民票記載事項証明書",
        "じゅうみんひょうきさいじこうしょうめいしょ",
        "住民票, 勤務先",
        "勤務先に提出する住民票記載事項証明書に証明をします。",
    ),
    (
        3,
        "印鑑登録証明書の交付",
        "いんかんとうろくしょうめいしょのこうふ",
        "印鑑証明, 実印",
        "印鑑登録証（カード）をお持ちください。不動産や自動車の手続きで使います。",
    ),
    (
        4,
        "転入届",
        "てんにゅうとどけ",
        "引っ越し, 転入",
        "他の市区町村から引っ越してきたときの届出です。前住所地の転出証明書が必要です。"
        "届出の後、新しい住民票の写しを取れます。",
    ),
    (
        5,
        "転出届",
        "てんしゅつとどけ",
        "引っ越し, 転出",
        "市外へ引っ越すときの届出です。転出証明書を交付します。マイナンバーカードでも手続きできます。",
    ),
    (
        6,
        "国民健康保険の加入",
        "こくみんけんこうほけんのかにゅう",
        "国保, 加入, 保険証",
        "会社の健康保険をやめたときは14日以内に届け出てください。",
    ),
    (
        7,
        "児童手当の認定請求",
        "じどうてあてのにんていせいきゅう",
        "子ども, 手当, 出生",
        "中学校修了前（18歳到達後の最初の3月31日まで）の児童を養育している方に支給します。",
    ),
    (
        8,
        "粗大ごみの収集申込",
        "そだいごみのしゅうしゅうもうしこみ",
        "ごみ, 家具, 大型ごみ",
        "家具や自転車など大きなごみは予約制で収集します。ＬＩＮＥからも申し込めます。",
    ),
    (
        9,
        "戸籍謄本・抄本の交付",
        "こせきとうほん・しょうほんのこうふ",
        "戸籍, 謄本, 抄本",
        "本籍地が市内の方の戸籍の写しを交付します。",
    ),
    (
        10,
        "マイナンバーカードの申請",
        "まいなんばーかーどのしんせい",
        "個人番号カード, マイナ",
        "顔写真を用意して申請してください。交付まで約1か月かかります。",
    ),
    (
        11,
        "住民税の申告",
        "じゅうみんぜいのしんこく",
        "住民税, 市県民税, 申告",
        "収入のなかった方も申告が必要な場合があります。",
    ),
    (
        12,
        "DV等支援措置の申出",
        "でぃーぶいとうしえんそちのもうしで",
        "DV, 支援措置, 閲覧制限",
        "住民票の写しなどの交付を制限します。",
    ),
    (13, "犬の登録", "いぬのとうろく", "犬, 狂犬病, ペット", "生後91日以上の犬を飼い始めたら登録してください。"),
]
SYNONYMS = [
    ("住民票", "住民票の写し", "じゅうみんひょう"),
    ("国保", "国民健康保険"),
    ("引っ越し", "引越し", "転入", "転居", "転出"),
    ("マイナンバーカード", "マイナカード", "個人番号カード"),
]
TITLES = {doc_id: title for doc_id, title, *_ in PROCEDURES}


def documents() -> list[SearchDocument]:
    return [SearchDocument(i, title, kana, keywords, body) for i, title, kana, keywords, body in PROCEDURES]


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex.build(documents(), synonyms=SYNONYMS)


def titles(hits: list[SearchHit]) -> list[str]:
    return [TITLES[hit.id] for hit in hits]


def first(index: SearchIndex, query: str) -> str:
    hits = index.search(query)
    assert hits, query
    return TITLES[hits[0].id]


def test_length_counts_documents(index):
    assert len(index) == len(PROCEDURES)


@pytest.mark.parametrize(
    "query", ["ｼﾞｭｳﾐﾝﾋｮｳ", "じゅうみんひょう", "ジュウミンヒョウ", "住民票", "住民票 写し", "住民票　写し"]
)
def test_every_way_of_typing_jumimhyo_finds_the_copy_first(index, query):
    assert first(index, query) == "住民票の写しの交付"


def test_full_width_letters_and_digits(index):
    assert first(index, "ＤＶ") == "DV等支援措置の申出"
    assert first(index, "ｄｖ　支援") == "DV等支援措置の申出"
    assert first(index, "１８歳") == "児童手当の認定請求"
    assert first(index, "line") == "粗大ごみの収集申込"  # body has full-width ＬＩＮＥ


def test_punctuation_inside_a_title_is_ignored(index):
    assert first(index, "戸籍謄本抄本") == "戸籍謄本・抄本の交付"
    assert first(index, "こせきとうほんしょうほん") == "戸籍謄本・抄本の交付"


def test_synonym_kokuho(index):
    hits = index.search("国保")
    assert titles(hits)[0] == "国民健康保険の加入"


def test_synonym_hikkoshi_finds_moving_in_and_out(index):
    assert set(titles(index.search("引っ越し"))[:2]) == {"転入届", "転出届"}
    assert set(titles(index.search("引越し"))[:2]) == {"転入届", "転出届"}


def test_synonym_mynacard(index):
    hits = index.search("マイナカード")
    assert titles(hits)[0] == "マイナンバーカードの申請"
    assert "まいなんばーかーど" in hits[0].matched


def test_synonym_inside_a_longer_term(index):
    assert first(index, "国保加入") == "国民健康保険の加入"
    assert set(titles(index.search("引っ越し手続き"))[:2]) == {"転入届", "転出届"}


def test_bare_synonyms_inside_a_term_are_a_fallback_only(index):
    # 住民票記載 is in the corpus, so the 住民票 inside it does not widen the search.
    assert titles(index.search("住民票記載")) == ["住民票記載事項証明書"]


def test_literal_match_outranks_synonym_match():
    docs = [
        SearchDocument(1, "転居届", "てんきょとどけ", "", ""),
        SearchDocument(2, "引っ越し時の手続き一覧", "", "", ""),
    ]
    hits = SearchIndex.build(docs, synonyms=SYNONYMS).search("引っ越し")
    assert [h.id for h in hits] == [2, 1]
    assert hits[0].score > hits[1].score


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("じゅうみんひよう", "住民票の写しの交付"),  # small ょ typed large
        ("住民漂", "住民票の写しの交付"),  # wrong kanji from the IME
        ("こくみんけんこうほけｎ", "国民健康保険の加入"),  # romaji n not yet converted
        ("こくみんけんこおほけん", "国民健康保険の加入"),  # う typed as お
        ("こくみんけんこうほっけん", "国民健康保険の加入"),  # stray っ
        ("てんしゅっとどけ", "転出届"),
        ("ますなんばーかーど", "マイナンバーカードの申請"),  # one wrong kana
        ("じどうあてて", "児童手当の認定請求"),  # transposed kana
        ("いんかんしょうめい", "印鑑登録証明書の交付"),  # reading has とうろく in between
        ("粗大ゴミ", "粗大ごみの収集申込"),
        ("そだいごみ", "粗大ごみの収集申込"),
        ("ソダイコミ", "粗大ごみの収集申込"),  # voicing mark missing
    ],
)
def test_typos_still_find_the_right_procedure_first(query, expected):
    index = SearchIndex.build(documents())  # no synonyms: tolerance must come from the search itself
    assert first(index, query) == expected


def test_two_character_terms_are_corrected_only_for_a_swap():
    index = SearchIndex.build(documents())
    assert first(index, "民住").startswith("住民")
    assert index.search("住漂") == []  # one substitution would leave 住 alone, which matches anything


def test_typo_matched_reports_the_correction():
    hits = SearchIndex.build(documents()).search("住民漂")
    assert hits[0].matched == ("住民票",)


def test_fuzzy_ranks_below_what_an_exact_query_would_score(index):
    exact = index.search("住民票")[0]
    typo = index.search("住民漂")[0]
    assert exact.id == typo.id
    assert typo.score < exact.score


def test_all_terms_must_match(index):
    assert index.search("住民票 ごみ") == []
    hits = index.search("交付 戸籍")
    assert titles(hits) == ["戸籍謄本・抄本の交付"]


def test_a_term_found_nowhere_and_not_close_to_anything_empties_the_result(index):
    assert index.search("住民票 ぬぇぽ") == []
    assert index.search("zzzzqqqq") == []


def test_ranking_title_before_reading_keyword_and_body(index):
    # 転入届 and the DV procedure mention 住民票 only in their bodies; the shorter title goes first.
    assert titles(index.search("住民票")) == [
        "住民票の写しの交付",
        "住民票記載事項証明書",
        "転入届",
        "DV等支援措置の申出",
    ]


def test_exact_title_beats_prefix_beats_substring():
    docs = [
        SearchDocument(1, "犬の登録の変更", "", "", ""),
        SearchDocument(2, "飼い犬の登録", "", "", ""),
        SearchDocument(3, "犬の登録", "", "", ""),
        SearchDocument(4, "ペット", "", "犬の登録", ""),
        SearchDocument(5, "ペット", "いぬのとうろく", "", ""),
        SearchDocument(6, "ペット", "", "", "犬の登録"),
    ]
    hits = SearchIndex.build(docs).search("犬の登録")
    assert [h.id for h in hits] == [3, 1, 2, 4, 6]
    assert [h.id for h in SearchIndex.build(docs).search("いぬのとうろく")] == [5]


def test_reading_beats_keyword_beats_body():
    docs = [
        SearchDocument(1, "A", "", "", "けんしん"),
        SearchDocument(2, "B", "", "けんしん", ""),
        SearchDocument(3, "C", "とくていけんしん", "", ""),
    ]
    assert [h.id for h in SearchIndex.build(docs).search("ケンシン")] == [3, 2, 1]


def test_ties_go_to_the_shorter_title_then_the_smaller_id():
    docs = [
        SearchDocument(7, "犬の登録の手続き", "", "", ""),
        SearchDocument(5, "犬の登録", "", "", ""),
        SearchDocument(3, "猫", "", "", "犬"),
        SearchDocument(2, "鳥", "", "", "犬"),
    ]
    hits = SearchIndex.build(docs).search("犬")
    assert [h.id for h in hits] == [5, 7, 2, 3]


def test_results_are_deterministic(index):
    queries = ["住民票", "こうふ", "の", "住民漂", "引っ越し"]
    first_run = [index.search(q) for q in queries]
    rebuilt = SearchIndex.build(list(reversed(documents())), synonyms=SYNONYMS)
    assert [index.search(q) for q in queries] == first_run
    assert [rebuilt.search(q) for q in queries] == first_run


def test_limit(index):
    assert len(index.search("の", limit=3)) == 3
    assert index.search("の", limit=0) == []


@pytest.mark.parametrize("query", ["", "   ", "\u3000\u3000", "！？。", "・・・", "---", "、、"])
def test_empty_and_punctuation_only_queries_find_nothing(index, query):
    assert index.search(query) == []


def test_long_queries_are_truncated(index):
    hits = index.search("住民票" + " " * MAX_QUERY_CHARS + "ごみ")
    assert titles(hits)[0] == "住民票の写しの交付"  # ごみ was cut off, so AND does not empty the result


def test_duplicate_ids_are_rejected():
    with pytest.raises(ValueError, match="unique"):
        SearchIndex.build([SearchDocument(1, "a", "", "", ""), SearchDocument(1, "b", "", "", "")])


@pytest.mark.parametrize(
    "text", ["ｼﾞｭｳﾐﾝﾋｮｳ", "ＡＢＣ　ｄｅｆ", "住民票（写し）～ 1 通", "Straße\tＫＡＤＯ\n２", "ｶﾞｯｺｳ・ヴ"]
)
def test_key_is_search_key_without_spaces_and_punctuation(text):
    assert key(text) == "".join(ch for ch in search_key(text) if ch.isalnum())


TRICKY = (
    "ｶﾞﾊﾟｧｯｰかがは\u3099\u309a\u309b ＡＢｃ１２～〜ー－‐\u3000\t\n\r\x07\u200b！？。、・（）「」"
    "①㈱﨑髙ㇰヿゟ\u1100\u1161\u11a8가é\u0301ﬁßİ㍻ⅣＮｎn々〆"
)


def test_key_equals_search_key_on_adversarial_strings():
    rng = random.Random(11)
    for _ in range(3000):
        text = "".join(rng.choices(TRICKY, k=rng.randint(0, 12)))
        expected = "".join(ch for ch in search_key(text) if ch.isalnum())
        assert key(text) == expected, repr(text)
        assert nfkc(text) == unicodedata.normalize("NFKC", text), repr(text)


def test_stable_characters_are_stable_starters():
    """NFKC leaves each alone and never combines or reorders it with what precedes."""
    second_halves = set()
    for code in range(0x110000):
        decomposition = unicodedata.decomposition(chr(code)).split()
        if len(decomposition) == 2 and not decomposition[0].startswith("<"):
            second_halves.add(chr(int(decomposition[1], 16)))
    stable = re.compile(f"[{STABLE}]")
    for code in range(0x10000):
        char = chr(code)
        if stable.match(char):
            assert unicodedata.normalize("NFKC", char) == char, hex(code)
            assert unicodedata.combining(char) == 0, hex(code)
            assert char not in second_halves, hex(code)
    assert not stable.match("\u3099")
    assert not stable.match("\uac00")  # Hangul composes algorithmically: never stable here


def test_katakana_runs_cover_every_character_jaconv_converts():
    for code in range(0x10000):
        if jaconv.kata2hira(chr(code)) != chr(code):
            assert KATAKANA_RUN.fullmatch(chr(code)), hex(code)


def test_loose_key_folds_small_and_voiced_kana_char_for_char():
    assert loose("じゅうみんひょう") == "しゆうみんひよう"
    assert loose("がっこう") == "かつこう"
    assert loose("ぢづ") == loose("じず")
    assert loose("けn") == "けん"
    assert loose("nhk") == "nhk"
    word = "ぱぴぷぺぽゔぁっゃゐを"
    assert len(loose(word)) == len(word)


def _osa(a: str, b: str) -> int:
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i, j in product(range(1, len(a) + 1), range(1, len(b) + 1)):
        d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
        if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
            d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


def test_best_window_agrees_with_brute_force():
    rng = random.Random(7)
    for _ in range(1500):
        pattern = "".join(rng.choices("abc", k=rng.randint(1, 6)))
        text = "".join(rng.choices("abcd", k=rng.randint(0, 9)))
        windows = [(s, e) for s in range(len(text) + 1) for e in range(s + 1, len(text) + 1)]
        best = min((_osa(pattern, text[s:e]) for s, e in windows), default=99)  # non-empty windows only
        for k in (0, 1, 2):
            found = best_window(pattern, text, k)
            if best > k:
                assert found is None, (pattern, text, k)
            else:
                assert found is not None, (pattern, text, k)
                distance, start, end = found
                assert distance == best
                assert start < end
                assert _osa(pattern, text[start:end]) == best


def test_best_window_prefers_a_substitution_to_a_deletion():
    assert best_window("住民漂", "住民税の申告", 1) == (1, 0, 3)


# A larger synthetic corpus: correctness only. Timings live in bench/search.py.
AREAS = [
    ("東", "ひがし"),
    ("西", "にし"),
    ("南", "みなみ"),
    ("北", "きた"),
    ("中央", "ちゅうおう"),
    ("緑", "みどり"),
    ("桜", "さくら"),
    ("港", "みなと"),
    ("旭", "あさひ"),
    ("若葉", "わかば"),
]
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
]


def synthetic_corpus() -> list[SearchDocument]:
    docs = []
    for n, ((area, area_kana), (subject, subject_kana), (action, action_kana)) in enumerate(
        product(AREAS, SUBJECTS, ACTIONS), start=1
    ):
        title = f"{area}地区の{subject}{action}"
        kana = f"{area_kana}ちくの{subject_kana}{action_kana}"
        body = f"{area}地区にお住まいの方の{subject}{action}です。本人確認書類をお持ちください。" * 3
        docs.append(SearchDocument(n, title, kana, f"{subject}, {area}", body))
    return docs


def test_synthetic_thousand_documents_answer_mixed_queries():
    docs = synthetic_corpus()
    assert len(docs) == 1000
    index = SearchIndex.build(docs, synonyms=SYNONYMS)
    rng = random.Random(2024)
    for doc in rng.sample(docs, 200):
        kind = rng.choice(["title", "katakana", "small-kana", "typo"])
        if kind == "title":
            assert index.search(doc.title)[0].id == doc.id
        elif kind == "katakana":
            assert index.search(doc.title_kana.translate({c: c + 0x60 for c in range(0x3041, 0x3097)}))[0].id == doc.id
        elif kind == "small-kana":
            query = doc.title_kana.translate(str.maketrans("ゃゅょっ", "やゆよつ"))
            assert index.search(query)[0].id == doc.id
        else:
            position = rng.randrange(len(doc.title_kana))
            query = doc.title_kana[:position] + "ぬ" + doc.title_kana[position + 1 :]
            assert doc.id in [h.id for h in index.search(query)]
