from __future__ import annotations

from collections.abc import Collection

from django.conf import settings
from django.db.models import Q, QuerySet

from cityhall.core.errors import NotFoundError
from cityhall.core.models import AuditEntry, Department, Municipality


def municipality_get() -> Municipality:
    municipality = Municipality.objects.order_by("id").first()
    if municipality is None:
        raise NotFoundError("地方公共団体が登録されていません。")
    return municipality


def municipality_find() -> Municipality | None:
    return Municipality.objects.order_by("id").first()


def site_name(*, language: str = "ja") -> str:
    """The installation's name for people: CITYHALL_SITE_NAME, else the municipality's name (大田原市)."""
    municipality = municipality_find()
    local_name = municipality.name if municipality else "cityhall"
    if municipality and municipality.name_en and language.startswith("en"):
        local_name = municipality.name_en
    return str(settings.CITYHALL_SITE_NAME or local_name)


def department_list(*, include_inactive: bool = False) -> QuerySet[Department]:
    qs = Department.objects.select_related("parent")
    if not include_inactive:
        qs = qs.filter(is_active=True)
    return qs.order_by("sort_order", "id")


def department_get(*, department_id: int) -> Department:
    try:
        return Department.objects.select_related("parent").get(pk=department_id)
    except Department.DoesNotExist as exc:
        raise NotFoundError("指定された組織が見つかりません。") from exc


def department_tree() -> list[tuple[Department, list[Department]]]:
    """部 with their 課, in display order; 課 without a 部 come last on their own."""
    departments = list(department_list())
    children: dict[int | None, list[Department]] = {}
    for dept in departments:
        children.setdefault(dept.parent_id, []).append(dept)
    tree = [(d, children.get(d.id, [])) for d in children.get(None, []) if d.kind == Department.Kind.BUREAU]
    loose = [d for d in children.get(None, []) if d.kind != Department.Kind.BUREAU]
    return tree + [(d, []) for d in loose]


def audit_entry_list(
    *,
    object_type: str = "",
    actor_label: str = "",
    actor_ids: Collection[int] = (),
    department_ids: list[int] | None = None,
) -> QuerySet[AuditEntry]:
    """Audit entries, newest first; `department_ids` limits to what a viewer may see.

    `actor_label` matches the recorded actor (e-mail) in part; `actor_ids` adds the entries of
    these users (found by name by the caller, as core knows no names).
    """
    qs = AuditEntry.objects.all()
    if object_type:
        qs = qs.filter(object_type=object_type)
    if actor_label:
        qs = qs.filter(Q(actor_label__icontains=actor_label) | Q(actor_id__in=list(actor_ids)))
    if department_ids is not None:
        qs = qs.filter(department_id__in=department_ids)
    return qs.order_by("-sequence")


def audit_object_types() -> list[str]:
    """The object types the audit log holds entries for, for a filter."""
    return list(AuditEntry.objects.order_by("object_type").values_list("object_type", flat=True).distinct())


def audited_object_ids(*, action: str, by_people: bool = True) -> set[str]:
    """Ids of the objects that have an audit entry of `action` (only entries with a person as actor, by default)."""
    qs = AuditEntry.objects.filter(action=action)
    if by_people:
        qs = qs.filter(actor__isnull=False)
    return set(qs.values_list("object_id", flat=True))
