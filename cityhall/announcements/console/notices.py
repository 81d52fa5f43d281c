"""Notices in the console: the list, a draft's form, and the steps submit → approve/return → withdraw."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cityhall.announcements import permissions, selectors, services
from cityhall.announcements.console import GET_POST
from cityhall.announcements.forms import NoticeForm, ReturnForm
from cityhall.announcements.models import Notice
from cityhall.core.actors import acting_user
from cityhall.core.decorators import staff_passes
from cityhall.core.errors import DomainError

console_required = staff_passes(permissions.can_use_console)


def _notice(request: HttpRequest, notice_id: int) -> Notice:
    notice = selectors.notice_for_staff(request.user, notice_id=notice_id)
    if notice is None:
        raise Http404
    return notice


@require_GET
@console_required
def notice_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    status = status if status in Notice.Status.values else ""
    return render(
        request,
        "announcements/console/notices.html",
        {
            "notices": selectors.notices_for_staff(request.user, status=status)[:100],
            "awaiting": selectors.awaiting_approval(request.user),
            "status": status,
            "statuses": Notice.Status.choices,
            "may_write": permissions.can_write(acting_user(request), acting_user(request).department_id),
            "may_emergency": permissions.can_publish_emergency(request.user),
        },
    )


def _save(request: HttpRequest, form: NoticeForm, notice: Notice | None) -> Notice | None:
    data: dict[str, Any] = dict(form.cleaned_data)
    if not data["channels"]:
        data["channels"], _rule = selectors.channels_by_rule(urgency=data["urgency"], category_id=data["category"].pk)
    try:
        return services.notice_save(actor=acting_user(request), notice=notice, request=request, **data)
    except DomainError as error:
        form.add_error(None, error.message)
        return None


def _form_page(request: HttpRequest, form: NoticeForm, notice: Notice | None) -> HttpResponse:
    return render(
        request,
        "announcements/console/notice_form.html",
        {"form": form, "notice": notice, "rules": selectors.channel_rules_with_labels()},
        status=400 if request.method == "POST" else 200,
    )


@require_http_methods(GET_POST)
@console_required
def notice_new(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    if not permissions.can_write(user, user.department_id):
        raise PermissionDenied
    form = NoticeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        saved = _save(request, form, None)
        if saved is not None:
            messages.success(request, _("下書きを保存しました。内容を確かめて承認を申請してください。"))
            return redirect("console:announcements:notice", notice_id=saved.pk)
    return _form_page(request, form, None)


@require_http_methods(GET_POST)
@console_required
def notice_edit(request: HttpRequest, notice_id: int) -> HttpResponse:
    notice = _notice(request, notice_id)
    if not _may_write(request.user, notice):
        raise PermissionDenied
    initial = {
        "title": notice.title,
        "body": notice.body,
        "category": notice.category_id,
        "urgency": notice.urgency,
        "areas": list(notice.areas.all()),
        "video_url": notice.video_url,
        "publish_at": notice.publish_at,
        "expires_at": notice.expires_at,
        "channels": notice.channels,
        "channels_reason": notice.channels_reason,
    }
    form = NoticeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = _save(request, form, notice)
        if saved is not None:
            messages.success(request, _("下書きを保存しました。"))
            return redirect("console:announcements:notice", notice_id=saved.pk)
    return _form_page(request, form, notice)


@require_GET
@console_required
def notice_detail(request: HttpRequest, notice_id: int) -> HttpResponse:
    notice = _notice(request, notice_id)
    user = request.user
    by_rule, rule = selectors.channels_by_rule(urgency=notice.urgency, category_id=notice.category_id)
    return render(
        request,
        "announcements/console/notice.html",
        {
            "notice": notice,
            "channels": selectors.channel_labels(list(notice.channels)),
            "rule_channels": selectors.channel_labels(by_rule),
            "rule": rule,
            "may_edit": notice.status == Notice.Status.DRAFT and _may_write(user, notice),
            "may_decide": notice.status == Notice.Status.PENDING
            and notice.created_by_id != user.pk
            and _may_decide(user, notice),
            "may_withdraw": notice.status == Notice.Status.APPROVED and permissions.can_withdraw(user, notice),
            "return_form": ReturnForm(),
        },
    )


def _may_decide(user: Any, notice: Notice) -> bool:
    return permissions.can_approve(user, notice.department_id)


def _may_write(user: Any, notice: Notice) -> bool:
    return permissions.can_write(user, notice.department_id)


def _step(request: HttpRequest, notice_id: int, may: Any, done: str, step: Any, **extra: Any) -> HttpResponse:
    """Run one step of the notice's life for a user `may` lets do it (else 403); a refused step
    (wrong state, own notice) comes back as a message on the notice's page."""
    notice = _notice(request, notice_id)
    if not may(request.user, notice):
        raise PermissionDenied
    try:
        step(actor=acting_user(request), notice=notice, request=request, **extra)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, done)
    return redirect("console:announcements:notice", notice_id=notice.pk)


@require_POST
@console_required
def notice_submit(request: HttpRequest, notice_id: int) -> HttpResponse:
    return _step(request, notice_id, _may_write, _("承認を申請しました。"), services.notice_submit)


@require_POST
@console_required
def notice_approve(request: HttpRequest, notice_id: int) -> HttpResponse:
    return _step(
        request, notice_id, _may_decide, _("承認しました。掲載開始の日時に公開されます。"), services.notice_approve
    )


@require_POST
@console_required
def notice_return(request: HttpRequest, notice_id: int) -> HttpResponse:
    form = ReturnForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    return _step(request, notice_id, _may_decide, _("差し戻しました。"), services.notice_return, note=note)


@require_POST
@console_required
def notice_withdraw(request: HttpRequest, notice_id: int) -> HttpResponse:
    return _step(request, notice_id, permissions.can_withdraw, _("掲載を終了しました。"), services.notice_withdraw)
