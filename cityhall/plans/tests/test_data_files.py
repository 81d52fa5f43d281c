"""The plan and its demo state, loaded from data/plan.yaml and data/demo.yaml, are exactly what
the Python modules they replaced (seed_data.py, demo_loader.py) loaded.

Each check digests every loaded row in a canonical form (no ids, no timestamps) and compares it
with the digest taken from the Python modules before the move; a few rows are spelt out too.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from cityhall.plans.models import (
    Field,
    Initiative,
    Meeting,
    Pillar,
    Plan,
    PreviousPlanReview,
    PriorityScore,
    ProgressReport,
    ScheduleBar,
)

SEED_DIGEST = "1932df28c0237f3a51dda5403474040aec2f3181299cf5b5c469c0a595170c43"
DEMO_DIGEST = "aa24cfb2839516aa1aaef4ec9774702517c4e14116e81d4138731b84f931524a"


def _digest(rows: Any) -> str:
    return hashlib.sha256(json.dumps(rows, ensure_ascii=False, default=str).encode()).hexdigest()


def _key(initiative: Initiative) -> list[int]:
    return [initiative.field.pillar.number, initiative.field.number, initiative.number]


def _seeded_rows() -> dict[str, Any]:
    plan = Plan.objects.get()
    initiatives = Initiative.objects.select_related("field__pillar").order_by("pk")
    return {
        "plan": [plan.name, plan.first_fiscal_year, plan.last_fiscal_year, plan.note],
        "pillars": [[p.number, p.roman, p.title] for p in Pillar.objects.order_by("pk")],
        "fields": [[f.pillar.number, f.number, f.title, f.description] for f in Field.objects.order_by("pk")],
        "initiatives": [[*_key(i), i.title, i.description, i.caption, i.national, i.prefectural] for i in initiatives],
        "bars": [
            [*_key(b.initiative), b.row, b.label, b.start_year, b.start_half, b.end_year, b.end_half]
            for b in ScheduleBar.objects.select_related("initiative__field__pillar").order_by("pk")
        ],
        "reviews": [
            [r.pillar_number, r.field_title, r.item, r.continued, r.note, r.order, r.successor and _key(r.successor)]
            for r in PreviousPlanReview.objects.select_related("successor__field__pillar").order_by("pk")
        ],
    }


def test_the_seeded_plan_is_the_one_seed_data_loaded(db):
    rows = _seeded_rows()
    assert [len(rows[k]) for k in ("pillars", "fields", "initiatives", "bars", "reviews")] == [2, 8, 18, 73, 23]
    assert rows["initiatives"][0][:4] == [1, 1, 1, "SNS等による情報発信の強化"]
    assert rows["bars"][1] == [1, 1, 1, 2, "LINE等による情報発信の拡充方法を検討", 2023, 1, 2023, 2]
    assert rows["reviews"][-1][2:5] == [
        "情報セキュリティの強化",
        False,
        "目標であった教育情報セキュリティポリシーの策定が完了し、"
        "「② 情報セキュリティマネジメントシステムの推進」に包含されるため、終了します。",
    ]
    assert _digest(rows) == SEED_DIGEST


@pytest.fixture
def november_2024(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: dt.date(2024, 11, 1))


def _result(score: PriorityScore) -> list[str]:
    return [str(score.score), score.rank, score.comment, score.scored_by.email]


def _demo_rows() -> dict[str, Any]:
    initiatives = Initiative.objects.select_related("field__pillar", "department").order_by("pk")
    scores = PriorityScore.objects.select_related("initiative__field__pillar", "scored_by").order_by("pk")
    reports = ProgressReport.objects.select_related("initiative__field__pillar", "reported_by").order_by("pk")
    return {
        "departments": [[*_key(i), i.department.code if i.department else None] for i in initiatives],
        "scores": [
            [*_key(s.initiative), s.fiscal_year, s.government, s.quality, s.cost, s.delivery, *_result(s)]
            for s in scores
        ],
        "reports": [
            [*_key(r.initiative), r.fiscal_year, r.half, r.status, r.comment, r.reported_by.email, r.evidence_id]
            for r in reports
        ],
        "meetings": [
            [m.committee, m.held_on.isoformat(), m.title, m.agenda, m.minutes, m.created_by.email]
            for m in Meeting.objects.select_related("created_by").order_by("pk")
        ],
    }


def test_the_demo_state_is_the_one_demo_loader_made(db, november_2024, capsys):
    call_command("demo")
    capsys.readouterr()
    rows = _demo_rows()
    assert [len(rows[k]) for k in ("departments", "scores", "reports", "meetings")] == [18, 18, 18, 1]
    assert rows["scores"][3][3:8] == [2024, 3, 3, 3, 3]
    assert rows["reports"][3][4:7] == [2, "delayed", "調達仕様の確定が遅れている（デモ）"]
    assert rows["meetings"] == [
        [
            "headquarters",
            "2024-05-20",
            "電子市役所推進本部会議（デモ）",
            "1. 計画の進捗\n2. 優先度評価",
            "各取組の進捗を確認した（デモ）。",
            "policy@demo.ohtawara.example.jp",
        ]
    ]
    assert _digest(rows) == DEMO_DIGEST
