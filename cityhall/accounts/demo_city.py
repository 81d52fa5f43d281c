"""The demo city: 大田原市 (全国地方公共団体コード 092100) with fictional people.

Only 総合政策部情報政策課 is confirmed by the city's ICT plan; the other
部・課 follow the usual structure of a Japanese city of this size and are
marked as approximate in docs/demo.md.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

MUNICIPALITY = {
    "code": "092100",
    "name": "大田原市",
    "name_kana": "オオタワラシ",
    "name_en": "Ohtawara City",
    "prefecture": "栃木県",
    "postal_code": "324-8641",
    "address": "栃木県大田原市本町1丁目4番1号",
    "phone": "0287-23-1111",
    "website": "https://www.city.ohtawara.tochigi.jp/",
    "population": 70000,
    "latitude": "36.871300",
    "longitude": "140.015500",
}

# (部 code, 部 name, English, [(課 code, 課 name, English)]) — in English, 部 is a Department and 課 a Division.
DEPARTMENTS: list[tuple[str, str, str, list[tuple[str, str, str]]]] = [
    (
        "general-policy",
        "総合政策部",
        "General Policy Department",
        [
            ("policy-promotion", "政策推進課", "Policy Promotion Division"),
            ("ict-policy", "情報政策課", "ICT Policy Division"),
            ("finance", "財政課", "Finance Division"),
        ],
    ),
    (
        "general-affairs",
        "総務部",
        "General Affairs Department",
        [
            ("general-affairs-div", "総務課", "General Affairs Division"),
            ("personnel", "人事課", "Personnel Division"),
            ("taxation", "税務課", "Taxation Division"),
            ("tax-collection", "収税課", "Tax Collection Division"),
            ("crisis-management", "危機管理課", "Crisis Management Division"),
        ],
    ),
    (
        "citizens-life",
        "市民生活部",
        "Citizens' Life Department",
        [
            ("citizens", "市民課", "Citizens Division"),
            ("environment", "生活環境課", "Living Environment Division"),
            ("insurance-pension", "国保年金課", "Health Insurance and Pension Division"),
        ],
    ),
    (
        "health-welfare",
        "保健福祉部",
        "Health and Welfare Department",
        [
            ("welfare", "福祉課", "Welfare Division"),
            ("children", "子ども幸福課", "Children's Happiness Division"),
            ("elderly", "高齢者幸福課", "Elderly Happiness Division"),
            ("health-policy", "健康政策課", "Health Policy Division"),
        ],
    ),
    (
        "industry",
        "産業振興部",
        "Industry Promotion Department",
        [
            ("agriculture", "農政課", "Agricultural Policy Division"),
            ("commerce-tourism", "商工観光課", "Commerce and Tourism Division"),
        ],
    ),
    (
        "construction",
        "建設部",
        "Construction Department",
        [
            ("roads", "道路課", "Roads Division"),
            ("urban-planning", "都市計画課", "Urban Planning Division"),
            ("housing", "建築住宅課", "Building and Housing Division"),
        ],
    ),
    (
        "waterworks",
        "上下水道部",
        "Water and Sewerage Department",
        [
            ("water", "水道課", "Water Supply Division"),
            ("sewerage", "下水道課", "Sewerage Division"),
        ],
    ),
    (
        "education",
        "教育部",
        "Education Department",
        [
            ("education-general", "教育総務課", "Education General Affairs Division"),
            ("school-education", "学校教育課", "School Education Division"),
            ("lifelong-learning", "生涯学習課", "Lifelong Learning Division"),
        ],
    ),
]
# Offices outside the 部 (Kind.OFFICE).
STANDALONE = [
    ("accounting", "会計課", "Accounting Division"),
    ("assembly", "議会事務局", "Assembly Secretariat"),
]


@dataclass(frozen=True)
class Persona:
    key: str
    email: str
    password: str
    name: str
    kana: str
    department: str | None
    title: str
    role: str | None
    label: str


PERSONAS = [
    Persona(
        "administrator",
        "admin@demo.ohtawara.example.jp",
        "demo-admin-2026",
        "管理 花子",
        "カンリ ハナコ",
        "ict-policy",
        "主査",
        "administrator",
        "システム管理者",
    ),
    Persona(
        "ict_policy",
        "policy@demo.ohtawara.example.jp",
        "demo-policy-2026",
        "情報 政策",
        "ジョウホウ マサノリ",
        "ict-policy",
        "主任",
        "ict_policy",
        "情報政策課職員",
    ),
    Persona(
        "department_clerk",
        "clerk@demo.ohtawara.example.jp",
        "demo-clerk-2026",
        "市民 窓子",
        "シミン マドコ",
        "citizens",
        "主事",
        "department_clerk",
        "担当課職員（市民課）",
    ),
    Persona(
        "section_chief",
        "citizens-chief@demo.ohtawara.example.jp",
        "demo-chief-2026",
        "野崎 五郎",
        "ノザキ ゴロウ",
        "citizens",
        "市民課長",
        "section_chief",
        "課長（市民課）：手続き案内の承認",
    ),
    Persona(
        "resident",
        "resident@demo.ohtawara.example.jp",
        "demo-resident-2026",
        "那須野 みどり",
        "ナスノ ミドリ",
        None,
        "",
        None,
        "住民",
    ),
]

# Fictional holders of the posts that 第5章 names as committee members.
OFFICIALS = [
    ("mayor@demo.ohtawara.example.jp", "那珂 一郎", "ナカ イチロウ", None, "市長"),
    ("deputy@demo.ohtawara.example.jp", "黒羽 二郎", "クロバネ ジロウ", "general-policy", "副市長"),
    ("gp-director@demo.ohtawara.example.jp", "湯津上 三郎", "ユヅカミ サブロウ", "general-policy", "総合政策部長"),
    ("ict-chief@demo.ohtawara.example.jp", "佐久山 四子", "サクヤマ ヨツコ", "ict-policy", "情報政策課長"),
]

# (committee, official e-mail, position)
COMMITTEES = [
    ("headquarters", "mayor@demo.ohtawara.example.jp", "chair"),
    ("headquarters", "deputy@demo.ohtawara.example.jp", "vice_chair"),
    ("headquarters", "gp-director@demo.ohtawara.example.jp", "member"),
    ("security", "gp-director@demo.ohtawara.example.jp", "chair"),
    ("security", "ict-chief@demo.ohtawara.example.jp", "vice_chair"),
    ("security", "citizens-chief@demo.ohtawara.example.jp", "member"),
    ("promotion", "gp-director@demo.ohtawara.example.jp", "chair"),
    ("promotion", "ict-chief@demo.ohtawara.example.jp", "vice_chair"),
    ("promotion", "policy@demo.ohtawara.example.jp", "secretariat"),
    ("promotion", "clerk@demo.ohtawara.example.jp", "member"),
]
COMMITTEE_START = dt.date(2023, 4, 1)

# (kind, section code, e-mail)
ASSIGNMENTS = [
    ("it_helper", "citizens", "clerk@demo.ohtawara.example.jp"),
    ("security_staff", "citizens", "citizens-chief@demo.ohtawara.example.jp"),
    ("it_helper", "ict-policy", "policy@demo.ohtawara.example.jp"),
    ("security_staff", "ict-policy", "admin@demo.ohtawara.example.jp"),
]
