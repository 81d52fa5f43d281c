"""Demo open data for 大田原市: the standard datasets, a messy upload for the fixing story, and 90 days of usage.

Everything is synthetic and deterministic: each dataset draws from its own random.Random seeded by a string, so
two runs give identical bytes. Public facilities carry their real names; businesses, clinics, care providers,
phone numbers and 番地 are invented. Every point lies inside DEMO_BBOX.

Most of this module is data tables; the generators at the bottom of each section are short.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import functools
import io
import random
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

import jpholiday
from django.utils import timezone

from .validation import load_schemas

DEMO_BBOX = (36.78, 139.93, 36.98, 140.22)  # min_lat, min_lon, max_lat, max_lon
CITY_CODE = "092100"
PREFECTURE = "栃木県"
CITY = "大田原市"
CITY_FULL = PREFECTURE + CITY
CITY_PHONE = "0287-23-1111"
CITY_POPULATION = 70_000  # as in cityhall.accounts.demo_city.MUNICIPALITY
DEMO_SITE = "https://demo.ohtawara.example.jp"
SURVEY_ON = "2026-10-01"

Group = Literal["bousai", "kenkou", "kosodate", "kankou", "kurashi", "gyousei"]
Frequency = Literal["irregular", "monthly", "quarterly", "yearly"]
GROUPS: dict[str, str] = {
    "bousai": "防災・安全",
    "kenkou": "健康・福祉",
    "kosodate": "子育て・教育",
    "kankou": "観光・文化",
    "kurashi": "くらし・環境",
    "gyousei": "行政・統計",
}
Row = dict[str, str]


def _rng(name: str) -> random.Random:
    # A str seed is hashed with SHA-512 by random, so the data does not depend on PYTHONHASHSEED.
    return random.Random(f"cityhall-demo:{name}")  # noqa: S311 — demo data, not security


@functools.cache
def _columns(schema_key: str) -> tuple[str, ...]:
    return tuple(rule.name for rule in load_schemas()[schema_key].columns)


def _write_csv(schema_key: str, rows: Iterable[Row]) -> str:
    """CSV text (CRLF, no BOM) with the schema's columns in schema order; a key outside the schema is an error."""
    columns = _columns(schema_key)
    known = frozenset(columns)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        if not known.issuperset(row):
            raise KeyError(f"{schema_key}: not in the schema: {sorted(set(row) - known)}")
        writer.writerow([row.get(name, "") for name in columns])
    return buffer.getvalue()


def _apportion(total: int, weights: Sequence[float]) -> list[int]:
    """Split total into integers proportional to weights (largest remainder), so parts always sum to total."""
    scale = total / sum(weights)
    exact = [w * scale for w in weights]
    parts = [int(x) for x in exact]
    by_remainder = sorted(range(len(exact)), key=lambda i: (parts[i] - exact[i], i))
    for i in by_remainder[: total - sum(parts)]:
        parts[i] += 1
    return parts


# --- Geography -------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Area:
    name: str  # 町字 without 丁目
    kana: str
    romaji: str
    district: str  # 地区, as schools and 公民館 are named
    postal: str  # 7 digits, as the standard writes 郵便番号
    lat: float
    lon: float
    chome: int = 0  # number of 丁目; 0 for an 大字 addressed by 番地 alone


_AREAS: tuple[_Area, ...] = (
    _Area("本町", "ホンチョウ", "Honcho", "大田原", "3240041", 36.8712, 140.0160, 2),
    _Area("中央", "チュウオウ", "Chuo", "大田原", "3240056", 36.8668, 140.0203, 2),
    _Area("城山", "シロヤマ", "Shiroyama", "大田原", "3240053", 36.8748, 140.0218, 2),
    _Area("紫塚", "ムラサキヅカ", "Murasakizuka", "大田原", "3240058", 36.8612, 140.0282, 3),
    _Area("美原", "ミハラ", "Mihara", "大田原", "3240048", 36.8795, 140.0042, 3),
    _Area("山の手", "ヤマノテ", "Yamanote", "大田原", "3240054", 36.8788, 140.0118, 2),
    _Area("末広", "スエヒロ", "Suehiro", "大田原", "3240042", 36.8655, 140.0118, 3),
    _Area("元町", "モトマチ", "Motomachi", "大田原", "3240043", 36.8692, 140.0102, 2),
    _Area("若草", "ワカクサ", "Wakakusa", "大田原", "3240046", 36.8598, 140.0078, 2),
    _Area("富士見", "フジミ", "Fujimi", "大田原", "3240051", 36.8762, 140.0335, 2),
    _Area("住吉町", "スミヨシチョウ", "Sumiyoshicho", "大田原", "3240057", 36.8632, 140.0172, 2),
    _Area("新富町", "シントミチョウ", "Shintomicho", "大田原", "3240052", 36.8705, 140.0272, 2),
    _Area("浅香", "アサカ", "Asaka", "大田原", "3240044", 36.8590, 140.0190, 3),
    _Area("中田原", "ナカタワラ", "Nakatawara", "大田原", "3240062", 36.8815, 140.0440),
    _Area("加治屋", "カジヤ", "Kajiya", "大田原", "3240061", 36.8555, 140.0425),
    _Area("上石上", "カミイシガミ", "Kamiishigami", "野崎", "3240001", 36.8945, 139.9935),
    _Area("下石上", "シモイシガミ", "Shimoishigami", "野崎", "3240003", 36.8868, 139.9852),
    _Area("薄葉", "ウスバ", "Usuba", "野崎", "3240007", 36.8820, 139.9640),
    _Area("北金丸", "キタカネマル", "Kitakanemaru", "金田", "3240011", 36.9060, 140.0345),
    _Area("南金丸", "ミナミカネマル", "Minamikanemaru", "金田", "3240012", 36.8930, 140.0405),
    _Area("赤瀬", "アカセ", "Akase", "金田", "3240013", 36.9165, 140.0580),
    _Area("市野沢", "イチノサワ", "Ichinosawa", "金田", "3240014", 36.9085, 140.0780),
    _Area("親園", "チカソノ", "Chikasono", "親園", "3240021", 36.8430, 139.9890),
    _Area("宇田川", "ウダガワ", "Udagawa", "親園", "3240022", 36.8335, 139.9745),
    _Area("滝岡", "タキオカ", "Takioka", "親園", "3240023", 36.8520, 139.9560),
    _Area("佐久山", "サクヤマ", "Sakuyama", "佐久山", "3240036", 36.8065, 139.9955),
    _Area("福原", "フクハラ", "Fukuhara", "佐久山", "3240037", 36.8200, 139.9700),
    _Area("大神", "オオガミ", "Ogami", "佐久山", "3240038", 36.7935, 140.0180),
    _Area("湯津上", "ユヅカミ", "Yuzukami", "湯津上", "3240403", 36.8085, 140.1120),
    _Area("佐良土", "サラド", "Sarado", "湯津上", "3240404", 36.7960, 140.1260),
    _Area("片府田", "カタフダ", "Katafuda", "湯津上", "3240405", 36.8190, 140.0930),
    _Area("蛭田", "ヒルタ", "Hiruta", "蛭田", "3240015", 36.8345, 140.0700),
    _Area("羽田", "ハネダ", "Haneda", "蛭田", "3240016", 36.8480, 140.0560),
    _Area("黒羽田町", "クロバネタマチ", "Kurobanetamachi", "黒羽", "3240233", 36.8705, 140.1255),
    _Area("黒羽向町", "クロバネムコウマチ", "Kurobanemukomachi", "黒羽", "3240234", 36.8682, 140.1330),
    _Area("前田", "マエダ", "Maeda", "黒羽", "3240235", 36.8760, 140.1175),
    _Area("堀之内", "ホリノウチ", "Horinouchi", "黒羽", "3240236", 36.8620, 140.1150),
    _Area("北野上", "キタノガミ", "Kitanogami", "川西", "3240221", 36.8925, 140.1040),
    _Area("川田", "カワダ", "Kawada", "川西", "3240222", 36.9045, 140.0925),
    _Area("寒井", "サムイ", "Samui", "川西", "3240223", 36.9155, 140.1130),
    _Area("須賀川", "スカガワ", "Sukagawa", "須賀川", "3240201", 36.9560, 140.1810),
    _Area("雲岩寺", "ウンガンジ", "Unganji", "須賀川", "3240202", 36.9350, 140.1865),
    _Area("中野内", "ナカノウチ", "Nakanouchi", "両郷", "3240211", 36.9150, 140.1530),
    _Area("大輪", "オオワ", "Owa", "両郷", "3240212", 36.9000, 140.1620),
    _Area("木佐美", "キサミ", "Kisami", "両郷", "3240213", 36.8950, 140.1460),
)
_AREA = {area.name: area for area in _AREAS}
_EXCHANGES = {
    "大田原": ("22", "23", "24", "29"), "野崎": ("29",), "金田": ("28",), "親園": ("28",), "佐久山": ("28",),
    "蛭田": ("28",), "湯津上": ("98",), "黒羽": ("54",), "川西": ("54",), "須賀川": ("57",), "両郷": ("55",),
}  # fmt: skip
# Districts along the 那珂川 and 箒川 (flood) and in the hills of the north (slope failure).
_FLOOD_DISTRICTS = frozenset({"黒羽", "湯津上", "佐久山"})
_SLOPE_DISTRICTS = frozenset({"須賀川", "両郷", "川西"})
_KANJI_DIGITS = "〇一二三四五六七八九"


@dataclass(frozen=True, slots=True)
class _Place:
    name: str
    kana: str
    english: str
    kind: str
    area: _Area
    chome: int
    banchi: str
    lat: str
    lon: str
    phone: str
    building: str = ""

    @property
    def choaza(self) -> str:
        return self.area.name + (f"{_KANJI_DIGITS[self.chome]}丁目" if self.chome else "")

    @property
    def address(self) -> str:
        """住所 without the building (方書)."""
        return f"{CITY_FULL}{self.choaza}{self.banchi}"

    @property
    def full_address(self) -> str:
        """所在地_連結表記: prefecture to building, the building after a full-width space as in the standard."""
        return f"{self.address}\u3000{self.building}" if self.building else self.address


def _phone(rng: random.Random, area: _Area) -> str:
    return f"0287-{rng.choice(_EXCHANGES[area.district])}-{rng.randint(1000, 9999)}"


def _point(rng: random.Random, area: _Area) -> tuple[str, str]:
    min_lat, min_lon, max_lat, max_lon = DEMO_BBOX
    lat = min(max(area.lat + rng.uniform(-0.005, 0.005), min_lat + 0.002), max_lat - 0.002)
    lon = min(max(area.lon + rng.uniform(-0.006, 0.006), min_lon + 0.002), max_lon - 0.002)
    return f"{lat:.6f}", f"{lon:.6f}"


def _banchi(rng: random.Random, area: _Area) -> tuple[int, str]:
    if area.chome:
        return rng.randint(1, area.chome), f"{rng.randint(1, 28)}-{rng.randint(1, 30)}"
    number = rng.randint(100, 2999)
    return 0, str(number) if rng.random() < 0.6 else f"{number}-{rng.randint(1, 12)}"


def _place(
    name: str, kana: str, english: str, kind: str, area_name: str, *, chome: int = 0, banchi: str = "",
    building: str = "", key: str = "",
) -> _Place:  # fmt: skip
    """A place with a stable position, 番地 and phone: all drawn from a generator seeded by its name."""
    area = _AREA[area_name]
    rng = _rng(f"place:{kind}:{name}:{key}")
    drawn_chome, drawn_banchi = _banchi(rng, area)
    lat, lon = _point(rng, area)
    if banchi:
        drawn_chome, drawn_banchi = chome, banchi
    return _Place(name, kana, english, kind, area, drawn_chome, drawn_banchi, lat, lon, _phone(rng, area), building)


# --- Public facilities shared by several datasets ---------------------------------------------------------------

_STEMS: dict[str, tuple[str, str]] = {
    "大田原": ("オオタワラ", "Ohtawara"), "中央": ("チュウオウ", "Chuo"), "紫塚": ("ムラサキヅカ", "Murasakizuka"),
    "西原": ("ニシハラ", "Nishihara"), "石上": ("イシガミ", "Ishigami"), "金田北": ("カネダキタ", "Kaneda-kita"),
    "金田南": ("カネダミナミ", "Kaneda-minami"), "市野沢": ("イチノサワ", "Ichinosawa"), "親園": ("チカソノ", "Chikasono"),
    "宇田川": ("ウダガワ", "Udagawa"), "野崎": ("ノザキ", "Nozaki"), "佐久山": ("サクヤマ", "Sakuyama"),
    "羽田": ("ハネダ", "Haneda"), "蛭田": ("ヒルタ", "Hiruta"), "湯津上": ("ユヅカミ", "Yuzukami"),
    "黒羽": ("クロバネ", "Kurobane"), "川西": ("カワニシ", "Kawanishi"), "須賀川": ("スカガワ", "Sukagawa"),
    "両郷": ("リョウゴウ", "Ryogo"), "若草": ("ワカクサ", "Wakakusa"),
}  # fmt: skip
# (stem, 町字) per kind of stem-named facility.
_COMMUNITY = (
    ("中央", "本町"), ("紫塚", "紫塚"), ("西原", "若草"), ("金田北", "北金丸"), ("金田南", "南金丸"), ("親園", "親園"),
    ("野崎", "薄葉"), ("佐久山", "佐久山"), ("蛭田", "蛭田"), ("湯津上", "湯津上"), ("黒羽", "前田"),
    ("川西", "北野上"), ("須賀川", "須賀川"), ("両郷", "中野内"),
)  # fmt: skip
_ELEMENTARY = (
    ("大田原", "山の手"), ("紫塚", "紫塚"), ("西原", "若草"), ("石上", "上石上"), ("金田北", "北金丸"),
    ("金田南", "南金丸"), ("市野沢", "市野沢"), ("親園", "親園"), ("宇田川", "宇田川"), ("野崎", "薄葉"),
    ("佐久山", "佐久山"), ("羽田", "羽田"), ("蛭田", "蛭田"), ("湯津上", "湯津上"), ("黒羽", "黒羽田町"),
    ("川西", "川田"), ("須賀川", "須賀川"), ("両郷", "中野内"),
)  # fmt: skip
_JUNIOR_HIGH = (
    ("大田原", "元町"), ("若草", "若草"), ("金田北", "北金丸"), ("金田南", "南金丸"), ("野崎", "下石上"),
    ("親園", "親園"), ("佐久山", "佐久山"), ("湯津上", "湯津上"), ("黒羽", "前田"),
)  # fmt: skip
_STEM_KINDS = (
    ("community", _COMMUNITY, "公民館", "コウミンカン", "Community Center"),
    ("elementary", _ELEMENTARY, "小学校", "ショウガッコウ", "Elementary School"),
    ("junior_high", _JUNIOR_HIGH, "中学校", "チュウガッコウ", "Junior High School"),
)
# (name, kana, English, kind, 町字, 丁目, 番地, 方書)
_NAMED: tuple[tuple[str, str, str, str, str, int, str, str], ...] = (
    ("大田原市役所", "オオタワラシヤクショ", "Ohtawara City Hall", "office", "本町", 1, "4-1", ""),
    ("大田原市湯津上支所", "オオタワラシユヅカミシショ", "Ohtawara City Yuzukami Branch", "office", "湯津上", 0, "5", ""),
    ("大田原市黒羽支所", "オオタワラシクロバネシショ", "Ohtawara City Kurobane Branch", "office", "黒羽田町", 0, "530", ""),
    ("大田原市立図書館", "オオタワラシリツトショカン", "Ohtawara City Library", "library", "末広", 2, "3-2", ""),
    ("大田原市立黒羽図書館", "オオタワラシリツクロバネトショカン", "Kurobane Library", "library", "前田", 0, "780", ""),
    ("大田原市立湯津上図書館", "オオタワラシリツユヅカミトショカン", "Yuzukami Library", "library", "湯津上", 0, "238", ""),
    ("大田原市民体育館", "オオタワラシミンタイイクカン", "Ohtawara City Gymnasium", "sports", "美原", 3, "3-1", ""),
    ("美原公園野球場", "ミハラコウエンヤキュウジョウ", "Mihara Park Baseball Stadium", "sports", "美原", 3, "2-4", ""),
    ("黒羽体育館", "クロバネタイイクカン", "Kurobane Gymnasium", "sports", "前田", 0, "1052", ""),
    ("湯津上体育館", "ユヅカミタイイクカン", "Yuzukami Gymnasium", "sports", "湯津上", 0, "250", ""),
    ("佐久山体育館", "サクヤマタイイクカン", "Sakuyama Gymnasium", "sports", "佐久山", 0, "2180", ""),
    ("大田原市総合文化会館", "オオタワラシソウゴウブンカカイカン", "Ohtawara Cultural Hall", "culture", "本町", 1, "3-1", ""),
    ("那須与一伝承館", "ナスノヨイチデンショウカン", "Nasu no Yoichi Museum", "culture", "南金丸", 0, "1675", ""),
    ("黒羽芭蕉の館", "クロバネバショウノヤカタ", "Kurobane Basho Museum", "culture", "前田", 0, "980-1", ""),
    ("なす風土記の丘湯津上資料館", "ナスフドキノオカユヅカミシリョウカン", "Nasu Fudoki no Oka Yuzukami Museum", "culture", "湯津上", 0, "192", ""),
    ("大田原市ふれあいの丘", "オオタワラシフレアイノオカ", "Ohtawara Fureai no Oka", "culture", "滝岡", 0, "1000", ""),
    ("トコトコ大田原", "トコトコオオタワラ", "Tokotoko Ohtawara", "culture", "中央", 1, "3-15", ""),
    ("大田原市総合福祉センター", "オオタワラシソウゴウフクシセンター", "Ohtawara Welfare Center", "welfare", "中田原", 0, "1045-1", ""),
    ("大田原市保健センター", "オオタワラシホケンセンター", "Ohtawara Health Center", "welfare", "住吉町", 1, "4-5", ""),
    ("大田原市子ども未来館", "オオタワラシコドモミライカン", "Ohtawara Children's Center", "welfare", "中央", 1, "3-15", "トコトコ大田原3階"),
    ("竜城公園", "リュウジョウコウエン", "Ryujo Park", "park", "城山", 2, "21", ""),
    ("美原公園", "ミハラコウエン", "Mihara Park", "park", "美原", 3, "2", ""),
    ("黒羽城址公園", "クロバネジョウシコウエン", "Kurobane Castle Ruins Park", "park", "前田", 0, "1", ""),
    ("佐久山御殿山公園", "サクヤマゴテンヤマコウエン", "Sakuyama Gotenyama Park", "park", "佐久山", 0, "1990", ""),
    ("那珂川河畔公園", "ナカガワカハンコウエン", "Nakagawa Riverside Park", "park", "黒羽向町", 0, "158", ""),
    ("若草中央公園", "ワカクサチュウオウコウエン", "Wakakusa Chuo Park", "park", "若草", 2, "5", ""),
    ("紫塚公園", "ムラサキヅカコウエン", "Murasakizuka Park", "park", "紫塚", 2, "11", ""),
    ("富士見公園", "フジミコウエン", "Fujimi Park", "park", "富士見", 1, "8", ""),
    ("中田原ふれあい公園", "ナカタワラフレアイコウエン", "Nakatawara Fureai Park", "park", "中田原", 0, "780", ""),
    ("親園ふれあい公園", "チカソノフレアイコウエン", "Chikasono Fureai Park", "park", "親園", 0, "1150", ""),
    ("金丸中央公園", "カネマルチュウオウコウエン", "Kanemaru Chuo Park", "park", "北金丸", 0, "1850", ""),
    ("野崎駅西公園", "ノザキエキニシコウエン", "Nozaki Station West Park", "park", "薄葉", 0, "2005", ""),
    ("湯津上ふるさと公園", "ユヅカミフルサトコウエン", "Yuzukami Furusato Park", "park", "湯津上", 0, "300", ""),
    ("蛭田農村公園", "ヒルタノウソンコウエン", "Hiruta Rural Park", "park", "蛭田", 0, "650", ""),
    ("須賀川ふるさと公園", "スカガワフルサトコウエン", "Sukagawa Furusato Park", "park", "須賀川", 0, "1120", ""),
    ("JR野崎駅", "ジェイアールノザキエキ", "JR Nozaki Station", "station", "薄葉", 0, "2110", ""),
    ("道の駅 那須与一の郷", "ミチノエキ ナスノヨイチノサト", "Michi-no-Eki Nasu no Yoichi no Sato", "tourism", "南金丸", 0, "1584-4", ""),
    ("雲巌寺", "ウンガンジ", "Unganji Temple", "tourism", "雲岩寺", 0, "27", ""),
    ("大雄寺", "ダイオウジ", "Daioji Temple", "tourism", "前田", 0, "2", ""),
    ("黒羽観光やな", "クロバネカンコウヤナ", "Kurobane Kanko Yana", "tourism", "黒羽向町", 0, "6", ""),
    ("光丸山法輪寺", "コウマルサンホウリンジ", "Komaruzan Horinji Temple", "tourism", "佐久山", 0, "3198", ""),
    ("侍塚古墳", "サムライヅカコフン", "Samuraizuka Kofun", "tourism", "湯津上", 0, "1340", ""),
    ("笠石神社", "カサイシジンジャ", "Kasaishi Shrine", "tourism", "湯津上", 0, "430", ""),
    ("那須神社", "ナスジンジャ", "Nasu Shrine", "tourism", "南金丸", 0, "1628", ""),
    ("金燈籠", "キンドウロウ", "Kindoro Lantern", "tourism", "中央", 1, "1", ""),
    ("大田原城跡", "オオタワラジョウセキ", "Ohtawara Castle Ruins", "tourism", "城山", 2, "21", ""),
    ("栃木県なかがわ水遊園", "トチギケンナカガワスイユウエン", "Nakagawa Aquarium", "tourism", "佐良土", 0, "2686", ""),
    ("黒羽芭蕉の道", "クロバネバショウノミチ", "Kurobane Basho Trail", "tourism", "前田", 0, "980", ""),
    ("佐久山宿まちなみ", "サクヤマジュクマチナミ", "Sakuyama Post Town", "tourism", "佐久山", 0, "2300", ""),
)  # fmt: skip
# The city hall's published position, used as is rather than drawn.
_CITY_HALL_POINT = ("36.871300", "140.015500")


@functools.cache
def _places() -> dict[str, list[_Place]]:
    """Facilities by kind (office, community, elementary, junior_high, library, sports, culture, …)."""
    found: dict[str, list[_Place]] = {}
    points: dict[str, tuple[str, str]] = {}  # one address, one point (城跡 and 公園, a building and its tenant)
    for name, kana, english, kind, area, chome, banchi, building in _NAMED:
        place = _place(name, kana, english, kind, area, chome=chome, banchi=banchi, building=building)
        if name == "大田原市役所":
            place = _Place(name, kana, english, kind, place.area, 1, "4-1", *_CITY_HALL_POINT, CITY_PHONE)
        lat, lon = points.setdefault(place.address, (place.lat, place.lon))
        found.setdefault(kind, []).append(dataclasses.replace(place, lat=lat, lon=lon))
    for kind, stems, suffix, suffix_kana, suffix_en in _STEM_KINDS:
        for stem, area in stems:
            kana, romaji = _STEMS[stem]
            name = f"{stem}{suffix}"
            found.setdefault(kind, []).append(_place(name, kana + suffix_kana, f"{romaji} {suffix_en}", kind, area))
    return found


def _kinds(*kinds: str) -> list[_Place]:
    return [place for kind in kinds for place in _places()[kind]]


def _named(name: str) -> _Place:
    return next(place for places in _places().values() for place in places if place.name == name)


# Opening hours per kind: (曜日, 開始, 終了, 特記事項).
_HOURS: dict[str, tuple[str, str, str, str]] = {
    "office": ("月火水木金", "08:30", "17:15", "土曜日・日曜日・祝日・年末年始（12月29日から1月3日）は閉庁"),
    "community": ("火水木金土日", "09:00", "21:00", "月曜日（祝日の場合は翌日）と年末年始は休館"),
    "library": ("火水木金土日", "09:00", "19:00", "土曜日・日曜日・祝日は17:00まで。月曜日と年末年始は休館"),
    "sports": ("火水木金土日", "09:00", "21:00", "月曜日（祝日の場合は翌日）と年末年始は休館"),
    "culture": ("火水木金土日", "09:00", "17:00", "月曜日（祝日の場合は翌日）と年末年始は休館"),
    "welfare": ("月火水木金", "08:30", "17:15", "土曜日・日曜日・祝日・年末年始は休み"),
    "elementary": ("月火水木金", "08:00", "17:00", "学校行事により変わることがあります"),
    "junior_high": ("月火水木金", "08:00", "17:00", "学校行事により変わることがあります"),
    "park": ("月火水木金土日", "", "", "終日開放"),
    "station": ("月火水木金土日", "05:30", "23:30", "駅の営業時間内"),
    "tourism": ("月火水木金土日", "09:00", "17:00", "年末年始は休み"),
}
_KIND_LABEL = {
    "office": "市役所・支所", "community": "公民館", "library": "図書館", "sports": "体育施設", "culture": "文化施設",
    "welfare": "福祉・保健施設", "elementary": "小学校", "junior_high": "中学校", "park": "公園", "station": "駅",
    "tourism": "観光施設",
}  # fmt: skip
_KIND_SUMMARY = {
    "office": "住民票・税・福祉などの窓口があります。",
    "community": "地区の学習・交流の拠点です。会議室・調理室・和室を貸し出しています。",
    "library": "図書・雑誌・視聴覚資料の貸出と閲覧、調べものの相談ができます。",
    "sports": "市民の運動・スポーツの場です。個人利用と団体の貸切ができます。",
    "culture": "展示・催し・文化活動の拠点です。",
    "welfare": "健康づくりや子育て・福祉の相談ができます。",
    "elementary": "大田原市立の小学校です。",
    "junior_high": "大田原市立の中学校です。",
}
_BARRIER_FREE = (
    "車椅子用トイレ;スロープ;エレベーター",
    "車椅子用トイレ;スロープ",
    "車椅子用トイレ;スロープ;点字ブロック",
    "スロープ",
)


def _legacy_head(no: int) -> Row:
    return {"都道府県コード又は市区町村コード": CITY_CODE, "NO": str(no), "都道府県名": PREFECTURE, "市区町村名": CITY}


def _current_head(prefix: str, no: int) -> Row:
    return {"全国地方公共団体コード": CITY_CODE, "ID": f"{prefix}{CITY_CODE}{no:04d}", "地方公共団体名": CITY_FULL}


def _current_location(place: _Place) -> Row:
    return {
        "所在地_全国地方公共団体コード": CITY_CODE,
        "所在地_連結表記": place.full_address,
        "所在地_都道府県": PREFECTURE,
        "所在地_市区町村": CITY,
        "所在地_町字": place.choaza,
        "所在地_番地以下": place.banchi,
        "建物名等(方書)": place.building,
        "緯度": place.lat,
        "経度": place.lon,
    }


def _legacy_location(place: _Place) -> Row:
    return {"住所": place.address, "方書": place.building, "緯度": place.lat, "経度": place.lon}


def _hours(kind: str, prefix: str = "") -> Row:
    days, start, end, note = _HOURS[kind]
    return {"利用可能曜日": days, f"{prefix}開始時間": start, f"{prefix}終了時間": end, "利用可能日時特記事項": note}


# --- 公共施設一覧 -------------------------------------------------------------------------------------------------


def _public_facilities() -> str:
    rng = _rng("public-facilities")
    kinds = ("office", "community", "library", "sports", "culture", "welfare", "elementary", "junior_high")
    rows = []
    for no, place in enumerate(_kinds(*kinds), 1):
        rows.append(
            _legacy_head(no)
            | {"名称": place.name, "名称_カナ": place.kana}
            | _legacy_location(place)
            | {"電話番号": place.phone, "団体名": CITY}
            | _hours(place.kind)
            | {
                "説明": f"{_KIND_LABEL[place.kind]}。{_KIND_SUMMARY[place.kind]}",
                "バリアフリー情報": rng.choice(_BARRIER_FREE[:3] if place.kind != "community" else _BARRIER_FREE),
                "URL": f"{DEMO_SITE}/shisetsu/{place.kind.replace('_', '-')}/{no:03d}/",
            }
        )
    return _write_csv("public_facilities_legacy", rows)


# --- 指定緊急避難場所一覧 ------------------------------------------------------------------------------------------

_CAPACITY = {"elementary": (600, 1500), "junior_high": (800, 1800), "community": (80, 250), "park": (1500, 8000)}
_CAPACITY_DEFAULT = (300, 900)
_EVACUATION_NOTE = {
    "elementary": "校庭に避難してください。避難所として体育館を開設します",
    "junior_high": "校庭に避難してください。避難所として体育館を開設します",
    "community": "避難所を開設したときは市のホームページと防災メールでお知らせします",
    "park": "広場に避難してください",
    "sports": "避難所としてアリーナを開設します",
}


def _evacuation_sites() -> str:
    rng = _rng("evacuation-sites")
    big_parks = [p for p in _kinds("park") if p.name not in ("野崎駅西公園", "蛭田農村公園", "須賀川ふるさと公園")]
    sites = [
        *_kinds("elementary", "junior_high", "community"),
        *big_parks,
        *_kinds("sports")[:1],
        *_kinds("sports")[2:],
    ]
    neighbours: dict[str, list[str]] = {}
    for area in _AREAS:
        neighbours.setdefault(area.district, []).append(area.name)
    rows = []
    for no, place in enumerate(sites, 1):
        district = place.area.district
        building = place.kind != "park"
        low, high = _CAPACITY.get(place.kind, _CAPACITY_DEFAULT)
        others = [name for name in neighbours[district] if name != place.area.name]
        served = [place.area.name, *rng.sample(others, min(len(others), rng.randint(0, 2)))]
        rows.append(
            _current_head("CC", no)
            | {"名称": place.name, "名称_カナ": place.kana, "名称_英字": place.english}
            | _current_location(place)
            | {
                "標高": f"{rng.uniform(120, 260) if district in _SLOPE_DISTRICTS else rng.uniform(110, 190):.1f}",
                "電話番号": place.phone if building else CITY_PHONE,
                "内線番号": "" if building else "2211",
                "郵便番号": place.area.postal,
                "市区町村コード": CITY_CODE,
                "地方公共団体名": CITY_FULL,
                # Inland city: no 高潮 or 津波; 火山現象 (那須岳) is not designated in the demo.
                "災害種別_洪水": "" if district in _FLOOD_DISTRICTS else "1",
                "災害種別_崖崩れ、土石流及び地滑り": "" if district in _SLOPE_DISTRICTS else "1",
                "災害種別_地震": "1",
                "災害種別_大規模な火事": "1" if place.kind in ("elementary", "junior_high", "park") else "",
                "災害種別_内水氾濫": "" if district in _FLOOD_DISTRICTS else "1",
                "指定避難所との重複": "1" if building else "",
                "想定収容人数": str(rng.randrange(low, high, 10)),
                "対象となる町会・自治会": ";".join(served),
                "URL": f"{DEMO_SITE}/bousai/hinanbasho/{no:03d}/",
                "備考": _EVACUATION_NOTE.get(place.kind, ""),
            }
        )
    return _write_csv("designated_emergency_evacuation_sites", rows)


# --- AED設置箇所一覧 ----------------------------------------------------------------------------------------------

_AED_POSITION = {
    "office": ("1階 総合案内の横", "1階 正面玄関ホール"),
    "community": ("玄関ホール", "1階 事務室前"),
    "elementary": ("体育館入口", "職員室前の廊下", "昇降口"),
    "junior_high": ("体育館入口", "職員室前の廊下"),
    "library": ("1階 カウンターの横",),
    "sports": ("メインアリーナ入口", "1階 受付の横"),
    "culture": ("1階 エントランスホール", "受付の横"),
    "welfare": ("1階 受付の横",),
    "station": ("改札口の横",),
    "tourism": ("物産館入口",),
}


def _aed_installations() -> str:
    rng = _rng("aed")
    places = _kinds("office", "community", "elementary", "junior_high", "library", "sports", "culture", "welfare")
    places += [*_kinds("station"), _named("道の駅 那須与一の郷")]
    rows = []
    for no, place in enumerate(places, 1):
        hours = _hours(place.kind)
        if place.name.startswith("道の駅"):
            hours |= {"開始時間": "09:00", "終了時間": "18:00", "利用可能日時特記事項": "物産館の営業時間内"}
        child_pads = place.kind in ("elementary", "community", "welfare") or rng.random() < 0.5
        rows.append(
            _legacy_head(no)
            | {"名称": place.name, "名称_カナ": place.kana}
            | _legacy_location(place)
            | {
                "設置位置": rng.choice(_AED_POSITION[place.kind]),
                "電話番号": place.phone,
                "団体名": "東日本旅客鉄道株式会社" if place.kind == "station" else CITY,
                "小児対応設備の有無": "有" if child_pads else "無",
                "URL": f"{DEMO_SITE}/kenkou/aed/",
            }
            | hours
        )
    return _write_csv("aed_installations_legacy", rows)


# --- 公衆トイレ一覧 -----------------------------------------------------------------------------------------------

# (name, kana, English, 町字 or the facility it stands in, 設置位置, hours, size: s/m/l)
_TOILETS: tuple[tuple[str, str, str, str, str, str, str], ...] = (
    ("竜城公園", "リュウジョウコウエン", "Ryujo Park", "@竜城公園", "本丸跡広場の東側", "24h", "m"),
    ("竜城公園", "リュウジョウコウエン", "Ryujo Park", "@竜城公園", "北側駐車場の奥", "24h", "s"),
    ("美原公園", "ミハラコウエン", "Mihara Park", "@美原公園", "中央広場の西側", "24h", "l"),
    ("美原公園", "ミハラコウエン", "Mihara Park", "@美原公園", "北口駐車場 管理棟の隣", "24h", "m"),
    ("美原公園", "ミハラコウエン", "Mihara Park", "@美原公園", "野球場の三塁側", "24h", "m"),
    ("黒羽城址公園", "クロバネジョウシコウエン", "Kurobane Castle Ruins Park", "@黒羽城址公園", "本丸跡の駐車場", "24h", "m"),
    ("佐久山御殿山公園", "サクヤマゴテンヤマコウエン", "Sakuyama Gotenyama Park", "@佐久山御殿山公園", "駐車場の横", "24h", "s"),
    ("那珂川河畔公園", "ナカガワカハンコウエン", "Nakagawa Riverside Park", "@那珂川河畔公園", "オートキャンプ場の炊事棟の横", "24h", "m"),
    ("若草中央公園", "ワカクサチュウオウコウエン", "Wakakusa Chuo Park", "@若草中央公園", "遊具広場の南側", "24h", "s"),
    ("紫塚公園", "ムラサキヅカコウエン", "Murasakizuka Park", "@紫塚公園", "園内中央", "24h", "s"),
    ("富士見公園", "フジミコウエン", "Fujimi Park", "@富士見公園", "入口の横", "24h", "s"),
    ("中田原ふれあい公園", "ナカタワラフレアイコウエン", "Nakatawara Fureai Park", "@中田原ふれあい公園", "多目的広場の東側", "24h", "s"),
    ("親園ふれあい公園", "チカソノフレアイコウエン", "Chikasono Fureai Park", "@親園ふれあい公園", "駐車場の横", "24h", "s"),
    ("金丸中央公園", "カネマルチュウオウコウエン", "Kanemaru Chuo Park", "@金丸中央公園", "テニスコートの北側", "24h", "m"),
    ("野崎駅西公園", "ノザキエキニシコウエン", "Nozaki Station West Park", "@野崎駅西公園", "園内北側", "24h", "s"),
    ("湯津上ふるさと公園", "ユヅカミフルサトコウエン", "Yuzukami Furusato Park", "@湯津上ふるさと公園", "芝生広場の西側", "24h", "s"),
    ("蛭田農村公園", "ヒルタノウソンコウエン", "Hiruta Rural Park", "@蛭田農村公園", "あずまやの横", "24h", "xs"),
    ("須賀川ふるさと公園", "スカガワフルサトコウエン", "Sukagawa Furusato Park", "@須賀川ふるさと公園", "駐車場の横", "24h", "xs"),
    ("道の駅 那須与一の郷", "ミチノエキ ナスノヨイチノサト", "Michi-no-Eki Nasu no Yoichi no Sato", "@道の駅 那須与一の郷", "駐車場に面した休憩棟", "24h", "l"),
    ("雲巌寺", "ウンガンジ", "Unganji Temple", "@雲巌寺", "参拝者駐車場", "day", "s"),
    ("大雄寺", "ダイオウジ", "Daioji Temple", "@大雄寺", "参道入口の駐車場", "day", "s"),
    ("黒羽観光やな", "クロバネカンコウヤナ", "Kurobane Kanko Yana", "@黒羽観光やな", "食事処の横", "season", "m"),
    ("光丸山法輪寺", "コウマルサンホウリンジ", "Komaruzan Horinji Temple", "@光丸山法輪寺", "境内駐車場", "day", "s"),
    ("侍塚古墳", "サムライヅカコフン", "Samuraizuka Kofun", "@侍塚古墳", "見学者駐車場", "day", "s"),
    ("笠石神社", "カサイシジンジャ", "Kasaishi Shrine", "@笠石神社", "鳥居前の駐車場", "day", "xs"),
    ("那須神社", "ナスジンジャ", "Nasu Shrine", "@那須神社", "参道の駐車場", "day", "s"),
    ("金燈籠広場", "キンドウロウヒロバ", "Kindoro Square", "@金燈籠", "広場の北側", "24h", "s"),
    ("JR野崎駅東口", "ジェイアールノザキエキヒガシグチ", "JR Nozaki Station East Exit", "@JR野崎駅", "東口駅前広場", "station", "m"),
    ("JR野崎駅西口", "ジェイアールノザキエキニシグチ", "JR Nozaki Station West Exit", "@JR野崎駅", "西口ロータリーの横", "station", "s"),
    ("宇田川農村公園", "ウダガワノウソンコウエン", "Udagawa Rural Park", "宇田川", "広場の東側", "24h", "xs"),
    ("福原農村公園", "フクハラノウソンコウエン", "Fukuhara Rural Park", "福原", "駐車場の横", "24h", "xs"),
    ("片府田農村公園", "カタフダノウソンコウエン", "Katafuda Rural Park", "片府田", "あずまやの横", "24h", "xs"),
    ("寒井農村公園", "サムイノウソンコウエン", "Samui Rural Park", "寒井", "広場の北側", "24h", "xs"),
    ("大輪農村公園", "オオワノウソンコウエン", "Owa Rural Park", "大輪", "駐車場の横", "24h", "xs"),
    ("木佐美農村公園", "キサミノウソンコウエン", "Kisami Rural Park", "木佐美", "広場の西側", "24h", "xs"),
    ("箒川河川敷広場", "ホウキガワカセンジキヒロバ", "Hokigawa Riverside Square", "佐久山", "堤防下の駐車場", "24h", "s"),
    ("蛇尾川河川敷グラウンド", "サビガワカセンジキグラウンド", "Sabigawa Riverside Ground", "下石上", "グラウンドの北側", "24h", "s"),
    ("佐良土河川公園", "サラドカセンコウエン", "Sarado River Park", "佐良土", "駐車場の横", "24h", "s"),
    ("中央市営駐車場", "チュウオウシエイチュウシャジョウ", "Chuo Municipal Parking", "中央", "1階 精算機の横", "parking", "s"),
    ("トコトコ大田原", "トコトコオオタワラ", "Tokotoko Ohtawara", "@トコトコ大田原", "1階 交流広場の奥", "building", "m"),
)  # fmt: skip
# (開始, 終了, 特記事項) per hours class; 24h toilets leave the times empty and say so.
_TOILET_HOURS = {
    "24h": ("", "", "24時間利用できます"),
    "day": ("08:00", "16:30", "冬期（12月から2月）は16:00まで"),
    "season": ("09:00", "17:00", "やなの営業期間（7月から10月まで）のみ利用できます"),
    "station": ("05:30", "23:30", "駅の営業時間内"),
    "parking": ("07:00", "22:00", ""),
    "building": ("09:00", "21:00", "建物の開館時間内。年末年始は利用できません"),
}


def _toilet_counts(rng: random.Random, size: str) -> Row:
    if size == "xs":  # a single unisex cubicle
        urinal, male_j, male_w, female_j, female_w, uni_j, uni_w, accessible = 0, 0, 0, 0, 0, 0, 1, 0
    else:
        scale = {"s": 1, "m": 2, "l": 4}[size]
        urinal, male_j, male_w = rng.randint(scale, 2 * scale), rng.randint(0, 1), rng.randint(1, scale)
        female_j, female_w = rng.randint(0, 1), rng.randint(scale, 2 * scale)
        uni_j, uni_w, accessible = 0, 0, min(scale, rng.randint(1, 2))
    return {
        "男性トイレ総数": str(urinal + male_j + male_w),
        "男性トイレ数（小便器）": str(urinal),
        "男性トイレ数（和式）": str(male_j),
        "男性トイレ数（洋式）": str(male_w),
        "女性トイレ総数": str(female_j + female_w),
        "女性トイレ数（和式）": str(female_j),
        "女性トイレ数（洋式）": str(female_w),
        "男女共用トイレ総数": str(uni_j + uni_w),
        "男女共用トイレ数（和式）": str(uni_j),
        "男女共用トイレ数（洋式）": str(uni_w),
        "バリアフリートイレ数": str(accessible),
        "車椅子使用者用トイレ有無": "有" if accessible else "無",
        "乳幼児用設備設置トイレ有無": "有" if accessible and (size != "s" or rng.random() < 0.5) else "無",
        "オストメイト設置トイレ有無": "有" if accessible and size in ("m", "l") else "無",
    }


def _near(site: _Place, rng: random.Random) -> tuple[str, str]:
    """A point within about 80 m of the site, for a toilet in a park or at a temple."""
    return f"{float(site.lat) + rng.uniform(-7e-4, 7e-4):.6f}", f"{float(site.lon) + rng.uniform(-9e-4, 9e-4):.6f}"


def _toilet_rows() -> list[Row]:
    rng = _rng("public-toilets")
    rows = []
    for no, (name, kana, english, where, position, hours, size) in enumerate(_TOILETS, 1):
        if where.startswith("@"):
            site = _named(where[1:])
            lat, lon = _near(site, rng)
            place = dataclasses.replace(site, name=name, kana=kana, english=english, building="", lat=lat, lon=lon)
        else:
            place = _place(name, kana, english, "toilet", where)
        start, end, note = _TOILET_HOURS[hours]
        rows.append(
            _current_head("LL", no)
            | {"名称": place.name, "名称_カナ": place.kana, "名称_英語": place.english}
            | _current_location(place)
            | {"設置位置": position, "高度の種別": "階数", "高度の値": "1"}
            | _toilet_counts(rng, size)
            | {"利用開始時間": start, "利用終了時間": end, "利用可能時間特記事項": note}
            | (
                {"画像": f"{DEMO_SITE}/images/toilet/{no:03d}.jpg", "画像_ライセンス": "CC BY 4.0"}
                if size == "l"
                else {}
            )
        )
    return rows


def _public_toilets() -> str:
    return _write_csv("public_toilets", _toilet_rows())


# --- 観光施設一覧 -------------------------------------------------------------------------------------------------

# name → (料金(基本), 料金(詳細), 説明, 説明_英語, 開始, 終了, 特記事項)
_TOURISM: dict[str, tuple[str, str, str, str, str, str, str]] = {
    "道の駅 那須与一の郷": ("0", "", "地元の野菜や特産品がそろう道の駅。那須与一伝承館が隣にあります。", "Roadside station with local produce, next to the Nasu no Yoichi Museum.", "09:00", "18:00", "年末年始は営業時間が変わります"),
    "雲巌寺": ("0", "", "松尾芭蕉も訪れた臨済宗の禅寺。朱塗りの瓜橋と新緑・紅葉が見事です。", "Zen temple visited by Basho, famous for its red bridge and autumn leaves.", "08:00", "16:30", "修行道場のため境内ではお静かに"),
    "大雄寺": ("0", "", "黒羽藩主大関家の菩提寺。茅葺きの伽藍が残り、6月には紫陽花が咲き誇ります。", "Family temple of the Ozeki lords with thatched halls and June hydrangeas.", "09:00", "16:00", ""),
    "黒羽観光やな": ("0", "鮎の塩焼き1尾600円から", "那珂川の清流でとれた鮎を味わえる観光やな。", "Riverside weir restaurant serving sweetfish from the Naka River.", "09:00", "17:00", "7月から10月までの営業"),
    "光丸山法輪寺": ("0", "", "天狗の面で知られる古刹。11月の大祭には多くの参拝者が訪れます。", "Old temple known for its tengu masks and November festival.", "09:00", "16:00", ""),
    "侍塚古墳": ("0", "", "水戸光圀が発掘調査を命じた前方後方墳。国指定史跡です。", "Keyhole-shaped burial mounds excavated on the orders of Tokugawa Mitsukuni.", "", "", "見学自由"),
    "笠石神社": ("0", "拝観は予約制・300円", "国宝「那須国造碑」を御神体とする神社。", "Shrine housing the national treasure Nasu no Kuni no Miyatsuko stele.", "10:00", "15:00", "拝観は事前予約が必要です"),
    "那須神社": ("0", "", "那須与一ゆかりの神社。本殿・拝殿・楼門は国の重要文化財です。", "Shrine linked to Nasu no Yoichi; its halls are Important Cultural Properties.", "", "", "境内自由"),
    "金燈籠": ("0", "", "大田原宿のシンボルの金燈籠。中心市街地の散策の起点です。", "Golden lantern, the symbol of the old Ohtawara post town.", "", "", "見学自由"),
    "大田原城跡": ("0", "", "大田原氏の居城跡。竜城公園として整備され、桜の名所です。", "Castle ruins now Ryujo Park, known for cherry blossoms.", "", "", "見学自由"),
    "栃木県なかがわ水遊園": ("600", "大人600円、高校生以下無料", "那珂川の生き物を中心に展示する県の淡水魚水族館。", "Prefectural aquarium of Naka River freshwater life.", "09:30", "17:00", "月曜日（祝日の場合は翌日）休館"),
    "黒羽芭蕉の道": ("0", "", "芭蕉が長逗留した黒羽の散策路。句碑をめぐりながら歩けます。", "Walking trail through Kurobane past Basho's haiku monuments.", "", "", "散策自由"),
    "佐久山宿まちなみ": ("0", "", "奥州街道の宿場町の面影が残る通り。", "Street keeping the look of an old post town on the Oshu Kaido.", "", "", "散策自由"),
    "那須与一伝承館": ("500", "大人500円、小中学生250円", "那須与一と扇の的の物語を映像と人形劇で紹介します。", "Museum telling the story of Nasu no Yoichi and the fan target.", "09:00", "17:00", "月曜日（祝日の場合は翌日）休館"),
    "黒羽芭蕉の館": ("300", "大人300円、小中学生150円", "奥の細道で黒羽に滞在した芭蕉と黒羽藩の資料を展示しています。", "Museum of Basho's stay in Kurobane and the Kurobane domain.", "09:00", "16:30", "月曜日（祝日の場合は翌日）休館"),
    "なす風土記の丘湯津上資料館": ("100", "大人100円、中学生以下無料", "侍塚古墳や那須国造碑など、古代那須の歴史を紹介します。", "Museum of ancient Nasu history near the Samuraizuka mounds.", "09:00", "16:30", "月曜日（祝日の場合は翌日）休館"),
    "大田原市ふれあいの丘": ("0", "天体観測館は大人200円", "天体観測館やキャンプ場、遊歩道がある丘陵公園。", "Hill park with an observatory, campground and walking paths.", "09:00", "17:00", "天体観測館は夜間観望会あり"),
    "黒羽城址公園": ("0", "", "黒羽城の本丸跡。紫陽花と那珂川を見下ろす眺めが楽しめます。", "Ruins of Kurobane castle with hydrangeas and river views.", "", "", "散策自由"),
    "那珂川河畔公園": ("0", "オートキャンプ1区画3000円", "那珂川沿いのキャンプ場と芝生広場。", "Riverside campground and lawns on the Naka River.", "", "", "キャンプ場は4月から11月まで"),
    "佐久山御殿山公園": ("0", "", "佐久山の町並みを見下ろす桜の名所。", "Cherry-blossom hill overlooking Sakuyama.", "", "", "散策自由"),
    "竜城公園": ("0", "", "大田原城跡の公園。約500本の桜が咲く春は多くの人でにぎわいます。", "Park on the castle ruins with about 500 cherry trees.", "", "", "散策自由"),
}  # fmt: skip


def _tourist_facilities() -> str:
    rng = _rng("tourist-facilities")
    rows = []
    for no, (name, (fee, fee_detail, text, text_en, start, end, note)) in enumerate(_TOURISM.items(), 1):
        place = _named(name)
        rows.append(
            _legacy_head(no)
            | {"名称": place.name, "名称_カナ": place.kana, "名称_英語": place.english}
            | _legacy_location(place)
            | {
                "利用可能曜日": "月火水木金土日",
                "開始時間": start,
                "終了時間": end,
                "利用可能日時特記事項": note,
                "料金(基本)": fee,
                "料金(詳細)": fee_detail,
                "説明": text,
                "説明_英語": text_en,
                "アクセス方法": rng.choice(
                    (
                        "西那須野塩原ICから車で約20分",
                        "JR西那須野駅からバスで約30分",
                        "大田原市営バスで最寄りバス停下車、徒歩約10分",
                    )
                ),
                "駐車場情報": f"無料駐車場{rng.randrange(10, 150, 5)}台",
                "バリアフリー情報": rng.choice(("車椅子用トイレ;スロープ", "車椅子用トイレ", "段差あり")),
                "連絡先名称": "大田原市 商工観光課",
                "連絡先電話番号": CITY_PHONE,
                "連絡先内線番号": "2541",
                "URL": f"{DEMO_SITE}/kankou/{no:03d}/",
            }
        )
    return _write_csv("tourist_facilities_legacy", rows)


# --- 文化財一覧 ---------------------------------------------------------------------------------------------------

# (name, kana, 文化財分類, 種類, place name or 町字, 指定日, 員数, 単位, 所有者等, 概要)
_HERITAGE: tuple[tuple[str, str, str, str, str, str, str, str, str, str], ...] = (
    ("那須国造碑", "ナスノクニノミヤツコノヒ", "国宝", "美術工芸品", "笠石神社", "1952-11-22", "1", "基", "笠石神社", "日本三古碑の一つ。700年に建てられた那須直韋提の墓碑"),
    ("侍塚古墳", "サムライヅカコフン", "国指定史跡", "その他", "侍塚古墳", "1951-06-09", "2", "基", "大田原市", "上侍塚古墳と下侍塚古墳の二基の前方後方墳"),
    ("那須神社 本殿・拝殿・楼門", "ナスジンジャ ホンデン・ハイデン・ロウモン", "国指定重要文化財", "建造物", "那須神社", "2014-09-18", "3", "棟", "那須神社", "江戸時代初期に黒羽藩主大関氏が造営した社殿"),
    ("大雄寺 本堂ほか", "ダイオウジ ホンドウホカ", "国指定重要文化財", "建造物", "大雄寺", "2013-08-07", "7", "棟", "大雄寺", "茅葺きの禅宗伽藍がそろって残る"),
    ("雲巌寺 山門", "ウンガンジ サンモン", "県指定有形文化財", "建造物", "雲巌寺", "1965-04-20", "1", "棟", "雲巌寺", "禅宗様の楼門"),
    ("大関家墓所", "オオゼキケボショ", "県指定史跡", "その他", "大雄寺", "1968-07-12", "1", "件", "大雄寺", "黒羽藩主大関家歴代の墓所"),
    ("大田原城跡", "オオタワラジョウセキ", "県指定史跡", "その他", "大田原城跡", "1959-10-06", "1", "件", "大田原市", "大田原氏の居城跡。土塁と空堀が残る"),
    ("黒羽城跡", "クロバネジョウセキ", "市指定史跡", "その他", "黒羽城址公園", "1971-03-01", "1", "件", "大田原市", "大関氏の居城跡。本丸・二の丸の土塁が残る"),
    ("光丸山法輪寺 大天狗面", "コウマルサンホウリンジ ダイテングメン", "市指定有形文化財", "美術工芸品", "光丸山法輪寺", "1978-05-15", "1", "面", "法輪寺", "日本最大級とされる天狗面"),
    ("那須与一宗隆 関係資料", "ナスノヨイチムネタカ カンケイシリョウ", "市指定有形文化財", "美術工芸品", "那須与一伝承館", "1990-04-01", "12", "点", "大田原市", "那須与一と那須氏に関する古文書・絵図"),
    ("奥の細道 黒羽関係資料", "オクノホソミチ クロバネカンケイシリョウ", "市指定有形文化財", "美術工芸品", "黒羽芭蕉の館", "1994-11-03", "8", "点", "大田原市", "芭蕉の黒羽滞在を伝える書簡と句短冊"),
    ("湯津上の笠石", "ユヅカミノカサイシ", "市指定有形文化財", "その他", "なす風土記の丘湯津上資料館", "1980-02-20", "1", "基", "大田原市", "古代の石造物"),
    ("佐久山の獅子舞", "サクヤマノシシマイ", "市指定無形民俗文化財", "芸能", "佐久山", "1976-09-01", "", "", "佐久山獅子舞保存会", "五穀豊穣を祈る三匹獅子舞"),
    ("須賀川の太々神楽", "スカガワノダイダイカグラ", "市指定無形民俗文化財", "芸能", "須賀川", "1982-04-29", "", "", "須賀川神楽保存会", "秋の例大祭に奉納される神楽"),
    ("黒羽の刃物鍛造技術", "クロバネノハモノタンゾウギジュツ", "市指定無形文化財", "工芸技術", "黒羽田町", "2001-03-15", "", "", "黒羽刃物保存会", "鍬や鎌を打つ野鍛冶の技術"),
    ("親園の大ケヤキ", "チカソノノオオケヤキ", "市指定天然記念物", "その他", "親園", "1985-06-01", "1", "本", "個人", "樹齢約400年のケヤキ"),
    ("雲岩寺のスギ並木", "ウンガンジノスギナミキ", "市指定天然記念物", "その他", "雲岩寺", "1988-10-10", "52", "本", "雲巌寺", "参道に続くスギの並木"),
)  # fmt: skip
# (町字, object) pairs for the small 市指定 stone monuments that most 地区 have.
_MONUMENTS = (
    ("市野沢", "庚申塔"), ("宇田川", "道祖神"), ("福原", "馬頭観音"), ("片府田", "庚申塔"), ("羽田", "地蔵菩薩像"),
    ("寒井", "道標"), ("大輪", "石造宝篋印塔"), ("木佐美", "十九夜塔"), ("赤瀬", "道祖神"),
)  # fmt: skip
_MONUMENT_KANA = {"庚申塔": "コウシントウ", "道祖神": "ドウソジン", "馬頭観音": "バトウカンノン", "地蔵菩薩像": "ジゾウボサツゾウ",
                  "道標": "ドウヒョウ", "石造宝篋印塔": "セキゾウホウキョウイントウ", "十九夜塔": "ジュウクヤトウ"}  # fmt: skip


def _heritage_items() -> Iterator[tuple[str, str, str, str, str, str, str, str, str, str]]:
    yield from _HERITAGE
    rng = _rng("cultural-properties")
    for area, item in _MONUMENTS:
        year = rng.randint(1972, 2005)
        yield (
            f"{area}の{item}", f"{_AREA[area].kana}ノ{_MONUMENT_KANA[item]}", "市指定有形民俗文化財", "その他", area,
            f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", "1", "基", "地元自治会",
            f"江戸時代の{item}。地区の信仰を伝える",
        )  # fmt: skip


def _cultural_properties() -> str:
    rows = []
    for no, (name, kana, category, kind, where, designated, count, unit, owner, summary) in enumerate(
        _heritage_items(), 1
    ):
        place = _named(where) if where not in _AREA else _place(name, kana, "", "heritage", where)
        rows.append(
            _legacy_head(no)
            | {"名称": name, "名称_カナ": kana, "文化財分類": category, "種類": kind}
            | {
                "場所名称": place.name if where not in _AREA else "",
                "電話番号": place.phone if where not in _AREA else "",
            }
            | _legacy_location(place)
            | {"員数（数）": count, "員数（単位）": unit, "所有者等": owner, "文化財指定日": designated}
            | {"概要": summary, "URL": f"{DEMO_SITE}/bunkazai/{no:03d}/"}
        )
    return _write_csv("cultural_properties_legacy", rows)


# --- 医療機関一覧 -------------------------------------------------------------------------------------------------

_SURNAMES = (
    ("阿久津", "アクツ", "akutsu"), ("君島", "キミジマ", "kimijima"), ("大金", "オオガネ", "ogane"), ("益子", "マシコ", "mashiko"),
    ("薄井", "ウスイ", "usui"), ("印南", "インナミ", "innami"), ("室井", "ムロイ", "muroi"), ("手塚", "テヅカ", "tezuka"),
    ("人見", "ヒトミ", "hitomi"), ("菊池", "キクチ", "kikuchi"), ("高瀬", "タカセ", "takase"), ("渡辺", "ワタナベ", "watanabe"),
    ("佐藤", "サトウ", "sato"), ("鈴木", "スズキ", "suzuki"), ("斎藤", "サイトウ", "saito"), ("小林", "コバヤシ", "kobayashi"),
    ("大森", "オオモリ", "omori"), ("星", "ホシ", "hoshi"), ("藤田", "フジタ", "fujita"), ("磯", "イソ", "iso"),
    ("田代", "タシロ", "tashiro"), ("平山", "ヒラヤマ", "hirayama"),
)  # fmt: skip
# (suffix, kana, url part, 診療科目, weight)
_CLINIC_TYPES = (
    ("内科医院", "ナイカイイン", "naika", "内科;消化器内科", 8),
    ("内科クリニック", "ナイカクリニック", "clinic", "内科;循環器内科;糖尿病内科", 5),
    ("整形外科", "セイケイゲカ", "seikei", "整形外科;リハビリテーション科", 4),
    ("こどもクリニック", "コドモクリニック", "kodomo", "小児科;アレルギー科", 3),
    ("眼科", "ガンカ", "ganka", "眼科", 3),
    ("耳鼻咽喉科", "ジビインコウカ", "jibika", "耳鼻咽喉科", 2),
    ("皮膚科クリニック", "ヒフカクリニック", "hifuka", "皮膚科", 2),
    ("歯科医院", "シカイイン", "shika", "歯科;小児歯科;矯正歯科", 10),
    ("レディースクリニック", "レディースクリニック", "ladies", "産婦人科", 1),
    ("メンタルクリニック", "メンタルクリニック", "mental", "精神科;心療内科", 1),
)
# (name, kana, 町字, 診療科目, 病床数, 法人の名称, web host)
_HOSPITALS = (
    ("大田原中央病院", "オオタワラチュウオウビョウイン", "中田原", "内科;外科;整形外科;小児科;泌尿器科;放射線科;リハビリテーション科", "199", "医療法人社団 中央会", "ohtawara-chuo-hp"),
    ("城山記念病院", "シロヤマキネンビョウイン", "城山", "内科;精神科;リハビリテーション科", "120", "医療法人 城山会", "shiroyama-kinen-hp"),
    ("黒羽清流病院", "クロバネセイリュウビョウイン", "黒羽向町", "内科;外科;整形外科", "60", "医療法人 清流会", "kurobane-seiryu-hp"),
)  # fmt: skip
_CLINIC_DAYS = (
    ("月火水金土", "木曜日・日曜日・祝日は休診。土曜日は12:30まで"),
    ("月火水木金土", "日曜日・祝日は休診。土曜日は午前のみ"),
    ("月火水木金", "土曜日・日曜日・祝日は休診"),
    ("月火木金土", "水曜日午後・日曜日・祝日は休診"),
)
_CLINICS = 38


def _medical_location(place: _Place) -> Row:
    fax = place.phone[:-1] + str((int(place.phone[-1]) + 1) % 10)
    return _legacy_location(place) | {"電話番号": place.phone, "FAX番号": fax}


def _clinic_names(rng: random.Random) -> list[tuple[tuple[str, str, str], tuple[str, str, str, str, int]]]:
    """Surname × kind of clinic; a family runs at most one medical and one dental clinic."""
    pairs = [(surname, kind) for surname in _SURNAMES for kind in _CLINIC_TYPES]
    weights = [kind[4] for _, kind in pairs]
    taken: set[tuple[str, bool]] = set()
    chosen: list[tuple[tuple[str, str, str], tuple[str, str, str, str, int]]] = []
    while len(chosen) < _CLINICS:
        surname, kind = rng.choices(pairs, weights)[0]
        key = (surname[0], kind[2] == "shika")
        if key not in taken:
            taken.add(key)
            chosen.append((surname, kind))
    return chosen


def _medical_institutions() -> str:
    rng = _rng("medical-institutions")
    central = [area.name for area in _AREAS if area.district == "大田原"]
    codes = iter(rng.sample(range(1_000_000, 10_000_000), _CLINICS + len(_HOSPITALS)))
    rows: list[Row] = []
    for name, kana, area, subjects, beds, corporation, host in _HOSPITALS:
        rows.append(
            {"名称": name, "名称_カナ": kana, "医療機関の種類": "病院", "法人の名称": corporation}
            | {"医療機関コード": f"091{next(codes)}", "診療曜日": "月火水木金土", "診療開始時間": "08:30"}
            | {
                "診療終了時間": "17:00",
                "診療科目": subjects,
                "診療日時特記事項": "土曜日は12:00まで。日曜日・祝日は休診",
            }
            | {"時間外における対応": "救急外来で24時間対応します", "病床数": beds, "URL": f"https://{host}.example.jp/"}
            | _medical_location(_place(name, kana, "", "hospital", area))
        )
    for (surname, surname_kana, romaji), (suffix, suffix_kana, slug, subjects, _) in _clinic_names(rng):
        name = f"{surname}{suffix}"
        area = rng.choice(central) if rng.random() < 0.65 else rng.choice(_AREAS).name
        kind, beds = ("有床診療所", str(rng.randint(8, 19))) if slug == "ladies" else ("無床診療所", "0")
        days, note = rng.choice(_CLINIC_DAYS)
        rows.append(
            {"名称": name, "名称_カナ": surname_kana + suffix_kana, "医療機関の種類": kind}
            | {"医療機関コード": f"09{'3' if slug == 'shika' else '1'}{next(codes)}", "診療曜日": days}
            | {"診療開始時間": rng.choice(("08:30", "09:00")), "診療終了時間": rng.choice(("17:30", "18:00", "18:30"))}
            | {"診療科目": subjects, "診療日時特記事項": note, "病床数": beds}
            | {"時間外における対応": "休日・夜間は那須地区夜間急患診療所または休日当番医をご利用ください"}
            | {"URL": f"https://{romaji}-{slug}.example.jp/"}
            | _medical_location(_place(name, "", "", "clinic", area))
        )
    return _write_csv("medical_institutions_legacy", [_legacy_head(no) | row for no, row in enumerate(rows, 1)])


# --- 介護サービス事業所一覧 ---------------------------------------------------------------------------------------

# (実施サービス, name prefix, kana prefix, 定員 range or None, 利用可能曜日, 事業所番号 type digit)
_CARE_SERVICES: tuple[tuple[str, str, str, tuple[int, int] | None, str, str], ...] = (
    ("訪問介護", "ヘルパーステーション", "ヘルパーステーション", None, "月火水木金土日", "7"),
    ("通所介護", "デイサービスセンター", "デイサービスセンター", (18, 40), "月火水木金土", "7"),
    ("居宅介護支援", "ケアプランセンター", "ケアプランセンター", None, "月火水木金", "7"),
    ("短期入所生活介護", "ショートステイ", "ショートステイ", (10, 20), "月火水木金土日", "7"),
    ("介護老人福祉施設", "特別養護老人ホーム", "トクベツヨウゴロウジンホーム", (50, 100), "月火水木金土日", "7"),
    ("認知症対応型共同生活介護", "グループホーム", "グループホーム", (9, 18), "月火水木金土日", "7"),
    ("訪問看護", "訪問看護ステーション", "ホウモンカンゴステーション", None, "月火水木金土", "6"),
    ("小規模多機能型居宅介護", "小規模多機能ホーム", "ショウキボタキノウホーム", (25, 29), "月火水木金土日", "7"),
    ("通所リハビリテーション", "デイケア", "デイケア", (20, 40), "月火水木金土", "1"),
    ("福祉用具貸与", "福祉用具センター", "フクシヨウグセンター", None, "月火水木金土", "7"),
)
_CARE_WORDS = (
    ("与一の里", "ヨイチノサト"), ("なすの", "ナスノ"), ("城山", "シロヤマ"), ("竜城", "リュウジョウ"), ("美原", "ミハラ"),
    ("ゆづかみ", "ユヅカミ"), ("くろばね", "クロバネ"), ("さくやま", "サクヤマ"), ("ひまわり", "ヒマワリ"),
    ("さくら", "サクラ"), ("やすらぎ", "ヤスラギ"), ("あおぞら", "アオゾラ"), ("ほほえみ", "ホホエミ"), ("清流", "セイリュウ"),
    ("金丸", "カネマル"), ("紫塚", "ムラサキヅカ"), ("ちかその", "チカソノ"), ("那珂川", "ナカガワ"), ("あゆみ", "アユミ"),
    ("こもれび", "コモレビ"),
)  # fmt: skip
_CARE_CORPORATIONS = (
    "社会福祉法人 与一会", "社会福祉法人 那須野福祉会", "医療法人 城山会", "株式会社なすのケア", "有限会社さくらケアサービス",
    "特定非営利活動法人 あゆみ", "社会福祉法人 大田原市社会福祉協議会", "医療法人 清流会", "合同会社こもれび",
)  # fmt: skip
_CARE_PROVIDERS = 40


def _care_service_providers() -> str:
    rng = _rng("care-service-providers")
    combos = rng.sample([(s, w) for s in _CARE_SERVICES for w in _CARE_WORDS], _CARE_PROVIDERS)
    numbers = iter(rng.sample(range(100_000, 1_000_000), _CARE_PROVIDERS))
    rows = []
    for no, ((service, prefix, prefix_kana, capacity, days, digit), (word, word_kana)) in enumerate(combos, 1):
        name = f"{prefix} {word}"
        place = _place(name, "", "", "care", rng.choice(_AREAS).name)
        rows.append(
            _legacy_head(no)
            | {"介護サービス事業所名称": name, "介護サービス事業所名称_カナ": f"{prefix_kana} {word_kana}"}
            | {"実施サービス": service}
            | _legacy_location(place)
            | {"電話番号": place.phone, "FAX番号": place.phone[:-1] + str((int(place.phone[-1]) + 5) % 10)}
            | {"法人の名称": rng.choice(_CARE_CORPORATIONS), "事業所番号": f"09{digit}0{next(numbers)}"}
            | {
                "利用可能曜日": days,
                "利用可能曜日特記事項": "" if "日" in days else "年末年始（12月31日から1月3日）は休み",
            }
            | {"定員": str(rng.randint(*capacity)) if capacity else ""}
        )
    return _write_csv("care_service_providers_legacy", rows)


# --- 子育て施設一覧 -----------------------------------------------------------------------------------------------

# (name, kana, 種別, 町字, 収容定員, 受入年齢, 開始, 終了, 一時預かり, 認可等年月日, 団体名)
_CHILDCARE: tuple[tuple[str, str, str, str, str, str, str, str, str, str, str], ...] = (
    ("大田原市立中央保育園", "オオタワラシリツチュウオウホイクエン", "認可公立保育所", "中央", "120", "生後6か月から5歳", "07:00", "19:00", "有", "1968-04-01", CITY),
    ("大田原市立紫塚保育園", "オオタワラシリツムラサキヅカホイクエン", "認可公立保育所", "紫塚", "90", "生後6か月から5歳", "07:00", "19:00", "無", "1972-04-01", CITY),
    ("大田原市立金田保育園", "オオタワラシリツカネダホイクエン", "認可公立保育所", "南金丸", "60", "1歳から5歳", "07:30", "18:30", "無", "1975-04-01", CITY),
    ("大田原市立親園保育園", "オオタワラシリツチカソノホイクエン", "認可公立保育所", "親園", "60", "1歳から5歳", "07:30", "18:30", "有", "1976-04-01", CITY),
    ("大田原市立野崎保育園", "オオタワラシリツノザキホイクエン", "認可公立保育所", "薄葉", "90", "生後6か月から5歳", "07:00", "19:00", "無", "1978-04-01", CITY),
    ("大田原市立黒羽保育園", "オオタワラシリツクロバネホイクエン", "認可公立保育所", "黒羽田町", "90", "生後6か月から5歳", "07:00", "19:00", "有", "1970-04-01", CITY),
    ("大田原市立湯津上保育園", "オオタワラシリツユヅカミホイクエン", "認可公立保育所", "湯津上", "60", "1歳から5歳", "07:30", "18:30", "無", "1979-04-01", CITY),
    ("大田原市立佐久山保育園", "オオタワラシリツサクヤマホイクエン", "認可公立保育所", "佐久山", "45", "1歳から5歳", "07:30", "18:30", "無", "1981-04-01", CITY),
    ("さくら保育園", "サクラホイクエン", "認可私立保育所", "若草", "90", "生後3か月から5歳", "07:00", "19:00", "有", "1985-04-01", "社会福祉法人 さくら会"),
    ("すずらん保育園", "スズランホイクエン", "認可私立保育所", "美原", "120", "生後3か月から5歳", "07:00", "19:00", "有", "1992-04-01", "社会福祉法人 すずらん福祉会"),
    ("ひまわり保育園", "ヒマワリホイクエン", "認可私立保育所", "富士見", "60", "生後6か月から5歳", "07:00", "19:00", "無", "2001-04-01", "社会福祉法人 ひまわり会"),
    ("たんぽぽ保育園", "タンポポホイクエン", "認可私立保育所", "中田原", "90", "生後3か月から5歳", "07:00", "19:00", "有", "2005-04-01", "社会福祉法人 たんぽぽ会"),
    ("あおば保育園", "アオバホイクエン", "認可私立保育所", "北金丸", "60", "生後6か月から5歳", "07:00", "19:00", "無", "2012-04-01", "株式会社あおばキッズ"),
    ("みどり保育園", "ミドリホイクエン", "認可私立保育所", "上石上", "60", "生後6か月から5歳", "07:00", "19:00", "有", "2016-04-01", "社会福祉法人 みどり会"),
    ("認定こども園 城山学園", "ニンテイコドモエン シロヤマガクエン", "認定こども園（幼保連携型）", "城山", "180", "生後6か月から5歳", "07:00", "19:00", "有", "2015-04-01", "学校法人 城山学園"),
    ("認定こども園 金丸幼稚園", "ニンテイコドモエン カネマルヨウチエン", "認定こども園（幼稚園型）", "北金丸", "150", "1歳から5歳", "07:30", "18:30", "有", "2016-04-01", "学校法人 金丸学園"),
    ("認定こども園 はなぞの", "ニンテイコドモエン ハナゾノ", "認定こども園（保育所型）", "末広", "120", "生後6か月から5歳", "07:00", "19:00", "有", "2017-04-01", "社会福祉法人 花園会"),
    ("認定こども園 くろばね", "ニンテイコドモエン クロバネ", "認定こども園（幼保連携型）", "前田", "90", "生後6か月から5歳", "07:00", "19:00", "無", "2018-04-01", "社会福祉法人 黒羽福祉会"),
    ("大田原めぐみ幼稚園", "オオタワラメグミヨウチエン", "私立幼稚園", "山の手", "160", "満3歳から5歳", "08:30", "14:30", "有", "1965-04-01", "学校法人 めぐみ学園"),
    ("与一幼稚園", "ヨイチヨウチエン", "私立幼稚園", "南金丸", "120", "満3歳から5歳", "08:30", "14:30", "有", "1973-04-01", "学校法人 与一学園"),
    ("那須野幼稚園", "ナスノヨウチエン", "私立幼稚園", "下石上", "100", "満3歳から5歳", "08:30", "14:30", "無", "1980-04-01", "学校法人 那須野学園"),
    ("大田原市立湯津上幼稚園", "オオタワラシリツユヅカミヨウチエン", "公立幼稚園", "湯津上", "35", "4歳から5歳", "08:30", "14:00", "無", "1982-04-01", CITY),
    ("病院内保育所 すくすく", "ビョウインナイホイクショ スクスク", "認可外保育所", "中田原", "30", "生後8週から就学前", "07:00", "20:00", "無", "2008-10-01", "医療法人社団 中央会"),
    ("事業所内保育所 こあら", "ジギョウショナイホイクショ コアラ", "認可外保育所", "赤瀬", "19", "生後3か月から2歳", "07:30", "19:00", "無", "2019-04-01", "株式会社なすの食品"),
    ("ベビーホーム たまご", "ベビーホーム タマゴ", "認可外保育所", "住吉町", "15", "生後2か月から5歳", "07:00", "20:00", "有", "2011-06-01", "個人"),
)  # fmt: skip


def _childcare_facilities() -> str:
    rng = _rng("childcare-facilities")
    rows = []
    for no, (name, kana, kind, area, capacity, ages, start, end, temporary, approved, operator) in enumerate(
        _CHILDCARE, 1
    ):
        place = _place(name, kana, "", "childcare", area)
        weekdays = "月火水木金" if "幼稚園" in kind else "月火水木金土"
        rows.append(
            _legacy_head(no)
            | {"名称": name, "名称_カナ": kana, "種別": kind}
            | _legacy_location(place)
            | {
                "アクセス方法": rng.choice(
                    ("大田原市営バスの最寄りバス停から徒歩約5分", "JR野崎駅から車で約10分", "市役所から車で約10分")
                )
            }
            | {"駐車場情報": f"送迎用駐車場{rng.randrange(5, 30)}台", "電話番号": place.phone}
            | {"FAX番号": place.phone[:-1] + str((int(place.phone[-1]) + 3) % 10), "団体名": operator}
            | {"認可等年月日": approved, "収容定員": capacity, "受入年齢": ages, "利用可能曜日": weekdays}
            | {"開始時間": start, "終了時間": end, "一時預かりの有無": temporary}
            | {
                "利用可能日時特記事項": "日曜日・祝日・年末年始は休み"
                if weekdays.endswith("土")
                else "夏休み・冬休み・春休みは預かり保育あり"
            }
            | {"URL": f"{DEMO_SITE}/kosodate/shisetsu/{no:03d}/"}
        )
    return _write_csv("childcare_facilities_legacy", rows)


# --- 公衆無線LANアクセスポイント一覧 -------------------------------------------------------------------------------

_WIFI_AREA = {
    "office": "1階 市民ホール・待合スペース", "library": "館内全域", "community": "1階 ロビー・会議室",
    "culture": "エントランスホール・展示室", "sports": "エントランスロビー", "tourism": "物産館・休憩スペース",
}  # fmt: skip


def _public_wifi() -> str:
    extra = ("大田原市民体育館", "黒羽体育館", "道の駅 那須与一の郷")
    places = [*_kinds("office", "library", "culture", "community"), *map(_named, extra)]
    rows = []
    for no, place in enumerate(places, 1):
        rows.append(
            _legacy_head(no)
            | {"名称": place.name, "名称_カナ": place.kana, "名称_英語": place.english}
            | _legacy_location(place)
            | {
                "設置者": CITY,
                "電話番号": place.phone,
                "SSID": "Ohtawara_Free_Wi-Fi",
                "提供エリア": _WIFI_AREA[place.kind],
            }
            | {
                "URL": f"{DEMO_SITE}/wifi/",
                "備考": "1回60分、1日4回まで。メールアドレスまたはSNSアカウントで認証します",
            }
        )
    return _write_csv("public_wifi_access_points_legacy", rows)


# --- イベント一覧 -------------------------------------------------------------------------------------------------

# (name, kana, English, start, end, 開始, 終了, place, 説明, 料金(基本), 主催者, 連絡先, 定員, 申込方法)
_EVENTS: tuple[tuple[str, str, str, str, str, str, str, str, str, str, str, str, str, str], ...] = (
    ("竜城さくらまつり", "リュウジョウサクラマツリ", "Ryujo Cherry Blossom Festival", "2026-04-04", "2026-04-12", "10:00", "20:00", "竜城公園", "約500本の桜をぼんぼりでライトアップします。", "0", "竜城さくらまつり実行委員会", "商工観光課", "", ""),
    ("くろばね紫陽花まつり", "クロバネアジサイマツリ", "Kurobane Hydrangea Festival", "2026-06-13", "2026-07-05", "09:00", "16:00", "大雄寺", "黒羽城址公園と大雄寺で約6000株の紫陽花が見頃を迎えます。", "0", "黒羽観光協会", "商工観光課", "", ""),
    ("那珂川やな開き", "ナカガワヤナビラキ", "Opening of the Kurobane Yana", "2026-07-18", "2026-07-18", "10:00", "15:00", "黒羽観光やな", "夏の観光やなの営業開始を祝い、鮎のつかみ取りを行います。", "500", "黒羽観光やな組合", "商工観光課", "100", "当日受付"),
    ("大田原市総合防災訓練", "オオタワラシソウゴウボウサイクンレン", "Ohtawara Disaster Drill", "2026-08-30", "2026-08-30", "08:30", "12:00", "美原公園", "地震を想定した避難・救護・炊き出しの訓練です。どなたでも参加できます。", "0", CITY, "危機管理課", "", ""),
    ("与一まつり", "ヨイチマツリ", "Yoichi Festival", "2026-10-03", "2026-10-04", "10:00", "17:00", "那須与一伝承館", "那須与一にちなんだ扇の的の弓射や武者行列を行います。", "0", "与一まつり実行委員会", "商工観光課", "", ""),
    ("侍塚古墳 見学会", "サムライヅカコフン ケンガクカイ", "Samuraizuka Kofun Guided Tour", "2026-10-17", "2026-10-17", "10:00", "12:00", "侍塚古墳", "学芸員の案内で侍塚古墳と周辺の史跡を歩きます。", "0", CITY, "生涯学習課", "40", "電話で生涯学習課へ"),
    ("大田原屋台まつり", "オオタワラヤタイマツリ", "Ohtawara Yatai Float Festival", "2026-10-24", "2026-10-25", "12:00", "21:00", "金燈籠", "中心市街地を彫刻屋台が巡行し、お囃子の競演が行われます。", "0", "大田原屋台まつり実行委員会", "商工観光課", "", ""),
    ("市民文化祭", "シミンブンカサイ", "Citizens' Culture Festival", "2026-11-01", "2026-11-03", "09:30", "16:00", "大田原市総合文化会館", "市民の作品展示と舞台発表を行います。", "0", "大田原市文化協会", "生涯学習課", "", ""),
    ("大田原マラソン", "オオタワラマラソン", "Ohtawara Marathon", "2026-11-23", "2026-11-23", "08:30", "15:00", "美原公園", "美原公園を発着点に市内を走るフルマラソンと一般の部です。", "5000", "大田原マラソン大会実行委員会", "生涯学習課", "3000", "大会ホームページから申込み"),
    ("市民クリスマスコンサート", "シミンクリスマスコンサート", "Christmas Concert", "2026-12-13", "2026-12-13", "14:00", "16:00", "大田原市総合文化会館", "市内の合唱団と吹奏楽団によるコンサートです。", "500", "大田原市文化協会", "生涯学習課", "800", "文化会館窓口で整理券を配布"),
    ("二十歳のつどい", "ハタチノツドイ", "Coming-of-Age Ceremony", "2027-01-10", "2027-01-10", "13:00", "15:00", "大田原市総合文化会館", "二十歳を迎える方を祝う式典です。対象の方には案内状を送ります。", "0", CITY, "生涯学習課", "", ""),
    ("子育てフェスタ", "コソダテフェスタ", "Child-Rearing Festa", "2027-02-21", "2027-02-21", "10:00", "15:00", "トコトコ大田原", "親子で遊べるコーナーと子育て相談・健康相談を行います。", "0", CITY, "子ども幸福課", "", ""),
    ("防災フェア", "ボウサイフェア", "Disaster Preparedness Fair", "2027-03-07", "2027-03-07", "10:00", "15:00", "大田原市民体育館", "起震車の体験や非常食の試食、防災用品の展示を行います。", "0", CITY, "危機管理課", "", ""),
    ("健康ウォーキング教室（春）", "ケンコウウォーキングキョウシツ（ハル）", "Health Walking Class (Spring)", "2026-05-16", "2026-05-16", "09:00", "11:30", "大田原市保健センター", "保健師と一緒に正しい歩き方を学び、竜城公園まで歩きます。", "0", CITY, "健康政策課", "30", "電話で健康政策課へ"),
    ("健康ウォーキング教室（秋）", "ケンコウウォーキングキョウシツ（アキ）", "Health Walking Class (Autumn)", "2026-09-26", "2026-09-26", "09:00", "11:30", "大田原市保健センター", "保健師と一緒に正しい歩き方を学び、美原公園を歩きます。", "0", CITY, "健康政策課", "30", "電話で健康政策課へ"),
    ("那珂川で川あそび", "ナカガワデカワアソビ", "River Play on the Naka", "2026-08-08", "2026-08-08", "10:00", "14:00", "那珂川河畔公園", "ライフジャケットを着けて川の生き物を観察します。小学生と保護者が対象です。", "300", CITY, "生涯学習課", "40", "電子申請で申込み"),
)  # fmt: skip


def _second_saturday(year: int, month: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(5 - first.weekday()) % 7 + 7)


def _event_items() -> Iterator[tuple[str, str, str, str, str, str, str, str, str, str, str, str, str, str]]:
    yield from _EVENTS
    for month in (4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3):
        day = _second_saturday(2026 if month >= 4 else 2027, month).isoformat()
        yield (
            f"星空観望会（{month}月）", f"ホシゾラカンボウカイ（{month}ガツ）", f"Stargazing Night ({month})", day, day,
            "19:00", "21:00", "大田原市ふれあいの丘", "天体観測館の望遠鏡で季節の星や惑星を観察します。雨天・曇天は館内で星の解説を行います。",
            "0", CITY, "生涯学習課", "50", "当日受付",
        )  # fmt: skip


def _events() -> str:
    rows = []
    for no, item in enumerate(_event_items(), 1):
        name, kana, english, start, end, t0, t1, where, text, fee, organizer, division, capacity, apply = item
        place = _named(where)
        deadline = (
            (dt.date.fromisoformat(start) - dt.timedelta(days=7)).isoformat()
            if capacity and "当日" not in apply
            else ""
        )
        rows.append(
            _legacy_head(no)
            | {"イベント名": name, "イベント名_カナ": kana, "イベント名_英語": english}
            | {"開始日": start, "終了日": end, "開始時間": t0, "終了時間": t1, "説明": text}
            | {"開始日時特記事項": "雨天の場合は内容を変更します" if place.kind in ("park", "tourism") else ""}
            | {"料金(基本)": fee, "料金(詳細)": "" if fee == "0" else f"1人{fee}円"}
            | {"連絡先名称": f"大田原市 {division}", "連絡先電話番号": CITY_PHONE, "主催者": organizer}
            | {"場所名称": place.name}
            | _legacy_location(place)
            | {"駐車場情報": "会場周辺の臨時駐車場をご利用ください", "定員": capacity}
            | {"参加申込終了日": deadline, "参加申込終了時間": "17:00" if deadline else "", "参加申込方法": apply}
            | {"URL": f"{DEMO_SITE}/event/{no:03d}/"}
        )
    return _write_csv("events_legacy", rows)


# --- 消防水利施設一覧 ---------------------------------------------------------------------------------------------


def _fire_water_items() -> Iterator[tuple[str, _Place, str, str]]:
    """(種別, place, 口径 in mm, 備考): hydrants and cisterns in every 町字, school pools, river intakes."""
    rng = _rng("fire-water")
    for area in _AREAS:
        hydrants, cisterns = (3, 1) if area.district == "大田原" else (2, 1)
        for i in range(hydrants):
            place = _place("消火栓", "", "", "hydrant", area.name, key=str(i))
            yield "消火栓", place, rng.choice(("75", "100", "100", "150")), ""
        for i in range(cisterns):
            place = _place("防火水そう", "", "", "cistern", area.name, key=str(i))
            note = rng.choice(("容量40立方メートル", "容量40立方メートル（耐震性）", "容量60立方メートル（耐震性）"))
            yield "防火水そう", place, "", note
    for school in _kinds("junior_high"):
        yield "プール", school, "", f"{school.name}のプール。容量約300立方メートル"
    for choaza, river in (("黒羽向町", "那珂川"), ("佐久山", "箒川"), ("下石上", "蛇尾川"), ("佐良土", "那珂川")):
        yield "河川・溝等", _place(river, "", "", "river", choaza), "", f"{river}の取水場所。渇水期は水量が減ります"
    yield "濠・池等", _named("竜城公園"), "", "竜城公園の池"


def _fire_water_facilities() -> str:
    rows = []
    for no, (kind, place, bore, note) in enumerate(_fire_water_items(), 1):
        location = _current_location(place) | {"建物名等(方書)": ""}
        rows.append(_current_head("NN", no) | {"種別": kind} | location | {"口径": bore, "備考": note})
    return _write_csv("fire_water_facilities", rows)


# --- 食品等営業許可・届出一覧 -------------------------------------------------------------------------------------

# (営業の種類, 業態, name template with {p}, kana template with {k}, English template with {r}, weight)
_FOOD_KINDS: tuple[tuple[str, str, str, str, str, int], ...] = (
    ("飲食店営業", "一般食堂", "お食事処 {p}", "オショクジドコロ {k}", "{r} Shokudo", 6),
    ("飲食店営業", "そば・うどん", "そば処 {p}庵", "ソバドコロ {k}アン", "Soba {r}an", 5),
    ("飲食店営業", "ラーメン", "ラーメン {p}軒", "ラーメン {k}ケン", "Ramen {r}ken", 4),
    ("飲食店営業", "喫茶店", "喫茶 {p}", "キッサ {k}", "Cafe {r}", 4),
    ("飲食店営業", "居酒屋", "居酒屋 {p}", "イザカヤ {k}", "Izakaya {r}", 4),
    ("飲食店営業", "すし", "{p}寿司", "{k}ズシ", "{r} Sushi", 2),
    ("飲食店営業", "仕出し・弁当", "{p}弁当", "{k}ベントウ", "{r} Bento", 3),
    ("菓子製造業", "和菓子", "和菓子 {p}堂", "ワガシ {k}ドウ", "{r}do Confectionery", 3),
    ("菓子製造業", "パン", "{p}ベーカリー", "{k}ベーカリー", "{r} Bakery", 3),
    ("食肉販売業", "精肉店", "{p}精肉店", "{k}セイニクテン", "{r} Butcher", 2),
    ("魚介類販売業", "鮮魚店", "{p}鮮魚店", "{k}センギョテン", "{r} Fish Shop", 2),
    ("そうざい製造業", "そうざい", "{p}惣菜", "{k}ソウザイ", "{r} Deli", 2),
    ("麺類製造業", "製麺", "{p}製麺", "{k}セイメン", "{r} Noodles", 1),
    ("豆腐製造業", "豆腐", "{p}豆腐店", "{k}トウフテン", "{r} Tofu", 1),
    ("漬物製造業", "漬物", "{p}漬物本舗", "{k}ツケモノホンポ", "{r} Pickles", 1),
    ("酒類製造業", "日本酒", "{p}酒造", "{k}シュゾウ", "{r} Brewery", 1),
)
_FOOD_WORDS = (
    ("城山", "シロヤマ", "Shiroyama"), ("与一", "ヨイチ", "Yoichi"), ("那須野", "ナスノ", "Nasuno"),
    ("金燈籠", "キンドウロウ", "Kindoro"), ("竜城", "リュウジョウ", "Ryujo"), ("紫塚", "ムラサキヅカ", "Murasakizuka"),
    ("美原", "ミハラ", "Mihara"), ("黒羽", "クロバネ", "Kurobane"), ("湯津上", "ユヅカミ", "Yuzukami"),
    ("佐久山", "サクヤマ", "Sakuyama"), ("八溝", "ヤミゾ", "Yamizo"), ("那珂川", "ナカガワ", "Nakagawa"),
    ("清流", "セイリュウ", "Seiryu"), ("扇", "オウギ", "Ogi"), ("本町", "ホンチョウ", "Honcho"), ("宿場", "シュクバ", "Shukuba"),
)  # fmt: skip
_FOOD_BUSINESSES = 80


def _food_business_permits() -> str:
    rng = _rng("food-business-permits")
    combos = [(kind, word) for kind in _FOOD_KINDS for word in _FOOD_WORDS]
    weights = [kind[5] for kind, _ in combos]
    chosen: list[tuple[tuple[str, str, str, str, str, int], tuple[str, str, str]]] = []
    while len(chosen) < _FOOD_BUSINESSES:
        pick = rng.choices(combos, weights)[0]
        if pick not in chosen:
            chosen.append(pick)
    central = [area.name for area in _AREAS if area.district == "大田原"]
    rows = []
    for no, ((permit, trade, name_t, kana_t, english_t, _), (word, kana, romaji)) in enumerate(chosen, 1):
        name = name_t.format(p=word)
        area = rng.choice(central) if rng.random() < 0.6 else rng.choice(_AREAS).name
        place = _place(name, "", "", "food", area)
        rows.append(
            _current_head("OO", no)
            | {"施設名称": name, "施設名称_カナ": kana_t.format(k=kana), "施設名称_英字": english_t.format(r=romaji)}
            | {"営業の種類": permit, "業態": trade, "所在地_連結表記": place.full_address}
        )
    return _write_csv("food_business_permits", rows)


# --- ごみ分別 -----------------------------------------------------------------------------------------------------

_BURNABLE, _NON_BURNABLE, _BULKY, _HAZARDOUS = "燃やすごみ", "燃やさないごみ", "粗大ごみ", "有害ごみ"
_BOTTLES, _CANS, _PET, _PAPER, _CLOTH = (
    "資源物（びん）",
    "資源物（缶）",
    "資源物（ペットボトル）",
    "資源物（古紙）",
    "資源物（古布）",
)
_PLASTIC, _SMALL_APPLIANCE, _NOT_COLLECTED = "プラスチック製容器包装", "小型家電（拠点回収）", "市では収集できないもの"
# (ゴミの品目, 分別区分, 注意点)
_WASTE: tuple[tuple[str, str, str], ...] = (
    ("アイロン", _NON_BURNABLE, ""),
    ("空きびん（飲料・調味料）", _BOTTLES, "キャップを外し、中をすすいでください"),
    ("油（食用油）", _BURNABLE, "紙や布に染み込ませるか、固めてから出してください"),
    ("アルミ缶", _CANS, "中をすすいでください"),
    ("衣類", _CLOTH, "洗って乾かしたものを透明な袋に入れてください。雨の日は出さないでください"),
    ("板・木材", _BURNABLE, "長さ50センチメートル以下に切ってください。超えるものは粗大ごみです"),
    ("植木鉢（陶器）", _NON_BURNABLE, ""),
    ("植木鉢（プラスチック）", _BURNABLE, "土を落としてください"),
    ("エアコン", _NOT_COLLECTED, "家電リサイクル法の対象です。購入した販売店に引き取りを依頼してください"),
    ("乾電池", _HAZARDOUS, "透明な袋に入れてください"),
    ("傘", _NON_BURNABLE, ""),
    ("カセットボンベ", _HAZARDOUS, "中身を使い切ってください"),
    ("紙パック（牛乳など）", _PAPER, "開いて洗って乾かし、ひもで束ねてください"),
    ("缶詰の缶", _CANS, "中をすすいでください"),
    ("ガラス（割れたもの）", _NON_BURNABLE, "厚紙に包んで「キケン」と書いてください"),
    ("カーペット", _BULKY, ""),
    ("蛍光管", _HAZARDOUS, "割れないように購入時のケースなどに入れてください"),
    ("化粧品のびん", _BOTTLES, "中をすすいでください"),
    ("靴", _BURNABLE, ""),
    ("ゴム手袋", _BURNABLE, ""),
    (
        "小型家電（携帯電話・デジタルカメラなど）",
        _SMALL_APPLIANCE,
        "市役所・支所の回収ボックスへ。データは消去してください",
    ),
    ("冷蔵庫・冷凍庫", _NOT_COLLECTED, "家電リサイクル法の対象です。購入した販売店に引き取りを依頼してください"),
    ("自転車", _BULKY, ""),
    ("新聞紙・チラシ", _PAPER, "ひもで十字に縛ってください"),
    ("スプレー缶", _HAZARDOUS, "中身を使い切ってください"),
    ("スチール缶", _CANS, "中をすすいでください"),
    ("せともの・陶磁器", _NON_BURNABLE, ""),
    ("洗濯機・衣類乾燥機", _NOT_COLLECTED, "家電リサイクル法の対象です。購入した販売店に引き取りを依頼してください"),
    ("扇風機", _BULKY, ""),
    ("掃除機", _NON_BURNABLE, "指定袋に入らないものは粗大ごみです"),
    ("段ボール", _PAPER, "たたんでひもで縛ってください"),
    ("タイヤ", _NOT_COLLECTED, "販売店に相談してください"),
    ("畳", _BULKY, ""),
    ("たばこの吸い殻", _BURNABLE, "火が消えていることを確かめてください"),
    ("茶殻・コーヒーかす", _BURNABLE, "水気をよく切ってください"),
    ("テレビ", _NOT_COLLECTED, "家電リサイクル法の対象です。購入した販売店に引き取りを依頼してください"),
    ("電子レンジ", _BULKY, ""),
    ("食品トレイ", _PLASTIC, "汚れを落としてください。白色トレイは店頭回収も利用できます"),
    ("生ごみ", _BURNABLE, "水気をよく切ってください"),
    ("布団", _BULKY, ""),
    ("ぬいぐるみ", _BURNABLE, ""),
    ("ハンガー（金属）", _NON_BURNABLE, ""),
    ("ハンガー（プラスチック）", _BURNABLE, ""),
    ("ビデオテープ", _BURNABLE, ""),
    ("ペットボトル", _PET, "キャップとラベルを外し、中をすすいでつぶしてください"),
    ("ペットボトルのキャップ", _PLASTIC, ""),
    ("ペットボトルのラベル", _PLASTIC, ""),
    ("ペンキの缶（空）", _NON_BURNABLE, "中身を使い切ってください"),
    ("本・雑誌", _PAPER, "ひもで十字に縛ってください"),
    ("マットレス", _BULKY, ""),
    ("マヨネーズの容器", _PLASTIC, "中身を出してすすいでください。汚れが落ちないものは燃やすごみです"),
    ("水銀体温計", _HAZARDOUS, "割れないように容器に入れてください"),
    ("紙おむつ", _BURNABLE, "汚物はトイレに流してください"),
    ("モバイルバッテリー", _HAZARDOUS, "端子にテープを貼ってください。燃やさないごみに入れると火災の原因になります"),
    ("ライター", _HAZARDOUS, "中身を使い切ってください"),
    ("レジ袋", _PLASTIC, ""),
    ("ロープ・ひも", _BURNABLE, "長さ50センチメートル以下に切ってください"),
    ("机", _BULKY, ""),
    ("椅子", _BULKY, ""),
    ("パソコン", _NOT_COLLECTED, "メーカーの回収（パソコンリサイクル）を利用してください"),
    ("消火器", _NOT_COLLECTED, "販売店または特定窓口に相談してください"),
    ("農薬", _NOT_COLLECTED, "販売店またはJAに相談してください"),
    ("プロパンガスボンベ", _NOT_COLLECTED, "ガス販売店に相談してください"),
    ("鍋・やかん", _NON_BURNABLE, ""),
    ("フライパン", _NON_BURNABLE, ""),
    ("包丁・刃物", _NON_BURNABLE, "厚紙に包んで「キケン」と書いてください"),
    ("発泡スチロール（梱包材）", _PLASTIC, "大きいものは割ってください"),
    ("木の枝", _BURNABLE, "長さ50センチメートル以下、太さ10センチメートル以下に切って束ねてください"),
    ("落ち葉・草", _BURNABLE, "土や石を取り除いてください"),
    ("卵のパック", _PLASTIC, ""),
    ("石油ストーブ", _BULKY, "灯油と電池を抜いてください"),
    ("使い捨てカイロ", _NON_BURNABLE, ""),
    ("歯ブラシ", _BURNABLE, ""),
    ("CD・DVD", _BURNABLE, ""),
    ("電球（LEDを含む）", _NON_BURNABLE, ""),
    ("ふとん乾燥機", _BULKY, ""),
    ("ベッド", _BULKY, "解体できるものは解体してください"),
    ("ポリタンク", _BURNABLE, "灯油を使い切り、50センチメートル以下に切ってください"),
)
# 分別区分 → (料金種別, 料金, 料金備考)
_WASTE_FEE = {
    _BURNABLE: ("指定袋", "", "大田原市指定ごみ袋（有料）に入れて出してください"),
    _NON_BURNABLE: ("指定袋", "", "大田原市指定ごみ袋（有料）に入れて出してください"),
    _BULKY: ("処理手数料", "500", "1点の料金です。戸別収集は電話での申込みが必要です"),
    _NOT_COLLECTED: ("対象外", "", ""),
}
_FREE = ("無料", "", "")


def _waste_sorting() -> str:
    rows = []
    for no, (item, category, note) in enumerate(_WASTE, 1):
        fee_kind, fee, fee_note = _WASTE_FEE.get(category, _FREE)
        rows.append(
            _current_head("GB", no)
            | {"ゴミの品目": item, "分別区分": category, "注意点": note}
            | {"料金種別": fee_kind, "料金": fee, "料金備考": fee_note}
        )
    return _write_csv("waste_sorting", rows)


# --- 地域・年齢別人口 ---------------------------------------------------------------------------------------------

_BANDS = (
    "0-4歳", "5-9歳", "10-14歳", "15-19歳", "20-24歳", "25-29歳", "30-34歳", "35-39歳", "40-44歳", "45-49歳",
    "50-54歳", "55-59歳", "60-64歳", "65-69歳", "70-74歳", "75-79歳", "80-84歳", "85歳以上",
)  # fmt: skip
# A city of 70,000 in northern Tochigi: baby boomers around 70-74, fewer children, more older women.
_BAND_WEIGHTS = (
    2300,
    2700,
    3000,
    3300,
    3400,
    3200,
    3400,
    3900,
    4300,
    5000,
    4800,
    4400,
    4400,
    4800,
    5400,
    3900,
    3100,
    3700,
)
_MALE_SHARE = (
    0.51,
    0.51,
    0.51,
    0.52,
    0.53,
    0.52,
    0.51,
    0.51,
    0.51,
    0.51,
    0.50,
    0.50,
    0.49,
    0.49,
    0.47,
    0.45,
    0.41,
    0.33,
)
_RURAL = frozenset({"須賀川", "両郷", "川西", "湯津上", "佐久山", "黒羽"})


def _band_multiplier(area: _Area, band: int) -> float:
    if area.name == "北金丸":  # a university town: students in their late teens and twenties
        return (1.0, 1.0, 1.0, 1.6, 3.0, 1.4)[band] if band < 6 else 0.9
    if area.district in _RURAL:
        return 0.75 if band < 8 else 1.35 if band >= 13 else 1.0
    return 1.1 if 5 <= band < 10 else 1.0


def _population() -> str:
    rng = _rng("population")
    weights = [(2.0 if area.chome else 1.0) * rng.uniform(0.7, 1.3) for area in _AREAS]
    rows = []
    for no, (area, total) in enumerate(zip(_AREAS, _apportion(CITY_POPULATION, weights), strict=True), 1):
        cells = []
        for band, (weight, male) in enumerate(zip(_BAND_WEIGHTS, _MALE_SHARE, strict=True)):
            base = weight * _band_multiplier(area, band)
            cells += [base * male * rng.uniform(0.9, 1.1), base * (1 - male) * rng.uniform(0.9, 1.1)]
        counts = _apportion(total, cells)
        household = 1.9 if area.name == "北金丸" else 2.7 if area.district in _RURAL else 2.3
        row = {
            "都道府県コード又は市区町村コード": CITY_CODE, "地域コード": f"{no * 10:04d}", "都道府県名": PREFECTURE,
            "市区町村名": CITY, "調査年月日": SURVEY_ON, "地域名": area.name, "総人口": str(total),
            "男性": str(sum(counts[0::2])), "女性": str(sum(counts[1::2])),
            "世帯数": str(round(total / (household * rng.uniform(0.95, 1.05)))),
        }  # fmt: skip
        for band, label in enumerate(_BANDS):
            row[f"{label}の男性"], row[f"{label}の女性"] = str(counts[2 * band]), str(counts[2 * band + 1])
        rows.append(row)
    return _write_csv("population_by_area_and_age_legacy", rows)


# --- オープンデータ一覧 -------------------------------------------------------------------------------------------

_CATALOG_CLASS = {
    "public-facilities": "行財政", "evacuation-sites": "司法・安全・環境", "aed": "社会保障・衛生",
    "public-toilets": "住宅・土地・建設", "tourist-facilities": "運輸・観光", "cultural-properties": "教育・文化・スポーツ・生活",
    "medical-institutions": "社会保障・衛生", "care-service-providers": "社会保障・衛生",
    "childcare-facilities": "教育・文化・スポーツ・生活", "public-wifi": "情報通信・科学技術", "events": "教育・文化・スポーツ・生活",
    "fire-water-facilities": "司法・安全・環境", "food-business-permits": "商業・サービス業", "waste-sorting": "司法・安全・環境",
    "population": "人口・世帯", "open-data-catalog": "行財政",
}  # fmt: skip
_FREQUENCY_JA = {"irregular": "随時", "monthly": "毎月", "quarterly": "四半期ごと", "yearly": "毎年"}


def _open_data_catalog() -> str:
    rng = _rng("open-data-catalog")
    rows = []
    for dataset in DATASETS:
        updated = dt.date(2026, 11, 1) - dt.timedelta(days=rng.randint(0, 200))
        for data_format in ("CSV", "JSON"):
            rows.append(
                {"データ名称": dataset.title, "データ概要": dataset.description, "データ形式": data_format}
                | {"分類": _CATALOG_CLASS[dataset.slug], "更新頻度": _FREQUENCY_JA[dataset.frequency]}
                | {"URL": f"{DEMO_SITE}/opendata/{dataset.slug}/", "API対応有無": "有"}
                | {"ライセンス": "クリエイティブ・コモンズ 表示 4.0 国際（CC BY 4.0）"}
                | {"登録日": "2026-04-01", "最終更新日": max(updated, dt.date(2026, 4, 1)).isoformat()}
            )
    return _write_csv("open_data_catalog_legacy", [_legacy_head(no) | row for no, row in enumerate(rows, 1)])


# --- The datasets -------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DemoDataset:
    slug: str
    schema_key: str
    title: str
    description: str
    department_code: str  # a 課 code of cityhall.accounts.demo_city.DEPARTMENTS
    group: Group
    tags: tuple[str, ...]
    frequency: Frequency
    rows: Callable[[], str]  # the CSV text: UTF-8 without BOM once encoded, header first, schema order
    popularity: float = 1.0  # relative daily use, for usage_pattern
    license: str = "CC-BY-4.0"

    def csv_text(self) -> str:
        return self.rows()

    @property
    def has_location(self) -> bool:
        return "緯度" in _columns(self.schema_key)


DATASETS: list[DemoDataset] = [
    DemoDataset(
        slug="evacuation-sites",
        schema_key="designated_emergency_evacuation_sites",
        title="指定緊急避難場所一覧",
        description="地震や洪水などの災害時に、命を守るために一時的に避難する場所の一覧です。"
        "災害の種類ごとに使える場所が違うため、「災害種別」の欄で確認してください。"
        "避難所を兼ねる場所は「指定避難所との重複」に1が入っています。",
        department_code="crisis-management",
        group="bousai",
        tags=("防災", "避難場所", "地震", "洪水"),
        frequency="yearly",
        rows=_evacuation_sites,
        popularity=3.0,
    ),
    DemoDataset(
        slug="aed",
        schema_key="aed_installations_legacy",
        title="AED設置箇所一覧",
        description="市の施設や学校、駅に設置しているAED（自動体外式除細動器）の一覧です。"
        "設置位置と利用できる曜日・時間を載せています。小児用パッドの有無も確認できます。",
        department_code="health-policy",
        group="bousai",
        tags=("AED", "救命", "応急手当"),
        frequency="irregular",
        rows=_aed_installations,
        popularity=2.5,
    ),
    DemoDataset(
        slug="fire-water-facilities",
        schema_key="fire_water_facilities",
        title="消防水利施設一覧",
        description="消火栓・防火水そうなど、火災のときに消防が使う水利の位置の一覧です。"
        "消火栓の前は駐車禁止です。冬は雪や落ち葉でふさがないようご協力ください。",
        department_code="crisis-management",
        group="bousai",
        tags=("消防", "消火栓", "防火水そう"),
        frequency="yearly",
        rows=_fire_water_facilities,
        popularity=0.7,
    ),
    DemoDataset(
        slug="medical-institutions",
        schema_key="medical_institutions_legacy",
        title="医療機関一覧",
        description="市内の病院・診療所・歯科医院の一覧です。診療科目、診療日と時間、病床数を載せています。"
        "受診の前に各医療機関に休診日を確認してください。",
        department_code="health-policy",
        group="kenkou",
        tags=("医療", "病院", "診療所", "歯科"),
        frequency="yearly",
        rows=_medical_institutions,
        popularity=1.2,
    ),
    DemoDataset(
        slug="care-service-providers",
        schema_key="care_service_providers_legacy",
        title="介護サービス事業所一覧",
        description="市内の介護サービス事業所の一覧です。訪問介護やデイサービス、ショートステイなど、事業所ごとのサービスと定員を載せています。"
        "利用の相談は担当のケアマネジャーか地域包括支援センターへどうぞ。",
        department_code="elderly",
        group="kenkou",
        tags=("介護", "高齢者", "デイサービス", "介護保険"),
        frequency="quarterly",
        rows=_care_service_providers,
        popularity=0.9,
    ),
    DemoDataset(
        slug="childcare-facilities",
        schema_key="childcare_facilities_legacy",
        title="子育て施設一覧",
        description="保育園・認定こども園・幼稚園などの一覧です。定員、受け入れ年齢、開所時間、一時預かりの有無を載せています。"
        "入園の申込みは子ども幸福課へお問い合わせください。",
        department_code="children",
        group="kosodate",
        tags=("子育て", "保育園", "幼稚園", "認定こども園"),
        frequency="yearly",
        rows=_childcare_facilities,
        popularity=1.1,
    ),
    DemoDataset(
        slug="tourist-facilities",
        schema_key="tourist_facilities_legacy",
        title="観光施設一覧",
        description="那須与一伝承館や雲巌寺、黒羽の観光やななど、市内の観光施設の一覧です。"
        "営業時間、料金、駐車場の台数を載せています。",
        department_code="commerce-tourism",
        group="kankou",
        tags=("観光", "那須与一", "黒羽", "名所"),
        frequency="yearly",
        rows=_tourist_facilities,
        popularity=1.3,
    ),
    DemoDataset(
        slug="cultural-properties",
        schema_key="cultural_properties_legacy",
        title="文化財一覧",
        description="国宝「那須国造碑」をはじめ、市内の国・県・市の指定文化財の一覧です。"
        "所在地と指定日、所有者を載せています。個人所有のものは見学できない場合があります。",
        department_code="lifelong-learning",
        group="kankou",
        tags=("文化財", "史跡", "歴史"),
        frequency="yearly",
        rows=_cultural_properties,
        popularity=0.8,
    ),
    DemoDataset(
        slug="events",
        schema_key="events_legacy",
        title="イベント一覧",
        description="市や関係団体が開くまつり・講座・催しの一覧です（令和8年度）。"
        "日時、会場、料金、申込みの方法と締切を載せています。",
        department_code="policy-promotion",
        group="kankou",
        tags=("イベント", "まつり", "講座"),
        frequency="monthly",
        rows=_events,
        popularity=1.5,
    ),
    DemoDataset(
        slug="public-toilets",
        schema_key="public_toilets",
        title="公衆トイレ一覧",
        description="公園や駅、観光地にある公衆トイレの一覧です。"
        "利用できる時間と、車椅子で使えるトイレ・ベビーシート・オストメイト対応設備の有無を載せています。",
        department_code="urban-planning",
        group="kurashi",
        tags=("トイレ", "バリアフリー", "公園", "観光"),
        frequency="yearly",
        rows=_public_toilets,
        popularity=1.3,
    ),
    DemoDataset(
        slug="public-wifi",
        schema_key="public_wifi_access_points_legacy",
        title="公衆無線LANアクセスポイント一覧",
        description="無料で使える公衆無線LAN「Ohtawara_Free_Wi-Fi」の利用場所の一覧です。"
        "災害時には誰でも認証なしで使えるよう開放します。",
        department_code="ict-policy",
        group="kurashi",
        tags=("Wi-Fi", "無線LAN", "インターネット"),
        frequency="irregular",
        rows=_public_wifi,
        popularity=0.6,
    ),
    DemoDataset(
        slug="food-business-permits",
        schema_key="food_business_permits",
        title="食品等営業許可・届出一覧",
        description="市内の飲食店や食品製造業などの営業許可の一覧です。"
        "許可は栃木県県北健康福祉センターが行っており、毎月の情報をもとに更新しています。",
        department_code="health-policy",
        group="kurashi",
        tags=("食品衛生", "飲食店", "営業許可"),
        frequency="monthly",
        rows=_food_business_permits,
        popularity=0.6,
    ),
    DemoDataset(
        slug="waste-sorting",
        schema_key="waste_sorting",
        title="ごみ分別一覧",
        description="家庭から出るごみの品目ごとの分け方と出し方の一覧です。"
        "収集日は地区ごとのごみカレンダーで確認してください。家電リサイクル法の対象品など、市では収集できないものも載せています。",
        department_code="environment",
        group="kurashi",
        tags=("ごみ", "分別", "リサイクル", "粗大ごみ"),
        frequency="yearly",
        rows=_waste_sorting,
        popularity=2.2,
    ),
    DemoDataset(
        slug="public-facilities",
        schema_key="public_facilities_legacy",
        title="公共施設一覧",
        description="市役所・支所、公民館、図書館、体育施設、学校など、市の公共施設の一覧です。"
        "開館日・開館時間と電話番号、バリアフリーの情報を載せています。",
        department_code="finance",
        group="gyousei",
        tags=("公共施設", "公民館", "図書館", "学校"),
        frequency="irregular",
        rows=_public_facilities,
    ),
    DemoDataset(
        slug="population",
        schema_key="population_by_area_and_age_legacy",
        title="地域・年齢別人口",
        description="住民基本台帳による町字ごとの男女別・5歳階級別の人口と世帯数です（令和8年10月1日現在）。"
        "外国人住民を含みます。",
        department_code="citizens",
        group="gyousei",
        tags=("人口", "世帯", "統計", "年齢別"),
        frequency="monthly",
        rows=_population,
        popularity=1.6,
    ),
    DemoDataset(
        slug="open-data-catalog",
        schema_key="open_data_catalog_legacy",
        title="オープンデータ一覧",
        description="大田原市が公開しているオープンデータの一覧です。データの形式、更新頻度、最終更新日を載せています。"
        "欲しいデータがあれば、このサイトの「データのリクエスト」からお知らせください。",
        department_code="ict-policy",
        group="gyousei",
        tags=("オープンデータ", "カタログ", "データ一覧"),
        frequency="irregular",
        rows=_open_data_catalog,
        popularity=0.5,
    ),
]


# --- The messy upload ---------------------------------------------------------------------------------------------

# The toilet list as a clerk's Excel sheet: columns moved, some headers numbered or in 半角カナ.
_MESSY_HEADER = {
    "全国地方公共団体コード": "全国地方公共団体ｺｰﾄﾞ",
    "名称": "1_名称",
    "名称_カナ": "名称_ｶﾅ",
    "所在地_連結表記": "2_所在地_連結表記",
    "建物名等(方書)": "建物名等_方書",
    "バリアフリートイレ数": "ﾊﾞﾘｱﾌﾘｰﾄｲﾚ数",
}
# Latitude and longitude go next to the name, the codes to the end.
_MESSY_FIRST = ("ID", "名称", "名称_カナ", "経度", "緯度")
_MESSY_LAST = ("全国地方公共団体コード", "所在地_全国地方公共団体コード")
_SWAPPED_ROW, _LINE_BREAK_VALUE = 11, "北口駐車場 管理棟の隣"
_WIDE_CELLS = frozenset({(4, "男性トイレ総数"), (9, "男性トイレ総数"), (20, "利用終了時間")})  # typed in 全角
_WIDE = str.maketrans("0123456789:", "０１２３４５６７８９：")


def _excel_time(value: str) -> str:
    return value[1:] if value.startswith("0") else value  # Excel's h:mm drops the leading zero


# How Excel and the clerk left each column.
_MESSY_COLUMN: dict[str, Callable[[str], str]] = {
    "全国地方公共団体コード": lambda value: value.lstrip("0"),  # read as a number
    "所在地_全国地方公共団体コード": lambda value: value[:5],  # the old five-digit code, no check digit
    "車椅子使用者用トイレ有無": {"有": "○", "無": "×"}.__getitem__,
    "設置位置": lambda value: value.replace(" ", "\n") if value == _LINE_BREAK_VALUE else value,
    "利用開始時間": _excel_time,
    "利用終了時間": _excel_time,
}


def _messy_cell(index: int, column: str, value: str, row: Row) -> str:
    if (index, column) in _WIDE_CELLS:
        return value.translate(_WIDE)
    if index == _SWAPPED_ROW and column in ("緯度", "経度"):
        return row["経度" if column == "緯度" else "緯度"]
    transform = _MESSY_COLUMN.get(column)
    return transform(value) if transform else value


def messy_upload() -> bytes:
    """The 公衆トイレ一覧 as a clerk might upload it: CP932, CRLF, headers and cells as Excel leaves them.

    Every problem in it has a mechanical fix in the validator, so fixing all of them gives the clean dataset.
    """
    rows = _toilet_rows()
    order = [
        *_MESSY_FIRST,
        *(c for c in _columns("public_toilets") if c not in _MESSY_FIRST + _MESSY_LAST),
        *_MESSY_LAST,
    ]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([_MESSY_HEADER.get(column, column) for column in order])
    for index, row in enumerate(rows):
        writer.writerow([_messy_cell(index, column, row.get(column, ""), row) for column in order])
    return buffer.getvalue().encode("cp932")


def messy_upload_expected_codes() -> set[str]:
    return {
        "code6_leading_zero",  # 92100
        "code6_check_digit_missing",  # 09210
        "latlon_swapped",
        "flag_value",  # ○ / ×
        "line_break",
        "width",  # 全角 digits
        "time_format",  # 9:00
    }


# --- Usage ----------------------------------------------------------------------------------------------------

USAGE_DAYS = 90
_WEEKDAY_FACTOR = (1.15, 1.1, 1.1, 1.05, 1.0, 0.5, 0.4)  # Monday first
# referrer → (share, {format: share}). Apps call the API; people mostly take CSV or Excel.
_REFERRERS: dict[str, tuple[float, dict[str, float]]] = {
    "direct": (0.2, {"csv": 0.45, "xlsx": 0.25, "json": 0.1, "geojson": 0.1, "api": 0.1}),
    "internal": (0.35, {"csv": 0.5, "xlsx": 0.25, "json": 0.1, "geojson": 0.15}),
    "search": (0.3, {"csv": 0.55, "xlsx": 0.3, "json": 0.05, "geojson": 0.1}),
    "external": (0.1, {"csv": 0.5, "json": 0.2, "geojson": 0.2, "xlsx": 0.1}),
    "app": (0.05, {"api": 0.7, "json": 0.2, "geojson": 0.1}),
}


def _usage_mix(geo: bool) -> tuple[list[tuple[str, str]], list[float]]:
    keys, weights = [], []
    for referrer, (share, formats) in _REFERRERS.items():
        for fmt, part in formats.items():
            if geo or fmt != "geojson":
                keys.append((fmt, referrer))
                weights.append(share * part)
    return keys, weights


def usage_pattern(
    seed: int | str, *, weight: float | None = None, geo: bool = True, today: dt.date | None = None
) -> list[tuple[int, str, str, int]]:
    """Synthetic daily use for the last USAGE_DAYS days: (days_ago, format, referrer class, count), count > 0.

    Pass a dataset's slug as seed to get its popularity (evacuation sites and AED are used most), or any seed
    with an explicit weight. Weekdays are busier than weekends and holidays, use grows slowly, and one news
    event per dataset brings a short spike. The same arguments on the same day give the same list.
    """
    today = today or timezone.localdate()
    dataset = next((d for d in DATASETS if d.slug == seed), None)
    if weight is None:
        weight = dataset.popularity if dataset else 1.0
    if dataset is not None:
        geo = geo and dataset.has_location
    rng = _rng(f"usage:{seed}")
    keys, shares = _usage_mix(geo)
    spike_on, spike = rng.randrange(5, USAGE_DAYS - 5), rng.uniform(2.0, 4.0)
    found = []
    for days_ago in range(USAGE_DAYS - 1, -1, -1):
        day = today - dt.timedelta(days=days_ago)
        factor = _WEEKDAY_FACTOR[6 if jpholiday.is_holiday(day) else day.weekday()]
        mean = 5.0 * weight * factor * (1.0 + 0.25 * (USAGE_DAYS - days_ago) / USAGE_DAYS)
        if 0 <= spike_on - days_ago < 4:  # the spike day and the three days after it
            mean *= 1.0 + (spike - 1.0) / (1 + spike_on - days_ago)
        total = max(0, round(rng.gauss(mean, mean**0.5)))
        counts = Counter(rng.choices(keys, shares, k=total))
        found += [(days_ago, fmt, referrer, n) for (fmt, referrer), n in sorted(counts.items())]
    return found
