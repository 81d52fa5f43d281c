"""Approval (承認): the queue of versions waiting, a version with its differences, its 様式 files."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from cityhall.core.actors import acting_user
from cityhall.core.decorators import staff_passes
from cityhall.core.errors import DomainError, PermissionDeniedError
from cityhall.core.uploads import stored_file_response
from cityhall.procedures import permissions, selectors, services
from cityhall.procedures.console import GET_POST
from cityhall.procedures.forms import ApproveForm, ReturnForm, channels_to_text
from cityhall.procedures.models import ProcedureVersion


def _visible(request: HttpRequest, version_id: int) -> ProcedureVersion:
    """The version, for its department's staff and approvers only."""
    item = selectors.version_get(version_id=version_id)
    department_id = item.procedure.department_id
    if not (permissions.can_edit(request.user, department_id) or permissions.can_approve(request.user, department_id)):
        raise PermissionDenied
    return item


@require_GET
@staff_passes(permissions.can_use_console)
def version_file(request: HttpRequest, version_id: int, stored_id: int) -> HttpResponseBase:
    """A 様式 of any version, for its department's staff and approvers to check before it goes live."""
    item = _visible(request, version_id)
    found = selectors.version_file(version=item, stored_id=stored_id)
    return stored_file_response(found.stored, filename=found.download_name)


@require_GET
@staff_passes(permissions.can_use_console)
def review(request: HttpRequest) -> HttpResponse:
    """Versions this user may approve, and the others of the department still waiting (e.g. the clerk's own)."""
    department_id = None if permissions.is_admin(request.user) else getattr(request.user, "department_id", None)
    to_approve: list[ProcedureVersion] = []
    waiting: list[ProcedureVersion] = []
    for v in selectors.review_queue(department_id=department_id):
        mine = permissions.can_approve(request.user, v.procedure.department_id) and not services.wrote(v, request.user)
        (to_approve if mine else waiting).append(v)
    return render(request, "procedures/console/review.html", {"to_approve": to_approve, "waiting": waiting})


@require_http_methods(GET_POST)
@staff_passes(permissions.can_use_console)
def version(request: HttpRequest, version_id: int) -> HttpResponse:
    """A version with the differences from the published one, and the approve/return forms."""
    item = _visible(request, version_id)
    forms: dict[str, Any] = {"approve_form": ApproveForm(prefix="approve"), "return_form": ReturnForm(prefix="return")}
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        # The form that was posted is shown again with its errors; the other one stays empty.
        name, form = (
            ("approve_form", ApproveForm(request.POST, prefix="approve"))
            if action == "approve"
            else ("return_form", ReturnForm(request.POST, prefix="return"))
        )
        forms[name] = form
        refused = _decide(request, item, action, form) if form.is_valid() else 400
        if refused is None:
            return redirect("console:procedures:review")
        status = refused
    return render(request, "procedures/console/version.html", _version_context(request, item, forms), status=status)


def _decide(request: HttpRequest, item: ProcedureVersion, action: str | None, form: Any) -> int | None:
    """Approve or return the version: None when done, else the status of the page that shows why not."""
    try:
        if action == "approve":
            services.version_approve(actor=acting_user(request), version=item, request=request, **form.cleaned_data)
            messages.success(request, _("承認しました。"))
        else:
            services.version_return(
                actor=acting_user(request), version=item, request=request, comment=form.cleaned_data["comment"]
            )
            messages.success(request, _("差し戻しました。"))
    except PermissionDeniedError as error:
        messages.error(request, error.message)  # the forms are not shown to this user
        return int(error.status)
    except DomainError as error:
        form.add_error(None, error.message)
        return int(error.status)
    return None


def _version_context(request: HttpRequest, item: ProcedureVersion, forms: dict[str, Any]) -> dict[str, Any]:
    published = item.procedure.published
    return {
        "item": item,
        "diff": _diff(published, item),
        "file_changes": selectors.file_changes(published, item),
        **forms,
        "can_approve": permissions.can_approve(request.user, item.procedure.department_id)
        and not services.wrote(item, request.user),
    }


def _shown(version: Any, name: str) -> str:
    if version is None:
        return ""
    value = getattr(version, name)
    return channels_to_text(value) if name == "channels" else str(value)


def _diff(published: Any, item: Any) -> list[tuple[str, str, str]]:
    """(field label, published text, this version's text) for each field that differs."""
    rows = []
    for name in services.CONTENT_FIELDS:
        old, new = _shown(published, name), _shown(item, name)
        if old != new:
            rows.append((str(item._meta.get_field(name).verbose_name), old, new))
    return rows
