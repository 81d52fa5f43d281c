"""Reads of the procedures guide and portal: catalogue, search, navigator, opening hours."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from typing import Any

import jpholiday
from django.conf import settings
from django.db.models import F, Prefetch, QuerySet
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from cityhall.core import selectors as core_selectors
from cityhall.core.errors import NotFoundError
from cityhall.core.models import Department
from cityhall.core.search import SearchDocument, SearchHit, SearchIndex
from cityhall.procedures.models import (
    Category,
    Channel,
    DepartmentPage,
    LifeEvent,
    LifeEventRule,
    PortalState,
    Procedure,
    ProcedureFile,
    ProcedureVersion,
    Synonym,
)

Status = ProcedureVersion.Status


def categories() -> list[tuple[str, str]]:
    return [(value, str(label)) for value, label in Category.choices]


def published_procedures() -> QuerySet[Procedure]:
    return (
        Procedure.objects.filter(published__isnull=False)
        .select_related("published", "department")
        .order_by("category", "published__title")
    )


def procedures_in(category: str) -> QuerySet[Procedure]:
    if category not in Category.values:
        raise NotFoundError("その分類はありません。")
    return published_procedures().filter(category=category)


def procedures_of_department(department: Department) -> QuerySet[Procedure]:
    return published_procedures().filter(department=department)


def procedure_published(*, slug: str) -> Procedure:
    procedure = (
        published_procedures()
        .prefetch_related("published__files__stored", "related__published")
        .filter(slug=slug)
        .first()
    )
    if procedure is None:
        raise NotFoundError("お探しの手続きは見つかりませんでした。")
    return procedure


def published_file(*, slug: str, stored_id: int) -> ProcedureFile:
    """A 様式 of the version residents see now; a file of a draft or an earlier version is not found."""
    item = (
        ProcedureFile.objects.select_related("stored")
        .filter(version__procedure__slug=slug, version__procedure__published=F("version"), stored_id=stored_id)
        .first()
    )
    if item is None:
        raise NotFoundError("お探しの様式は見つかりませんでした。")
    return item


def version_file(*, version: ProcedureVersion, stored_id: int) -> ProcedureFile:
    item = version.files.select_related("stored").filter(stored_id=stored_id).first()
    if item is None:
        raise NotFoundError("指定された様式はこの版にありません。")
    return item


def version_files(version: ProcedureVersion | None) -> list[ProcedureFile]:
    return list(version.files.select_related("stored")) if version is not None else []


def file_changes(published: ProcedureVersion | None, version: ProcedureVersion) -> list[tuple[str, ProcedureFile]]:
    """("added" | "removed", file) between the published version and `version`, by stored file."""
    before = {f.stored_id: f for f in version_files(published)}
    after = {f.stored_id: f for f in version_files(version)}
    added = [("added", f) for key, f in after.items() if key not in before]
    return added + [("removed", f) for key, f in before.items() if key not in after]


def procedure_get(*, procedure_id: int) -> Procedure:
    try:
        return Procedure.objects.select_related("published", "department").get(pk=procedure_id)
    except Procedure.DoesNotExist as exc:
        raise NotFoundError("指定された手続きが見つかりません。") from exc


def version_get(*, version_id: int) -> ProcedureVersion:
    try:
        return ProcedureVersion.objects.select_related("procedure__department", "created_by").get(pk=version_id)
    except ProcedureVersion.DoesNotExist as exc:
        raise NotFoundError("指定された版が見つかりません。") from exc


def procedures_for_staff(user: Any, *, all_departments: bool) -> list[tuple[Procedure, ProcedureVersion | None]]:
    """Procedures a staff member works on, each with its open version (draft, pending or scheduled) or None."""
    open_versions = ProcedureVersion.objects.filter(status__in=[Status.DRAFT, Status.PENDING, Status.SCHEDULED])
    # Only the open versions are prefetched, so `versions.all()` below is that list, not every version.
    qs = Procedure.objects.select_related("published", "department").prefetch_related(
        Prefetch("versions", queryset=open_versions)
    )
    if not all_departments:
        qs = qs.filter(department_id=user.department_id)
    return [(p, next(iter(p.versions.all()), None)) for p in qs.order_by("department__sort_order", "slug")]


def departments_for_staff(user: Any, *, all_departments: bool) -> QuerySet[Department]:
    """The departments a staff member may create procedures for: every one, or only their own."""
    departments = core_selectors.department_list()
    if all_departments:
        return departments
    return departments.filter(pk=getattr(user, "department_id", None) or 0)


def open_version(procedure: Procedure) -> ProcedureVersion | None:
    return procedure.versions.filter(status__in=[Status.DRAFT, Status.PENDING, Status.SCHEDULED]).first()


def version_history(procedure: Procedure) -> QuerySet[ProcedureVersion]:
    """Every version of the procedure, with who wrote and who reviewed it."""
    return procedure.versions.select_related("created_by", "reviewed_by")


def review_queue(*, department_id: int | None) -> QuerySet[ProcedureVersion]:
    qs = ProcedureVersion.objects.filter(status__in=[Status.PENDING, Status.SCHEDULED]).select_related(
        "procedure__department", "created_by"
    )
    if department_id is not None:
        qs = qs.filter(procedure__department_id=department_id)
    return qs.order_by("created_at")


def gap_list() -> list[Procedure]:
    """Published procedures that cannot be done online yet (feeds the plan's オンライン申請 initiative)."""
    return [p for p in published_procedures() if p.published and Channel.ONLINE not in p.published.channel_kinds]


def synonym_list() -> QuerySet[Synonym]:
    return Synonym.objects.order_by("id")


def synonym_find(*, synonym_id: int) -> Synonym | None:
    """The synonym group, or None when it is gone (e.g. deleted in another tab)."""
    return Synonym.objects.filter(pk=synonym_id).first()


# --- search -------------------------------------------------------------------------------

_index_lock = threading.Lock()
_index: tuple[Any, SearchIndex] | None = None


def _documents() -> list[SearchDocument]:
    docs = []
    for p in published_procedures():
        v = p.published
        assert v is not None
        body = "\n".join([v.summary, v.eligibility, v.documents, p.department.name, p.get_category_display()])
        docs.append(SearchDocument(id=p.pk, title=v.title, title_kana=v.title_kana, keywords=v.keywords, body=body))
    return docs


def search_index() -> SearchIndex:
    """This process's index, rebuilt when the catalogue version (PortalState, in the database) moves."""
    global _index  # noqa: PLW0603 (one index per process, swapped atomically)
    version = PortalState.objects.filter(pk=1).values_list("catalog_token", flat=True).first() or ""
    current = _index
    if current is not None and current[0] == version:
        return current[1]
    with _index_lock:
        if _index is not None and _index[0] == version:
            return _index[1]
        synonyms = [s.terms() for s in Synonym.objects.all()]
        with translation.override(settings.LANGUAGE_CODE):  # index the Japanese category names
            built = SearchIndex.build(_documents(), synonyms)
        _index = (version, built)
        return built


def search(query: str, *, limit: int = 30) -> list[tuple[Procedure, SearchHit]]:
    hits = search_index().search(query, limit=limit)
    by_id = published_procedures().in_bulk([h.id for h in hits])
    return [(by_id[h.id], h) for h in hits if h.id in by_id]


# --- life-event navigator ----------------------------------------------------------------


def life_events() -> QuerySet[LifeEvent]:
    return LifeEvent.objects.prefetch_related("questions").order_by("order", "id")


def life_event_get(*, slug: str) -> LifeEvent:
    event = life_events().filter(slug=slug).first()
    if event is None:
        raise NotFoundError("そのライフイベントはありません。")
    return event


def rule_list(event: LifeEvent) -> QuerySet[LifeEventRule]:
    """The event's rules in checklist order, with their procedures' published versions."""
    return event.rules.select_related("procedure__published").order_by("order", "id")


def rule_find(*, rule_id: int) -> LifeEventRule | None:
    """The rule with its life event, or None when it is gone."""
    return LifeEventRule.objects.select_related("event").filter(pk=rule_id).first()


@dataclass(frozen=True)
class ChecklistItem:
    procedure: Procedure
    notes: tuple[str, ...]


@dataclass(frozen=True)
class ChecklistGroup:
    """One department's procedures in a checklist, under the department's heading."""

    department: Any
    items: tuple[ChecklistItem, ...]


def checklist(event: LifeEvent, answers: dict[str, str]) -> list[ChecklistGroup]:
    """Procedures the answers call for, once each, in the order of the event's rules.

    They are grouped under their department; departments come in the order of their
    first procedure, so a checklist whose rules start with 死亡届 starts with 市民課.
    """
    valid = {q.key: {str(c[0]) for c in q.choices} for q in event.questions.all()}
    clean = {k: v for k, v in answers.items() if k in valid and v in valid[k]}
    notes: dict[int, list[str]] = {}
    procedures: dict[int, Procedure] = {}
    rules = event.rules.select_related("procedure__published", "procedure__department").order_by("order", "id")
    for rule in rules:
        if rule.procedure.published is None or not rule.matches(clean):
            continue
        procedures.setdefault(rule.procedure_id, rule.procedure)
        if rule.note:
            notes.setdefault(rule.procedure_id, []).append(rule.note)
    groups: dict[int, list[ChecklistItem]] = {}
    for procedure in procedures.values():
        groups.setdefault(procedure.department_id, []).append(
            ChecklistItem(procedure, tuple(notes.get(procedure.pk, [])))
        )
    return [ChecklistGroup(items[0].procedure.department, tuple(items)) for items in groups.values()]


# --- opening hours ----------------------------------------------------------------------


def is_new_year_holiday(day: dt.date) -> bool:
    """年末年始: 29 December to 3 January, when city offices close."""
    return (day.month == 12 and day.day >= 29) or (day.month == 1 and day.day <= 3)


def closed_reason(day: dt.date) -> str | None:
    """Why the city hall is closed that day, or None when it is open."""
    if is_new_year_holiday(day):
        return str(_("年末年始"))
    holiday = jpholiday.is_holiday_name(day)
    if holiday:
        return str(holiday)
    if day.weekday() == 5:
        return str(_("土曜日"))
    if day.weekday() == 6:
        return str(_("日曜日"))
    return None


def next_open_day(day: dt.date) -> dt.date:
    probe = day
    for _day in range(30):
        if closed_reason(probe) is None:
            return probe
        probe += dt.timedelta(days=1)
    return probe


def department_page(department: Any) -> DepartmentPage:
    page = DepartmentPage.objects.filter(department=department).first()
    return page or DepartmentPage(department=department)
