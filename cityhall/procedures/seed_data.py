"""Demo content of the procedures guide (手続き案内) for 大田原市: procedures, life events, synonyms.

This is honest placeholder text written for the demo, not the city's published guidance, and no
text was copied from any real city's website. It describes the generic national rules that hold in
every Japanese municipality, for example:

* 転入届・転居届・世帯変更届 within 14 days (住民基本台帳法); 出生届 within 14 days and 死亡届
  within 7 days (戸籍法); 戸籍 certificates come from the 本籍地, and since March 2024 a
  戸籍謄本 can also be requested in person at any municipality (広域交付);
* コンビニ交付 needs a マイナンバーカード with its 利用者証明用電子証明書 (4-digit PIN);
* 国民健康保険 and 国民年金 notifications within 14 days, 児童手当 within 15 days, 要介護認定
  decided within 30 days in principle, 出産育児一時金 500,000 yen, statutory fees such as
  戸籍謄本・抄本 450円 and 除籍・改製原戸籍 750円.

What varies by city is marked in the text itself with 「（例）」 or 「（市により異なります）」:
fees set by municipal ordinance (the common amounts are used: 住民票の写し・印鑑登録証明書・
税証明 300円), deadlines of application periods, processing times, opening hours, and the whole
floor and window layout of the city hall (本庁舎1階 市民課 1〜4番窓口 …), which is invented.

Channels are listed recommended first and kept realistic: most procedures are 窓口 and 郵送;
オンライン only where マイナポータル (or the national マイナンバーカード application site)
really offers it; コンビニ交付 for the certificates that municipalities usually issue there.

Pure data: no Django imports. ``demo_loader`` turns it into database rows, and
``tests/test_seed_data.py`` checks its internal consistency.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final, Literal

CategoryCode = Literal[
    "resident_records",
    "certificates",
    "tax",
    "insurance_pension",
    "childcare",
    "welfare",
    "elderly_care",
    "waste",
    "facilities",
    "other",
]
ChannelKind = Literal["online", "counter", "mail", "konbini", "phone"]
Channel = tuple[ChannelKind, str]


@dataclass(frozen=True)
class ProcedureSeed:
    """One procedure page (becomes a Procedure with its first, published ProcedureVersion)."""

    slug: str
    department_code: str
    category: CategoryCode
    title: str
    title_kana: str  # hiragana reading, words separated by spaces
    summary: str
    eligibility: str
    documents: tuple[str, ...]  # one item per line of ProcedureVersion.documents
    fee: str
    deadline: str
    processing_time: str
    counter: str
    channels: tuple[Channel, ...]  # recommended first
    keywords: str  # comma-separated words residents type
    related: tuple[str, ...] = ()


@dataclass(frozen=True)
class QuestionSeed:
    key: str
    text: str
    choices: tuple[tuple[str, str], ...]  # (value, label)


@dataclass(frozen=True)
class RuleSeed:
    """Adds ``procedure`` to the checklist when every condition holds; no conditions = always."""

    procedure: str
    conditions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    note: str = ""


@dataclass(frozen=True)
class LifeEventSeed:
    slug: str
    title: str
    description: str
    questions: tuple[QuestionSeed, ...]
    rules: tuple[RuleSeed, ...]


@dataclass(frozen=True)
class DepartmentPageSeed:
    introduction: str
    hours_note: str = ""


# --- counters (an invented layout, the same for every procedure of a 課) -----------------------

_CITIZENS: Final = "本庁舎1階 市民課"  # 1番 住民異動, 2番 戸籍, 3番 証明書・印鑑, 4番 マイナンバーカード
_PENSION: Final = "本庁舎1階 国保年金課"  # 5番 国保, 6番 年金, 7番 後期高齢者医療
_CHILDREN: Final = "本庁舎1階 子ども幸福課"  # 8番 手当・医療費, 9番 保育園・児童クラブ
_WELFARE: Final = "本庁舎1階 福祉課"  # 10番 障害福祉, 11番 生活保護（相談室）
_ELDERLY: Final = "本庁舎1階 高齢者幸福課"  # 12番 介護保険, 13番 高齢者福祉
_TAXATION: Final = "本庁舎2階 税務課"  # 21番 市県民税, 22番 固定資産税, 23番 軽自動車税・税証明
_COLLECTION: Final = "本庁舎2階 収税課 25番窓口"
_ENVIRONMENT: Final = "本庁舎2階 生活環境課 27番窓口"
_GENERAL: Final = "本庁舎3階 総務課"
_CRISIS: Final = "本庁舎3階 危機管理課"
_ROADS: Final = "本庁舎3階 道路課"
_HOUSING: Final = "本庁舎3階 建築住宅課"
_SCHOOL: Final = "本庁舎4階 学校教育課"
_LEARNING: Final = "本庁舎4階 生涯学習課"
_HEALTH: Final = "保健センター1階 健康政策課"
_WATER: Final = "上下水道庁舎1階 水道課"
_SEWERAGE: Final = "上下水道庁舎1階 下水道課"

_ID: Final = "本人確認書類（マイナンバーカード、運転免許証など）"
_PROXY: Final = "代理人が来る場合は委任状"
_MYNUMBER: Final = "マイナンバー（個人番号）がわかるもの"
_ACCOUNT: Final = "振込先の口座がわかるもの（通帳など）"


PROCEDURES: list[ProcedureSeed] = [
    # --- 住民記録・戸籍 -------------------------------------------------------------------------
    ProcedureSeed(
        slug="tennyu",
        department_code="citizens",
        category="resident_records",
        title="転入届",
        title_kana="てんにゅうとどけ",
        summary=(
            "市外や国外から大田原市に引っ越してきたときの届出です。"
            "新しい住所に住み始めてから14日以内に届け出てください。"
        ),
        eligibility="引っ越してきた本人、または同じ世帯の方。ほかの方が来る場合は委任状が必要です。",
        documents=(
            "前の住所地でもらった転出証明書（マイナンバーカードで転出届をした方はいりません）",
            _ID,
            "引っ越してきた方全員のマイナンバーカード（持っている方）",
            "国外から来た方はパスポート",
            _PROXY,
        ),
        fee="無料",
        deadline="住み始めてから14日以内",
        processing_time="窓口でその日のうちに終わります（混んでいるときは1時間ほどかかることがあります）",
        counter=f"{_CITIZENS} 1番窓口",
        channels=(
            (
                "counter",
                "引っ越した後に窓口に来てください。転入届は、法律で窓口での届出と決まっています。",
            ),
        ),
        keywords="引っ越し, 引越し, 転入, 住所変更, 住民登録, 引っ越してきた, 国外から, 海外から",
        related=("tenshutsu", "tenkyo", "mynumber-card-henko", "kokuho-kanyu", "suido-kaishi"),
    ),
    ProcedureSeed(
        slug="tenshutsu",
        department_code="citizens",
        category="resident_records",
        title="転出届",
        title_kana="てんしゅつとどけ",
        summary=(
            "大田原市から市外や国外へ引っ越すときの届出です。"
            "マイナンバーカードがあれば、マイナポータルからオンラインで届け出られます（引越しワンストップサービス）。"
        ),
        eligibility="引っ越す本人、または同じ世帯の方。ほかの方が来る場合は委任状が必要です。",
        documents=(
            _ID,
            "引っ越す方全員のマイナンバーカード（持っている方）",
            "国民健康保険の資格確認書など（加入している方）",
            "印鑑登録証（登録している方。転出すると印鑑登録はなくなります）",
            _PROXY,
        ),
        fee="無料",
        deadline="引っ越す日のおよそ14日前から、引っ越した日から14日以内まで",
        processing_time="窓口ではその日のうちに転出証明書を渡します。オンラインは、市で確認してから進みます（例：数日）",
        counter=f"{_CITIZENS} 1番窓口",
        channels=(
            (
                "online",
                "マイナポータルの「引越しの手続」から、転出届と引っ越し先への来庁予定の連絡ができます。"
                "転出証明書はありません。引っ越し先の窓口にマイナンバーカードを持って行ってください。",
            ),
            ("counter", "転出証明書を渡します。引っ越し先の市区町村の窓口に出してください。"),
            ("mail", "郵送でも届け出られます。転出証明書を郵送で返します。"),
        ),
        keywords="引っ越し, 引越し, 転出, 転出証明書, 市外へ, 県外へ, 海外へ, 引越しワンストップ, 住所変更",
        related=("tennyu", "kokuho-dattai", "suido-kaishi"),
    ),
    ProcedureSeed(
        slug="tenkyo",
        department_code="citizens",
        category="resident_records",
        title="転居届",
        title_kana="てんきょとどけ",
        summary=(
            "大田原市の中で引っ越して、住所が変わったときの届出です。"
            "新しい住所に住み始めてから14日以内に届け出てください。"
        ),
        eligibility="引っ越した本人、または同じ世帯の方。ほかの方が来る場合は委任状が必要です。",
        documents=(
            _ID,
            "引っ越した方全員のマイナンバーカード（持っている方）",
            "国民健康保険の資格確認書など（加入している方）",
            _PROXY,
        ),
        fee="無料",
        deadline="住み始めてから14日以内",
        processing_time="窓口でその日のうちに終わります",
        counter=f"{_CITIZENS} 1番窓口",
        channels=(("counter", "引っ越した後に窓口に来てください。"),),
        keywords="引っ越し, 引越し, 転居, 市内で引っ越し, 市内転居, 住所変更",
        related=("tennyu", "mynumber-card-henko", "setai-henko"),
    ),
    ProcedureSeed(
        slug="setai-henko",
        department_code="citizens",
        category="resident_records",
        title="世帯変更届（世帯主の変更・世帯の分離や合併）",
        title_kana="せたいへんこうとどけ せたいぬしのへんこう せたいのぶんりや がっぺい",
        summary=(
            "住所は変わらずに、世帯主が変わったときや、同じ家で世帯を分けたり、一緒にしたりするときの届出です。"
            "変わった日から14日以内に届け出てください。"
        ),
        eligibility="世帯の方。世帯主が亡くなって、残った方が1人だけのときなどは、届出はいりません。",
        documents=(_ID, "国民健康保険の資格確認書など（加入している方）", _PROXY),
        fee="無料",
        deadline="変わった日から14日以内",
        processing_time="窓口でその日のうちに終わります",
        counter=f"{_CITIZENS} 1番窓口",
        channels=(("counter", "窓口で届け出てください。"),),
        keywords="世帯主変更, 世帯主, 世帯分離, 世帯合併, 世帯を分ける, 世帯",
        related=("tenkyo", "shibo"),
    ),
    ProcedureSeed(
        slug="shussei",
        department_code="citizens",
        category="resident_records",
        title="出生届",
        title_kana="しゅっせいとどけ",
        summary=(
            "子どもが生まれたときの届出です。生まれた日を含めて14日以内に届け出てください"
            "（国外で生まれたときは3か月以内）。子どもの名前は、このときに決まります。"
        ),
        eligibility="父または母が届出人です。窓口に持って来るのは、ほかの方でもかまいません。",
        documents=(
            "出生届（医師や助産師が書いた出生証明書がついているもの）",
            "母子健康手帳",
            "窓口に来る方の本人確認書類",
        ),
        fee="無料",
        deadline="生まれた日を含めて14日以内",
        processing_time=(
            "受付はその日のうちに終わります。本籍が市外の場合、戸籍に載るまで1〜2週間ほどかかります（例）"
        ),
        counter=f"{_CITIZENS} 2番窓口（夜間・休日は本庁舎の守衛室で預かります（例））",
        channels=(
            (
                "counter",
                "生まれた場所、本籍地、届出人の住所地のどこの市区町村でも届け出られます。"
                "夜間・休日は守衛室で預かります（例）。",
            ),
            ("mail", "郵送でも届け出られます。書き間違いがあると、電話でご連絡します。"),
        ),
        keywords="出生, 出産, 赤ちゃん, 生まれた, 誕生, 命名, 名前",
        related=("jido-teate", "kodomo-iryohi", "nyuyoji-kenshin", "yobo-sesshu"),
    ),
    ProcedureSeed(
        slug="shibo",
        department_code="citizens",
        category="resident_records",
        title="死亡届",
        title_kana="しぼうとどけ",
        summary=(
            "家族などが亡くなったときの届出です。亡くなったことを知った日から7日以内に届け出てください。"
            "届出の後に、火葬許可証を渡します。"
        ),
        eligibility=(
            "親族、一緒に住んでいた方などが届出人です。窓口には、葬儀社の方などが代わりに持って来ることもできます。"
        ),
        documents=(
            "死亡届（医師が書いた死亡診断書または死体検案書がついているもの）",
            "窓口に来る方の本人確認書類",
        ),
        fee="無料（火葬場の使用料は別にかかります）",
        deadline="亡くなったことを知った日から7日以内（国外で亡くなったときは3か月以内）",
        processing_time="火葬許可証はその日のうちに渡します",
        counter=f"{_CITIZENS} 2番窓口（夜間・休日は本庁舎の守衛室で預かります（例））",
        channels=(
            (
                "counter",
                "多くの場合、葬儀社が代わりに届け出ます。夜間・休日は守衛室で預かります（例）。",
            ),
        ),
        keywords="死亡, 亡くなった, おくやみ, お悔やみ, 火葬許可, 火葬, 葬儀, 葬式",
        related=("okuyami-yoyaku", "kokuho-dattai", "sosaihi", "mikyu-nenkin", "setai-henko"),
    ),
    ProcedureSeed(
        slug="konin",
        department_code="citizens",
        category="resident_records",
        title="婚姻届",
        title_kana="こんいんとどけ",
        summary=(
            "結婚するときの届出です。届け出た日から、法律上の夫婦になります。"
            "2024年3月から、戸籍謄本をつけることは原則いらなくなりました。"
        ),
        eligibility="結婚する2人（18歳以上）。18歳以上の証人2人の署名が必要です。",
        documents=(
            "婚姻届（18歳以上の証人2人の署名があるもの）",
            "2人の本人確認書類",
            "外国籍の方は、婚姻要件具備証明書など（前もってご相談ください）",
        ),
        fee="無料",
        deadline="期限はありません（届け出た日が結婚した日になります）",
        processing_time="受付はその日のうちに終わります。新しい戸籍ができるまで1〜2週間ほどかかります（例）",
        counter=f"{_CITIZENS} 2番窓口（夜間・休日は本庁舎の守衛室で預かります（例））",
        channels=(
            (
                "counter",
                "本籍地や住所地など、どこの市区町村でも届け出られます。夜間・休日は守衛室で預かります（例）。",
            ),
            ("mail", "郵送でも届け出られます。届いた日が結婚した日になります。"),
        ),
        keywords="結婚, 入籍, 婚姻, 籍を入れる, 名字が変わる, 氏の変更",
        related=("mynumber-card-henko", "tenkyo", "tennyu", "kokuho-dattai"),
    ),
    ProcedureSeed(
        slug="rikon",
        department_code="citizens",
        category="resident_records",
        title="離婚届",
        title_kana="りこんとどけ",
        summary=(
            "離婚するときの届出です。話し合いで離婚するとき（協議離婚）は、届け出た日に離婚が成立します。"
            "離婚した後も結婚していたときの名字を使いたいときは、離婚の日から3か月以内に別の届出が必要です。"
        ),
        eligibility="協議離婚は夫と妻の2人。調停や裁判で離婚したときは、申し立てた方が成立から10日以内に届け出ます。",
        documents=(
            "離婚届（協議離婚は18歳以上の証人2人の署名が必要です）",
            _ID,
            "調停や裁判で離婚したときは、調停調書などの謄本（判決のときは確定証明書も）",
        ),
        fee="無料",
        deadline="協議離婚は期限なし。調停・裁判による離婚は、成立した日から10日以内",
        processing_time="受付はその日のうちに終わります。戸籍に載るまで1〜2週間ほどかかります（例）",
        counter=f"{_CITIZENS} 2番窓口",
        channels=(
            ("counter", "窓口で届け出てください。ご不安なことは、個別にご相談いただけます。"),
            ("mail", "郵送でも届け出られます。"),
        ),
        keywords="離婚, 協議離婚, 旧姓, 名字, 氏の変更, 婚氏続称",
        related=("jido-fuyo-teate", "hitorioya-iryohi", "mynumber-card-henko"),
    ),
    ProcedureSeed(
        slug="mynumber-card",
        department_code="citizens",
        category="resident_records",
        title="マイナンバーカードの申請・受け取り",
        title_kana="まいなんばーかーどの しんせい うけとり",
        summary=(
            "マイナンバーカードは、本人確認や、コンビニでの証明書の取得、マイナ保険証などに使えるカードです。"
            "申請してから受け取れるまで、1か月ほどかかります。"
        ),
        eligibility="大田原市に住民登録があるすべての方（子どもも申請できます）",
        documents=(
            "申請するとき：交付申請書（なくても申請できます）、顔写真",
            "受け取るとき：交付通知書（はがき）、本人確認書類、通知カード（持っている方）",
            "15歳未満の方は、法定代理人（親など）と一緒に受け取りに来てください",
        ),
        fee="はじめての交付は無料。なくしたときなどの再交付は有料です（金額は窓口でご確認ください）",
        deadline="期限はありません",
        processing_time="申請から1か月ほどで、交付通知書（はがき）が届きます（例）",
        counter=f"{_CITIZENS} 4番窓口",
        channels=(
            ("online", "スマートフォンやパソコンから申請できます。まちなかの証明写真機からも申請できます。"),
            ("mail", "交付申請書に顔写真を貼って、郵送で申請できます。"),
            ("counter", "受け取りは、原則として本人が窓口に来てください。窓口で申請を手伝うこともできます。"),
        ),
        keywords="マイナンバーカード, マイナカード, 個人番号カード, マイナ, 申請, 受け取り, 再交付, 暗証番号",
        related=("mynumber-card-henko", "konbini-kofu"),
    ),
    ProcedureSeed(
        slug="mynumber-card-henko",
        department_code="citizens",
        category="resident_records",
        title="マイナンバーカードの記載事項の変更（住所・氏名）",
        title_kana="まいなんばーかーどの きさいじこうのへんこう じゅうしょ しめい",
        summary=(
            "引っ越しや結婚などで住所や名前が変わったときは、カードの記載を変えます。"
            "転入届や転居届と同じ日に手続きすると便利です。署名用電子証明書は新しく発行します。"
        ),
        eligibility="カードを持っている本人（15歳未満の方は法定代理人）",
        documents=(
            "マイナンバーカード（家族の分も）",
            "カードの暗証番号（数字4桁）",
            "代理人が来る場合は委任状と照会書（回答書）",
        ),
        fee="無料",
        deadline="転入したときは、転入届をした日から90日以内（過ぎるとカードが使えなくなります）",
        processing_time="窓口でその日のうちに終わります",
        counter=f"{_CITIZENS} 4番窓口",
        channels=(("counter", "転入届・転居届の窓口から続けて手続きできます。"),),
        keywords="マイナンバーカード, 住所変更, 氏名変更, 記載変更, 継続利用, 電子証明書",
        related=("tennyu", "tenkyo", "konin", "mynumber-card"),
    ),
    ProcedureSeed(
        slug="inkan-toroku",
        department_code="citizens",
        category="resident_records",
        title="印鑑登録",
        title_kana="いんかんとうろく",
        summary=(
            "不動産や車の売り買いなどで使う印鑑（実印）を、市に登録します。"
            "登録すると、印鑑登録証（カード）を渡します。登録をやめるときや、カードをなくしたときも届け出てください。"
        ),
        eligibility="大田原市に住民登録がある15歳以上の方（1人1つまで）",
        documents=(
            "登録する印鑑",
            "顔写真がついた本人確認書類（マイナンバーカード、運転免許証など）",
            _PROXY,
        ),
        fee="登録は無料（例）",
        deadline="期限はありません",
        processing_time=(
            "顔写真つきの本人確認書類があれば、その日のうちに登録します。"
            "ない場合や代理人の場合は、自宅に照会書を送り、回答書を持って来たときに登録します"
        ),
        counter=f"{_CITIZENS} 3番窓口",
        channels=(("counter", "本人が来るのがいちばん早く登録できます。"),),
        keywords="印鑑登録, 実印, 印鑑, はんこ, ハンコ, 印鑑登録証, 印鑑カード, 廃止, なくした",
        related=("inkan-shomei",),
    ),
    ProcedureSeed(
        slug="shien-sochi",
        department_code="citizens",
        category="resident_records",
        title="DV・ストーカー被害者の住所を守る支援措置",
        title_kana="でぃーぶい すとーかーひがいしゃの じゅうしょをまもる しえんそち",
        summary=(
            "DVやストーカー、児童虐待などの被害を受けている方の住所が、加害者に知られないように、"
            "住民票の写しや戸籍の附票の写しなどを渡すことを制限します。相談の内容は秘密にします。"
        ),
        eligibility="被害を受けている方（警察や相談機関の意見が必要です）",
        documents=(_ID, "支援措置申出書（窓口にあります）"),
        fee="無料",
        deadline="期限はありません",
        processing_time="相談機関の意見を確認してから始めます。支援は1年間で、延長できます",
        counter=f"{_CITIZENS}（個室でお話をうかがいます）",
        channels=(
            ("counter", "まずは窓口でご相談ください。個室でお話をうかがいます。"),
            ("phone", "電話でのご相談もできます。"),
        ),
        keywords="DV, ドメスティックバイオレンス, ストーカー, 虐待, 支援措置, 閲覧制限, 住所を知られたくない",
        related=("juminhyo-copy",),
    ),
    # --- 証明書 ---------------------------------------------------------------------------------
    ProcedureSeed(
        slug="juminhyo-copy",
        department_code="citizens",
        category="certificates",
        title="住民票の写し",
        title_kana="じゅうみんひょうのうつし",
        summary=(
            "住所や世帯を証明する書類です。世帯全員の分も、一部の人の分も取れます。"
            "マイナンバーカードがあれば、コンビニでも取れます。"
        ),
        eligibility="本人、または同じ世帯の方。それ以外の方は委任状が必要です。",
        documents=(
            _ID,
            _PROXY,
            "本籍やマイナンバーが載ったものが必要なときは、窓口でお伝えください",
        ),
        fee="1通300円（例）",
        deadline="期限はありません",
        processing_time="窓口でその日のうちに渡します（10分ほど（例））",
        counter=f"{_CITIZENS} 3番窓口",
        channels=(
            ("konbini", "マイナンバーカードがあれば、全国のコンビニで取れます。朝6時30分から夜11時まで（例）。"),
            ("counter", "窓口で申請書を書いてください。"),
            ("mail", "郵送でも請求できます。"),
        ),
        keywords="住民票, じゅうみんひょう, 住民票謄本, 住民票抄本, 世帯全員, 除票, 住所の証明",
        related=("konbini-kofu", "yuso-seikyu", "kisai-jiko-shomei"),
    ),
    ProcedureSeed(
        slug="kisai-jiko-shomei",
        department_code="citizens",
        category="certificates",
        title="住民票記載事項証明書",
        title_kana="じゅうみんひょう きさいじこうしょうめいしょ",
        summary="勤務先や年金などの手続きで出す用紙に、住民票と同じ内容であることを市が証明します。",
        eligibility="本人、または同じ世帯の方。それ以外の方は委任状が必要です。",
        documents=("提出先から渡された証明の用紙（ある場合）", _ID, _PROXY),
        fee="1通300円（例）",
        deadline="期限はありません",
        processing_time="窓口でその日のうちに渡します",
        counter=f"{_CITIZENS} 3番窓口",
        channels=(("counter", "提出先の用紙があれば持って来てください。"), ("mail", "郵送でも請求できます。")),
        keywords="記載事項証明, 住民票, 勤務先, 会社に出す, 年金",
        related=("juminhyo-copy", "yuso-seikyu"),
    ),
    ProcedureSeed(
        slug="inkan-shomei",
        department_code="citizens",
        category="certificates",
        title="印鑑登録証明書",
        title_kana="いんかんとうろくしょうめいしょ",
        summary="登録した印鑑（実印）が本人のものであることを証明します。不動産の登記や車の登録などで使います。",
        eligibility="印鑑登録をしている本人、または印鑑登録証（カード）を持っている代理人",
        documents=(
            "印鑑登録証（カード）。窓口では必ず必要です",
            "住所・名前・生年月日（申請書に書きます）",
            _ID,
        ),
        fee="1通300円（例）",
        deadline="期限はありません",
        processing_time="窓口でその日のうちに渡します",
        counter=f"{_CITIZENS} 3番窓口",
        channels=(
            ("konbini", "マイナンバーカードがあれば、コンビニで取れます。印鑑登録証はいりません。"),
            ("counter", "印鑑登録証（カード）を持って来てください。カードがあれば、代理人でも委任状はいりません。"),
        ),
        keywords="印鑑証明, 印鑑証明書, 実印, はんこ, 登記, 車の登録",
        related=("inkan-toroku", "konbini-kofu"),
    ),
    ProcedureSeed(
        slug="koseki-tohon",
        department_code="citizens",
        category="certificates",
        title="戸籍謄本・抄本",
        title_kana="こせきとうほん しょうほん",
        summary=(
            "親子や結婚などの記録を証明します。本籍地の市区町村で取れます。"
            "2024年3月から、本人や配偶者、父母、子などの戸籍謄本は、本籍地でない市区町村の窓口でも取れます（広域交付）。"
        ),
        eligibility="戸籍に載っている本人、配偶者、父母・祖父母、子・孫など。それ以外の方は委任状などが必要です。",
        documents=(
            _ID,
            _PROXY,
            "広域交付は、本人が顔写真つきの本人確認書類を持って来てください（代理人・郵送はできません）",
        ),
        fee="1通450円",
        deadline="期限はありません",
        processing_time=(
            "本籍が大田原市ならその日のうちに渡します。広域交付は、ほかの市区町村に確認するため時間がかかることがあります"
        ),
        counter=f"{_CITIZENS} 2番窓口",
        channels=(
            (
                "konbini",
                "本籍が大田原市の方は、マイナンバーカードでコンビニでも取れます（例）。"
                "市外に住んでいる方は、先に利用の登録が必要です。",
            ),
            ("counter", "本籍が市外の方も、戸籍謄本は広域交付で取れます。"),
            ("mail", "本籍が大田原市の方は、郵送でも請求できます。"),
        ),
        keywords="戸籍, 戸籍謄本, 戸籍抄本, 全部事項証明, 個人事項証明, 広域交付, 相続, パスポート",
        related=("joseki-tohon", "koseki-fuhyo", "yuso-seikyu", "konbini-kofu"),
    ),
    ProcedureSeed(
        slug="joseki-tohon",
        department_code="citizens",
        category="certificates",
        title="除籍謄本・改製原戸籍謄本",
        title_kana="じょせきとうほん かいせいげんこせきとうほん",
        summary=(
            "全員が亡くなったり結婚したりして閉じた戸籍（除籍）や、法律が変わって作り直す前の古い戸籍"
            "（改製原戸籍）を証明します。相続の手続きでよく使います。"
        ),
        eligibility="戸籍に載っている方や、その配偶者・父母・子など。それ以外の方は委任状などが必要です。",
        documents=(_ID, _PROXY, "相続で使う場合は、亡くなった方との関係がわかる戸籍謄本など"),
        fee="1通750円",
        deadline="期限はありません",
        processing_time="その日のうちに渡します。古い戸籍が何通もある場合は、お待ちいただくことがあります",
        counter=f"{_CITIZENS} 2番窓口",
        channels=(
            ("counter", "広域交付で、本籍地でない市区町村の窓口でも取れます（本人が来る場合のみ）。"),
            ("mail", "本籍が大田原市の方は、郵送でも請求できます。"),
        ),
        keywords="除籍, 除籍謄本, 原戸籍, はらこせき, 改製原戸籍, 相続, 出生から死亡まで",
        related=("koseki-tohon", "yuso-seikyu"),
    ),
    ProcedureSeed(
        slug="koseki-fuhyo",
        department_code="citizens",
        category="certificates",
        title="戸籍の附票の写し",
        title_kana="こせきのふひょうのうつし",
        summary="戸籍の附票は、本籍地で住所の移り変わりを記録したものです。前の住所を証明するときなどに使います。",
        eligibility="附票に載っている本人、配偶者、父母・子など。それ以外の方は委任状が必要です。",
        documents=(_ID, _PROXY),
        fee="1通300円（例）",
        deadline="期限はありません",
        processing_time="窓口でその日のうちに渡します",
        counter=f"{_CITIZENS} 2番窓口",
        channels=(
            ("counter", "本籍が大田原市の方が対象です。"),
            ("mail", "郵送でも請求できます。"),
        ),
        keywords="附票, 戸籍の附票, 住所の履歴, 前の住所, 住所の移り変わり",
        related=("koseki-tohon", "yuso-seikyu"),
    ),
    ProcedureSeed(
        slug="mibun-shomei",
        department_code="citizens",
        category="certificates",
        title="身分証明書",
        title_kana="みぶんしょうめいしょ",
        summary=(
            "破産の手続きを受けていないことなどを、本籍地の市区町村が証明します。"
            "資格の登録や許可の申請で求められます。運転免許証のような「身分証明書」とは違います。"
        ),
        eligibility="本籍が大田原市の本人（代理人は委任状が必要です）",
        documents=(_ID, _PROXY),
        fee="1通300円（例）",
        deadline="期限はありません",
        processing_time="窓口でその日のうちに渡します",
        counter=f"{_CITIZENS} 2番窓口",
        channels=(("counter", "本籍が大田原市の方が対象です。"), ("mail", "郵送でも請求できます。")),
        keywords="身分証明, 破産, 後見, 資格登録, 許可申請, 身元証明",
        related=("koseki-tohon", "yuso-seikyu"),
    ),
    ProcedureSeed(
        slug="konbini-kofu",
        department_code="citizens",
        category="certificates",
        title="コンビニでの証明書の取得（コンビニ交付）",
        title_kana="こんびにでの しょうめいしょのしゅとく こんびにこうふ",
        summary=(
            "マイナンバーカードがあれば、全国のコンビニなどにある複合機で、証明書を取れます。"
            "住民票の写し、印鑑登録証明書、戸籍謄本・抄本、所得・課税証明書が取れます（例）。"
        ),
        eligibility="大田原市に住民登録があり、利用者証明用電子証明書が入ったマイナンバーカードを持っている方",
        documents=("マイナンバーカード", "利用者証明用電子証明書の暗証番号（数字4桁）"),
        fee=(
            "住民票の写し・印鑑登録証明書・所得証明書は1通300円、戸籍謄本・抄本は1通450円（例。窓口より安い市もあります）"
        ),
        deadline="期限はありません",
        processing_time="その場ですぐに印刷されます",
        counter=(
            "全国のコンビニエンスストアなど（店内の複合機）。暗証番号がわからないときは本庁舎1階 市民課 4番窓口へ"
        ),
        channels=(
            (
                "konbini",
                "毎日6時30分から23時まで使えます（年末年始などを除く（例））。"
                "暗証番号を3回まちがえると使えなくなります。",
            ),
        ),
        keywords="コンビニ, コンビニ交付, 複合機, マルチコピー機, 住民票, 印鑑証明, 証明書, 夜, 休日",
        related=("juminhyo-copy", "inkan-shomei", "koseki-tohon", "shotoku-shomei", "mynumber-card"),
    ),
    ProcedureSeed(
        slug="yuso-seikyu",
        department_code="citizens",
        category="certificates",
        title="証明書の郵送請求",
        title_kana="しょうめいしょの ゆうそうせいきゅう",
        summary=(
            "窓口に来られない方は、住民票の写しや戸籍謄本などを郵便で請求できます。"
            "印鑑登録証明書は郵送では請求できません。税の証明書は税務課あてに送ってください。"
        ),
        eligibility="本人や家族など、窓口で請求できる方と同じです。",
        documents=(
            "請求書（ホームページから印刷するか、便せんに必要なことを書いてください）",
            "手数料分の定額小為替（郵便局で買えます）",
            "本人確認書類のコピー",
            "切手を貼った返信用封筒（あて先は請求する方の住所）",
            _PROXY,
        ),
        fee="証明書の手数料と同じです（例：住民票の写し1通300円）。郵便代は自己負担です",
        deadline="期限はありません",
        processing_time="市に届いてから1週間ほどで返送します（例）",
        counter="〒324-8641 大田原市本町1丁目4番1号 大田原市役所 市民課 郵送請求係（例）",
        channels=(("mail", "定額小為替と返信用封筒を忘れずに入れてください。"),),
        keywords="郵送, 郵便, 遠方, 遠くに住んでいる, 定額小為替, 返信用封筒, 取り寄せ",
        related=("juminhyo-copy", "koseki-tohon", "joseki-tohon", "shotoku-shomei"),
    ),
    # --- 税金 -----------------------------------------------------------------------------------
    ProcedureSeed(
        slug="shikenminzei-shinkoku",
        department_code="taxation",
        category="tax",
        title="市県民税（住民税）の申告",
        title_kana="しけんみんぜい じゅうみんぜいの しんこく",
        summary=(
            "市県民税を計算するための申告です。毎年2月16日から3月15日までに申告してください。"
            "税務署に確定申告をした方や、給与だけで会社の年末調整を受けた方は、いりません。"
        ),
        eligibility=(
            "1月1日に大田原市に住んでいて、確定申告をしない方。"
            "収入がなかった方も、国民健康保険税や各種の手当のために申告が必要なことがあります。"
        ),
        documents=(
            "源泉徴収票など、収入がわかる書類",
            "国民健康保険税や国民年金保険料などを支払ったことがわかる書類",
            "医療費控除を受ける方は医療費控除の明細書",
            _MYNUMBER,
            _ID,
        ),
        fee="無料",
        deadline="毎年2月16日から3月15日まで",
        processing_time="申告した内容は、6月ごろに届く税額の通知に反映されます",
        counter=f"{_TAXATION} 21番窓口（申告の期間中は、別の会場になることがあります（例））",
        channels=(
            ("counter", "申告の期間中は混み合います。早めの時間がおすすめです。"),
            ("mail", "申告書を郵送で出すこともできます。"),
        ),
        keywords="住民税, 市民税, 県民税, 市県民税, 申告, 所得, 収入がない, 扶養, 控除",
        related=("shotoku-shomei",),
    ),
    ProcedureSeed(
        slug="shotoku-shomei",
        department_code="taxation",
        category="tax",
        title="所得証明書・課税証明書",
        title_kana="しょとくしょうめいしょ かぜいしょうめいしょ",
        summary=(
            "前の年の所得や、市県民税の額を証明します。保育園の申込や、各種の手当・補助の申請で使います。"
            "新しい年度の証明書は、6月上旬ごろから取れます（例）。"
        ),
        eligibility="本人、同じ世帯の家族、または委任状を持っている代理人",
        documents=(_ID, _PROXY),
        fee="1通300円（例）",
        deadline="期限はありません",
        processing_time="窓口でその日のうちに渡します",
        counter=f"{_TAXATION} 23番窓口",
        channels=(
            ("konbini", "マイナンバーカードでコンビニでも取れます（その年の1月1日に大田原市に住んでいた方）。"),
            ("counter", "窓口で申請書を書いてください。"),
            ("mail", "郵送でも請求できます。税務課あてに送ってください。"),
        ),
        keywords="所得証明, 課税証明, 非課税証明, 収入証明, 年収, 住民税の証明, 税証明",
        related=("konbini-kofu", "nozei-shomei", "shikenminzei-shinkoku"),
    ),
    ProcedureSeed(
        slug="nozei-shomei",
        department_code="tax-collection",
        category="tax",
        title="納税証明書",
        title_kana="のうぜいしょうめいしょ",
        summary=(
            "市税を納めたことを証明します。軽自動車の車検では、多くの場合いりませんが、"
            "納めてすぐのときなどは必要になることがあります。"
        ),
        eligibility="納税者本人、または委任状を持っている代理人",
        documents=(_ID, _PROXY, "会社などの証明は、代表者の印など（例）"),
        fee="1通300円（車検用の軽自動車税の納税証明書は無料（例））",
        deadline="期限はありません",
        processing_time="窓口でその日のうちに渡します",
        counter=_COLLECTION,
        channels=(("counter", "窓口で申請書を書いてください。"), ("mail", "郵送でも請求できます。")),
        keywords="納税証明, 完納証明, 車検, 軽自動車, 継続検査, 入札, 税証明",
        related=("shotoku-shomei", "keijidosha-haisha"),
    ),
    ProcedureSeed(
        slug="kotei-shisan-shomei",
        department_code="taxation",
        category="tax",
        title="固定資産税の証明書（評価証明書・公課証明書・名寄帳）",
        title_kana="こていしさんぜいの しょうめいしょ ひょうかしょうめいしょ こうかしょうめいしょ なよせちょう",
        summary="土地や家屋の評価額や税額を証明します。登記や相続、裁判の手続きなどで使います。",
        eligibility="持ち主本人、相続人、借りている方（借りている部分だけ）、委任状を持っている代理人など",
        documents=(_ID, "相続人の方は、亡くなった方との関係がわかる戸籍謄本など", _PROXY),
        fee="1通300円（例）",
        deadline="期限はありません",
        processing_time="窓口でその日のうちに渡します",
        counter=f"{_TAXATION} 22番窓口",
        channels=(("counter", "土地の地番や家屋番号がわかると早く出せます。"), ("mail", "郵送でも請求できます。")),
        keywords="評価証明, 評価額, 公課証明, 名寄帳, 固定資産, 土地, 家屋, 登記, 相続",
        related=("kotei-shisan-sozoku",),
    ),
    ProcedureSeed(
        slug="kotei-shisan-sozoku",
        department_code="taxation",
        category="tax",
        title="固定資産の持ち主が亡くなったとき（相続人代表者の届出）",
        title_kana="こていしさんの もちぬしが なくなったとき そうぞくにん だいひょうしゃの とどけで",
        summary=(
            "土地や家屋の持ち主が亡くなったときは、相続の登記が終わるまで、税の書類を受け取る代表者を届け出てください。"
            "2024年4月から相続登記は義務になりました。登記は法務局で行います。"
        ),
        eligibility="相続人",
        documents=("相続人代表者指定届（窓口にあります）", _ID),
        fee="無料",
        deadline="できるだけ早めに（相続登記は、相続を知った日から3年以内）",
        processing_time="窓口でその日のうちに終わります",
        counter=f"{_TAXATION} 22番窓口",
        channels=(("counter", "登記していない家屋の名義変更も、ここで受け付けます。"), ("mail", "郵送でも出せます。")),
        keywords="相続, 相続登記, 名義変更, 固定資産税, 代表者, 未登記家屋, 亡くなった",
        related=("kotei-shisan-shomei", "okuyami-yoyaku"),
    ),
    ProcedureSeed(
        slug="keijidosha-haisha",
        department_code="taxation",
        category="tax",
        title="原付・軽自動車の廃車・名義や住所の変更",
        title_kana="げんつき けいじどうしゃの はいしゃ めいぎや じゅうしょのへんこう",
        summary=(
            "原動機付自転車（125cc以下）や小型特殊自動車の廃車・変更は、市で手続きします。"
            "軽四輪は軽自動車検査協会、125ccを超えるバイクは運輸支局で手続きします。"
            "軽自動車税は4月1日の持ち主にかかります。"
        ),
        eligibility="持ち主、または代理人",
        documents=(
            "ナンバープレート（廃車のとき）",
            "標識交付証明書",
            "名義変更のときは譲渡証明書など（例）",
            _ID,
            _PROXY,
        ),
        fee="無料",
        deadline="変わった日から15日以内（例）。3月31日までに廃車すると、次の年度の税金はかかりません",
        processing_time="窓口でその日のうちに終わります（廃車申告受付書を渡します）",
        counter=f"{_TAXATION} 23番窓口",
        channels=(("counter", "ナンバープレートを外して持って来てください。"),),
        keywords="廃車, 名義変更, 原付, バイク, 原動機付自転車, 軽自動車税, ナンバーを返す, 譲る, 住所変更",
        related=("gentsuki-number", "nozei-shomei"),
    ),
    ProcedureSeed(
        slug="gentsuki-number",
        department_code="taxation",
        category="tax",
        title="原付・小型特殊自動車のナンバープレートの交付",
        title_kana="げんつき こがたとくしゅじどうしゃの なんばーぷれーとの こうふ",
        summary=(
            "原動機付自転車（125cc以下）や、農耕用トラクターなどの小型特殊自動車を、買ったり、もらったり、"
            "市外から持ってきたりしたときは、ナンバープレートを受け取ってください。"
        ),
        eligibility="持ち主、または代理人",
        documents=(
            "販売証明書や譲渡証明書",
            "市外から持ってきたときは、前の市区町村の廃車申告受付書",
            _ID,
        ),
        fee="無料",
        deadline="持ち主になった日から15日以内（例）",
        processing_time="窓口でその日のうちに渡します",
        counter=f"{_TAXATION} 23番窓口",
        channels=(("counter", "窓口でその場でナンバープレートを渡します。"),),
        keywords="原付, ナンバー, ナンバープレート, 標識, バイク, トラクター, 農耕車, スクーター",
        related=("keijidosha-haisha",),
    ),
    ProcedureSeed(
        slug="koza-furikae",
        department_code="tax-collection",
        category="tax",
        title="市税の口座振替の申込",
        title_kana="しぜいの こうざふりかえの もうしこみ",
        summary=(
            "市県民税・固定資産税・軽自動車税・国民健康保険税を、預金口座から自動で納められます。"
            "納め忘れがなくなり、毎回出かける必要もありません。"
        ),
        eligibility="納税者（口座の名義人）",
        documents=("口座振替依頼書（金融機関や市役所にあります）", "通帳", "金融機関に届けている印鑑"),
        fee="無料",
        deadline="振替を始めたい月の前の月の末まで（例）",
        processing_time="申し込んでから1〜2か月ほどで振替が始まります（例）",
        counter=f"{_COLLECTION}、または市内の金融機関の窓口",
        channels=(
            ("counter", "市内の金融機関か、収税課の窓口で申し込めます。"),
            ("mail", "依頼書を郵送で出すこともできます。"),
        ),
        keywords="口座振替, 自動引き落とし, 引き落とし, 口座, 納税, 税金の支払い",
        related=("nofusho-saihakko",),
    ),
    ProcedureSeed(
        slug="nofusho-saihakko",
        department_code="tax-collection",
        category="tax",
        title="市税の納付書の再発行",
        title_kana="しぜいの のうふしょの さいはっこう",
        summary=(
            "市税の納付書をなくしたり、汚したりしたときは、新しい納付書を送ります。"
            "納付書があれば、金融機関やコンビニ、スマートフォン決済などで納められます（例）。"
        ),
        eligibility="納税者、またはその家族",
        documents=("窓口に来る場合は本人確認書類",),
        fee="無料",
        deadline="期限はありません（納期限が近いときは早めにご連絡ください）",
        processing_time="電話の場合は数日で郵送します（例）。窓口ではその場で渡します",
        counter=_COLLECTION,
        channels=(
            ("phone", "電話で申し込むと、登録されている住所に郵送します。"),
            ("counter", "窓口ではその場で渡します。"),
        ),
        keywords="納付書, 再発行, なくした, 紛失, 払込票, 税金の支払い, コンビニ払い",
        related=("koza-furikae",),
    ),
    ProcedureSeed(
        slug="shizei-genmen",
        department_code="taxation",
        category="tax",
        title="市税の減免",
        title_kana="しぜいの げんめん",
        summary=(
            "災害で大きな被害を受けた方や、生活が急に苦しくなった方などは、市税が減ったり免除されたりすることがあります。"
            "納めるのが難しいときの分割などの相談は、収税課で受け付けます。"
        ),
        eligibility="災害や、生活保護を受け始めたことなど、市の条例で決まった理由に当てはまる方（例）",
        documents=("減免申請書（窓口にあります）", "罹災証明書など、理由がわかる書類", _ID),
        fee="無料",
        deadline="原則として納期限まで（例）",
        processing_time="審査に2〜3週間ほどかかります（例）",
        counter=f"{_TAXATION} 21番窓口（固定資産税は22番窓口）",
        channels=(
            ("phone", "まずは電話でご相談ください。"),
            ("counter", "理由がわかる書類を持って来てください。"),
        ),
        keywords="減免, 免除, 税金が払えない, 災害, 失業, 分割, 猶予",
        related=("risai-shomei", "nofusho-saihakko"),
    ),
    # --- 国民健康保険・年金 ------------------------------------------------------------------------
    ProcedureSeed(
        slug="kokuho-kanyu",
        department_code="insurance-pension",
        category="insurance_pension",
        title="国民健康保険の加入",
        title_kana="こくみんけんこうほけんの かにゅう",
        summary=(
            "会社の健康保険をやめたときや、市外から引っ越してきたときなどは、国民健康保険に入る届出が必要です。"
            "14日以内に届け出てください。保険税は、加入した月までさかのぼってかかります。"
        ),
        eligibility="大田原市に住所があり、会社の健康保険や後期高齢者医療などに入っていない方",
        documents=(
            _ID,
            _MYNUMBER,
            "会社の健康保険をやめた日がわかる書類（資格喪失証明書など）",
            _PROXY,
        ),
        fee="無料（国民健康保険税がかかります）",
        deadline="加入することになった日から14日以内",
        processing_time="窓口でその日のうちに終わります。マイナ保険証を使わない方には、資格確認書を渡します",
        counter=f"{_PENSION} 5番窓口",
        channels=(("counter", "転入届と同じ日に手続きできます。"),),
        keywords="国保, 国民健康保険, 加入, 保険証, 資格確認書, マイナ保険証, 会社を辞めた, 退職",
        related=("kokuho-dattai", "kokumin-nenkin", "tennyu"),
    ),
    ProcedureSeed(
        slug="kokuho-dattai",
        department_code="insurance-pension",
        category="insurance_pension",
        title="国民健康保険の脱退（資格喪失）",
        title_kana="こくみんけんこうほけんの だったい しかくそうしつ",
        summary=(
            "会社の健康保険に入ったときや、市外へ引っ越すとき、亡くなったときは、国民健康保険をやめる届出が必要です。"
            "14日以内に届け出てください。届け出ないと、保険税が二重にかかることがあります。"
        ),
        eligibility="国民健康保険に加入している方の世帯主",
        documents=(
            "新しい健康保険の資格がわかるもの（資格情報のお知らせ、資格確認書など）",
            "国民健康保険の資格確認書（持っている方）",
            _ID,
        ),
        fee="無料",
        deadline="やめることになった日から14日以内",
        processing_time="窓口でその日のうちに終わります。保険税は後日計算し直してお知らせします",
        counter=f"{_PENSION} 5番窓口",
        channels=(
            ("counter", "窓口で届け出てください。"),
            ("mail", "郵送でも届け出られます（例）。"),
        ),
        keywords="国保, 脱退, やめる, 就職, 社会保険, 資格喪失, 保険証を返す",
        related=("kokuho-kanyu", "tenshutsu"),
    ),
    ProcedureSeed(
        slug="kogaku-ryoyohi",
        department_code="insurance-pension",
        category="insurance_pension",
        title="高額療養費の支給申請",
        title_kana="こうがくりょうようひの しきゅうしんせい",
        summary=(
            "1か月の医療費の自己負担が限度額をこえたときは、こえた分を払い戻します。"
            "マイナ保険証を使うと、病院での支払いがはじめから限度額までになります。"
        ),
        eligibility="国民健康保険に加入している方（世帯主が申請します）",
        documents=("病院の領収書", "世帯主の" + _ACCOUNT, _ID, _MYNUMBER),
        fee="無料",
        deadline="診療を受けた月の翌月1日から2年以内",
        processing_time="申請から2〜3か月ほどで振り込みます（例）",
        counter=f"{_PENSION} 5番窓口",
        channels=(
            ("mail", "対象の方には、市からお知らせと申請書を送ります（例）。郵送で返送できます。"),
            ("counter", "窓口でも申請できます。"),
        ),
        keywords="高額療養費, 医療費, 払い戻し, 限度額, 限度額適用認定証, 入院費, 医療費が高い",
        related=("kokuho-kanyu",),
    ),
    ProcedureSeed(
        slug="shussan-ikuji",
        department_code="insurance-pension",
        category="insurance_pension",
        title="出産育児一時金",
        title_kana="しゅっさんいくじいちじきん",
        summary=(
            "国民健康保険に加入している方が出産したときに、子ども1人につき50万円を支給します。"
            "多くの場合、病院に直接支払われるので、退院のときの支払いが少なくなります。"
            "出産費用が50万円より少なかったときは、差額を申請してください。"
        ),
        eligibility="国民健康保険の加入者（妊娠85日以上の出産。死産・流産も含みます）",
        documents=(
            "出産費用の明細書",
            "直接支払制度の合意文書",
            "世帯主の" + _ACCOUNT,
            "母子健康手帳",
        ),
        fee="無料",
        deadline="出産した日の翌日から2年以内",
        processing_time="1か月ほどで振り込みます（例）",
        counter=f"{_PENSION} 5番窓口",
        channels=(("counter", "出生届と同じ日に申請できます。"), ("mail", "郵送でも申請できます。")),
        keywords="出産, 出産一時金, 出産育児一時金, 出産費用, 50万円, 直接支払制度",
        related=("shussei", "kokuho-kanyu"),
    ),
    ProcedureSeed(
        slug="sosaihi",
        department_code="insurance-pension",
        category="insurance_pension",
        title="葬祭費（国民健康保険・後期高齢者医療）",
        title_kana="そうさいひ こくみんけんこうほけん こうきこうれいしゃいりょう",
        summary=(
            "国民健康保険や後期高齢者医療に加入していた方が亡くなったとき、葬儀を行った方（喪主）に葬祭費を支給します。"
            "金額は5万円です（例。市により異なります）。"
        ),
        eligibility="葬儀を行った方（喪主）",
        documents=(
            "葬儀の領収書や会葬礼状など、喪主がわかるもの",
            "喪主の" + _ACCOUNT,
            _ID,
        ),
        fee="無料",
        deadline="葬儀を行った日の翌日から2年以内",
        processing_time="1か月ほどで振り込みます（例）",
        counter=f"{_PENSION} 5番窓口（後期高齢者医療は7番窓口）",
        channels=(("counter", "おくやみ窓口でまとめて申請できます。"), ("mail", "郵送でも申請できます。")),
        keywords="葬祭費, 葬儀, 葬式, 亡くなった, おくやみ, 喪主",
        related=("shibo", "okuyami-yoyaku", "kokuho-dattai"),
    ),
    ProcedureSeed(
        slug="kokumin-nenkin",
        department_code="insurance-pension",
        category="insurance_pension",
        title="国民年金の加入・種別変更",
        title_kana="こくみんねんきんの かにゅう しゅべつへんこう",
        summary=(
            "20歳になったとき、会社をやめたとき、配偶者の扶養から外れたときなどは、国民年金の第1号被保険者になる届出が必要です。"
            "14日以内に届け出てください。マイナンバーと基礎年金番号が結びついていれば、住所変更の届出は原則いりません。"
        ),
        eligibility="日本に住む20歳以上60歳未満で、会社の厚生年金などに入っていない方",
        documents=(
            "基礎年金番号通知書または年金手帳",
            "会社をやめた日がわかる書類（離職票など）",
            _ID,
        ),
        fee="無料",
        deadline="変わった日から14日以内",
        processing_time="日本年金機構から通知が届きます（1〜2か月ほど（例））",
        counter=f"{_PENSION} 6番窓口",
        channels=(
            ("online", "マイナポータルから届け出られます（マイナンバーカードが必要です）。"),
            ("counter", "窓口でも届け出られます。"),
        ),
        keywords="国民年金, 年金, 加入, 20歳, 退職, 第1号, 第3号, 扶養から外れた, 種別変更, 年金手帳",
        related=("nenkin-menjo", "kokuho-kanyu"),
    ),
    ProcedureSeed(
        slug="nenkin-menjo",
        department_code="insurance-pension",
        category="insurance_pension",
        title="国民年金保険料の免除・納付猶予",
        title_kana="こくみんねんきんほけんりょうの めんじょ のうふゆうよ",
        summary=(
            "収入が少ないなどで保険料を納めるのが難しいときは、免除や納付猶予を申請できます。"
            "学生の方は学生納付特例を、出産する方は出産前後の4か月分の免除を申請できます。"
        ),
        eligibility="国民年金の第1号被保険者で、所得が少ない方、失業した方、学生、出産する方など",
        documents=(
            "基礎年金番号がわかるもの",
            _ID,
            "失業した方は雇用保険の受給資格者証や離職票",
            "学生の方は学生証または在学証明書",
        ),
        fee="無料",
        deadline="保険料の納付期限から2年以内の分まで、さかのぼって申請できます",
        processing_time="日本年金機構で審査します（2〜3か月ほど（例））",
        counter=f"{_PENSION} 6番窓口",
        channels=(
            ("online", "マイナポータルから申請できます（マイナンバーカードが必要です）。"),
            ("counter", "窓口でも申請できます。"),
            ("mail", "年金事務所に郵送することもできます。"),
        ),
        keywords="免除, 猶予, 学生納付特例, 年金が払えない, 失業, 産前産後, 保険料",
        related=("kokumin-nenkin",),
    ),
    ProcedureSeed(
        slug="koki-korei",
        department_code="insurance-pension",
        category="insurance_pension",
        title="後期高齢者医療の手続き",
        title_kana="こうきこうれいしゃいりょうの てつづき",
        summary=(
            "75歳以上の方（一定の障害がある65歳以上の方を含みます）は、後期高齢者医療制度に入ります。"
            "75歳になるときは届出はいらず、資格確認書などを郵送します。引っ越しや、障害による加入などは届出が必要です。"
        ),
        eligibility="75歳以上の方、一定の障害がある65歳から74歳の方（申請すると加入できます）",
        documents=(
            _ID,
            "市外から引っ越してきた方は、前の住所地でもらった負担区分等証明書",
            "障害による加入は、障害者手帳など",
        ),
        fee="無料（保険料がかかります）",
        deadline="引っ越しなどは14日以内",
        processing_time="窓口でその日のうちに終わります（資格確認書は後日郵送することがあります（例））",
        counter=f"{_PENSION} 7番窓口",
        channels=(("counter", "転入届・転居届と同じ日に手続きできます。"), ("mail", "郵送でも届け出られます。")),
        keywords="後期高齢者, 後期高齢者医療, 75歳, 長寿医療, 保険証, 資格確認書, 広域連合",
        related=("sosaihi", "kaigo-hihokenshasho"),
    ),
    ProcedureSeed(
        slug="mikyu-nenkin",
        department_code="insurance-pension",
        category="insurance_pension",
        title="年金を受けていた方が亡くなったとき（未支給年金・遺族年金）",
        title_kana="ねんきんを うけていたかたが なくなったとき みしきゅうねんきん いぞくねんきん",
        summary=(
            "年金を受けていた方が亡くなったときは、まだ受け取っていない年金（未支給年金）を請求できます。"
            "マイナンバーが登録されている方は、死亡の届出を省略できることがあります。遺族年金を受けられる場合もあります。"
        ),
        eligibility="亡くなった方と生計を同じくしていた家族",
        documents=(
            "亡くなった方の年金証書",
            "請求する方の本人確認書類",
            "亡くなった方との関係がわかる戸籍謄本など",
            "請求する方の" + _ACCOUNT,
        ),
        fee="無料",
        deadline="未支給年金は5年以内",
        processing_time="日本年金機構で審査します（数か月かかることがあります）",
        counter=f"{_PENSION} 6番窓口（国民年金だけを受けていた方）",
        channels=(
            (
                "counter",
                "国民年金だけを受けていた方は市の窓口で。厚生年金を受けていた方は年金事務所へ（予約制（例））。",
            ),
            ("phone", "日本年金機構の電話窓口でも相談できます。"),
        ),
        keywords="年金, 未支給年金, 遺族年金, 死亡, 亡くなった, 年金受給者死亡届, おくやみ",
        related=("shibo", "okuyami-yoyaku"),
    ),
    # --- 子育て・教育 ------------------------------------------------------------------------------
    ProcedureSeed(
        slug="jido-teate",
        department_code="children",
        category="childcare",
        title="児童手当の認定請求",
        title_kana="じどうてあての にんていせいきゅう",
        summary=(
            "高校生年代まで（18歳になった後の最初の3月31日まで）の子どもを育てている方に支給します。"
            "子どもが生まれたときや、市外から引っ越してきたときは、15日以内に申請してください。遅れた月の分はもらえません。"
        ),
        eligibility="子どもを育てている父母のうち、主に生計を支える方（公務員の方は勤務先で申請します）",
        documents=(
            "請求する方の" + _ACCOUNT,
            "請求する方と配偶者の" + _MYNUMBER,
            _ID,
            "子どもと別に住んでいる場合は、別居監護の申立書など",
        ),
        fee="無料",
        deadline="生まれた日や転入した日（前の住所地の転出予定日）の翌日から15日以内",
        processing_time="申請した月の翌月分から支給します。支給は偶数月（年6回）です",
        counter=f"{_CHILDREN} 8番窓口",
        channels=(
            ("online", "マイナポータルから申請できます（マイナンバーカードが必要です）。"),
            ("counter", "出生届や転入届と同じ日に申請できます。"),
            ("mail", "郵送でも申請できます。"),
        ),
        keywords="児童手当, 子ども手当, 子育て手当, 手当, 出生, 第3子, 多子加算",
        related=("kodomo-iryohi", "shussei", "jido-fuyo-teate"),
    ),
    ProcedureSeed(
        slug="kodomo-iryohi",
        department_code="children",
        category="childcare",
        title="こども医療費助成",
        title_kana="こどもいりょうひじょせい",
        summary=(
            "子どもが病院にかかったときの保険診療の自己負担を、市が助成します。"
            "対象の年齢や助成のしかたは、市により異なります（例：高校生年代まで）。"
        ),
        eligibility="大田原市に住民登録があり、健康保険に加入している子ども（例：0歳から高校生年代まで）",
        documents=("子どもの健康保険の資格がわかるもの", "保護者の" + _ACCOUNT, _ID),
        fee="無料",
        deadline="生まれた日や転入した日から、できるだけ早く（例：1か月以内）",
        processing_time="窓口で受給資格者証を渡します（例）",
        counter=f"{_CHILDREN} 8番窓口",
        channels=(("counter", "児童手当と同じ窓口で申請できます。"), ("mail", "郵送でも申請できます。")),
        keywords="こども医療費, 子ども医療費, 医療費助成, 医療費無料, 受給資格者証, 乳幼児医療, 福祉医療",
        related=("jido-teate", "shussei"),
    ),
    ProcedureSeed(
        slug="hoikuen",
        department_code="children",
        category="childcare",
        title="保育園・認定こども園の入園申込",
        title_kana="ほいくえん にんていこどもえんの にゅうえんもうしこみ",
        summary=(
            "保護者が働いている、病気であるなどの理由で、家で子どもを保育できないときに申し込みます。"
            "4月からの入園は、前の年の秋ごろに受け付けます（例）。途中の月からの入園も申し込めます。"
        ),
        eligibility=(
            "市内に住む0歳から小学校に入る前の子どもの保護者で、保育が必要な理由がある方"
            "（3歳から5歳の教育だけの利用は、園に直接申し込みます）"
        ),
        documents=(
            "支給認定申請書・入園申込書",
            "就労証明書など、保育が必要な理由がわかる書類",
            _MYNUMBER,
            _ID,
        ),
        fee="申込は無料。保育料は所得などで決まります（3歳から5歳は原則無料です）",
        deadline="4月入園は前の年の11月ごろまで（例）。途中入園は入園したい月の前の月の10日ごろまで（例）",
        processing_time="4月入園は2月ごろに結果をお知らせします（例）",
        counter=f"{_CHILDREN} 9番窓口",
        channels=(
            ("online", "マイナポータルから申し込めます（例）。"),
            ("counter", "空き状況は窓口でご相談ください。"),
            ("mail", "郵送でも申し込めます。"),
        ),
        keywords="保育園, 保育所, こども園, 認定こども園, 入園, 入所, 待機児童, 幼稚園, 保育料, 無償化",
        related=("shotoku-shomei", "jido-club"),
    ),
    ProcedureSeed(
        slug="jido-club",
        department_code="children",
        category="childcare",
        title="放課後児童クラブ（学童保育）の申込",
        title_kana="ほうかごじどうくらぶ がくどうほいくの もうしこみ",
        summary="保護者が仕事などで昼間家にいない小学生を、放課後や夏休みなどにあずかります。",
        eligibility="市内の小学校に通う小学生で、保護者が働いているなどの理由がある子ども",
        documents=("利用申込書", "就労証明書など"),
        fee="利用料がかかります（金額はクラブにより異なります）",
        deadline="4月からの利用は1月から2月ごろ（例）。途中からの利用は空きがあれば受け付けます",
        processing_time="4月からの利用は3月ごろに結果をお知らせします（例）",
        counter=f"{_CHILDREN} 9番窓口",
        channels=(("counter", "申込書は窓口と各クラブにあります（例）。"), ("mail", "郵送でも申し込めます。")),
        keywords="学童, 学童保育, 児童クラブ, 放課後, 夏休み, あずかり, 小学生",
        related=("hoikuen", "tennyugaku"),
    ),
    ProcedureSeed(
        slug="ninshin-todoke",
        department_code="health-policy",
        category="childcare",
        title="妊娠届・母子健康手帳の交付",
        title_kana="にんしんとどけ ぼしけんこうてちょうの こうふ",
        summary=(
            "妊娠がわかったら、妊娠届を出してください。母子健康手帳と、妊婦健康診査の受診票を渡します。"
            "保健師などがお話をうかがい、出産や子育ての相談にのります。"
        ),
        eligibility="大田原市に住民登録がある、妊娠している方",
        documents=("医療機関で聞いた出産予定日など", _MYNUMBER, _ID),
        fee="無料",
        deadline="妊娠がわかったら、できるだけ早く",
        processing_time="その日のうちに渡します（お話を含めて30分から1時間ほど（例））",
        counter=_HEALTH,
        channels=(
            ("counter", "母子健康手帳は、保健センターで保健師などとお話しした後に渡します。"),
            ("online", "マイナポータルから妊娠届を出せる場合があります（例）。"),
        ),
        keywords="妊娠, 母子手帳, 母子健康手帳, 親子手帳, 妊婦健診, 妊婦, 出産準備",
        related=("nyuyoji-kenshin", "shussei"),
    ),
    ProcedureSeed(
        slug="nyuyoji-kenshin",
        department_code="health-policy",
        category="childcare",
        title="乳幼児健康診査",
        title_kana="にゅうようじけんこうしんさ",
        summary=(
            "赤ちゃんや小さな子どもの成長や発達を確かめる健康診査です。"
            "対象の方には、日時と会場をお知らせします（例：4か月、1歳6か月、3歳）。"
        ),
        eligibility="市内に住む対象の年齢の子ども",
        documents=("母子健康手帳", "問診票（前もって送ります）"),
        fee="無料",
        deadline="お知らせした日時（都合が悪いときは変更できます（例））",
        processing_time="その場で結果をお伝えします",
        counter=_HEALTH,
        channels=(
            ("counter", "お知らせした日時に、保健センターに来てください。"),
            ("phone", "日時の変更や、転入した方の健診のご相談は電話で。"),
        ),
        keywords="健診, 乳児健診, 1歳半健診, 3歳児健診, 4か月健診, 発達, 身体測定",
        related=("ninshin-todoke", "yobo-sesshu"),
    ),
    ProcedureSeed(
        slug="yobo-sesshu",
        department_code="health-policy",
        category="childcare",
        title="子どもの予防接種",
        title_kana="こどもの よぼうせっしゅ",
        summary=(
            "法律で決まった定期予防接種は、決められた期間のうちなら無料で受けられます。"
            "予診票は、出生届や転入の後にお渡しします（例）。市が契約している医療機関に予約して受けてください。"
        ),
        eligibility="市内に住む対象の年齢の子ども",
        documents=("母子健康手帳", "予診票", "健康保険の資格がわかるもの"),
        fee="定期予防接種は無料（期間を過ぎると自己負担になります）",
        deadline="ワクチンごとに決まった期間のうち",
        processing_time="医療機関に予約して受けます",
        counter=_HEALTH,
        channels=(
            ("counter", "予診票をなくしたときや、転入したときは、保健センターで渡します。"),
            ("phone", "受ける時期がわからないときは、電話でご相談ください。"),
        ),
        keywords="予防接種, ワクチン, 予診票, 定期接種, 麻しん, 風しん, BCG, 五種混合",
        related=("nyuyoji-kenshin", "korei-yobo-sesshu"),
    ),
    ProcedureSeed(
        slug="jido-fuyo-teate",
        department_code="children",
        category="childcare",
        title="児童扶養手当",
        title_kana="じどうふようてあて",
        summary=(
            "ひとり親家庭などで子どもを育てている方に支給します。所得によっては、全部または一部が支給されません。"
            "毎年8月に現況届を出してください。"
        ),
        eligibility=(
            "18歳になった後の最初の3月31日まで（障害がある場合は20歳未満）の子どもを育てている、ひとり親などの方"
        ),
        documents=(
            "請求する方と子どもの戸籍謄本",
            "請求する方の" + _ACCOUNT,
            _MYNUMBER,
            _ID,
            "年金を受けている方は年金証書など",
        ),
        fee="無料",
        deadline="申請した月の翌月分から支給します。できるだけ早く申請してください",
        processing_time="審査に1か月ほどかかります（例）。支給は奇数月（年6回）です",
        counter=f"{_CHILDREN} 8番窓口",
        channels=(("counter", "前もって予約をするとお待たせしません（例）。個別の相談スペースがあります。"),),
        keywords="児童扶養手当, ひとり親, 母子家庭, 父子家庭, シングルマザー, 離婚, 手当, 現況届",
        related=("hitorioya-iryohi", "jido-teate", "rikon"),
    ),
    ProcedureSeed(
        slug="hitorioya-iryohi",
        department_code="children",
        category="childcare",
        title="ひとり親家庭医療費助成",
        title_kana="ひとりおやかてい いりょうひじょせい",
        summary="ひとり親家庭の親と子どもが病院にかかったときの自己負担を助成します。所得の制限があります（例）。",
        eligibility="ひとり親家庭の父または母と、18歳になった後の最初の3月31日までの子ども（例）",
        documents=("健康保険の資格がわかるもの", "戸籍謄本", _ACCOUNT, _ID),
        fee="無料",
        deadline="できるだけ早く（申請した月から助成します（例））",
        processing_time="2週間ほどで受給資格者証を送ります（例）",
        counter=f"{_CHILDREN} 8番窓口",
        channels=(("counter", "児童扶養手当と同じ日に申請できます。"),),
        keywords="ひとり親, 医療費助成, 母子家庭, 父子家庭, 福祉医療",
        related=("jido-fuyo-teate",),
    ),
    ProcedureSeed(
        slug="tennyugaku",
        department_code="school-education",
        category="childcare",
        title="小中学校の転入学・転校",
        title_kana="しょうちゅうがっこうの てんにゅうがく てんこう",
        summary=(
            "引っ越しで大田原市の小中学校に入るときや、市内の引っ越しで学校が変わるときの手続きです。"
            "転入届や転居届の後に学校教育課で手続きをして、新しい学校に行ってください。"
        ),
        eligibility="小中学生の保護者",
        documents=("前の学校でもらった在学証明書", "教科書給与証明書", _ID),
        fee="無料",
        deadline="転入届・転居届と同じ日に（例）",
        processing_time="その日のうちに転入学通知書を渡します",
        counter=_SCHOOL,
        channels=(("counter", "市民課で転入届・転居届をした後、同じ日に学校教育課に来てください。"),),
        keywords="転校, 転入学, 小学校, 中学校, 学区, 通学区域, 入学通知, 就学",
        related=("shugaku-enjo", "jido-club", "tennyu"),
    ),
    ProcedureSeed(
        slug="shugaku-enjo",
        department_code="school-education",
        category="childcare",
        title="就学援助",
        title_kana="しゅうがくえんじょ",
        summary="お金の事情で、子どもを小中学校に通わせるのが難しい家庭に、学用品費や給食費などの一部を援助します。",
        eligibility="市内の小中学校に通う子どもの保護者で、所得が基準より少ない方など",
        documents=(
            "申請書（学校または学校教育課にあります）",
            "所得がわかる書類（市で確認できるときはいりません（例））",
        ),
        fee="無料",
        deadline="いつでも受け付けます（4月からの分は4月中に申請（例））",
        processing_time="1か月ほどで結果をお知らせします（例）",
        counter=_SCHOOL,
        channels=(("counter", "学校を通して申請することもできます（例）。"), ("mail", "郵送でも申請できます。")),
        keywords="就学援助, 給食費, 学用品, 教育費, 援助, 学校のお金",
        related=("tennyugaku",),
    ),
    # --- 福祉 -----------------------------------------------------------------------------------
    ProcedureSeed(
        slug="shintai-techo",
        department_code="welfare",
        category="welfare",
        title="身体障害者手帳",
        title_kana="しんたいしょうがいしゃてちょう",
        summary=(
            "体に障害がある方に手帳を渡します。医療費の助成や税の控除、料金の割引などが受けられることがあります。"
            "住所や名前が変わったとき、いらなくなったときも届け出てください。療育手帳・精神障害者保健福祉手帳も同じ窓口です。"
        ),
        eligibility="体に一定以上の障害が続いている方",
        documents=(
            "指定医が書いた診断書・意見書",
            "顔写真（縦4cm×横3cm）",
            _MYNUMBER,
            _ID,
        ),
        fee="無料（診断書の料金は自己負担です）",
        deadline="期限はありません",
        processing_time="申請から1〜2か月ほど（県で審査します）",
        counter=f"{_WELFARE} 10番窓口",
        channels=(("counter", "診断書の用紙は窓口にあります。"),),
        keywords="障害者手帳, 身体障害者手帳, 身障手帳, 療育手帳, 精神障害者保健福祉手帳, 手帳",
        related=("shogai-service", "judo-iryohi"),
    ),
    ProcedureSeed(
        slug="shogai-service",
        department_code="welfare",
        category="welfare",
        title="障害福祉サービスの利用",
        title_kana="しょうがいふくしさーびすの りよう",
        summary=(
            "障害のある方が、ホームヘルプや通所、短期入所などのサービスを使うための申請です。"
            "相談支援事業所と一緒に、サービスを使う計画を作ります。"
        ),
        eligibility="体・知的・精神の障害がある方、難病の方など",
        documents=("申請書", "障害者手帳など、障害がわかるもの", _MYNUMBER, _ID),
        fee="申請は無料。サービスの利用料は原則1割です（所得に応じた上限があります）",
        deadline="期限はありません",
        processing_time="調査と審査があり、1〜2か月ほどかかります（例）",
        counter=f"{_WELFARE} 10番窓口",
        channels=(("phone", "まずは電話でご相談ください。"), ("counter", "窓口でも相談を受け付けます。")),
        keywords="障害福祉サービス, ヘルパー, 就労支援, 短期入所, グループホーム, 受給者証, 障害者総合支援法",
        related=("shintai-techo",),
    ),
    ProcedureSeed(
        slug="seikatsu-hogo",
        department_code="welfare",
        category="welfare",
        title="生活保護の相談",
        title_kana="せいかつほごの そうだん",
        summary=(
            "病気やけが、失業などで生活に困ったときは、ご相談ください。"
            "持っているものや働く力、ほかの制度を使っても生活できないときに、生活保護を受けられます。相談の内容は秘密にします。"
        ),
        eligibility="大田原市に住んでいて、生活に困っている方",
        documents=("相談のときは手ぶらでかまいません（申請のときに、通帳や収入がわかる書類などをお願いします）",),
        fee="無料",
        deadline="期限はありません",
        processing_time="申請から原則14日以内（長くても30日以内）に決めます",
        counter=f"{_WELFARE} 11番窓口（相談室）",
        channels=(
            ("counter", "相談室でお話をうかがいます。"),
            ("phone", "来るのが難しいときは、電話でご相談ください。"),
        ),
        keywords="生活保護, 生活に困った, お金がない, 生活困窮, 失業, 相談, 自立支援",
        related=("shizei-genmen",),
    ),
    ProcedureSeed(
        slug="judo-iryohi",
        department_code="welfare",
        category="welfare",
        title="重度心身障害者医療費助成",
        title_kana="じゅうどしんしんしょうがいしゃ いりょうひじょせい",
        summary=(
            "重い障害のある方が病院にかかったときの自己負担を助成します。"
            "対象になる障害の程度は、県や市の基準によります（例：身体障害者手帳の1級・2級など）。"
        ),
        eligibility="重い障害がある方（所得の制限があることがあります（例））",
        documents=("障害者手帳", "健康保険の資格がわかるもの", _ACCOUNT, _ID),
        fee="無料",
        deadline="手帳を受け取ったら、できるだけ早く",
        processing_time="2週間ほどで受給資格者証を送ります（例）",
        counter=f"{_WELFARE} 10番窓口",
        channels=(("counter", "手帳の交付と同じ日に申請できます。"), ("mail", "郵送でも申請できます。")),
        keywords="重度心身障害者, 医療費助成, 障害者医療, 福祉医療, 受給資格者証",
        related=("shintai-techo",),
    ),
    # --- 高齢者・介護 ------------------------------------------------------------------------------
    ProcedureSeed(
        slug="yokaigo-nintei",
        department_code="elderly",
        category="elderly_care",
        title="要介護・要支援認定の申請",
        title_kana="ようかいご ようしえんにんていの しんせい",
        summary=(
            "介護保険のサービスを使うには、要介護・要支援の認定が必要です。"
            "申請すると、調査員が自宅などを訪ねてお話を聞き、主治医の意見書とあわせて審査します。"
        ),
        eligibility="65歳以上の方、40歳から64歳で特定の病気（特定疾病）がある方",
        documents=(
            "申請書（窓口にあります）",
            "介護保険の被保険者証",
            "40歳から64歳の方は健康保険の資格がわかるもの",
            "主治医の名前と病院名",
            _MYNUMBER,
        ),
        fee="無料",
        deadline="期限はありません",
        processing_time="原則として申請から30日以内に結果をお知らせします",
        counter=f"{_ELDERLY} 12番窓口",
        channels=(
            ("counter", "家族やケアマネジャー、地域包括支援センターが代わりに申請できます。"),
            ("online", "マイナポータルから申請できる場合があります（例）。"),
            ("mail", "郵送でも申請できます。"),
        ),
        keywords="介護, 要介護, 要支援, 介護認定, 介護保険, ケアマネ, デイサービス, ヘルパー, 地域包括支援センター",
        related=("kaigo-hihokenshasho", "mimamori-haishoku"),
    ),
    ProcedureSeed(
        slug="kaigo-hihokenshasho",
        department_code="elderly",
        category="elderly_care",
        title="介護保険の被保険者証（交付・住所変更・返却）",
        title_kana="かいごほけんの ひほけんしゃしょう こうふ じゅうしょへんこう へんきゃく",
        summary=(
            "65歳になると、介護保険の被保険者証を郵送します。"
            "市外から引っ越してきたとき、市内で住所が変わったとき、なくしたとき、亡くなったときは届出が必要です。"
        ),
        eligibility="65歳以上の方（40歳から64歳の方は、要介護認定を受けたときに渡します）",
        documents=(
            _ID,
            "市外で要介護認定を受けていた方は、前の住所地の受給資格証明書",
            "亡くなったときは被保険者証",
        ),
        fee="無料",
        deadline="引っ越しなどから14日以内",
        processing_time="窓口でその日のうちに渡します（例）",
        counter=f"{_ELDERLY} 12番窓口",
        channels=(("counter", "転入届・転居届と同じ日に手続きできます。"), ("mail", "郵送でも届け出られます。")),
        keywords="介護保険証, 被保険者証, 介護保険, 65歳, 受給資格証明書, 再交付, 介護保険料",
        related=("yokaigo-nintei", "koki-korei"),
    ),
    ProcedureSeed(
        slug="mimamori-haishoku",
        department_code="elderly",
        category="elderly_care",
        title="高齢者の見守り・配食サービス",
        title_kana="こうれいしゃの みまもり はいしょくさーびす",
        summary=(
            "ひとり暮らしの高齢者などに、お弁当を届けながら様子を確かめる配食サービスや、"
            "緊急通報装置の貸し出しなどを行っています（例）。まずは高齢者幸福課か地域包括支援センターにご相談ください。"
        ),
        eligibility="市内に住むひとり暮らしの高齢者や、高齢者だけの世帯の方など（例：65歳以上）",
        documents=("申請書", _ID),
        fee="配食は食事代の自己負担があります（市により異なります）",
        deadline="期限はありません",
        processing_time="お話をうかがった後、2週間ほどで使い始められます（例）",
        counter=f"{_ELDERLY} 13番窓口",
        channels=(
            ("phone", "家族や近所の方からのご相談も受け付けます。"),
            ("counter", "窓口でもご相談いただけます。"),
        ),
        keywords="見守り, 配食, 弁当, 安否確認, ひとり暮らし, 独居, 緊急通報, 高齢者",
        related=("yokaigo-nintei",),
    ),
    ProcedureSeed(
        slug="korei-yobo-sesshu",
        department_code="health-policy",
        category="elderly_care",
        title="高齢者の予防接種（インフルエンザ・肺炎球菌など）",
        title_kana="こうれいしゃの よぼうせっしゅ いんふるえんざ はいえんきゅうきん など",
        summary=(
            "65歳以上の方などは、インフルエンザや肺炎球菌などの予防接種を、市の助成で受けられます（例）。"
            "受けるときは、医療機関に予約してください。"
        ),
        eligibility="65歳以上の方、60歳から64歳で一定の障害がある方",
        documents=(_ID, "健康保険の資格がわかるもの", "予診票（医療機関にあります（例））"),
        fee="一部自己負担があります（金額は市により異なります）",
        deadline="インフルエンザは例年10月から翌年1月ごろ（例）",
        processing_time="医療機関に予約して受けます",
        counter=_HEALTH,
        channels=(
            ("phone", "受けられる医療機関や費用は、保健センターに電話でおたずねください。"),
            ("counter", "窓口でもご案内します。"),
        ),
        keywords="インフルエンザ, 肺炎球菌, 帯状疱疹, 高齢者, 予防接種, ワクチン",
        related=("yobo-sesshu",),
    ),
    # --- ごみ・環境 ------------------------------------------------------------------------------
    ProcedureSeed(
        slug="gomi-dashikata",
        department_code="environment",
        category="waste",
        title="ごみの分け方・出し方",
        title_kana="ごみの わけかた だしかた",
        summary=(
            "ごみは種類ごとに分けて、決められた曜日の朝8時まで（例）に、地区のごみ集積所に出してください。"
            "分け方と収集日は、ごみカレンダーで確かめられます（例）。"
        ),
        eligibility="市内に住むすべての方",
        documents=("転入した方には、窓口でごみカレンダーをお渡しします（例）",),
        fee="家庭ごみは、指定ごみ袋の代金がかかります（市により異なります）",
        deadline="収集日の朝8時まで（例）",
        processing_time="",
        counter=_ENVIRONMENT,
        channels=(
            ("phone", "分け方がわからないものは、電話でおたずねください。"),
            ("counter", "ごみカレンダーは窓口で受け取れます。"),
        ),
        keywords="ごみ, ゴミ, 分別, 収集日, ごみカレンダー, 資源ごみ, 燃やすごみ, 燃えないごみ, ごみ袋, 集積所",
        related=("sodai-gomi",),
    ),
    ProcedureSeed(
        slug="sodai-gomi",
        department_code="environment",
        category="waste",
        title="粗大ごみの収集申込",
        title_kana="そだいごみの しゅうしゅうもうしこみ",
        summary=(
            "家具や自転車など、指定ごみ袋に入らない大きなごみは、予約して家の前まで取りに行きます（例）。"
            "テレビ・冷蔵庫・洗濯機・エアコンは、法律で決まった方法でリサイクルするので、市では集めません。"
        ),
        eligibility="市内に住む方（家庭から出たごみに限ります）",
        documents=("粗大ごみ処理券（市内の取扱店で買えます（例））",),
        fee="品目ごとに手数料がかかります（金額は市により異なります）",
        deadline="収集日の1週間前までに予約（例）",
        processing_time="予約から1〜2週間後の収集日に集めます（例）",
        counter=_ENVIRONMENT,
        channels=(
            ("phone", "電話で予約してください。品目と数をお伝えください。"),
            ("counter", "窓口でも予約できます。"),
        ),
        keywords="粗大ごみ, 大型ごみ, 家具, ソファ, ベッド, 自転車, 布団, 持ち込み, 家電リサイクル, 冷蔵庫, テレビ",
        related=("gomi-dashikata",),
    ),
    ProcedureSeed(
        slug="inu-toroku",
        department_code="environment",
        category="waste",
        title="犬の登録・狂犬病予防注射",
        title_kana="いぬの とうろく きょうけんびょう よぼうちゅうしゃ",
        summary=(
            "生後91日以上の犬を飼い始めたら、30日以内に登録してください。登録は一生に1回です。"
            "狂犬病の予防注射は毎年1回（4月から6月）受けて、注射済票を受け取ってください。"
        ),
        eligibility="犬の飼い主",
        documents=(
            "市外から引っ越してきた方は、前の市区町村の鑑札",
            "動物病院で注射を受けた方は、狂犬病予防注射済証明書",
        ),
        fee="登録は3,000円、注射済票は550円（例）",
        deadline="飼い始めてから30日以内（引っ越してきたときも30日以内）",
        processing_time="その場で鑑札と注射済票を渡します",
        counter=_ENVIRONMENT,
        channels=(("counter", "春の集合注射の会場でも登録できます（例）。"),),
        keywords="犬, いぬ, ペット, 鑑札, 狂犬病, 予防注射, 注射済票, 飼い犬, 集合注射, マイクロチップ",
        related=("inu-shibo",),
    ),
    ProcedureSeed(
        slug="inu-shibo",
        department_code="environment",
        category="waste",
        title="犬の死亡・住所変更などの届出",
        title_kana="いぬの しぼう じゅうしょへんこう などの とどけで",
        summary=(
            "飼っている犬が死んだとき、飼い主が変わったとき、市内で住所が変わったときは、30日以内に届け出てください。"
        ),
        eligibility="犬の飼い主",
        documents=("鑑札と注射済票（あれば）",),
        fee="無料",
        deadline="30日以内",
        processing_time="その日のうちに終わります",
        counter=_ENVIRONMENT,
        channels=(
            ("counter", "窓口で届け出てください。"),
            ("phone", "電話でも届け出られます（例）。"),
        ),
        keywords="犬, 死亡, 死んだ, ペット, 鑑札, 飼い主の変更, 住所変更",
        related=("inu-toroku",),
    ),
    ProcedureSeed(
        slug="shinyo-kumitori",
        department_code="environment",
        category="waste",
        title="し尿のくみ取り",
        title_kana="しにょうの くみとり",
        summary=(
            "くみ取り式トイレのし尿は、市が許可した業者が集めます（例）。"
            "はじめて申し込むときや、定期的なくみ取りをやめるときは、ご連絡ください。"
        ),
        eligibility="くみ取り式トイレを使っている方",
        documents=("特にありません",),
        fee="くみ取った量に応じて料金がかかります（市により異なります）",
        deadline="くみ取りを希望する日の1週間前まで（例）",
        processing_time="申込から1〜2週間ほど（例）",
        counter=_ENVIRONMENT,
        channels=(
            ("phone", "許可業者か生活環境課に、電話で申し込んでください（例）。"),
            ("counter", "窓口でも受け付けます。"),
        ),
        keywords="し尿, くみ取り, 汲み取り, バキューム, トイレ, 浄化槽",
    ),
    # --- 施設・住まい ------------------------------------------------------------------------------
    ProcedureSeed(
        slug="shisetsu-yoyaku",
        department_code="lifelong-learning",
        category="facilities",
        title="公民館・体育館の利用予約",
        title_kana="こうみんかん たいいくかんの りようよやく",
        summary=(
            "公民館の会議室や体育館などを、サークルの活動や会議のために借りられます。"
            "使う日の2か月前から予約できます（例）。"
        ),
        eligibility="市内に住んでいる方や、市内に通勤・通学している方、市内の団体など（例）",
        documents=("利用申請書", "団体で使う場合は、はじめに団体の登録（例）"),
        fee="部屋や時間によって使用料がかかります（市により異なります）",
        deadline="使う日の2か月前から7日前まで（例）",
        processing_time="空いていれば、その場で予約できます（例）",
        counter=f"{_LEARNING}、または各公民館の窓口",
        channels=(
            ("counter", "各公民館の窓口でも予約できます。"),
            ("phone", "空いているかどうかは、電話で確かめられます。"),
        ),
        keywords="公民館, 体育館, 施設予約, 会議室, ホール, 貸館, サークル, 運動場, グラウンド",
    ),
    ProcedureSeed(
        slug="shiei-jutaku",
        department_code="housing",
        category="facilities",
        title="市営住宅の入居申込",
        title_kana="しえいじゅうたくの にゅうきょもうしこみ",
        summary=(
            "住まいに困っていて、所得が一定より少ない方のための市営住宅です。"
            "空きが出たときに、入居する方を募集します（例：年4回）。"
        ),
        eligibility="住まいに困っていて、所得が基準より少ない方など（市の条例で決まっています）",
        documents=("入居申込書", "住民票の写し", "所得証明書", _ID),
        fee="申込は無料。家賃は所得などで決まります",
        deadline="募集の期間のうち（例：募集ごとに2週間ほど）",
        processing_time="抽選や審査の後、1〜2か月ほどで入居（例）",
        counter=_HOUSING,
        channels=(
            ("counter", "募集の案内は窓口で配ります。"),
            ("phone", "空き状況や募集の時期は、電話でおたずねください。"),
        ),
        keywords="市営住宅, 公営住宅, 住宅, 家賃, 入居, 募集, アパート, 住まい",
    ),
    ProcedureSeed(
        slug="suido-kaishi",
        department_code="water",
        category="facilities",
        title="水道の使用開始・中止",
        title_kana="すいどうの しようかいし ちゅうし",
        summary=(
            "引っ越しなどで水道を使い始めるときや、使うのをやめるときは、3日前まで（例）にご連絡ください。"
            "やめるときは、使った分の料金を精算します。"
        ),
        eligibility="水道を使う方（持ち主、借りている方）",
        documents=("お客さま番号（検針票に書いてあります）", "住所と名前、連絡のつく電話番号"),
        fee="無料（使った分の水道料金がかかります）",
        deadline="使い始める日・やめる日の3日前まで（例。土日祝日を除きます）",
        processing_time="お伝えいただいた日から使えます",
        counter=f"{_WATER} お客さま窓口（例）",
        channels=(
            ("phone", "電話で受け付けます。下水道もあわせて手続きします（例）。"),
            ("counter", "窓口でも受け付けます。"),
        ),
        keywords="水道, 水, 開栓, 閉栓, 使用開始, 使用中止, 引っ越し, 水道料金",
        related=("gesuido-kaishi", "tennyu", "tenshutsu"),
    ),
    ProcedureSeed(
        slug="gesuido-kaishi",
        department_code="sewerage",
        category="facilities",
        title="下水道の使用開始",
        title_kana="げすいどうの しようかいし",
        summary=(
            "下水道に新しくつないで使い始めるときや、井戸水を下水道に流すときは、届出が必要です。"
            "つなぐ工事は、市が指定した工事店に頼んでください。"
        ),
        eligibility="下水道を使う方",
        documents=("使用開始届（窓口にあります（例））", "井戸水を使う方は、使う人数がわかるもの"),
        fee="無料（下水道使用料がかかります）",
        deadline="使い始める前まで（例）",
        processing_time="その日のうちに受け付けます",
        counter=_SEWERAGE,
        channels=(
            ("counter", "窓口で届け出てください。"),
            ("phone", "わからないことは、電話でおたずねください。"),
        ),
        keywords="下水道, 排水, 井戸水, 下水道使用料, 排水設備, 下水",
        related=("suido-kaishi",),
    ),
    ProcedureSeed(
        slug="doro-sonsho",
        department_code="roads",
        category="facilities",
        title="道路の穴や危ない場所の連絡",
        title_kana="どうろの あなや あぶないばしょの れんらく",
        summary=(
            "市道の穴やへこみ、ガードレールの破損、倒れた木など、危ない場所を見つけたらご連絡ください。"
            "場所の目印と様子を教えてください。国道や県道は管理者が違いますが、わからなければ市にご連絡ください。"
        ),
        eligibility="どなたでも",
        documents=("特にありません（場所の目印や写真があると助かります）",),
        fee="無料",
        deadline="危ないときは、すぐに電話してください（夜間・休日は市役所の代表電話へ（例））",
        processing_time="確かめた後に直します。危ないものは、すぐに対応します",
        counter=_ROADS,
        channels=(
            ("phone", "急ぎのときは電話がいちばん早く伝わります。"),
            ("counter", "窓口でも受け付けます。"),
        ),
        keywords="道路, 穴, 陥没, 損傷, 街灯, カーブミラー, 倒木, 危ない, 通報, 市道",
        related=("doro-senyo",),
    ),
    ProcedureSeed(
        slug="doro-senyo",
        department_code="roads",
        category="facilities",
        title="道路の占用許可の申請",
        title_kana="どうろの せんようきょかの しんせい",
        summary=(
            "市道に看板や管を置いたり、工事の足場を置いたりして、道路を使い続けるときは、許可が必要です。"
            "工事で一時的に道路を使うときは、警察の道路使用許可も必要です。"
        ),
        eligibility="道路を使う方（工事をする会社など）",
        documents=("占用許可申請書", "場所がわかる図面（位置図・平面図など）", "工事の工程表（例）"),
        fee="占用料がかかる場合があります（市の条例で決まっています）",
        deadline="工事を始める日の2週間前まで（例）",
        processing_time="2週間ほどかかります（例）",
        counter=_ROADS,
        channels=(("counter", "前もって窓口でご相談ください。"),),
        keywords="道路占用, 占用許可, 道路工事, 看板, 足場, 乗り入れ, 歩道の切り下げ",
        related=("doro-sonsho",),
    ),
    # --- その他 ---------------------------------------------------------------------------------
    ProcedureSeed(
        slug="okuyami-yoyaku",
        department_code="citizens",
        category="other",
        title="おくやみ窓口の予約",
        title_kana="おくやみまどぐちの よやく",
        summary=(
            "家族が亡くなった後の手続きを、おくやみ窓口でまとめてご案内します。"
            "予約をすると、必要な書類を前もって準備でき、待つ時間が短くなります。"
        ),
        eligibility="亡くなった方の家族など",
        documents=(
            "亡くなった方の健康保険の資格確認書など",
            "介護保険の被保険者証（65歳以上の方）",
            "印鑑登録証（登録していた方）",
            "窓口に来る方の本人確認書類",
            "家族の" + _ACCOUNT,
        ),
        fee="無料",
        deadline="死亡届を出した後、できるだけ早めに（例：2週間から1か月以内）",
        processing_time="予約した日に、1〜2時間ほど（例）",
        counter=f"{_CITIZENS} おくやみ窓口（例）",
        channels=(
            ("phone", "電話で予約してください。必要な書類をご案内します。"),
            ("counter", "予約がなくても受け付けますが、お待ちいただくことがあります。"),
        ),
        keywords="おくやみ, お悔やみ, 死亡, 亡くなった, 相続, 遺族, 葬儀の後, 死後の手続き",
        related=("shibo", "sosaihi", "mikyu-nenkin", "kotei-shisan-sozoku"),
    ),
    ProcedureSeed(
        slug="bosai-mail",
        department_code="crisis-management",
        category="other",
        title="防災メールの登録",
        title_kana="ぼうさいめーるの とうろく",
        summary="大雨や地震、避難の情報などを、メールで受け取れます（例）。登録は無料です。",
        eligibility="どなたでも（市外の方も登録できます）",
        documents=("特にありません",),
        fee="無料（通信料は自己負担です）",
        deadline="期限はありません",
        processing_time="すぐに登録できます",
        counter=_CRISIS,
        channels=(
            ("online", "登録用のアドレスに空メールを送り、届いた案内にそって登録します（例）。"),
            ("counter", "登録のしかたがわからない方は、窓口でお手伝いします。"),
        ),
        keywords="防災メール, 緊急メール, 避難情報, 災害情報, 防災, 避難, 地震, 大雨",
        related=("hazard-map",),
    ),
    ProcedureSeed(
        slug="hazard-map",
        department_code="crisis-management",
        category="other",
        title="ハザードマップと避難所の確認",
        title_kana="はざーどまっぷと ひなんじょの かくにん",
        summary=(
            "洪水や土砂災害などで危ない場所と、避難所の場所を地図で確かめられます。"
            "家族で、どこへどう逃げるかを話し合っておきましょう。"
        ),
        eligibility="どなたでも",
        documents=("特にありません",),
        fee="無料",
        deadline="期限はありません",
        processing_time="窓口でその場でお渡しします",
        counter=_CRISIS,
        channels=(
            ("counter", "紙のハザードマップは窓口でお渡しします（例）。"),
            ("phone", "わからないことは電話でおたずねください。"),
        ),
        keywords="ハザードマップ, 避難所, 避難場所, 洪水, 浸水, 土砂災害, 防災",
        related=("bosai-mail",),
    ),
    ProcedureSeed(
        slug="risai-shomei",
        department_code="crisis-management",
        category="other",
        title="罹災証明書",
        title_kana="りさいしょうめいしょ",
        summary=(
            "地震や台風、大雨などで住まいが被害を受けたときに、被害の程度を証明します。"
            "支援金や保険、税の減免などの手続きに使います。火事のときは消防署が証明します。"
        ),
        eligibility="被害を受けた住まいに住んでいる方、持ち主など",
        documents=(
            "被害の様子がわかる写真（片付ける前に、いろいろな方向から撮ってください）",
            _ID,
            _PROXY,
        ),
        fee="無料",
        deadline="災害が起きた日から3か月以内（例）",
        processing_time="調査の後、1か月ほど（例。災害の大きさにより異なります）",
        counter=f"{_CRISIS}（大きな災害のときは特設の窓口（例））",
        channels=(
            ("counter", "写真を持って来てください。"),
            ("online", "マイナポータルから申請できる場合があります（例）。"),
            ("mail", "郵送でも申請できます。"),
        ),
        keywords="罹災証明, り災証明, 被災証明, 災害, 地震, 台風, 大雨, 浸水, 被害",
        related=("saiken-shienkin", "shizei-genmen"),
    ),
    ProcedureSeed(
        slug="saiken-shienkin",
        department_code="crisis-management",
        category="other",
        title="被災者生活再建支援金",
        title_kana="ひさいしゃ せいかつさいけん しえんきん",
        summary=(
            "大きな自然災害で、住まいが全壊するなど大きな被害を受けた世帯に、生活を立て直すための支援金が支給されます。"
            "対象になる災害かどうかは、災害ごとに決まります。"
        ),
        eligibility="対象の災害で、住まいに大きな被害を受けた世帯の世帯主",
        documents=("罹災証明書", "住民票の写し", "世帯主の" + _ACCOUNT),
        fee="無料",
        deadline="災害が起きた日から13か月以内（基礎支援金の場合）",
        processing_time="審査に1〜2か月ほどかかります（例）",
        counter=f"{_CRISIS}（大きな災害のときは特設の窓口（例））",
        channels=(("counter", "罹災証明書を受け取った後に申請してください。"), ("mail", "郵送でも申請できます。")),
        keywords="支援金, 生活再建, 被災者, 災害, 全壊, 半壊, 住宅再建",
        related=("risai-shomei",),
    ),
    ProcedureSeed(
        slug="gan-kenshin",
        department_code="health-policy",
        category="other",
        title="がん検診・特定健診",
        title_kana="がんけんしん とくていけんしん",
        summary=(
            "胃・肺・大腸・子宮・乳がんなどの検診を、市の助成で受けられます（例）。"
            "国民健康保険に加入している40歳から74歳の方は、特定健診も受けられます。"
        ),
        eligibility="市内に住む対象の年齢の方（検診の種類によって異なります）",
        documents=("受診券（対象の方に送ります（例））", "健康保険の資格がわかるもの"),
        fee="一部自己負担があります（検診の種類によって異なります（例））",
        deadline="年度ごとに決まった期間（例：6月から翌年1月ごろ）",
        processing_time="結果は1か月ほどで届きます（例）",
        counter=_HEALTH,
        channels=(
            ("phone", "集団検診は電話で予約してください（例）。"),
            ("counter", "窓口でもご案内します。"),
        ),
        keywords="がん検診, 健康診断, 健診, 検診, 特定健診, 人間ドック, 乳がん, 胃がん, メタボ",
        related=("kokuho-kanyu",),
    ),
    ProcedureSeed(
        slug="shimin-sodan",
        department_code="general-affairs-div",
        category="other",
        title="市民相談（弁護士による無料の法律相談など）",
        title_kana="しみんそうだん べんごしによる むりょうの ほうりつそうだん など",
        summary=(
            "暮らしの困りごとの相談を受け付けます。相続やお金の貸し借りなどは、弁護士による無料の法律相談も"
            "あります（例：月2回、予約制）。"
        ),
        eligibility="市内に住んでいる方",
        documents=("相談に関係する書類（あれば）",),
        fee="無料",
        deadline="法律相談は前もって予約してください（例）",
        processing_time="1人30分ほど（例）",
        counter=f"{_GENERAL}（市民相談室）",
        channels=(
            ("phone", "法律相談は電話で予約してください（例）。"),
            ("counter", "窓口でも予約できます。"),
        ),
        keywords="相談, 法律相談, 弁護士, 無料相談, 困りごと, 相続, 借金, トラブル",
        related=("okuyami-yoyaku",),
    ),
]


# --- life events -----------------------------------------------------------------------------

YES_NO: Final = (("yes", "はい"), ("no", "いいえ"))
_OUTSIDE: Final = ("other_city", "abroad")
_YES: Final = ("yes",)

LIFE_EVENTS: list[LifeEventSeed] = [
    LifeEventSeed(
        slug="moving-in",
        title="引っ越してきた（市内に転入・市内で転居）",
        description="大田原市に引っ越してきた方、市内で引っ越した方の手続きを、質問に答えて確かめられます。",
        questions=(
            QuestionSeed(
                "move_from",
                "どこから引っ越してきましたか。",
                (("other_city", "ほかの市区町村から"), ("abroad", "国外から"), ("within_city", "大田原市の中で")),
            ),
            QuestionSeed(
                "household",
                "世帯の全員で引っ越しましたか。",
                (("all", "世帯の全員で引っ越した"), ("some", "一部の人だけ引っ越した（単身赴任・進学など）")),
            ),
            QuestionSeed("children", "高校生年代まで（18歳になった後の3月31日まで）の子どもはいますか。", YES_NO),
            QuestionSeed("school_child", "小学生・中学生はいますか。", YES_NO),
            QuestionSeed("preschool_child", "小学校に入る前の子どもはいますか。", YES_NO),
            QuestionSeed("single_parent", "ひとり親の家庭ですか。", YES_NO),
            QuestionSeed(
                "insurance",
                "引っ越してきた方の健康保険はどれですか。",
                (
                    ("kokuho", "国民健康保険（自営業・退職した方など）"),
                    ("employer", "会社の健康保険・共済組合"),
                    ("koki", "後期高齢者医療（75歳以上の方など）"),
                ),
            ),
            QuestionSeed(
                "pension", "国民年金の第1号被保険者（自営業・学生・無職などの20歳から59歳の方）はいますか。", YES_NO
            ),
            QuestionSeed("dog", "犬を飼っていますか。", YES_NO),
            QuestionSeed(
                "vehicle",
                "原付や軽自動車・バイクを持っていますか。",
                (
                    ("gentsuki", "原付（125cc以下）・小型特殊自動車がある"),
                    ("kei", "軽自動車・125ccをこえるバイクがある"),
                    ("both", "両方ある"),
                    ("none", "ない"),
                ),
            ),
            QuestionSeed("elderly", "65歳以上の方はいますか。", YES_NO),
            QuestionSeed("care", "要介護・要支援の認定を受けている方はいますか。", YES_NO),
            QuestionSeed("disability", "障害者手帳を持っている方はいますか。", YES_NO),
        ),
        rules=(
            RuleSeed(
                "tennyu",
                note="市外・国外から来た方は、住み始めてから14日以内に。市内での引っ越しは転居届です。",
            ),
            RuleSeed("tennyu", {"move_from": ("abroad",)}, "パスポートを持って来てください。"),
            RuleSeed("tenkyo", {"move_from": ("within_city",)}, "住み始めてから14日以内に届け出てください。"),
            RuleSeed(
                "mynumber-card-henko",
                note="カードの住所を書き換えます。転入の方は、転入届から90日以内にしないとカードが使えなくなります。",
            ),
            RuleSeed(
                "mynumber-card-henko",
                {"household": ("all",)},
                "家族全員のカードと、それぞれの暗証番号（数字4桁）が必要です。",
            ),
            RuleSeed(
                "inkan-toroku",
                {"move_from": _OUTSIDE},
                "前の住所地の印鑑登録は、転出でなくなっています。必要な方は登録し直してください。",
            ),
            RuleSeed(
                "kokuho-kanyu",
                {"insurance": ("kokuho",), "move_from": _OUTSIDE},
                "転入届と同じ日に手続きできます。14日以内に。",
            ),
            RuleSeed(
                "kokuho-kanyu",
                {"insurance": ("kokuho",), "household": ("some",), "move_from": ("other_city",)},
                "進学のために学生だけが引っ越した場合は、家族と同じ前の市区町村の国民健康保険のままにできることがあります。",
            ),
            RuleSeed(
                "koki-korei",
                {"insurance": ("koki",), "move_from": _OUTSIDE},
                "前の住所地でもらった負担区分等証明書を持って来てください。",
            ),
            RuleSeed(
                "kokumin-nenkin",
                {"pension": _YES},
                "マイナンバーと基礎年金番号が結びついていれば、住所変更の届出は原則いりません。",
            ),
            RuleSeed(
                "kokumin-nenkin",
                {"move_from": ("abroad",)},
                "国外から戻った20歳から59歳の方は、国民年金の加入の手続きが必要です（会社の厚生年金に入る方を除く）。",
            ),
            RuleSeed(
                "nenkin-menjo",
                {"pension": _YES, "household": ("some",)},
                "学生の方は、学生納付特例を申請できます。",
            ),
            RuleSeed(
                "jido-teate",
                {"children": _YES, "move_from": _OUTSIDE},
                "前の住所地の転出予定日の翌日から15日以内に申請してください。公務員の方は勤務先で申請します。",
            ),
            RuleSeed(
                "kodomo-iryohi",
                {"children": _YES, "move_from": _OUTSIDE},
                "大田原市の受給資格者証を渡します。前の住所地のものは使えません。",
            ),
            RuleSeed(
                "tennyugaku",
                {"school_child": _YES, "move_from": _OUTSIDE},
                "転入届の後、同じ日に学校教育課へ。前の学校の在学証明書と教科書給与証明書を持って来てください。",
            ),
            RuleSeed(
                "tennyugaku",
                {"school_child": _YES, "move_from": ("within_city",)},
                "市内の引っ越しで通う学校が変わるときも、手続きが必要です。",
            ),
            RuleSeed(
                "jido-club", {"school_child": _YES}, "放課後にあずけたい小学生がいる方は、空き状況をご相談ください。"
            ),
            RuleSeed(
                "hoikuen",
                {"preschool_child": _YES},
                "保育園を使いたい方は、空き状況をご相談ください。引っ越す前から申し込めることがあります（例）。",
            ),
            RuleSeed(
                "nyuyoji-kenshin",
                {"preschool_child": _YES, "move_from": _OUTSIDE},
                "これからの健診の日程をお知らせします。母子健康手帳を用意してください。",
            ),
            RuleSeed(
                "yobo-sesshu",
                {"preschool_child": _YES, "move_from": _OUTSIDE},
                "前の住所地の予診票は使えません。大田原市の予診票をお渡しします（例）。",
            ),
            RuleSeed(
                "yobo-sesshu",
                {"school_child": _YES, "move_from": _OUTSIDE},
                "小中学生も、まだ受けていない定期予防接種があればご相談ください。",
            ),
            RuleSeed(
                "jido-fuyo-teate",
                {"single_parent": _YES, "move_from": _OUTSIDE},
                "前の住所地で受けていた方も、大田原市で改めて申請が必要です。",
            ),
            RuleSeed("hitorioya-iryohi", {"single_parent": _YES, "move_from": _OUTSIDE}),
            RuleSeed(
                "inu-toroku",
                {"dog": _YES, "move_from": _OUTSIDE},
                "前の住所地の鑑札を持って、30日以内に届け出てください。",
            ),
            RuleSeed(
                "inu-shibo", {"dog": _YES, "move_from": ("within_city",)}, "市内で住所が変わったときも届出が必要です。"
            ),
            RuleSeed(
                "gentsuki-number",
                {"vehicle": ("gentsuki", "both"), "move_from": _OUTSIDE},
                "前の住所地で廃車の手続きをして、廃車申告受付書を持って来てください。",
            ),
            RuleSeed(
                "keijidosha-haisha",
                {"vehicle": ("gentsuki", "both"), "move_from": ("within_city",)},
                "原付は、住所の変更を届け出てください。",
            ),
            RuleSeed(
                "keijidosha-haisha",
                {"vehicle": ("kei", "both")},
                "軽四輪や125ccをこえるバイクの住所変更は、軽自動車検査協会や運輸支局で15日以内に行います。",
            ),
            RuleSeed(
                "kaigo-hihokenshasho",
                {"elderly": _YES},
                "65歳以上の方は、新しい住所の被保険者証を渡します。",
            ),
            RuleSeed(
                "kaigo-hihokenshasho",
                {"care": _YES, "move_from": _OUTSIDE},
                "前の住所地の受給資格証明書を、転入から14日以内に出すと、今の認定を引き継げます。",
            ),
            RuleSeed(
                "shintai-techo",
                {"disability": _YES},
                "手帳の住所を書き換えます（療育手帳・精神障害者保健福祉手帳も同じ窓口です）。",
            ),
            RuleSeed(
                "judo-iryohi",
                {"disability": _YES, "move_from": _OUTSIDE},
                "対象になる方は、大田原市で改めて申請してください。",
            ),
            RuleSeed(
                "shogai-service",
                {"disability": _YES, "move_from": _OUTSIDE},
                "サービスを使っていた方は、大田原市で支給を決め直します。早めにご相談ください。",
            ),
            RuleSeed("suido-kaishi", note="使い始める3日前まで（例）に、電話で連絡してください。"),
            RuleSeed(
                "gomi-dashikata", note="ごみカレンダーを受け取ってください（例）。集積所の場所は近所の方や自治会へ。"
            ),
            RuleSeed("bosai-mail", note="いざというときの情報を受け取れるように、登録しておくと安心です（任意）。"),
        ),
    ),
    LifeEventSeed(
        slug="moving-out",
        title="市外へ引っ越す",
        description="大田原市から、ほかの市区町村や国外へ引っ越す方の手続きを確かめられます。",
        questions=(
            QuestionSeed(
                "destination",
                "どこへ引っ越しますか。",
                (("domestic", "国内のほかの市区町村へ"), ("abroad", "国外へ（1年以上）")),
            ),
            QuestionSeed("mynumber_card", "引っ越す方全員が、マイナンバーカードを持っていますか。", YES_NO),
            QuestionSeed(
                "insurance",
                "引っ越す方の健康保険はどれですか。",
                (
                    ("kokuho", "国民健康保険"),
                    ("employer", "会社の健康保険・共済組合"),
                    ("koki", "後期高齢者医療"),
                ),
            ),
            QuestionSeed("children", "高校生年代までの子どもはいますか。", YES_NO),
            QuestionSeed("school_child", "小学生・中学生はいますか。", YES_NO),
            QuestionSeed("preschool_child", "保育園・認定こども園に通っている子どもはいますか。", YES_NO),
            QuestionSeed("dog", "犬を飼っていますか。", YES_NO),
            QuestionSeed(
                "vehicle",
                "原付や軽自動車・バイクを持っていますか。",
                (
                    ("gentsuki", "原付（125cc以下）・小型特殊自動車がある"),
                    ("kei", "軽自動車・125ccをこえるバイクがある"),
                    ("both", "両方ある"),
                    ("none", "ない"),
                ),
            ),
            QuestionSeed("elderly", "65歳以上の方はいますか。", YES_NO),
            QuestionSeed("care", "要介護・要支援の認定を受けている方はいますか。", YES_NO),
        ),
        rules=(
            RuleSeed("tenshutsu", note="引っ越す日のおよそ14日前から届け出られます。"),
            RuleSeed(
                "tenshutsu",
                {"mynumber_card": _YES, "destination": ("domestic",)},
                "マイナポータルから、市役所に来ないで転出届ができます（引越しワンストップサービス）。",
            ),
            RuleSeed(
                "tenshutsu",
                {"destination": ("abroad",)},
                "マイナンバーカードは、手続きをすれば国外に住んでからも使えます。窓口でおたずねください。",
            ),
            RuleSeed(
                "inkan-toroku",
                note="転出届をすると、印鑑登録はなくなります。引っ越し先で必要なら登録し直してください。",
            ),
            RuleSeed(
                "kokuho-dattai",
                {"insurance": ("kokuho",)},
                "転出届と同じ日に手続きできます。引っ越し先で国民健康保険に入り直してください。",
            ),
            RuleSeed(
                "koki-korei",
                {"insurance": ("koki",)},
                "負担区分等証明書を受け取って、引っ越し先に出してください。",
            ),
            RuleSeed(
                "kokumin-nenkin",
                {"destination": ("abroad",)},
                "国外に住む間も、希望すれば国民年金に入れます（任意加入）。",
            ),
            RuleSeed(
                "jido-teate",
                {"children": _YES},
                "引っ越し先で、転出予定日の翌日から15日以内に申請し直してください。",
            ),
            RuleSeed(
                "kodomo-iryohi",
                {"children": _YES},
                "大田原市の受給資格者証は、引っ越した後は使えません。返してください。",
            ),
            RuleSeed(
                "tennyugaku",
                {"school_child": _YES},
                "今の学校で、在学証明書と教科書給与証明書を受け取ってください。",
            ),
            RuleSeed("hoikuen", {"preschool_child": _YES}, "保育園・認定こども園をやめる届出をしてください。"),
            RuleSeed(
                "inu-toroku",
                {"dog": _YES},
                "引っ越し先の市区町村に、大田原市の鑑札を持って届け出てください。",
            ),
            RuleSeed(
                "keijidosha-haisha",
                {"vehicle": ("gentsuki", "both")},
                "原付は大田原市で廃車の手続きをして、引っ越し先で新しいナンバーを受け取ります。",
            ),
            RuleSeed(
                "keijidosha-haisha",
                {"vehicle": ("kei", "both")},
                "軽四輪やバイクの住所変更は、引っ越し先の軽自動車検査協会や運輸支局で行います。",
            ),
            RuleSeed("kaigo-hihokenshasho", {"elderly": _YES}, "被保険者証を返してください。"),
            RuleSeed(
                "kaigo-hihokenshasho",
                {"care": _YES},
                "受給資格証明書を受け取って、引っ越し先で14日以内に出すと、今の認定を引き継げます。",
            ),
            RuleSeed("suido-kaishi", note="使うのをやめる3日前まで（例）に連絡してください。"),
        ),
    ),
    LifeEventSeed(
        slug="birth",
        title="子どもが生まれた",
        description="出生届と、子育ての手当・医療費助成・健診など、生まれたときの手続きを確かめられます。",
        questions=(
            QuestionSeed(
                "insurance",
                "赤ちゃんが入る健康保険はどれですか。",
                (("kokuho", "国民健康保険"), ("employer", "会社の健康保険・共済組合（勤務先で手続き）")),
            ),
            QuestionSeed("public_servant", "児童手当を受け取る方は公務員ですか。", YES_NO),
            QuestionSeed(
                "childcare",
                "保育園・認定こども園の利用を考えていますか。",
                (("yes", "はい"), ("undecided", "まだ決めていない"), ("no", "いいえ")),
            ),
            QuestionSeed("single_parent", "ひとり親の家庭ですか。", YES_NO),
        ),
        rules=(
            RuleSeed("shussei", note="生まれた日を含めて14日以内に届け出てください。"),
            RuleSeed(
                "jido-teate",
                {"public_servant": ("no",)},
                "生まれた日の翌日から15日以内に申請してください。遅れた月の分はもらえません。",
            ),
            RuleSeed("jido-teate", {"public_servant": _YES}, "公務員の方は、勤務先で申請します。"),
            RuleSeed("kodomo-iryohi", note="出生届と同じ日に申請できます。"),
            RuleSeed(
                "kokuho-kanyu",
                {"insurance": ("kokuho",)},
                "赤ちゃんも国民健康保険に入ります。出生届と同じ日に手続きできます。",
            ),
            RuleSeed(
                "shussan-ikuji",
                {"insurance": ("kokuho",)},
                "出産費用が50万円より少なかったときは、差額を申請してください。",
            ),
            RuleSeed("nyuyoji-kenshin", note="健診の日時は、対象の時期が近づいたらお知らせします（例）。"),
            RuleSeed("yobo-sesshu", note="生後2か月ごろから始まります。予診票をお渡しします（例）。"),
            RuleSeed("mynumber-card", note="赤ちゃんもマイナンバーカードを申請できます（任意）。"),
            RuleSeed(
                "hoikuen",
                {"childcare": ("yes", "undecided")},
                "4月の入園は、前の年の秋ごろに申込を受け付けます（例）。早めにご相談ください。",
            ),
            RuleSeed("jido-fuyo-teate", {"single_parent": _YES}),
            RuleSeed("hitorioya-iryohi", {"single_parent": _YES}),
        ),
    ),
    LifeEventSeed(
        slug="marriage",
        title="結婚する",
        description="婚姻届と、名前や住所、健康保険・年金が変わるときの手続きを確かめられます。",
        questions=(
            QuestionSeed("name_change", "結婚して名字が変わりますか。", YES_NO),
            QuestionSeed(
                "move",
                "結婚にあわせて引っ越しますか。",
                (
                    ("from_outside", "市外から大田原市へ引っ越す"),
                    ("within", "大田原市の中で引っ越す"),
                    ("to_outside", "大田原市から市外へ引っ越す"),
                    ("none", "引っ越さない"),
                ),
            ),
            QuestionSeed("mynumber_card", "マイナンバーカードを持っていますか。", YES_NO),
            QuestionSeed("inkan", "印鑑登録をしていますか。", YES_NO),
            QuestionSeed(
                "insurance",
                "結婚で健康保険は変わりますか。",
                (
                    ("leave_kokuho", "国民健康保険から、配偶者の会社の健康保険に入る"),
                    ("join_kokuho", "国民健康保険に入る"),
                    ("no_change", "変わらない"),
                ),
            ),
            QuestionSeed(
                "pension",
                "結婚で国民年金は変わりますか。",
                (
                    ("to_first", "第1号被保険者になる（自営業の方の配偶者になるなど）"),
                    ("other", "変わらない・会社員の配偶者の扶養に入る（勤務先で手続き）"),
                ),
            ),
            QuestionSeed("fuyo_teate", "児童扶養手当を受けていますか。", YES_NO),
        ),
        rules=(
            RuleSeed("konin", note="届け出た日が結婚した日になります。18歳以上の証人2人が必要です。"),
            RuleSeed("tennyu", {"move": ("from_outside",)}),
            RuleSeed("tenkyo", {"move": ("within",)}),
            RuleSeed("tenshutsu", {"move": ("to_outside",)}),
            RuleSeed(
                "mynumber-card-henko",
                {"name_change": _YES, "mynumber_card": _YES},
                "名字が変わった方は、カードの記載を変えてください。",
            ),
            RuleSeed(
                "mynumber-card-henko",
                {"move": ("from_outside", "within"), "mynumber_card": _YES},
                "住所が変わった方も、カードの記載を変えてください。",
            ),
            RuleSeed(
                "inkan-toroku",
                {"name_change": _YES, "inkan": _YES},
                "名字が変わると、名字の印鑑で登録していた場合は登録がなくなります。必要なら登録し直してください。",
            ),
            RuleSeed(
                "kokuho-dattai",
                {"insurance": ("leave_kokuho",)},
                "新しい健康保険の資格がわかるものを持って来てください。",
            ),
            RuleSeed("kokuho-kanyu", {"insurance": ("join_kokuho",)}),
            RuleSeed("kokumin-nenkin", {"pension": ("to_first",)}, "14日以内に届け出てください。"),
            RuleSeed(
                "jido-fuyo-teate",
                {"fuyo_teate": _YES},
                "結婚すると受けられなくなります。資格がなくなる届出をしてください。",
            ),
            RuleSeed(
                "hitorioya-iryohi",
                {"fuyo_teate": _YES},
                "ひとり親家庭医療費助成も終わります。受給資格者証を返してください。",
            ),
        ),
    ),
    LifeEventSeed(
        slug="bereavement",
        title="家族が亡くなった（おくやみ）",
        description="家族が亡くなった後に必要な手続きを確かめられます。おくやみ窓口の予約もできます。",
        questions=(
            QuestionSeed(
                "insurance",
                "亡くなった方の健康保険はどれでしたか。",
                (
                    ("kokuho", "国民健康保険"),
                    ("koki", "後期高齢者医療"),
                    ("employer", "会社の健康保険・共済組合"),
                ),
            ),
            QuestionSeed("pension", "亡くなった方は年金を受けていましたか。", YES_NO),
            QuestionSeed(
                "care",
                "亡くなった方は、65歳以上でしたか。または介護の認定を受けていましたか。",
                (
                    ("certified", "要介護・要支援の認定を受けていた"),
                    ("over65", "65歳以上だった（認定なし）"),
                    ("no", "どちらでもない"),
                ),
            ),
            QuestionSeed("disability", "亡くなった方は障害者手帳を持っていましたか。", YES_NO),
            QuestionSeed("householder", "亡くなった方は世帯主でしたか。", YES_NO),
            QuestionSeed("property", "亡くなった方は、土地や家屋を持っていましたか。", YES_NO),
            QuestionSeed("inkan", "亡くなった方は印鑑登録をしていましたか。", YES_NO),
            QuestionSeed("vehicle", "亡くなった方は、原付や軽自動車を持っていましたか。", YES_NO),
        ),
        rules=(
            RuleSeed("shibo", note="亡くなったことを知った日から7日以内に。多くの場合、葬儀社が代わりに届け出ます。"),
            RuleSeed("okuyami-yoyaku", note="予約すると、必要な手続きをまとめてご案内できます。"),
            RuleSeed("kokuho-dattai", {"insurance": ("kokuho",)}, "資格確認書などを返してください。"),
            RuleSeed("sosaihi", {"insurance": ("kokuho", "koki")}, "葬儀を行った方（喪主）が申請します。2年以内に。"),
            RuleSeed(
                "kogaku-ryoyohi",
                {"insurance": ("kokuho",)},
                "亡くなった方の医療費が限度額をこえていたときは、相続人が申請できます。",
            ),
            RuleSeed("koki-korei", {"insurance": ("koki",)}, "資格確認書などを返してください。保険料を精算します。"),
            RuleSeed(
                "kokuho-kanyu",
                {"insurance": ("employer",)},
                "亡くなった方の会社の健康保険の扶養に入っていた家族は、国民健康保険に入る手続きが必要なことがあります。",
            ),
            RuleSeed("mikyu-nenkin", {"pension": _YES}),
            RuleSeed(
                "kaigo-hihokenshasho",
                {"care": ("certified", "over65")},
                "被保険者証を返してください。介護保険料を精算します。",
            ),
            RuleSeed("shintai-techo", {"disability": _YES}, "手帳を返してください。"),
            RuleSeed("judo-iryohi", {"disability": _YES}, "受給資格者証を返してください（例）。"),
            RuleSeed(
                "setai-henko",
                {"householder": _YES},
                "残った方が2人以上のときなどは、新しい世帯主を14日以内に届け出てください。",
            ),
            RuleSeed("kotei-shisan-sozoku", {"property": _YES}),
            RuleSeed("kotei-shisan-shomei", {"property": _YES}, "相続の登記で、評価証明書が必要になります。"),
            RuleSeed(
                "inkan-toroku",
                {"inkan": _YES},
                "死亡届を出すと、印鑑登録は自動でなくなります。印鑑登録証は返してください（例）。",
            ),
            RuleSeed("keijidosha-haisha", {"vehicle": _YES}, "名義を変えるか、廃車の手続きをしてください。"),
            RuleSeed(
                "koseki-tohon", note="相続では、亡くなった方の生まれてから亡くなるまでの戸籍が必要なことが多いです。"
            ),
            RuleSeed("joseki-tohon", note="古い戸籍（除籍・改製原戸籍）も必要になることがあります。"),
            RuleSeed("shimin-sodan", note="相続で困ったときは、無料の法律相談も使えます（例）。"),
        ),
    ),
    LifeEventSeed(
        slug="certificates",
        title="証明書がほしい",
        description="ほしい証明書と、いちばん早く取れる方法（コンビニ・窓口・郵送）を確かめられます。",
        questions=(
            QuestionSeed(
                "which",
                "どの証明書がほしいですか。",
                (
                    ("juminhyo", "住民票の写し"),
                    ("inkan", "印鑑登録証明書"),
                    ("koseki", "戸籍謄本・抄本"),
                    ("joseki", "除籍謄本・改製原戸籍謄本（相続など）"),
                    ("fuhyo", "戸籍の附票の写し"),
                    ("kisai", "住民票記載事項証明書"),
                    ("mibun", "身分証明書"),
                    ("shotoku", "所得証明書・課税証明書"),
                    ("nozei", "納税証明書"),
                    ("kotei", "固定資産税の評価証明書など"),
                ),
            ),
            QuestionSeed(
                "mynumber_card", "マイナンバーカードを持っていて、暗証番号（数字4桁）がわかりますか。", YES_NO
            ),
            QuestionSeed(
                "honseki",
                "本籍は大田原市ですか。",
                (("yes", "はい"), ("no", "いいえ"), ("unknown", "わからない")),
            ),
            QuestionSeed("visit", "市役所の窓口に来られますか。", YES_NO),
        ),
        rules=(
            RuleSeed("juminhyo-copy", {"which": ("juminhyo",)}),
            RuleSeed("inkan-shomei", {"which": ("inkan",)}),
            RuleSeed("koseki-tohon", {"which": ("koseki",)}),
            RuleSeed(
                "koseki-tohon",
                {"which": ("koseki",), "honseki": ("no",)},
                "本籍が市外でも、戸籍謄本は大田原市の窓口で取れます（広域交付。本人が来る場合のみ）。",
            ),
            RuleSeed("joseki-tohon", {"which": ("joseki",)}),
            RuleSeed(
                "joseki-tohon",
                {"which": ("joseki",), "honseki": ("no",)},
                "本籍が市外でも、大田原市の窓口で取れます（広域交付。本人が来る場合のみ）。",
            ),
            RuleSeed("koseki-fuhyo", {"which": ("fuhyo",)}),
            RuleSeed(
                "koseki-fuhyo",
                {"which": ("fuhyo",), "honseki": ("no",)},
                "戸籍の附票は、本籍地の市区町村に請求してください。",
            ),
            RuleSeed("kisai-jiko-shomei", {"which": ("kisai",)}),
            RuleSeed("mibun-shomei", {"which": ("mibun",)}),
            RuleSeed(
                "mibun-shomei",
                {"which": ("mibun",), "honseki": ("no",)},
                "身分証明書は、本籍地の市区町村に請求してください。",
            ),
            RuleSeed("shotoku-shomei", {"which": ("shotoku",)}),
            RuleSeed("nozei-shomei", {"which": ("nozei",)}),
            RuleSeed("kotei-shisan-shomei", {"which": ("kotei",)}),
            RuleSeed(
                "konbini-kofu",
                {"which": ("juminhyo", "inkan", "shotoku"), "mynumber_card": _YES},
                "マイナンバーカードがあれば、コンビニで取れます。窓口に来る必要はありません。",
            ),
            RuleSeed(
                "konbini-kofu",
                {"which": ("koseki",), "mynumber_card": _YES, "honseki": ("yes",)},
                "本籍が大田原市の方は、戸籍謄本・抄本もコンビニで取れます（例）。",
            ),
            RuleSeed(
                "yuso-seikyu",
                {
                    "visit": ("no",),
                    "which": ("juminhyo", "koseki", "joseki", "fuhyo", "kisai", "mibun", "shotoku", "nozei", "kotei"),
                },
                "窓口に来られない方は、郵送で請求できます。",
            ),
            RuleSeed(
                "yuso-seikyu",
                {"visit": ("no",), "which": ("koseki", "joseki", "fuhyo", "mibun"), "honseki": ("no",)},
                "本籍が市外の方は、本籍地の市区町村に郵送で請求してください（広域交付は郵送ではできません）。",
            ),
            RuleSeed(
                "inkan-shomei",
                {"which": ("inkan",), "visit": ("no",)},
                "印鑑登録証明書は郵送では請求できません。印鑑登録証を持った代理人か、コンビニ交付をご利用ください。",
            ),
            RuleSeed(
                "mynumber-card",
                {"mynumber_card": ("no",)},
                "マイナンバーカードがあると、次からはコンビニで証明書を取れます。",
            ),
        ),
    ),
    LifeEventSeed(
        slug="facilities",
        title="施設や住まいを借りたい",
        description="公民館・体育館の予約、市営住宅、道路の使用など、市の施設を借りる手続きを確かめられます。",
        questions=(
            QuestionSeed(
                "kind",
                "何を借りたいですか。",
                (
                    ("room", "公民館の部屋・ホール"),
                    ("sports", "体育館・運動場"),
                    ("housing", "市営住宅"),
                    ("road", "道路（工事・看板など）"),
                ),
            ),
            QuestionSeed("group", "団体やサークルで使いますか。", YES_NO),
        ),
        rules=(
            RuleSeed("shisetsu-yoyaku", {"kind": ("room", "sports")}),
            RuleSeed(
                "shisetsu-yoyaku",
                {"kind": ("room", "sports"), "group": _YES},
                "はじめて使う団体は、先に団体の登録をしてください（例）。",
            ),
            RuleSeed("shiei-jutaku", {"kind": ("housing",)}, "募集の時期が決まっています（例：年4回）。"),
            RuleSeed("doro-senyo", {"kind": ("road",)}, "工事で道路を使うときは、警察の道路使用許可も必要です。"),
        ),
    ),
    LifeEventSeed(
        slug="waste",
        title="ごみを出したい",
        description="ごみの分け方、粗大ごみ、家電、くみ取りなど、ごみの出し方を確かめられます。",
        questions=(
            QuestionSeed(
                "kind",
                "どんなごみですか。",
                (
                    ("household", "ふだんの家庭ごみ・資源ごみ"),
                    ("large", "家具などの大きなごみ"),
                    ("appliance", "テレビ・冷蔵庫・洗濯機・エアコン"),
                    ("night_soil", "くみ取り式トイレのし尿"),
                    ("dog", "飼い犬が死んだ"),
                ),
            ),
            QuestionSeed("moving", "引っ越しなどで、一度にたくさんのごみが出ますか。", YES_NO),
        ),
        rules=(
            RuleSeed("gomi-dashikata", note="分け方と収集日は、ごみカレンダーで確かめられます（例）。"),
            RuleSeed(
                "gomi-dashikata",
                {"kind": ("appliance",)},
                "テレビ・冷蔵庫・洗濯機・エアコンは市では集めません。買ったお店か、買い替えるお店に引き取りを頼んでください。",
            ),
            RuleSeed("sodai-gomi", {"kind": ("large",)}),
            RuleSeed(
                "sodai-gomi",
                {"moving": _YES},
                "一度にたくさん出るときは、処理施設への持ち込みか、許可業者への依頼をご相談ください（例）。",
            ),
            RuleSeed("shinyo-kumitori", {"kind": ("night_soil",)}),
            RuleSeed("inu-shibo", {"kind": ("dog",)}, "30日以内に届け出てください。"),
        ),
    ),
    LifeEventSeed(
        slug="disaster",
        title="災害にそなえる・被災した",
        description="防災メールやハザードマップ、被災したときの罹災証明書や支援金の手続きを確かめられます。",
        questions=(
            QuestionSeed(
                "situation",
                "どちらにあてはまりますか。",
                (("prepare", "災害にそなえたい"), ("damaged", "災害で住まいが被害を受けた")),
            ),
            QuestionSeed(
                "damage",
                "住まいの被害はどのくらいですか。",
                (
                    ("severe", "全壊・半壊など、大きな被害"),
                    ("minor", "一部が壊れた"),
                    ("unknown", "わからない"),
                ),
            ),
        ),
        rules=(
            RuleSeed("bosai-mail", note="避難の情報などをメールで受け取れます。"),
            RuleSeed("hazard-map", {"situation": ("prepare",)}, "家族で避難先と、逃げる道を確かめておきましょう。"),
            RuleSeed(
                "risai-shomei",
                {"situation": ("damaged",)},
                "片付ける前に、被害の様子を写真に撮っておいてください。",
            ),
            RuleSeed(
                "saiken-shienkin",
                {"situation": ("damaged",), "damage": ("severe", "unknown")},
                "対象になる災害かどうかは、災害ごとに決まります。",
            ),
            RuleSeed("shizei-genmen", {"situation": ("damaged",)}, "被害に応じて、市税が減免されることがあります。"),
            RuleSeed(
                "gomi-dashikata",
                {"situation": ("damaged",)},
                "災害で出たごみの出し方は、そのたびに市からお知らせします（例）。",
            ),
        ),
    ),
]


# --- synonyms --------------------------------------------------------------------------------

SYNONYMS: list[tuple[str, ...]] = [
    ("住民票", "住民票の写し", "じゅうみんひょう"),
    ("印鑑証明", "印鑑登録証明書", "印鑑証明書"),
    ("引っ越し", "引越し", "転入", "転居", "転出"),
    ("マイナンバーカード", "マイナカード", "個人番号カード"),
    ("国保", "国民健康保険"),
    ("ごみ", "ゴミ", "塵芥"),
    ("粗大ごみ", "大型ごみ"),
    ("おくやみ", "死亡", "亡くなった"),
    ("保育園", "保育所", "こども園"),
    ("児童手当", "子ども手当"),
    ("戸籍謄本", "戸籍全部事項証明書", "戸籍の写し"),
    ("戸籍抄本", "戸籍個人事項証明書"),
    ("除籍", "除籍謄本", "原戸籍", "改製原戸籍"),
    ("はんこ", "ハンコ", "印鑑"),
    ("住民税", "市県民税", "市民税", "県民税"),
    ("所得証明", "所得証明書", "課税証明", "課税証明書", "非課税証明"),
    ("後期高齢者医療", "後期高齢", "長寿医療"),
    ("学童", "学童保育", "放課後児童クラブ", "児童クラブ"),
    ("母子手帳", "母子健康手帳", "親子手帳"),
    ("健診", "健康診断", "検診"),
    ("原付", "原動機付自転車", "ミニバイク", "スクーター"),
    ("軽自動車", "軽四", "軽四輪"),
    ("車検", "継続検査"),
    ("罹災証明", "り災証明", "被災証明"),
    ("結婚", "婚姻", "入籍"),
    ("出産", "出生", "誕生", "生まれた"),
    ("要介護認定", "介護認定", "要支援認定"),
    ("障害者手帳", "身体障害者手帳", "身障手帳"),
    ("口座振替", "自動引き落とし", "引き落とし", "口座引落し"),
    ("コンビニ交付", "コンビニ", "マルチコピー機"),
    ("施設予約", "貸館", "施設の予約"),
    ("防災メール", "緊急メール", "防災情報メール"),
    ("生活保護", "生活に困った", "生活困窮"),
    ("犬の登録", "鑑札", "畜犬登録"),
    ("ひとり親", "母子家庭", "父子家庭", "シングルマザー", "シングルファーザー"),
    ("資格確認書", "保険証", "健康保険証", "マイナ保険証"),
    ("し尿", "くみ取り", "汲み取り"),
    ("市営住宅", "公営住宅", "市住"),
    ("DV", "ドメスティックバイオレンス", "配偶者暴力"),
    ("予防接種", "ワクチン"),
    ("水道の使用開始", "開栓", "水道の開始"),
]


# --- department pages ------------------------------------------------------------------------

DEPARTMENT_PAGES: dict[str, DepartmentPageSeed] = {
    "citizens": DepartmentPageSeed(
        "転入・転出などの届出、戸籍の届出、住民票の写しや戸籍謄本などの証明書、マイナンバーカード、印鑑登録を担当しています。",
        "毎月第2・第4土曜日の午前中は、証明書の交付やマイナンバーカードの受け取りなど、一部の手続きを受け付けています（例）。",
    ),
    "taxation": DepartmentPageSeed(
        "市県民税・固定資産税・軽自動車税の計算と、所得証明書などの税の証明書を担当しています。",
        "2月16日から3月15日までの申告の期間は、別の会場で申告を受け付けることがあります（例）。",
    ),
    "tax-collection": DepartmentPageSeed(
        "市税の納付、口座振替、納税証明書、納めるのが難しいときの相談を担当しています。",
        "毎月の最終日曜日に、休日の納付相談を受け付けています（例・予約制）。",
    ),
    "insurance-pension": DepartmentPageSeed(
        "国民健康保険、国民年金、後期高齢者医療の加入・脱退や給付の手続きを担当しています。",
        "年金のくわしい相談は、年金事務所でも受け付けています（予約制）。",
    ),
    "children": DepartmentPageSeed(
        "児童手当、こども医療費助成、保育園・認定こども園の入園、放課後児童クラブ、ひとり親家庭の支援を担当しています。",
    ),
    "welfare": DepartmentPageSeed(
        "障害のある方への支援（手帳・福祉サービス・医療費助成）と、生活保護などの生活の相談を担当しています。",
        "生活の相談は、予約をすると待たずにお話をうかがえます（例）。",
    ),
    "elderly": DepartmentPageSeed(
        "介護保険（要介護認定・被保険者証・保険料）と、高齢者の見守りや配食などの福祉サービスを担当しています。",
    ),
    "health-policy": DepartmentPageSeed(
        "保健センターで、妊娠届・母子健康手帳、乳幼児健診、予防接種、がん検診などを担当しています。",
        "保健センターは本庁舎とは別の建物です（例）。健診の日は窓口が混み合うことがあります。",
    ),
    "environment": DepartmentPageSeed(
        "ごみの分け方・出し方、粗大ごみ、し尿のくみ取り、犬の登録と狂犬病予防注射を担当しています。",
    ),
    "housing": DepartmentPageSeed("市営住宅の入居や管理と、建築の相談を担当しています。"),
    "water": DepartmentPageSeed(
        "水道の使用開始・中止、水道料金、水道管の修理を担当しています。",
        "水もれなど急ぎの連絡は、夜間・休日も電話で受け付けます（例）。",
    ),
    "sewerage": DepartmentPageSeed("下水道の使用開始の届出や、下水道につなぐ工事の相談を担当しています。"),
    "school-education": DepartmentPageSeed("小中学校の入学・転校と、就学援助を担当しています。"),
    "lifelong-learning": DepartmentPageSeed(
        "公民館や体育館などの施設の利用と、生涯学習・スポーツの講座を担当しています。",
        "公民館の開いている時間は、施設ごとに異なります（例：9時から21時まで）。",
    ),
    "crisis-management": DepartmentPageSeed(
        "防災の情報、ハザードマップ、避難所、災害のときの罹災証明書や支援金の受付を担当しています。",
        "大きな災害のときは、24時間体制で対応します。",
    ),
    "roads": DepartmentPageSeed(
        "市道の管理と修理、道路の占用許可を担当しています。",
        "道路の危ない場所の連絡は、夜間・休日は市役所の代表電話で受け付けます（例）。",
    ),
    "general-affairs-div": DepartmentPageSeed("市民相談や無料の法律相談の受付、市役所全体の総務を担当しています。"),
    "accounting": DepartmentPageSeed(
        "市の支払いと収入の出納、公金の管理、指定金融機関との窓口を担当しています（会計管理者の補助組織）。",
        "市への支払いは、納付書に書かれた金融機関やコンビニでもできます。",
    ),
    "assembly": DepartmentPageSeed(
        "市議会の運営、本会議・委員会の傍聴の受付、請願・陳情の受付、会議録の閲覧を担当しています。",
        "本会議の日程と傍聴の方法は、議会のページでお知らせします（例）。",
    ),
}
