"""Committee meetings: the list, one meeting with its decisions, and editing it."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from cityhall.accounts import selectors as account_selectors
from cityhall.core.actors import acting_user
from cityhall.core.decorators import staff_passes
from cityhall.plans import permissions, selectors, services
from cityhall.plans.console import submit
from cityhall.plans.forms import MeetingDecisionForm, MeetingForm
from cityhall.plans.models import Meeting


@require_http_methods(["GET", "POST"])
@staff_passes(permissions.can_read_plan)
def meetings(request: HttpRequest) -> HttpResponse:
    committees = account_selectors.committee_choices()
    form = MeetingForm(request.POST or None, committees=committees, initial={"held_on": timezone.localdate()})
    status = 200
    if request.method == "POST":
        if not permissions.can_edit_plan(request.user):
            raise PermissionDenied
        meeting, failed = submit(
            request,
            form,
            lambda data: services.meeting_save(
                actor=acting_user(request),
                meeting=None,
                request=request,
                committees=[c for c, _label in committees],
                **data,
            ),
        )
        if failed is None:
            messages.success(request, _("会議を登録しました。"))
            return redirect("console:plans:meeting", meeting_id=meeting.pk)
        status = failed
    labels = dict(committees)
    rows = [(m, labels.get(m.committee, m.committee)) for m in selectors.meetings()]
    return render(
        request,
        "plans/meetings.html",
        {"form": form, "rows": rows, "can_edit": permissions.can_edit_plan(request.user)},
        status=status,
    )


def _meeting_page(
    request: HttpRequest,
    meeting: Meeting,
    *,
    committees: list[tuple[str, str]],
    decision_form: MeetingDecisionForm | None = None,
    edit_form: MeetingForm | None = None,
    status: int = 200,
) -> HttpResponse:
    can_edit = permissions.can_edit_plan(request.user)
    if can_edit and decision_form is None:
        decision_form = MeetingDecisionForm(initiatives=selectors.initiative_choices(selectors.plan_get()))
    if can_edit and edit_form is None:
        edit_form = MeetingForm(committees=committees, prefix="meeting", initial=MeetingForm.initial_for(meeting))
    return render(
        request,
        "plans/meeting_detail.html",
        {
            "meeting": meeting,
            "committee_label": dict(committees).get(meeting.committee, meeting.committee),
            "form": decision_form,
            "edit_form": edit_form,
            "can_edit": can_edit,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
@staff_passes(permissions.can_read_plan)
def meeting_detail(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = selectors.meeting_get(meeting_id=meeting_id)
    committees = account_selectors.committee_choices()
    if request.method == "GET":
        return _meeting_page(request, meeting, committees=committees)
    if not permissions.can_edit_plan(request.user):
        raise PermissionDenied
    form = MeetingDecisionForm(request.POST, initiatives=selectors.initiative_choices(selectors.plan_get()))
    _decision, failed = submit(
        request,
        form,
        lambda data: services.meeting_decision_add(
            actor=acting_user(request),
            meeting=meeting,
            request=request,
            text=data["text"],
            initiatives=list(data["initiatives"]),
        ),
    )
    if failed is None:
        messages.success(request, _("決定事項を登録しました。"))
        return redirect("console:plans:meeting", meeting_id=meeting.pk)
    return _meeting_page(request, meeting, committees=committees, decision_form=form, status=failed)


@require_POST
@staff_passes(permissions.can_edit_plan)
def meeting_edit(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = selectors.meeting_get(meeting_id=meeting_id)
    committees = account_selectors.committee_choices()
    form = MeetingForm(request.POST, committees=committees, prefix="meeting")
    _saved, failed = submit(
        request,
        form,
        lambda data: services.meeting_save(
            actor=acting_user(request),
            meeting=meeting,
            request=request,
            committees=[c for c, _label in committees],
            **data,
        ),
    )
    if failed is None:
        messages.success(request, _("会議の内容を変更しました。"))
        return redirect("console:plans:meeting", meeting_id=meeting.pk)
    return _meeting_page(request, meeting, committees=committees, edit_form=form, status=failed)
