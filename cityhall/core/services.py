"""Write use cases for the municipality and its departments. Every write is audited."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest

from cityhall.core.actors import Actor
from cityhall.core.audit import audit_record, audited_save, audited_update, save_unique, snapshot
from cityhall.core.errors import ConflictError, InvalidInputError
from cityhall.core.models import Department, Municipality
from cityhall.core.permissions import ORGANISATION, require_module

CODE_TAKEN = "同じ組織コードが既に使われています。"
_DEPARTMENT_FIELDS = ("parent", "code", "name", "name_en", "kind", "phone", "email", "location", "sort_order")


def _validated(instance: Department | Municipality) -> None:
    """full_clean, turned into one InvalidInputError naming each field in Japanese."""
    try:
        instance.full_clean(validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        parts = []
        for field, messages in exc.message_dict.items():
            label = str(getattr(instance._meta.get_field(field), "verbose_name", field)) if field != "__all__" else ""
            parts += [f"{label}: {m}" if label else m for m in messages]
        raise InvalidInputError(" ".join(parts)) from exc


@transaction.atomic
def municipality_update(
    *, actor: Actor, municipality: Municipality, changes: dict[str, Any], request: HttpRequest | None = None
) -> Municipality:
    """Update the municipality's profile. Raises PermissionDeniedError, InvalidInputError."""
    require_module(actor, ORGANISATION)
    before = snapshot(municipality)
    for field, value in changes.items():
        setattr(municipality, field, value)
    _validated(municipality)
    municipality.save()
    audit_record(
        actor=actor,
        action="municipality.update",
        target=municipality,
        before=before,
        after=snapshot(municipality),
        request=request,
    )
    return municipality


def _check_parent(department: Department) -> None:
    parent = department.parent
    seen = {department.pk}
    while parent is not None:
        if parent.pk in seen:
            raise InvalidInputError("上位組織の指定が循環しています。")
        seen.add(parent.pk)
        parent = parent.parent


@transaction.atomic
def department_create(
    *, actor: Actor, municipality: Municipality, data: dict[str, Any], request: HttpRequest | None = None
) -> Department:
    """Create a 部 or 課. Raises PermissionDeniedError, InvalidInputError, ConflictError."""
    require_module(actor, ORGANISATION)
    department = Department(municipality=municipality, **{k: v for k, v in data.items() if k in _DEPARTMENT_FIELDS})
    _validated(department)
    save_unique(department, conflict=CODE_TAKEN)
    audit_record(
        actor=actor,
        action="department.create",
        target=department,
        department_id=department.pk,
        after=snapshot(department),
        request=request,
    )
    return department


@transaction.atomic
def department_update(
    *, actor: Actor, department: Department, data: dict[str, Any], request: HttpRequest | None = None
) -> Department:
    """Change a department. Raises PermissionDeniedError, InvalidInputError, ConflictError."""
    require_module(actor, ORGANISATION)
    department = Department.objects.select_for_update().get(pk=department.pk)
    before = snapshot(department)
    for field, value in data.items():
        if field in _DEPARTMENT_FIELDS:
            setattr(department, field, value)
    _validated(department)
    _check_parent(department)
    audited_save(
        actor=actor,
        action="department.update",
        target=department,
        before=before,
        conflict=CODE_TAKEN,
        department_id=department.pk,
        request=request,
    )
    return department


@transaction.atomic
def department_set_active(
    *, actor: Actor, department: Department, is_active: bool, request: HttpRequest | None = None
) -> Department:
    """Retire or restore a department; departments are never deleted (history refers to them)."""
    require_module(actor, ORGANISATION)
    department = Department.objects.select_for_update().get(pk=department.pk)
    if department.is_active == is_active:
        return department
    if not is_active and department.children.filter(is_active=True).exists():
        raise ConflictError("所属する課が有効なままの部は廃止できません。先に課を廃止するか、別の部へ移してください。")
    audited_update(
        actor=actor,
        action="department.activate" if is_active else "department.deactivate",
        target=department,
        changes={"is_active": is_active},
        department_id=department.pk,
        request=request,
    )
    return department
