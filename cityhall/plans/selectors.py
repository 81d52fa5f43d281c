"""Reads of the ICT plan: the tree, the Gantt grid, rankings and the dashboard."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from cityhall.core import selectors as core_selectors
from cityhall.core.actors import Actor
from cityhall.core.errors import NotFoundError
from cityhall.core.fiscal_year import FiscalYear, HalfYear
from cityhall.core.models import Department
from cityhall.plans.models import (
    ActionTask,
    DecisionRecord,
    Initiative,
    Meeting,
    Pillar,
    Plan,
    PriorityScore,
    ProgressReport,
    ProgressStatus,
    ScheduleBar,
)
from cityhall.plans.permissions import can_download_evidence
from cityhall.plans.scoring import Rank


def plan_get() -> Plan:
    """The plan with pillars → fields → initiatives → schedule prefetched."""
    plan = (
        Plan.objects.prefetch_related(
            Prefetch("pillars", queryset=Pillar.objects.order_by("number")),
            "pillars__fields",
            Prefetch(
                "pillars__fields__initiatives",
                queryset=Initiative.objects.select_related("department", "field__pillar"),
            ),
            "pillars__fields__initiatives__schedule",
        )
        .order_by("-first_fiscal_year", "-id")
        .first()
    )
    if plan is None:
        raise NotFoundError("ICT推進計画が登録されていません。")
    return plan


def initiatives(plan: Plan) -> list[Initiative]:
    return [i for p in plan.pillars.all() for f in p.fields.all() for i in f.initiatives.all()]


def initiative_get(*, initiative_id: int) -> Initiative:
    try:
        return Initiative.objects.select_related("field__pillar__plan", "department").get(pk=initiative_id)
    except Initiative.DoesNotExist as exc:
        raise NotFoundError("指定された取組項目が見つかりません。") from exc


def initiative_choices(plan: Plan) -> QuerySet[Initiative]:
    """The plan's initiatives for a choice field (labels use the code, so the pillar comes along)."""
    return Initiative.objects.filter(field__pillar__plan=plan).select_related("field__pillar")


def department_choices(initiative: Initiative) -> QuerySet[Department]:
    """Departments an initiative may be given: the active ones, plus the one it has (even if since closed)."""
    return core_selectors.department_list(include_inactive=True).filter(
        Q(is_active=True) | Q(pk=initiative.department_id)
    )


def initiative_records(initiative: Initiative) -> dict[str, Any]:
    """What the initiative page lists besides the schedule: progress, plans, tasks, reviews, history."""
    return {
        "progress": initiative.progress.select_related("reported_by"),
        "annual_plans": initiative.annual_plans.order_by("fiscal_year"),
        "tasks": initiative.tasks.select_related("owner"),
        "evaluations": initiative.evaluations.order_by("fiscal_year"),
        "history": initiative.history.all(),
    }


def schedule_bars(initiative: Initiative) -> QuerySet[ScheduleBar]:
    """The initiative's schedule bars, in the model's order (row, then start)."""
    return initiative.schedule.all()


def schedule_bar_get(*, initiative: Initiative, bar_id: int) -> ScheduleBar:
    """A bar of this initiative; a bar of another initiative is not found."""
    try:
        return initiative.schedule.get(pk=bar_id)
    except ScheduleBar.DoesNotExist as exc:
        raise NotFoundError("指定された実施スケジュールが見つかりません。") from exc


def task_get(*, initiative: Initiative, task_id: int) -> ActionTask:
    """A task of this initiative; a task of another initiative is not found."""
    try:
        return initiative.tasks.select_related("owner").get(pk=task_id)
    except ActionTask.DoesNotExist as exc:
        raise NotFoundError("指定されたタスクが見つかりません。") from exc


def progress_evidence_get(*, actor: Actor, report_id: int) -> ProgressReport:
    """A progress report with evidence the actor may download.

    Evidence is for the department in charge, the ICT policy division and committee
    members. Anyone else is told it does not exist, so ids cannot be probed.
    Raises NotFoundError.
    """
    report = (
        ProgressReport.objects.select_related("initiative", "evidence")
        .filter(pk=report_id, evidence__isnull=False)
        .first()
    )
    if report is None or not can_download_evidence(actor, report.initiative.department_id):
        raise NotFoundError("指定された根拠資料が見つかりません。")
    return report


@dataclass
class GanttCell:
    span: int
    bar: ScheduleBar | None


@dataclass
class GanttRow:
    initiative: Initiative
    cells: list[GanttCell]
    first: bool  # first row of its initiative (carries the initiative's name)
    rows_of_initiative: int


def _cells(bars: list[tuple[int, int, ScheduleBar]], width: int) -> list[GanttCell]:
    cells: list[GanttCell] = []
    cursor = 0
    for start, end, bar in bars:
        if start > cursor:
            cells.append(GanttCell(start - cursor, None))
        cells.append(GanttCell(end - start + 1, bar))
        cursor = end + 1
    if cursor < width:
        cells.append(GanttCell(width - cursor, None))
    return cells


def _lanes(bars: list[tuple[int, int, ScheduleBar]]) -> list[list[tuple[int, int, ScheduleBar]]]:
    """Split one table row into lanes so that no two bars in a lane overlap."""
    lanes: list[list[tuple[int, int, ScheduleBar]]] = []
    for item in sorted(bars, key=lambda b: (b[0], b[1])):
        for lane in lanes:
            if lane[-1][1] < item[0]:
                lane.append(item)
                break
        else:
            lanes.append([item])
    return lanes


def gantt_rows(plan: Plan, subset: list[Initiative] | None = None) -> list[GanttRow]:
    """The 実施スケジュール as table rows: each bar becomes one cell spanning its half-years.

    Bars are clipped to the plan period (a bar wholly outside it is not drawn);
    bars of one row that overlap are drawn on an extra row rather than on top
    of each other.
    """
    halves = plan.half_years()
    index = {(hy.fiscal_year.year, int(hy.half)): i for i, hy in enumerate(halves)}
    first = (halves[0].fiscal_year.year, int(halves[0].half))
    last = (halves[-1].fiscal_year.year, int(halves[-1].half))
    rows: list[GanttRow] = []
    for initiative in subset if subset is not None else initiatives(plan):
        by_row: dict[int, list[tuple[int, int, ScheduleBar]]] = {}
        for bar in initiative.schedule.all():
            start = max((bar.start_year, bar.start_half), first)
            end = min((bar.end_year, bar.end_half), last)
            if start > end:
                continue
            by_row.setdefault(bar.row, []).append((index[start], index[end], bar))
        lanes = [lane for _row, bars in sorted(by_row.items()) for lane in _lanes(bars)] or [[]]
        for n, lane in enumerate(lanes):
            rows.append(GanttRow(initiative, _cells(lane, len(halves)), n == 0, len(lanes)))
    return rows


RankedInitiative = tuple[Initiative, PriorityScore | None, int | None]


def scores_for_year(plan: Plan, fiscal_year: int) -> list[RankedInitiative]:
    """Every initiative with its score and place for the year, best first (unscored last, no place).

    Equal scores share a place and the next place skips: 1, 2, 2, 4.
    """
    scores = {
        s.initiative_id: s
        for s in PriorityScore.objects.filter(fiscal_year=fiscal_year, initiative__field__pillar__plan=plan)
    }
    pairs = [(i, scores.get(i.pk)) for i in initiatives(plan)]
    pairs.sort(key=lambda pair: (pair[1] is None, -(pair[1].score if pair[1] else 0)))
    ranked: list[RankedInitiative] = []
    place, previous = 0, None
    for n, (initiative, score) in enumerate(pairs, start=1):
        if score is not None and score.score != previous:
            place, previous = n, score.score
        ranked.append((initiative, score, place if score is not None else None))
    return ranked


def score_matrix(plan: Plan) -> list[tuple[Initiative, list[PriorityScore | None]]]:
    """Initiative × 年度 grid of scores, for the year-on-year view."""
    years = [fy.year for fy in plan.fiscal_years()]
    scores = {
        (s.initiative_id, s.fiscal_year): s for s in PriorityScore.objects.filter(initiative__field__pillar__plan=plan)
    }
    return [(i, [scores.get((i.pk, y)) for y in years]) for i in initiatives(plan)]


_BY_INITIATIVE = ("initiative__field__pillar__number", "initiative__field__number", "initiative__number")


def score_list(plan: Plan) -> QuerySet[PriorityScore]:
    """Every score of the plan, by year then initiative."""
    return (
        PriorityScore.objects.filter(initiative__field__pillar__plan=plan)
        .select_related("initiative__field__pillar", "scored_by")
        .order_by("fiscal_year", *_BY_INITIATIVE)
    )


def progress_report_list(plan: Plan) -> QuerySet[ProgressReport]:
    """Every progress report of the plan, by half-year then initiative."""
    return (
        ProgressReport.objects.filter(initiative__field__pillar__plan=plan)
        .select_related("initiative__field__pillar", "reported_by")
        .order_by("fiscal_year", "half", *_BY_INITIATIVE)
    )


def score_history(initiative: Initiative) -> QuerySet[PriorityScore]:
    return initiative.scores.select_related("scored_by").order_by("-fiscal_year")


def latest_progress(plan: Plan) -> dict[int, ProgressReport]:
    """The most recent progress report of each initiative."""
    latest: dict[int, ProgressReport] = {}
    reports = ProgressReport.objects.filter(initiative__field__pillar__plan=plan).select_related(
        "initiative__field__pillar", "reported_by"
    )
    for report in reports.order_by("fiscal_year", "half"):
        latest[report.initiative_id] = report
    return latest


@dataclass
class FieldProgress:
    label: str
    counts: dict[str, int]
    total: int

    def segments(self) -> list[tuple[str, int, float, float]]:
        """(status, count, x %, width %) for drawing a stacked bar."""
        out: list[tuple[str, int, float, float]] = []
        x = 0.0
        for status, count in self.counts.items():
            width = 100.0 * count / self.total if self.total else 0.0
            if count:
                out.append((status, count, round(x, 2), round(width, 2)))
            x += width
        return out


@dataclass
class Dashboard:
    current: HalfYear
    outside_plan: bool = False
    by_pillar: list[FieldProgress] = field(default_factory=list)
    by_field: list[FieldProgress] = field(default_factory=list)
    delayed: list[ProgressReport] = field(default_factory=list)
    unreported: list[Initiative] = field(default_factory=list)
    upcoming: list[ScheduleBar] = field(default_factory=list)
    ranks: dict[str, int] = field(default_factory=dict)
    ranked_year: int = 0

    @property
    def total(self) -> int:
        return sum(p.total for p in self.by_pillar)

    @property
    def done(self) -> int:
        return sum(p.counts.get(ProgressStatus.DONE, 0) for p in self.by_pillar)

    @property
    def ranked_year_label(self) -> str:
        return FiscalYear(self.ranked_year).label


def _counts(items: list[Initiative], latest: dict[int, ProgressReport]) -> dict[str, int]:
    counter = Counter(latest[i.pk].status if i.pk in latest else ProgressStatus.NOT_STARTED for i in items)
    return {status.value: counter.get(status.value, 0) for status in ProgressStatus}


def reference_half(plan: Plan, today: dt.date) -> HalfYear:
    """The half-year to report on: today's, clamped into the plan period."""
    halves = plan.half_years()
    return min(max(HalfYear.containing(today), halves[0]), halves[-1])


def dashboard(plan: Plan, *, today: dt.date) -> Dashboard:
    current = reference_half(plan, today)
    latest = latest_progress(plan)
    board = Dashboard(current=current, outside_plan=current != HalfYear.containing(today))
    for pillar in plan.pillars.all():
        pillar_items = [i for f in pillar.fields.all() for i in f.initiatives.all()]
        board.by_pillar.append(FieldProgress(str(pillar), _counts(pillar_items, latest), len(pillar_items)))
        for fld in pillar.fields.all():
            items = list(fld.initiatives.all())
            board.by_field.append(FieldProgress(f"{pillar.roman}{fld}", _counts(items, latest), len(items)))
    board.delayed = [r for r in latest.values() if r.status == ProgressStatus.DELAYED]
    reported_now = set(
        ProgressReport.objects.filter(
            initiative__field__pillar__plan=plan,
            fiscal_year=current.fiscal_year.year,
            half=int(current.half),
        ).values_list("initiative_id", flat=True)
    )
    board.unreported = [i for i in initiatives(plan) if i.pk not in reported_now]
    nxt = current.next()
    window = {(current.fiscal_year.year, int(current.half)), (nxt.fiscal_year.year, int(nxt.half))}
    board.upcoming = [
        bar
        for i in initiatives(plan)
        for bar in i.schedule.all()
        if (bar.start_year, bar.start_half) in window or (bar.end_year, bar.end_half) in window
    ]
    year = current.fiscal_year.year
    scored = PriorityScore.objects.filter(initiative__field__pillar__plan=plan)
    scored_years = sorted(set(scored.values_list("fiscal_year", flat=True)))
    earlier = [y for y in scored_years if y <= year]
    board.ranked_year = earlier[-1] if earlier else (scored_years[0] if scored_years else year)
    ranks = Counter(scored.filter(fiscal_year=board.ranked_year).values_list("rank", flat=True))
    board.ranks = {r.value: ranks.get(r.value, 0) for r in Rank}
    return board


def meetings() -> QuerySet[Meeting]:
    """Meetings, newest first, with decisions and their initiatives (codes need the pillar)."""
    return Meeting.objects.prefetch_related(
        "decisions",
        Prefetch("decisions__initiatives", queryset=Initiative.objects.select_related("field__pillar")),
    ).order_by("-held_on", "-id")


def meeting_get(*, meeting_id: int) -> Meeting:
    try:
        return meetings().get(pk=meeting_id)
    except Meeting.DoesNotExist as exc:
        raise NotFoundError("指定された会議が見つかりません。") from exc


def decision_records() -> QuerySet[DecisionRecord]:
    return DecisionRecord.objects.select_related("initiative__field__pillar", "decided_by")


def decisions_for(initiative: Initiative) -> dict[str, Any]:
    return {
        "meeting_decisions": initiative.meeting_decisions.select_related("meeting").order_by("-meeting__held_on"),
        "ooda": initiative.decisions.select_related("decided_by"),
    }
