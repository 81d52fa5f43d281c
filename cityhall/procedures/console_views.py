"""Staff console of the procedures guide: drafts, approval, forms, gap list, portal administration."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cityhall.core import selectors as core_selectors
from cityhall.core.actors import acting_user
from cityhall.core.decorators import module_required, staff_passes
from cityhall.core.errors import DomainError, PermissionDeniedError
from cityhall.core.uploads import stored_file_response
from cityhall.procedures import selectors, services
from cityhall.procedures.forms import (
    ApproveForm,
    ContentForm,
    EmergencyForm,
    FileForm,
    NewProcedureForm,
    NoticeForm,
    ReturnForm,
    RuleForm,
    SynonymForm,
    channels_to_text,
)
from cityhall.procedures.models import Channel, LifeEventRule, Notice, ProcedureVersion, Synonym
from cityhall.procedures.permissions import PROCEDURES_ADMIN, can_approve, can_edit, can_use_console, is_admin

View = Callable[..., HttpResponseBase]
GET_POST = ["GET", "POST"]


console_required = staff_passes(can_use_console)


def _editable(request: HttpRequest, procedure_id: int) -> Any:
    procedure = selectors.procedure_get(procedure_id=procedure_id)
    if not can_edit(request.user, procedure.department_id):
        raise PermissionDenied
    return procedure


@require_GET
@console_required
def staff_list(request: HttpRequest) -> HttpResponse:
    all_departments = is_admin(request.user)
    procedures = selectors.procedures_for_staff(request.user, all_departments=all_departments)
    rows = [(p, p.open_versions[0] if p.open_versions else None) for p in procedures]  # type: ignore[attr-defined]
    return render(request, "procedures/console/list.html", {"rows": rows, "all_departments": all_departments})


@require_http_methods(GET_POST)
@console_required
def create(request: HttpRequest) -> HttpResponse:
    departments = core_selectors.department_list()
    if not is_admin(request.user):
        departments = departments.filter(pk=getattr(request.user, "department_id", None) or 0)
    form = NewProcedureForm(request.POST or None, departments=departments)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        slug, category, department = data.pop("slug"), data.pop("category"), data.pop("department")
        try:
            version = services.procedure_create(
                actor=acting_user(request),
                department=department,
                category=category,
                slug=slug,
                content=data,
                request=request,
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("下書きを作成しました。内容を確認して承認を依頼してください。"))
            return redirect("console:procedures:edit", procedure_id=version.procedure_id)
    status = 400 if request.method == "POST" else 200
    return render(request, "procedures/console/create.html", {"form": form}, status=status)


@require_http_methods(GET_POST)
@console_required
def edit(request: HttpRequest, procedure_id: int) -> HttpResponse:
    procedure = _editable(request, procedure_id)
    current = selectors.open_version(procedure) or procedure.published
    form = ContentForm(request.POST or None, initial=ContentForm.initial_from(current))
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.draft_save(
                    actor=acting_user(request), procedure=procedure, content=form.cleaned_data, request=request
                )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("下書きを保存しました。"))
                return redirect("console:procedures:edit", procedure_id=procedure.pk)
        status = 400
    draft = selectors.open_version(procedure)
    labels = dict(Channel.choices)
    return render(
        request,
        "procedures/console/edit.html",
        {
            "procedure": procedure,
            "form": form,
            "draft": draft,
            "file_form": FileForm(prefix="file"),
            "files": selectors.version_files(draft or procedure.published),
            "preview": draft or procedure.published,
            "preview_channels": [
                (labels.get(c["kind"], c["kind"]), c.get("note", "")) for c in (draft or procedure.published).channels
            ]
            if (draft or procedure.published)
            else [],
            "versions": procedure.versions.select_related("created_by", "reviewed_by"),
        },
        status=status,
    )


@require_POST
@console_required
def submit(request: HttpRequest, procedure_id: int) -> HttpResponse:
    procedure = _editable(request, procedure_id)
    draft = selectors.open_version(procedure)
    if draft is None:
        messages.error(request, _("承認を依頼する下書きがありません。"))
    else:
        try:
            services.version_submit(actor=acting_user(request), version=draft, request=request)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("課長に承認を依頼しました。"))
    return redirect("console:procedures:edit", procedure_id=procedure.pk)


@require_POST
@console_required
def file_upload(request: HttpRequest, procedure_id: int) -> HttpResponse:
    procedure = _editable(request, procedure_id)
    form = FileForm(request.POST, request.FILES, prefix="file")
    if form.is_valid():
        try:
            services.file_add(
                actor=acting_user(request),
                procedure=procedure,
                title=form.cleaned_data["title"],
                upload=form.cleaned_data["upload"],
                request=request,
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("様式を下書きに追加しました。承認されると公開されます。"))
    else:
        messages.error(request, _("様式名とファイルを指定してください。"))
    return redirect("console:procedures:edit", procedure_id=procedure.pk)


@require_POST
@console_required
def file_remove(request: HttpRequest, procedure_id: int, stored_id: int) -> HttpResponse:
    procedure = _editable(request, procedure_id)
    try:
        services.file_remove(actor=acting_user(request), procedure=procedure, stored_id=stored_id, request=request)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("様式を下書きから外しました。承認されると公開ページからも消えます。"))
    return redirect("console:procedures:edit", procedure_id=procedure.pk)


@require_GET
@console_required
def version_file(request: HttpRequest, version_id: int, stored_id: int) -> HttpResponseBase:
    """A 様式 of any version, for its department's staff and approvers to check before it goes live."""
    item = selectors.version_get(version_id=version_id)
    department_id = item.procedure.department_id
    if not (can_edit(request.user, department_id) or can_approve(request.user, department_id)):
        raise PermissionDenied
    found = selectors.version_file(version=item, stored_id=stored_id)
    return stored_file_response(found.stored, filename=found.download_name)


@require_GET
@console_required
def review(request: HttpRequest) -> HttpResponse:
    """Versions this user may approve, and the others of the department still waiting (e.g. the clerk's own)."""
    department_id = None if is_admin(request.user) else getattr(request.user, "department_id", None)
    to_approve: list[ProcedureVersion] = []
    waiting: list[ProcedureVersion] = []
    for v in selectors.review_queue(department_id=department_id):
        mine = can_approve(request.user, v.procedure.department_id) and not services.wrote(v, request.user)
        (to_approve if mine else waiting).append(v)
    return render(request, "procedures/console/review.html", {"to_approve": to_approve, "waiting": waiting})


@require_http_methods(GET_POST)
@console_required
def version(request: HttpRequest, version_id: int) -> HttpResponse:
    """A version with the differences from the published one, and the approve/return forms."""
    item = selectors.version_get(version_id=version_id)
    department_id = item.procedure.department_id
    if not (can_edit(request.user, department_id) or can_approve(request.user, department_id)):
        raise PermissionDenied
    approve_form, return_form = ApproveForm(prefix="approve"), ReturnForm(prefix="return")
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        form: Any = (
            ApproveForm(request.POST, prefix="approve")
            if action == "approve"
            else ReturnForm(request.POST, prefix="return")
        )
        if action == "approve":
            approve_form = form
        else:
            return_form = form
        if form.is_valid():
            try:
                if action == "approve":
                    services.version_approve(
                        actor=acting_user(request), version=item, request=request, **form.cleaned_data
                    )
                    messages.success(request, _("承認しました。"))
                else:
                    services.version_return(
                        actor=acting_user(request), version=item, request=request, comment=form.cleaned_data["comment"]
                    )
                    messages.success(request, _("差し戻しました。"))
            except PermissionDeniedError as error:
                messages.error(request, error.message)  # the forms are not shown to this user
                status = int(error.status)
            except DomainError as error:
                form.add_error(None, error.message)
                status = int(error.status)
            else:
                return redirect("console:procedures:review")
        else:
            status = 400
    diff = _diff(item.procedure.published, item)
    file_changes = selectors.file_changes(item.procedure.published, item)
    return render(
        request,
        "procedures/console/version.html",
        {
            "item": item,
            "diff": diff,
            "file_changes": file_changes,
            "approve_form": approve_form,
            "return_form": return_form,
            "can_approve": can_approve(request.user, department_id) and not services.wrote(item, request.user),
        },
        status=status,
    )


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


@require_GET
@module_required(PROCEDURES_ADMIN)
def gaps(request: HttpRequest) -> HttpResponse:
    missing = selectors.gap_list()
    total = selectors.published_procedures().count()
    return render(
        request, "procedures/console/gaps.html", {"missing": missing, "total": total, "online": total - len(missing)}
    )


@require_http_methods(GET_POST)
@module_required(PROCEDURES_ADMIN)
def synonyms(request: HttpRequest) -> HttpResponse:
    form = SynonymForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.synonym_save(
                actor=acting_user(request), synonym=None, words=form.cleaned_data["words"], request=request
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("同義語を登録しました。"))
            return redirect("console:procedures:synonyms")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "procedures/console/synonyms.html",
        {"form": form, "synonyms": Synonym.objects.order_by("id")},
        status=status,
    )


@require_POST
@module_required(PROCEDURES_ADMIN)
def synonym_delete(request: HttpRequest, synonym_id: int) -> HttpResponse:
    item = Synonym.objects.filter(pk=synonym_id).first()
    if item is not None:
        services.synonym_delete(actor=acting_user(request), synonym=item, request=request)
        messages.success(request, _("同義語を削除しました。"))
    return redirect("console:procedures:synonyms")


@require_GET
@module_required(PROCEDURES_ADMIN)
def rules_index(request: HttpRequest) -> HttpResponse:
    """The first life event's rules, or a note when there are no life events yet."""
    first = selectors.life_events().first()
    if first is None:
        messages.info(request, _("ライフイベントはまだ登録されていません。"))
        return redirect("console:procedures:gaps")
    return redirect("console:procedures:rules", slug=first.slug)


@require_http_methods(GET_POST)
@module_required(PROCEDURES_ADMIN)
def rules(request: HttpRequest, slug: str) -> HttpResponse:
    event = selectors.life_event_get(slug=slug)
    form = RuleForm(request.POST or None, procedures=selectors.published_procedures())
    if request.method == "POST" and form.is_valid():
        try:
            services.rule_save(actor=acting_user(request), event=event, rule=None, request=request, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("ルールを追加しました。"))
            return redirect("console:procedures:rules", slug=event.slug)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "procedures/console/rules.html",
        {
            "event": event,
            "events": selectors.life_events(),
            "form": form,
            "rules": event.rules.select_related("procedure__published").order_by("order", "id"),
        },
        status=status,
    )


@require_POST
@module_required(PROCEDURES_ADMIN)
def rule_delete(request: HttpRequest, rule_id: int) -> HttpResponse:
    rule = LifeEventRule.objects.select_related("event").filter(pk=rule_id).first()
    if rule is None:
        return redirect("console:procedures:gaps")
    slug = rule.event.slug
    services.rule_delete(actor=acting_user(request), rule=rule, request=request)
    messages.success(request, _("ルールを削除しました。"))
    return redirect("console:procedures:rules", slug=slug)


@require_http_methods(GET_POST)
@module_required(PROCEDURES_ADMIN)
def notices(request: HttpRequest) -> HttpResponse:
    state = selectors.emergency()
    form = NoticeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.notice_publish(actor=acting_user(request), request=request, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("お知らせを掲載しました。"))
            return redirect("console:procedures:notices")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "procedures/console/notices.html",
        {
            "form": form,
            "notices": Notice.objects.order_by("-published_at")[:50],
            "now": timezone.now(),
            "emergency": state,
            "emergency_form": EmergencyForm(initial={"on": state.active}),
        },
        status=status,
    )


@require_POST
@module_required(PROCEDURES_ADMIN)
def notice_withdraw(request: HttpRequest, notice_id: int) -> HttpResponse:
    notice = Notice.objects.filter(pk=notice_id).first()
    if notice is not None:
        services.notice_withdraw(actor=acting_user(request), notice=notice, request=request)
        messages.success(request, _("掲載を終了しました。"))
    return redirect("console:procedures:notices")


@require_POST
@module_required(PROCEDURES_ADMIN)
def emergency(request: HttpRequest) -> HttpResponse:
    form = EmergencyForm(request.POST)
    if form.is_valid():
        try:
            services.emergency_mode_set(
                actor=acting_user(request),
                on=form.cleaned_data["on"],
                message=form.cleaned_data["message"],
                request=request,
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("緊急モードを切り替えました。"))
    return redirect("console:procedures:notices")
