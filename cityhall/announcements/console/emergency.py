"""Emergency in the console: the portal's switch and an emergency notice published at once."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from cityhall.announcements import permissions, selectors, services
from cityhall.announcements.forms import EmergencyForm, EmergencyNoticeForm
from cityhall.core.actors import acting_user
from cityhall.core.decorators import staff_passes
from cityhall.core.errors import DomainError

emergency_staff = staff_passes(permissions.can_publish_emergency)


def _page(request: HttpRequest, notice_form: EmergencyNoticeForm, status: int = 200) -> HttpResponse:
    state = selectors.emergency()
    return render(
        request,
        "announcements/console/emergency.html",
        {
            "emergency": state,
            "switch_form": EmergencyForm(initial={"on": state.active, "message": state.message}),
            "notice_form": notice_form,
        },
        status=status,
    )


@require_GET
@emergency_staff
def emergency(request: HttpRequest) -> HttpResponse:
    return _page(request, EmergencyNoticeForm())


@require_POST
@emergency_staff
def emergency_switch(request: HttpRequest) -> HttpResponse:
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
    return redirect("console:announcements:emergency")


@require_POST
@emergency_staff
def emergency_publish(request: HttpRequest) -> HttpResponse:
    form = EmergencyNoticeForm(request.POST)
    if form.is_valid():
        try:
            notice = services.notice_publish_emergency(actor=acting_user(request), request=request, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("緊急情報を発信しました。トップページは緊急モードになっています。"))
            return redirect("console:announcements:notice", notice_id=notice.pk)
    return _page(request, form, status=400)
