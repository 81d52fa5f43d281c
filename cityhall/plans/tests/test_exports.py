"""Downloads of the plan: CSV datasets, the Excel workbook and the meeting pack PDF, and who may fetch them."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from cityhall.accounts.models import Role
from cityhall.plans import services
from cityhall.plans.exports import spreadsheet_safe
from cityhall.plans.models import (
    Field,
    Initiative,
    Pillar,
    Plan,
    PriorityScore,
    ProgressReport,
    ProgressStatus,
    ScheduleBar,
)
from cityhall.plans.scoring import DOCUMENT_RULE
from conftest import make_user

FORMULA = '=HYPERLINK("x")'
PLAN_NAME = "第4次テスト市地域ICT総合推進計画"
GRANTS = {"ict_policy": ["plans", "plans_admin"], "department_clerk": ["plans"]}
URLS = [("export_csv", ["initiatives"]), ("export_xlsx", []), ("meeting_pack", [])]


@pytest.fixture
def plan(policy_officer, departments):
    # Independent of the data migrations: grant the plan modules here and replace any seeded plan with a small one.
    for code, modules in GRANTS.items():
        for role in Role.objects.filter(code=code):
            role.modules = sorted({*role.modules, *modules})
            role.save(update_fields=["modules"])
    Plan.objects.all().delete()
    plan = Plan.objects.create(
        name=PLAN_NAME,
        first_fiscal_year=2023,
        last_fiscal_year=2025,
        note="計画冒頭には20事業とあるが、体系図の取組項目は18項目である。",
    )
    pillar = Pillar.objects.create(plan=plan, number=1, roman="I", title="市民サービスの向上と地域活性化の推進")
    field = Field.objects.create(pillar=pillar, number=1, title="地域への情報提供の推進")
    sns = Initiative.objects.create(
        field=field,
        number=1,
        title="SNS等による情報発信の強化",
        description="LINE等で発信する。",
        prefectural=True,
        department=departments["ict-policy"],
    )
    online = Initiative.objects.create(
        field=field,
        number=2,
        title="オンライン申請の拡充",
        national=True,
        department=departments["citizens"],
    )
    ScheduleBar.objects.create(
        initiative=sns, row=1, label="情報発信手段の検討", start_year=2023, start_half=1, end_year=2024, end_half=1
    )
    ScheduleBar.objects.create(
        initiative=sns, row=1, label="サービス導入", start_year=2025, start_half=1, end_year=2025, end_half=2
    )
    ScheduleBar.objects.create(
        initiative=online, row=1, label="オンライン申請の拡充", start_year=2023, start_half=1, end_year=2025, end_half=2
    )
    score, rank = DOCUMENT_RULE.scored(3, 3, 3, 3)
    PriorityScore.objects.create(
        initiative=sns,
        fiscal_year=2024,
        government=3,
        quality=3,
        cost=3,
        delivery=3,
        score=score,
        rank=rank,
        comment=FORMULA,
        scored_by=policy_officer,
    )
    ProgressReport.objects.create(
        initiative=sns,
        fiscal_year=2024,
        half=1,
        status=ProgressStatus.DELAYED,
        comment=FORMULA,
        reported_by=policy_officer,
    )
    ProgressReport.objects.create(
        initiative=online,
        fiscal_year=2024,
        half=1,
        status=ProgressStatus.IN_PROGRESS,
        comment="順調\x07",  # a control character pasted in: XLSX cannot hold it
        reported_by=policy_officer,
    )
    return plan


@pytest.fixture
def november_2024(monkeypatch):
    """Today is 2024-11-01 (令和6年度下期), inside the plan's period."""
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: dt.date(2024, 11, 1))


def _csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+81", "'+81"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("安全", "安全"),
        ("", ""),
        (3, 3),
        (Decimal("-1.5"), Decimal("-1.5")),
        (None, None),
    ],
)
def test_spreadsheet_safe_prefixes_formula_like_text(value, expected):
    assert spreadsheet_safe(value) == expected


def test_csv_is_excel_friendly_utf8_with_japanese_header(plan, policy_officer, as_user):
    response = as_user(policy_officer).get(reverse("console:plans:export_csv", args=["initiatives"]))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename*=utf-8''")
    assert response.content.startswith(b"\xef\xbb\xbf")
    text = response.content.decode("utf-8-sig")
    assert text.startswith("コード,施策の柱,取組分野,取組項目,国,県,担当課,取組内容\r\n")
    assert text.count("\r\n") == 3 and "\n" not in text.replace("\r\n", "")
    assert _csv(response)[1] == [
        "I-(1)①",
        "I 市民サービスの向上と地域活性化の推進",
        "I-(1) 地域への情報提供の推進",
        "SNS等による情報発信の強化",
        "",
        "○",
        "情報政策課",
        "LINE等で発信する。",
    ]


def test_csv_schedule_names_half_years_in_wareki(plan, policy_officer, as_user):
    rows = _csv(as_user(policy_officer).get(reverse("console:plans:export_csv", args=["schedule"])))

    assert rows[0] == ["コード", "取組項目", "行", "実施内容", "開始", "終了"]
    assert rows[1] == [
        "I-(1)①",
        "SNS等による情報発信の強化",
        "1",
        "情報発信手段の検討",
        "令和5年度上期",
        "令和6年度上期",
    ]
    assert len(rows) == 4


@pytest.mark.parametrize(("dataset", "column"), [("scores", "評価コメント"), ("progress", "コメント")])
def test_csv_neutralises_formula_like_comments(plan, policy_officer, as_user, dataset, column):
    rows = _csv(as_user(policy_officer).get(reverse("console:plans:export_csv", args=[dataset])))

    comments = [row[rows[0].index(column)] for row in rows[1:]]
    assert "'" + FORMULA in comments
    assert FORMULA not in comments


def test_csv_scores_and_progress_carry_the_data(plan, policy_officer, as_user):
    client = as_user(policy_officer)
    scores = _csv(client.get(reverse("console:plans:export_csv", args=["scores"])))
    progress = _csv(client.get(reverse("console:plans:export_csv", args=["progress"])))

    assert scores[1][:9] == ["令和6年度", "I-(1)①", "SNS等による情報発信の強化", "3", "3", "3", "3", "20.25", "B 優先"]
    assert [row[:5] for row in progress[1:]] == [
        ["令和6年度", "上期", "I-(1)①", "SNS等による情報発信の強化", "遅延"],
        ["令和6年度", "上期", "I-(1)②", "オンライン申請の拡充", "実施中"],
    ]


def test_score_downloads_name_the_formula_and_thresholds_they_were_ranked_by(plan, policy_officer, as_user):
    client = as_user(policy_officer)
    scores = _csv(client.get(reverse("console:plans:export_csv", args=["scores"])))
    assert scores[0][-2:] == ["算定式", "優先度の基準"]
    assert scores[1][-2:] == ["G×Q×C×D÷4", "A 最優先：24点以上、B 優先：18点以上24点未満、C 計画変更：18点未満"]

    services.score_rule_set(
        actor=policy_officer,
        plan=plan,
        divisor=Decimal(3),
        rank_a_from=Decimal(24),
        rank_b_from=Decimal(18),
        note="Aに届くよう割る数を3にする",
    )
    sheet = load_workbook(io.BytesIO(client.get(reverse("console:plans:export_xlsx")).content))["優先度"]
    row = [c.value for c in sheet[2]]
    assert (row[7], row[8]) == (27, "A 最優先")
    assert row[-2:] == ["G×Q×C×D÷3", "A 最優先：24点以上、B 優先：18点以上24点未満、C 計画変更：18点未満"]


def test_the_meeting_pack_explains_the_rule_and_why_it_changed(plan, policy_officer, as_user, november_2024):
    text = _pdf_text(as_user(policy_officer).get(reverse("console:plans:meeting_pack")))
    assert "優先度＝G×Q×C×D÷4" in text and "20.25点のため、A（24点以上）には該当しません" in text

    services.score_rule_set(
        actor=policy_officer,
        plan=plan,
        divisor=Decimal(4),
        rank_a_from=Decimal(20),
        rank_b_from=Decimal(12),
        note="推進本部で基準点を見直した",
    )
    text = _pdf_text(as_user(policy_officer).get(reverse("console:plans:meeting_pack")))
    assert "A 最優先：20点以上、B 優先：12点以上20点未満" in text
    assert "推進本部で基準点を見直した" in text
    assert "には該当しません" not in text


def _pdf_text(response):
    # Lines of a long note wrap in the PDF; joining without breaks lets a sentence be found whole.
    return "".join(page.extract_text().replace("\n", "") for page in PdfReader(io.BytesIO(response.content)).pages)


def test_csv_unknown_dataset_is_404(plan, policy_officer, as_user):
    response = as_user(policy_officer).get(reverse("console:plans:export_csv", args=["passwords"]))
    assert response.status_code == 404


def test_xlsx_has_gantt_progress_and_scores(plan, policy_officer, as_user, november_2024):
    response = as_user(policy_officer).get(reverse("console:plans:export_xlsx"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["実施スケジュール", "進捗", "優先度"]

    gantt = book["実施スケジュール"]
    assert [gantt.cell(2, c).value for c in range(3, 9)] == ["上期", "下期"] * 3
    assert gantt["C1"].value == "令和5年度"
    assert gantt.freeze_panes == "C3"
    assert (gantt["A3"].value, gantt["B3"].value) == ("I-(1)①", "SNS等による情報発信の強化")
    # 情報発信手段の検討 runs 2023上期–2024上期 (C–E); nothing in 2024下期 (F); サービス導入 is 2025 (G–H).
    # A bar is one merged, filled cell (openpyxl reads back the style of a merged range's first cell only).
    bars = {str(r) for r in gantt.merged_cells.ranges if r.min_row == r.max_row == 3}
    assert bars == {"C3:E3", "G3:H3"}
    assert (gantt["C3"].value, gantt["G3"].value) == ("情報発信手段の検討", "サービス導入")
    assert gantt["C3"].fill.fgColor.rgb.endswith("2F6FB5") and gantt["G3"].fill.fgColor.rgb.endswith("2F6FB5")
    assert gantt["F3"].value is None and gantt["F3"].fill.fill_type is None
    assert gantt["C4"].value == "オンライン申請の拡充" and "C4:H4" in {str(r) for r in gantt.merged_cells.ranges}
    assert gantt["F2"].fill.fgColor.rgb.endswith("F59E0B")  # the current half-year, 2024下期

    progress = book["進捗"]
    header = [c.value for c in progress[1]]
    assert header[:4] == ["コード", "取組項目", "担当課", "令和5年度上期"]
    sns = [c.value for c in progress[2]]
    assert sns[header.index("令和6年度上期")] == "遅延"
    assert sns[header.index("最新のコメント")] == "'" + FORMULA
    assert progress.cell(3, header.index("最新のコメント") + 1).value == "順調"

    scores = book["優先度"]
    assert [c.value for c in scores[1]][:3] == ["年度", "コード", "取組項目"]
    row = [c.value for c in scores[2]]
    assert row[7] == 20.25
    assert row[9] == "'" + FORMULA


def test_meeting_pack_is_a_japanese_pdf_with_the_font_embedded(plan, policy_officer, as_user, november_2024):
    response = as_user(policy_officer).get(reverse("console:plans:meeting_pack"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(response.content))
    assert reader.metadata.title == f"{PLAN_NAME} 電子市役所推進本部 会議資料"
    cover = reader.pages[0].extract_text()
    assert PLAN_NAME in cover
    assert "電子市役所推進本部" in cover
    assert "令和6年11月1日" in cover
    assert "- 1 -" in cover
    fonts = reader.pages[0]["/Resources"]["/Font"]
    descriptors = [font.get_object()["/FontDescriptor"].get_object() for font in fonts.values()]
    assert descriptors and all("/FontFile2" in d for d in descriptors)
    assert all("IPAexGothic" in d["/FontName"] for d in descriptors)

    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "遅延している取組項目" in text
    assert "優先度評価ランキング（令和6年度）" in text
    assert "実施スケジュール" in text
    assert "情報発信手段の検討" in text
    assert "現在の期（令和6年度下期）" in text


def test_meeting_pack_without_a_plan_is_404(plan, policy_officer, as_user):
    Plan.objects.all().delete()
    assert as_user(policy_officer).get(reverse("console:plans:meeting_pack")).status_code == 404


@pytest.mark.parametrize(("name", "args"), URLS)
def test_anonymous_is_sent_to_login(plan, as_user, name, args):
    response = as_user(None).get(reverse(f"console:plans:{name}", args=args))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.fixture
def staff_without_plans(departments):
    Role.objects.create(code="no-modules", name="権限なし", modules=[])
    return make_user("nomodules@example.jp", role="no-modules", department=departments["citizens"])


@pytest.mark.parametrize(("name", "args"), URLS)
@pytest.mark.parametrize("persona", ["resident", "staff_without_plans"])
def test_resident_and_staff_without_the_plans_module_are_refused(plan, as_user, request, persona, name, args):
    url = reverse(f"console:plans:{name}", args=args)
    assert as_user(request.getfixturevalue(persona)).get(url).status_code == 403


@pytest.mark.parametrize(("name", "args"), URLS)
def test_department_staff_may_download(plan, clerk, as_user, name, args):
    assert as_user(clerk).get(reverse(f"console:plans:{name}", args=args)).status_code == 200


@pytest.mark.parametrize(("name", "args"), URLS)
def test_exports_are_read_only(plan, policy_officer, as_user, name, args):
    assert as_user(policy_officer).post(reverse(f"console:plans:{name}", args=args)).status_code == 405


def test_overlapping_bars_in_one_row_do_not_break_the_downloads(plan, policy_officer, as_user):
    # schedule_bar_save does not forbid overlaps, and gantt_rows then returns more half-years than the plan has.
    online = Initiative.objects.get(title="オンライン申請の拡充")
    ScheduleBar.objects.create(
        initiative=online, row=1, label="重なる帯", start_year=2024, start_half=1, end_year=2024, end_half=2
    )
    client = as_user(policy_officer)

    xlsx = client.get(reverse("console:plans:export_xlsx"))
    pdf = client.get(reverse("console:plans:meeting_pack"))

    assert xlsx.status_code == pdf.status_code == 200
    gantt = load_workbook(io.BytesIO(xlsx.content))["実施スケジュール"]
    assert gantt.max_column == 8
    assert "C4:H4" in {str(r) for r in gantt.merged_cells.ranges}
    assert PdfReader(io.BytesIO(pdf.content)).pages
