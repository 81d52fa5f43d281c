"""Seed data for the 第4次大田原市地域ICT総合推進計画 (令和5〜7年度 = fiscal years 2023–2025).

Transcribed by hand from the plan document (shared/seeds/000_a20826734360fe2b.txt, a plain-text
extraction of the published PDF); ``cityhall/plans/tests/test_seed_matches_document.py`` re-parses
the document independently and checks this module against it.

How the document was read:

* Pillars, fields and initiatives (titles and the 備考 flags 国 / 県) come from 第3章
  「2. 施策の体系図」. Titles are kept exactly as written there, including its spelling where
  第3章 「3. 具体的な取組内容」 differs (体系図 「デジタルデバイト解消に向けた取組」,
  「デジタルを活用した地域サービス」, 「ICTを利用した学習の充実」 vs. 第3章 「デジタルデバイド…」,
  「…地域サービスの提供」, 「ICTを活用した…」). The only normalisation is dropping a space
  between two Japanese characters that the PDF line-wrap left in the field title
  「情報セキュリティ対策の強化と 個人情報保護の徹底」.
* Descriptions are the paragraphs of 「3. 具体的な取組内容」 (field intro before the first ①;
  an initiative's paragraphs before its 【実施スケジュール】), whitespace-trimmed and joined with "\n".
  A 《…》 figure caption in an initiative's section is kept, without the brackets, in ``caption``
  (one per line); figure contents and 【出典】 lines are left out.
* 【実施スケジュール】 tables are tab-separated with merged cells flattened. After the row-label
  column, the six columns are 2023上期, 2023下期, 2024上期, 2024下期, 2025上期, 2025下期. A bar
  starts in the column holding its text and runs until the column before the next non-empty cell
  of the same row, or to 2025下期. Every data row of every table has exactly the six cells. A cell
  that held two lines in the PDF appears with the lines joined by a single space and is kept as one
  bar; an HTML fragment in one cell (I-(3)②) is stripped and its bullets joined the same way.
  Bars on one table row stay together in one row list.
* Departments in charge are not named anywhere in the plan; every ``department_code`` is an
  assumption (marked ``# assumed`` below), 情報政策課 (the plan's secretariat) when in doubt.
* PREVIOUS_PLAN_REVIEW is 第2章 3.(2), the 第3次計画 review tables (11 + 12 = 23 items, matching
  the foreword's 23事業); ``successor`` is (pillar, field, initiative) of the 第4次 item it continues as.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

HalfNumber = Literal[1, 2]  # 1 = 上期 (Apr–Sep), 2 = 下期 (Oct–Mar)
Period = tuple[int, HalfNumber]  # (fiscal year, half), e.g. (2023, 1) = 令和5年度上期
InitiativeRef = tuple[int, int, int]  # (pillar number, field number, initiative number)


@dataclass(frozen=True)
class Bar:
    """One bar of a 実施スケジュール table."""

    label: str
    start: Period
    end: Period


@dataclass(frozen=True)
class Initiative:
    """取組項目."""

    number: int
    title: str
    national: bool  # 備考 has 国
    prefectural: bool  # 備考 has 県
    department_code: str
    description: str
    caption: str
    schedule: list[list[Bar]]  # table rows, each a list of bars


@dataclass(frozen=True)
class Field:
    """取組分野."""

    number: int
    title: str
    description: str
    initiatives: list[Initiative]


@dataclass(frozen=True)
class Pillar:
    """施策の柱."""

    number: int
    roman: str
    title: str
    fields: list[Field]


@dataclass(frozen=True)
class ReviewEntry:
    """A row of the 第3次計画 review tables."""

    pillar: int
    field: str
    item: str
    continued: bool  # 継続 (True) / 終了 (False)
    note: str  # 備考, "" when blank
    successor: InitiativeRef | None


PLAN_NAME: Final = "第4次大田原市地域ICT総合推進計画"
FIRST_FISCAL_YEAR: Final = 2023  # 令和5年度
LAST_FISCAL_YEAR: Final = 2025  # 令和7年度

# The sentence of the foreword (「第4次大田原市地域ICT総合推進計画策定にあたって」) that says 20事業.
FOREWORD_SENTENCE: Final = (
    "この第4次計画では、これまでの「市民サービス向上と地域活性化の推進」と「電子自治体の推進」"
    "の2つの視点を継承し20事業にまとめて、調査研究した結果を具現化することにより、"
    "市民の皆様にも利便性の高い行政サービスを実感していただける内容となっております。"
)

PLAN_NOTE: Final = (
    "計画冒頭の「第4次大田原市地域ICT総合推進計画策定にあたって」には"
    f"「{FOREWORD_SENTENCE}」とあり20事業とされていますが、"
    "第3章「2. 施策の体系図」及び「3. 具体的な取組内容」に掲げられた取組項目は18項目"
    "（I 市民サービスの向上と地域活性化の推進 10項目、II 電子市役所の推進 8項目）です。"
    "本システムでは体系図の18取組項目を登録しています。"
)

PILLARS: Final[list[Pillar]] = [
    Pillar(
        number=1,
        roman="I",
        title="市民サービスの向上と地域活性化の推進",
        fields=[
            Field(
                number=1,
                title="地域への情報提供の推進",
                description="地域の活性化を図るために、SNS等を活用した積極的な地域への情報提供を推進します。",
                initiatives=[
                    # I-(1)① SNS等による情報発信の強化
                    Initiative(
                        number=1,
                        title="SNS等による情報発信の強化",
                        national=False,
                        prefectural=True,
                        # 広報 (SNS・広報紙) is the policy-promotion division's remit
                        department_code="policy-promotion",  # assumed: not stated in the plan
                        description=(
                            "本市では、これまでの情報発信手段(広報紙、ホームページ、メール配信システム(よいちメール)"
                            "、議会中継システムなど)に加え、LINE、Facebook、"
                            "TwitterといったSNSや動画配信サービスであるYouTubeにより情報発信強化を実施しております。\n"
                            "各手段の特性を更に生かすために、情報の性質に応じた媒体の選択基準や担当部署を検討し、"
                            "効率的かつ効果的な情報提供を推進します。\n"
                            "また、現在は用途が限定されている LINE については、"
                            "特徴を踏まえた効果的な活用方法を検討し、更なる活用を目指します。"
                        ),
                        caption="全ての市民に向け、必要な情報を最も届きやすい手段を使い分けて発信していきます",
                        schedule=[
                            [
                                Bar("SNS等による情報発信の拡充 画像や動画等による魅力発信の強化", (2023, 1), (2025, 2)),
                            ],
                            [
                                Bar("LINE等による情報発信の拡充方法を検討", (2023, 1), (2023, 2)),
                                Bar("サービス導入", (2024, 1), (2024, 2)),
                                Bar("効果検証と見直し", (2025, 1), (2025, 2)),
                            ],
                        ],
                    ),
                ],
            ),
            Field(
                number=2,
                title="市ホームページによる情報発信の活性化",
                description=(
                    "市民へ向けた暮らしや市政の情報発信にホームページは欠かせないものになっています。\n"
                    "また、今後はオンライン申請など本市が進めるDXの窓口になることから、更に重要度が増していきます。"
                    "このため、必要な情報がすぐに得られ活用できるように、ホームページを更に見やすく・分かりやすくし、"
                    "より充実した情報発信と構成やデザインの見直しを行います。"
                ),
                initiatives=[
                    # I-(2)① ホームページの充実
                    Initiative(
                        number=1,
                        title="ホームページの充実",
                        national=True,
                        prefectural=True,
                        # the city website is run by the 広報 side of 政策推進課
                        department_code="policy-promotion",  # assumed: not stated in the plan
                        description=(
                            "更に見やすく・分かりやすいホームページを目指し、構成やデザインの見直しを行うとともに、"
                            "市民にとって必要な情報の発信強化を図ります。"
                        ),
                        caption="",
                        schedule=[
                            [
                                Bar("ホームページの充実(各課申請方法、申請様式の掲載等の充実)", (2023, 1), (2025, 2)),
                            ],
                            [
                                Bar("新ホームページの研究・検討・導入", (2023, 1), (2025, 2)),
                            ],
                        ],
                    ),
                    # I-(2)② 電子行政オープンデータ提供の推進
                    Initiative(
                        number=2,
                        title="電子行政オープンデータ提供の推進",
                        national=True,
                        prefectural=True,
                        department_code="ict-policy",  # assumed: not stated in the plan
                        description=(
                            "内閣府の高度情報通信ネットワーク社会推進戦略本部により平成24年7月に発表された"
                            "「電子行政オープンデータ戦略」では、公共データの活用を促進し「透明性・信頼性の向上」、"
                            "「国民参加・官民協働の推進」、「経済の活性化・行政の効率化」を目指しています。本市でも、"
                            "地方公共団体が保有するデータを民間が活用することによる新たな産業の創出や、"
                            "市内でのデータ連携による行政の効率化・行政サービスの向上を目指します。データ(情報)"
                            "の公開にあたっては、単にデータをオープン(一般公開)するのではなく、"
                            "データの転用や加工等による二次利用が可能な状態で公開していきます。"
                        ),
                        caption="電子行政オープンデータベース戦略の概要",
                        schedule=[
                            [
                                Bar(
                                    "推奨データセットに準じたオープンデータを拡大(開示データの準備、開示)",
                                    (2023, 1),
                                    (2025, 2),
                                ),
                            ],
                            [
                                Bar("情報利用状況の把握、分析", (2023, 1), (2025, 2)),
                            ],
                        ],
                    ),
                ],
            ),
            Field(
                number=3,
                title="市民サービスの向上",
                description=(
                    "行政面では特にマイナンバーカードを活用したオンライン決済やオンライン申請の活用を進め、"
                    "手続きの利便性向上を図ります。また、これまで市が提供してきた地域サービスのデジタル活用を順次検討"
                    "し、デジタルの特徴を活かした効率的で高品質なサービス品質の維持向上を図ります。"
                ),
                initiatives=[
                    # I-(3)① マイナポータルへの対応
                    Initiative(
                        number=1,
                        title="マイナポータルへの対応",
                        national=True,
                        prefectural=False,
                        # 情報連携 with the national systems; 市民課 handles the card itself
                        department_code="ict-policy",  # assumed: not stated in the plan
                        description=(
                            "マイナポータルとは、行政機関が、マイナンバーの付いた特定個人の情報を、いつ、"
                            "どのようにやり取りしたのかを確認したり、"
                            "個人に合った行政機関からのお知らせ情報等を受け取ることができる仕組みであり、"
                            "国の導入スケジュールに連動して対応していきます。"
                        ),
                        caption="マイナポータルの仕組み",
                        schedule=[
                            [
                                Bar("国等との情報連携", (2023, 1), (2025, 2)),
                            ],
                            [
                                Bar("マイナポータルの順次活用開始への対応", (2023, 1), (2025, 2)),
                            ],
                        ],
                    ),
                    # I-(3)② オンライン決済利活用の拡充
                    Initiative(
                        number=2,
                        title="オンライン決済利活用の拡充",
                        national=True,
                        prefectural=True,
                        # extends payment beyond taxes (施設使用料・窓口手数料); 収納 as a whole sits with 会計課, the
                        # tax rows with 収税課
                        department_code="accounting",  # assumed: not stated in the plan
                        description=(
                            "本市ではこれまで、ATMやインターネットバンキング、"
                            "コンビニ収納など納付方法の多様化を進め、"
                            "特に納税関連についてはキャッシュレス決済にも対応をしています。\n"
                            "本計画では、納税以外の分野(施設使用料や窓口手数料など)にも拡充していくと共に、"
                            "オンライン上での申請手続きから一貫して決済することができる方策の検討なども加え、"
                            "市民の利便性の向上を図ります。"
                        ),
                        caption="",
                        schedule=[
                            # The first cell is an HTML fragment in the text: '<ul style="list-style-type: none">
                            # ・納税以外の収納方法の調査研究 ・運用プロセスの検討 ' (an unclosed bulleted list). Read as
                            # one bar whose two bullet lines are joined with a space, like the other two-line cells;
                            # 順次導入 then starts in 2024下期.
                            [
                                Bar("納税以外の収納方法の調査研究 運用プロセスの検討", (2023, 1), (2024, 1)),
                                Bar("順次導入", (2024, 2), (2025, 2)),
                            ],
                            [
                                Bar("納税関連のキャッシュレス決済の拡充検討", (2023, 1), (2025, 2)),
                            ],
                        ],
                    ),
                    # I-(3)③ オンライン申請の利活用の推進
                    Initiative(
                        number=3,
                        title="オンライン申請の利活用の推進",
                        national=True,
                        prefectural=True,
                        department_code="ict-policy",  # assumed: not stated in the plan
                        description=(
                            "多様化する市民のライフスタイルに合わせ、"
                            "時間と場所に捉われずに行うことのできるオンライン申請への対応を順次進めると同時に、"
                            "市民にとってより使いやすいシステムや申請後の業務フローを研究し利用率の向上も目指します。\n"
                            "また、オンライン以外の申請についてもデジタル技術を活用し、利便性を高めていきます。"
                        ),
                        caption="",
                        schedule=[
                            # Row 2 has four texts; by the span rule 現行システムとの調整 is only 2024上期 and 導入準備
                            # runs over 2024下期–2025上期. Plausible: the national deadline for the standardised
                            # systems is the end of 令和7年度.
                            [
                                Bar("オンライン申請の拡充", (2023, 1), (2025, 2)),
                            ],
                            [
                                Bar("基幹業務システムの標準化対応", (2023, 1), (2023, 2)),
                                Bar("現行システムとの調整", (2024, 1), (2024, 1)),
                                Bar("導入準備", (2024, 2), (2025, 1)),
                                Bar("新システムの導入", (2025, 2), (2025, 2)),
                            ],
                        ],
                    ),
                    # I-(3)④ 市民窓口の利便性向上
                    Initiative(
                        number=4,
                        title="市民窓口の利便性向上",
                        national=False,
                        prefectural=False,
                        # 書かない窓口・待たない窓口 are front-desk (市民課) improvements
                        department_code="citizens",  # assumed: not stated in the plan
                        description=(
                            "取組内容①～③と合わせて、各種申請や相談を受け付ける窓口業務の改善を実施し、"
                            "市民の利便性向上を図り、市役所へ来庁する際の準備や、"
                            "来庁してからの煩雑な手続きをできる限り簡便化していきます。\n"
                            "可能な限りワンストップ窓口を実現するとともに、申請書類を書かずに済ませる「書かない窓口」"
                            "、待ち時間が少なくなる「待たない窓口」を目指します。"
                        ),
                        caption="",
                        schedule=[
                            [
                                Bar("業務プロセスの検討", (2023, 1), (2023, 2)),
                                Bar("運用プロセスの検討", (2024, 1), (2024, 1)),
                                Bar("導入準備 試行", (2024, 2), (2024, 2)),
                                Bar("サービス開始", (2025, 1), (2025, 1)),
                                Bar("サービス拡充", (2025, 2), (2025, 2)),
                            ],
                            [
                                Bar("システム等の調査・研究", (2023, 1), (2025, 2)),
                            ],
                        ],
                    ),
                ],
            ),
            Field(
                number=4,
                title="地域のICT利活用への支援",
                description=(
                    "「デジタルの活用により、一人ひとりのニーズに合ったサービスを選ぶことができ、"
                    "多様な幸せが実現できる社会」の実現に向け、全ての市民がデジタル化の恩恵を享受できるよう、"
                    "市民のデジタルデバイド解消、これまで提供してきた市民サービスへのデジタルの活用による利便性の向上"
                    "、デジタルの特徴を活かした新しい市民サービスの創出を民間事業者と連携しながら取り組みます。"
                ),
                initiatives=[
                    # I-(4)① デジタルデバイト解消に向けた取組
                    Initiative(
                        number=1,
                        title="デジタルデバイト解消に向けた取組",
                        national=True,
                        prefectural=False,
                        department_code="ict-policy",  # assumed: not stated in the plan
                        description=(
                            "「誰一人取り残されない」デジタル社会を実現するためにはサービス利用者(市民)"
                            "のデジタルデバイドを解消することが重要になることから、知識や操作を習得する機会を創出し、"
                            "デジタル化の恩恵を享受できるようにしていきます。"
                        ),
                        caption="",
                        schedule=[
                            [
                                Bar("情報発信、各種教室等開催", (2023, 1), (2025, 2)),
                            ],
                            [
                                Bar("地域や事業者との連携", (2023, 1), (2025, 2)),
                            ],
                        ],
                    ),
                    # I-(4)② デジタルを活用した地域サービス
                    Initiative(
                        number=2,
                        title="デジタルを活用した地域サービス",
                        national=True,
                        prefectural=True,
                        department_code="ict-policy",  # assumed: not stated in the plan
                        description=(
                            "これまで本市が提供してきたサービスやイベントについても、"
                            "アナログの良さも残しながらデジタルの特徴を活かし、市民の満足度の向上を図ります。\n"
                            "また、デジタルならではの新しいサービスについても検討を進めます。"
                        ),
                        caption="",
                        schedule=[
                            [
                                Bar("デジタルを活用したサービスの調査研究・地域や事業者との連携", (2023, 1), (2025, 2)),
                            ],
                            [
                                Bar("サービス提供準備・試行", (2023, 1), (2024, 1)),
                                Bar("順次サービスの提供開始", (2024, 2), (2025, 2)),
                            ],
                        ],
                    ),
                    # I-(4)③ ICTを利用した学習の充実
                    Initiative(
                        number=3,
                        title="ICTを利用した学習の充実",
                        national=True,
                        prefectural=True,
                        # GIGAスクール構想 / 学校教育 is the school-education division's
                        department_code="school-education",  # assumed: not stated in the plan
                        description=(
                            "令和元年度からスタートしたGIGAスクール構想の実現を中心に、"
                            "学校教育における情報化を推進し、ICTを活用した学習指導を実施するとともに、"
                            "地域での学習機会を設け、情報活用能力の育成、"
                            "正しくICTを利活用するための情報モラルの育成、プログラミング教育等の推進を図ります。"
                        ),
                        caption="",
                        schedule=[
                            [
                                Bar(
                                    "情報モラル教育の実施 デジタル教材及びプログラミング教育の素材収集",
                                    (2023, 1),
                                    (2025, 2),
                                ),
                            ],
                        ],
                    ),
                ],
            ),
        ],
    ),
    Pillar(
        number=2,
        roman="II",
        title="電子市役所の推進",
        fields=[
            Field(
                number=1,
                title="高度情報化に対応した人材育成",
                description=(
                    "現在庁内においては、市民サービスの向上や行政事務の効率化を目的として多くの情報システムが導入され"
                    "ています。同時に、このシステムを利用する職員一人ひとりに求められるICTリテラシーも高度化していま"
                    "す。\n"
                    "このため、これまでに導入した情報システムの利活用を強化し、より効率的な行政運営の実現に向け、"
                    "職員への研修を拡充し、本市のDXを推進する人材を育成していきます。"
                ),
                initiatives=[
                    # II-(1)① デジタル人材の育成
                    Initiative(
                        number=1,
                        title="デジタル人材の育成",
                        national=True,
                        prefectural=True,
                        # 職員研修 is 人事課's; 情報政策課 would supply the ICT content
                        department_code="personnel",  # assumed: not stated in the plan
                        description=(
                            "職員が日常業務で利用するオフィスアプリケーション(文書作成ソフト、表計算ソフト等)"
                            "やグループウェア等の行政事務の遂行に不可欠なソフトウェアの操作スキルを中級以上にレベルア"
                            "ップさせていきます。また、DXを推進する上で必要となるBPRやプログラミング的思考を習得する"
                            "機会も設け、ICTリテラシーの向上を図るとともに電子自治体の推進を担う人材を育成します。"
                        ),
                        caption="",
                        schedule=[
                            [
                                Bar("研修計画の立案/テーマ検討・決定", (2023, 1), (2023, 1)),
                                Bar("研修実施", (2023, 2), (2023, 2)),
                                Bar("研修計画の立案/テーマ検討・決定", (2024, 1), (2024, 1)),
                                Bar("研修実施", (2024, 2), (2024, 2)),
                                Bar("研修計画の立案/テーマ検討・決定", (2025, 1), (2025, 1)),
                                Bar("研修実施", (2025, 2), (2025, 2)),
                            ],
                        ],
                    ),
                ],
            ),
            Field(
                number=2,
                title="災害に強い電子市役所の確立",
                description=(
                    "東日本大震災の被災地においては、地震や津波による影響で庁舎が壊滅的な被害を受け、"
                    "情報システムや通信機器等が機能しなかったことで、人命に影響を与える事態となりました。"
                    "この教訓を踏まえて総務省をはじめ本市においても、"
                    "災害発生時等における自治体業務の継続及び市民へのサービス提供を実現するため、"
                    "平成27年度にICT-BCPを策定したところです。なお、令和元年度には、"
                    "新庁舎建設や組織改正等に伴うICT-BCPを見直し、令和2年度に改定が完了しております。"
                ),
                initiatives=[
                    # II-(2)① ICT-BCPの実効性の確保
                    Initiative(
                        number=1,
                        title="ICT-BCPの実効性の確保",
                        national=False,
                        prefectural=True,
                        # ICT-BCP is the ICT division's plan; 危機管理課 owns the general BCP
                        department_code="ict-policy",  # assumed: not stated in the plan
                        description=(
                            "今後は、ICT-BCPの実効性を確保することが重要であり、"
                            "災害等により情報システムやネットワークに被害を受けた場合に、"
                            "業務の実施・継続が確実にできるようにするため、"
                            "ICT-BCPの行動計画をベースに定期的に訓練等を実施し、災害に備えた取組を推進します。"
                        ),
                        caption="ICT-BCPの全体イメージ",
                        schedule=[
                            [
                                Bar("初動版導入ガイドに基づく訓練準備", (2023, 1), (2023, 1)),
                                Bar("チェックリストに基づく点検及び庁内周知", (2023, 2), (2023, 2)),
                                Bar("初動版導入ガイドに基づく訓練準備", (2024, 1), (2024, 1)),
                                Bar("チェックリストに基づく点検及び庁内周知", (2024, 2), (2024, 2)),
                                Bar("初動版導入ガイドに基づく訓練準備", (2025, 1), (2025, 1)),
                                Bar("チェックリストに基づく点検及び庁内周知", (2025, 2), (2025, 2)),
                            ],
                            [
                                Bar("基幹業務システム化の標準化に伴う作業内容の見直し", (2023, 1), (2025, 2)),
                            ],
                        ],
                    ),
                ],
            ),
            Field(
                number=3,
                title="情報システムの導入・利活用の強化",
                description=(
                    "近年の市民ニーズの多様化やライフスタイルの変化、ICTの急速な進歩、"
                    "社会経済情勢の変化に伴い行政事務の内容や情報システムに求められる機能が変化している中、"
                    "より効果的に情報システムを利活用するために、各情報システムの課題を明らかにし、機能を見直します。\n"
                    "機能の見直しにあたっては、平成30年度までに整備した「業務プロセス手順集」をベースに、"
                    "更に主要業務の「業務プロセス手順集」を整備し、"
                    "業務効率化・組織間連携の全庁的な視点から業務プロセスの見直しを実施し、"
                    "最適な情報システムの導入を行います。"
                ),
                initiatives=[
                    # II-(3)① クラウドの導入
                    Initiative(
                        number=1,
                        title="クラウドの導入",
                        national=True,
                        prefectural=True,
                        department_code="ict-policy",  # assumed: not stated in the plan
                        description=(
                            "情報システムを独自に開発して管理運用を行うことに比べ、"
                            "クラウドサービスを利用する方が効率的で経費の削減に繋がることが多いため、"
                            "業務効率化／標準化・組織間連携の全庁的な視点から、"
                            "クラウド化を更に加速させる必要があります。本市では、令和7年度の全面移行を目標に、"
                            "移行対象システムや利用サービスの検討と試行を進めます。"
                        ),
                        caption="",
                        schedule=[
                            [
                                Bar("基幹業務システムのガバメントクラウドへの移行準備", (2023, 1), (2025, 1)),
                                Bar("ガバメントクラウドへの移行", (2025, 2), (2025, 2)),
                            ],
                            [
                                Bar("最適情報システムの検討 順次クラウドコンピューティング化", (2023, 1), (2025, 2)),
                            ],
                        ],
                    ),
                    # II-(3)② 庁内文書の電子化
                    Initiative(
                        number=2,
                        title="庁内文書の電子化",
                        national=False,
                        prefectural=False,
                        # 文書管理 is 総務課's; 請求書 e-invoicing also touches 会計課
                        department_code="general-affairs-div",  # assumed: not stated in the plan
                        description=(
                            "紙の削減(ペーパレス化)の効果は、"
                            "環境対策や経費・保管スペースの維持コスト等の抑制だけではなく、文書検索時間の短縮、"
                            "決裁までのスピードの向上、テレワークのように場所に縛られない働き方の実現など、"
                            "働き方改革の実現に必要なものになります。\n"
                            "本市では、業務の効率化に主眼を置き、文書(最重要、重要、一般)"
                            "の電子化を進めているところですが、更に文書の電子化を進めるためには、外部から市役所への"
                            "「紙のやりとり」による業務の電子化が肝要となるため、"
                            "請求書や契約書の電子化対応に取り組んでいきます。また、"
                            "業務の効率化やコストの削減が期待できる、業務連絡、作業手順、"
                            "会議資料等の内部的な紙文書のペーパレス化にも対応していきます。"
                        ),
                        caption="",
                        schedule=[
                            [
                                Bar("請求書及び契約書の電子化の調査・研究", (2023, 1), (2023, 2)),
                                Bar("運用プロセスの検討", (2024, 1), (2024, 2)),
                                Bar("順次導入", (2025, 1), (2025, 2)),
                            ],
                        ],
                    ),
                    # II-(3)③ 業務プロセス改革に連動したICTの導入
                    Initiative(
                        number=3,
                        title="業務プロセス改革に連動したICTの導入",
                        national=False,
                        prefectural=False,
                        department_code="ict-policy",  # assumed: not stated in the plan
                        description=(
                            "人口減少社会においても行政のパフォーマンスの維持・向上を図るためには、"
                            "限りがある職員数の中で、より多くの職員を住民サービスの向上や新たな政策課題への対応に充て"
                            "られるよう、「業務の効率化を図り、職員一人当たりの生産性を向上させる」、"
                            "「働き方に制約がある職員(育児・介護等)"
                            "でも制約がない職員と同等に働くことができる環境を整備する」、"
                            "「職員でしかできない業務に集中できる環境を整備する」などの、「働き方改革」"
                            "(ワークライフバランス)を実現することが重要です。\n"
                            "また、デジタル庁においては、ICTの効果的な活用により上述の取組を実現し、"
                            "持続可能な行政運営を確立するために「地方公共団体情報システム標準化基本方針」を定め、"
                            "地方公共団体の基幹業務システムの統一・標準化を進めています。\n"
                            "これは、これまで地方公共団体が個別に開発カスタマイズしてきた基幹業務システムをデジタル庁"
                            "が定めた標準化法に基づき更新を行うものです。\n"
                            "併せて基幹業務システムの統一・標準化を実現するためには、"
                            "これまでは業務プロセスにシステムをカスタマイズして合わせてきましたが、"
                            "これからは標準システムに業務プロセスを合わせる、"
                            "BPRの手法を用いた業務プロセス改革が必要となります。\n"
                            "本市では、平成27年度から庁内業務プロセス改革に取り組んできましたが、"
                            "これらの国の施策に対応するため、更に改革を加速させ、統一・標準化の実現と業務品質の向上"
                            "(ポカミスの防止、重複業務の抑制、作業のスピードアップ、情報セキュリティの強化等)"
                            "につなげていきます。"
                        ),
                        # Two figures follow the schedule; both 《…》 captions are kept, one per line. The bullet text
                        # printed with the figures is figure content, not description, and is not transcribed.
                        caption="業務プロセス改革(BPR)のポイント\n基幹業務システムの統一・標準化が目指す姿",
                        schedule=[
                            [
                                Bar("基幹業務システムの標準化に伴う業務プロセスの調査・研究", (2023, 1), (2024, 1)),
                                Bar("業務プロセスの検討・順次導入", (2024, 2), (2025, 2)),
                            ],
                        ],
                    ),
                    # II-(3)④ GISの利活用強化
                    Initiative(
                        number=4,
                        title="GISの利活用強化",
                        national=False,
                        prefectural=False,
                        # 庁内GIS (統合型GIS) is run by the ICT division; 都市計画課 is a heavy user
                        department_code="ict-policy",  # assumed: not stated in the plan
                        description=(
                            "本市では平成21年度に庁内で使用するGISを導入し、災害対策など幅広い分野での利活用のため、"
                            "情報の視覚化と分析・解析、レイヤー数の拡大等を推進してきました。\n"
                            "次のステップでは、庁内にある情報集約のための定期的な操作研修、クラウドへの移行、"
                            "市民へオープン化等を計画しています。"
                        ),
                        caption="",
                        schedule=[
                            [
                                Bar("公開データの検討", (2023, 1), (2023, 2)),
                                Bar("公開準備", (2024, 1), (2024, 1)),
                                Bar("順次公開", (2024, 2), (2025, 2)),
                            ],
                            [
                                Bar("次期システムの仕様検討", (2023, 1), (2023, 2)),
                                Bar("次期システムの導入準備", (2024, 1), (2024, 1)),
                                Bar("次期システムの導入", (2024, 2), (2024, 2)),
                                Bar("順次対応", (2025, 1), (2025, 2)),
                            ],
                        ],
                    ),
                ],
            ),
            Field(
                number=4,
                title="情報セキュリティ対策の強化と個人情報保護の徹底",
                description=(
                    "ICTの進展やインターネットの普及により、様々な分野での利便性が向上する中、一方では、国民生活、"
                    "社会経済、安全保障・治安維持等のあらゆる活動がサイバー空間に依存しています。\n"
                    "このような中、サイバー空間を対象とした攻撃は、近年、高度化・複雑化するとともに「愉快犯」から"
                    "「経済犯・組織犯(標的型攻撃)」的なものに移行しており、社会的な脅威が高まっています。また、"
                    "スマートフォン、タブレット端末等の急速な普及や、ソーシャルメディア、"
                    "クラウドサービス等の利用の拡大に伴い、"
                    "これらを狙ったマルウェアの増加等の新たな脅威も表面化しています。\n"
                    "今後、ICTの高度化及び利活用が更に進展することにより、サイバー攻撃(標的型攻撃メール)"
                    "の被害の深刻化及び広域化が懸念されるため、情報セキュリティポリシーの順守度チェック"
                    "(自己点検や内部監査又は必要に応じて第三者機関による外部監査)"
                    "や情報セキュリティ研修を定期的に実施します。"
                ),
                initiatives=[
                    # II-(4)① 情報セキュリティ研修の実施
                    Initiative(
                        number=1,
                        title="情報セキュリティ研修の実施",
                        national=False,
                        prefectural=False,
                        department_code="ict-policy",  # assumed: not stated in the plan
                        description=(
                            "本市では「大田原市情報セキュリティの基本方針を定める規程」及び"
                            "「大田原市情報セキュリティ対策基準」(以下、「情報セキュリティポリシー」と総称する。)"
                            "を定め、個人情報等の重要情報の取り扱い、"
                            "情報資産の機密性及び完全性及び可用性の管理やセキュリティ対策の基準等を明確にしています。\n"
                            "また、「大田原市情報セキュリティ委員会の組織及び運営に関する要領」"
                            "による情報セキュリティインシデントへの早急な対応をはじめ、「大田原市業務継続計画(ICT編)"
                            "」により、大規模災害や事故により情報システムに被害を受けた時の早期復旧に向けた計画につい"
                            "ても明確にしています。\n"
                            "これらの取組内容の確認や新たなサイバー脅威への対策などを含めて定期的に情報セキュリティ研"
                            "修を実施していますが、今後も研修内容の充実を図り、"
                            "情報セキュリティに関する意識向上と情報管理を徹底します。\n"
                            "研修は行政事務に携わる職員だけでなく、教育情報セキュリティの基本方針を定めた教育委員会、"
                            "教員も対象として実施します。"
                        ),
                        caption="",
                        schedule=[
                            [
                                Bar("研修テーマ決定", (2023, 1), (2023, 1)),
                                Bar("研修実施", (2023, 2), (2023, 2)),
                                Bar("研修テーマ決定", (2024, 1), (2024, 1)),
                                Bar("研修実施", (2024, 2), (2024, 2)),
                                Bar("研修テーマ決定", (2025, 1), (2025, 1)),
                                Bar("研修実施", (2025, 2), (2025, 2)),
                            ],
                            [
                                Bar("教員向け情報リテラシー向上の研修実施", (2023, 1), (2025, 2)),
                            ],
                        ],
                    ),
                    # II-(4)② 情報セキュリティマネジメントシステムの推進
                    Initiative(
                        number=2,
                        title="情報セキュリティマネジメントシステムの推進",
                        national=True,
                        prefectural=True,
                        department_code="ict-policy",  # assumed: not stated in the plan
                        description=(
                            "庁内の情報セキュリティの継続的な改善を実現するための体制を整備し、"
                            "本市の情報セキュリティポリシーに基づく情報セキュリティの確保、自己点検の実施、"
                            "内部監査又は必要に応じて第三者機関による外部監査等を定期的実施できる環境を整え、"
                            "監査の中期計画・年度計画・実施計画を立案し、その計画に基づき定期的に監査を実施し、"
                            "その結果に基づき課題の洗い出しや改善を行います。"
                        ),
                        caption="",
                        schedule=[
                            [
                                Bar("監査中期計画・年度計画・実施計画の策定", (2023, 1), (2023, 1)),
                                Bar("自己点検及び特命監査の実施", (2023, 2), (2023, 2)),
                                Bar("監査中期計画・年度計画・実施計画の策定", (2024, 1), (2024, 1)),
                                Bar("自己点検及び特命監査の実施", (2024, 2), (2024, 2)),
                                Bar("監査中期計画・年度計画・実施計画の策定", (2025, 1), (2025, 1)),
                                Bar("自己点検及び特命監査の実施", (2025, 2), (2025, 2)),
                            ],
                            [
                                Bar("教育情報セキュリティポリシーに伴うセキュリティ監査の実施", (2023, 1), (2025, 2)),
                            ],
                            [
                                Bar("必要に応じて、情報セキュリティに関する例規等の見直し", (2023, 1), (2025, 2)),
                            ],
                        ],
                    ),
                ],
            ),
        ],
    ),
]

PREVIOUS_PLAN_REVIEW: Final[list[ReviewEntry]] = [
    ReviewEntry(
        pillar=1,
        field="地域への情報提供の推進",
        item="SNS等による情報発信の強化",
        continued=True,
        note="更なる強化を目指し、継続します。",
        successor=(1, 1, 1),
    ),
    ReviewEntry(
        pillar=1,
        field="地域への情報提供の推進",
        item="情報発信ツールの多言語化対応",
        continued=False,
        note="第3次計画における実施スケジュールが完了したため、終了します。",
        successor=None,
    ),
    ReviewEntry(
        pillar=1,
        field="地域への情報提供の推進",
        item="5Gを軸としたインフラ再構築の調査",
        continued=False,
        note=(
            "第3次計画における実施スケジュールが完了し、他の取組分野の手段として継続検討するため、"
            "取組項目としては終了します。"
        ),
        successor=None,
    ),
    ReviewEntry(
        pillar=1,
        field="市ホームページによる情報発信の活性化",
        item="ホームページの充実",
        continued=True,
        note="更なる充実を目指し、継続します。",
        successor=(1, 2, 1),
    ),
    ReviewEntry(
        pillar=1,
        field="市ホームページによる情報発信の活性化",
        item="電子行政オープンデータ提供の推進",
        continued=True,
        note="更なる活用を推進します。",
        successor=(1, 2, 2),
    ),
    # renamed to オンライン決済利活用の拡充
    ReviewEntry(
        pillar=1,
        field="市民サービスの向上",
        item="電子収納の利活用の推進",
        continued=True,
        note="取り組み項目名を「オンライン決済利活用の拡充」として継続します。",
        successor=(1, 3, 2),
    ),
    # ended: folded into ③ (whose 第4次 successor is I-(3)③); the note calls ③ 「…の促進」 though the item reads
    # 「…の推進」
    ReviewEntry(
        pillar=1,
        field="市民サービスの向上",
        item="行政手続きに関する情報発信の強化",
        continued=False,
        note="「③ 電子申請・届出等の利活用の促進」に包含するため、終了します。",
        successor=None,
    ),
    # renamed to オンライン申請の利活用の推進
    ReviewEntry(
        pillar=1,
        field="市民サービスの向上",
        item="電子申請・届出等の利活用の推進",
        continued=True,
        note="取り組み項目名を「オンライン申請の利活用の推進」として継続します。",
        successor=(1, 3, 3),
    ),
    ReviewEntry(
        pillar=1,
        field="市民サービスの向上",
        item="公共施設等への公衆無線LANの拡充",
        continued=False,
        note="第3次計画における実施スケジュールが完了したため、終了します。",
        successor=None,
    ),
    ReviewEntry(
        pillar=1,
        field="市民サービスの向上",
        item="マイナポータルへの対応",
        continued=True,
        note="マイナンバーカードの利活用促進と併せて継続します。",
        successor=(1, 3, 1),
    ),
    # the note names the field 「(4) ICT利活用への支援」, but the 第4次 field is 地域のICT利活用への支援
    ReviewEntry(
        pillar=1,
        field="ICT利活用への支援",
        item="ICTを利用した学習の充実",
        continued=True,
        note="「(4) ICT利活用への支援」に名称変更し、より幅広い支援を推進します。",
        successor=(1, 4, 3),
    ),
    # 統合し → デジタル人材の育成
    ReviewEntry(
        pillar=2,
        field="高度情報化に対応した人材育成",
        item="職員向けパソコン研修の実施",
        continued=True,
        note="統合し、「デジタル人材の育成」に名称変更します。",
        successor=(2, 1, 1),
    ),
    # 備考 is blank in the text, but 「統合し」 on the row above only makes sense for both rows of this field (a merged
    # 備考 cell lost its span), and デジタル人材の育成 is the only 第4次 item in the field
    ReviewEntry(
        pillar=2,
        field="高度情報化に対応した人材育成",
        item="教員のICT活用指導力の向上",
        continued=True,
        note="",
        successor=(2, 1, 1),
    ),
    ReviewEntry(
        pillar=2,
        field="災害に強い電子市役所の確立",
        item="ICT-BCPの実効性の確保",
        continued=True,
        note="より実効性が確保できるよう継続します。",
        successor=(2, 2, 1),
    ),
    ReviewEntry(
        pillar=2,
        field="情報システムの導入・利活用の強化",
        item="クラウドの導入",
        continued=True,
        note="継続し、取組を更に加速させます。",
        successor=(2, 3, 1),
    ),
    ReviewEntry(
        pillar=2,
        field="情報システムの導入・利活用の強化",
        item="庁内文書の電子化",
        continued=True,
        note="継続し、取組範囲を拡大させていきます。",
        successor=(2, 3, 2),
    ),
    ReviewEntry(
        pillar=2,
        field="情報システムの導入・利活用の強化",
        item="業務プロセス改革に連動したICTの導入",
        continued=True,
        note="国が示している基幹業務システムの統一・標準化への取組を中心に継続します。",
        successor=(2, 3, 3),
    ),
    ReviewEntry(
        pillar=2,
        field="情報システムの導入・利活用の強化",
        item="RPA導入の調査・研究",
        continued=False,
        note="導入の可否を計るために必要となる、調査・研究が完了したため、終了します。",
        successor=None,
    ),
    ReviewEntry(
        pillar=2,
        field="情報システムの導入・利活用の強化",
        item="AI活用の調査・研究",
        continued=False,
        note="取り組み項目としては終了し、他の項目の実現手段として、より具体的な検討に入ります。",
        successor=None,
    ),
    ReviewEntry(
        pillar=2,
        field="情報システムの導入・利活用の強化",
        item="GISの利活用強化",
        continued=True,
        note="継続し、取組を更に加速させます。",
        successor=(2, 3, 4),
    ),
    ReviewEntry(
        pillar=2,
        field="情報セキュリティ対策の強化と個人情報保護の徹底",
        item="情報セキュリティ研修の実施",
        continued=True,
        note="研修対象を拡大し、継続します。",
        successor=(2, 4, 1),
    ),
    ReviewEntry(
        pillar=2,
        field="情報セキュリティ対策の強化と個人情報保護の徹底",
        item="情報セキュリティマネジメントシステムの推進",
        continued=True,
        note="庁内の情報セキュリティの維持と継続的な改善を実現するため、継続します。",
        successor=(2, 4, 2),
    ),
    # ended: folded into ② 情報セキュリティマネジメントシステムの推進
    ReviewEntry(
        pillar=2,
        field="情報セキュリティ対策の強化と個人情報保護の徹底",
        item="情報セキュリティの強化",
        continued=False,
        note=(
            "目標であった教育情報セキュリティポリシーの策定が完了し、"
            "「② 情報セキュリティマネジメントシステムの推進」に包含されるため、終了します。"
        ),
        successor=None,
    ),
]
