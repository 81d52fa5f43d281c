"""The outbox pages: every message with its delivery state; retry; in the demo, the caught message."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from cityhall.core.actors import acting_user
from cityhall.core.decorators import module_required
from cityhall.core.errors import DomainError
from cityhall.notifications import selectors, services
from cityhall.notifications.models import OutboundEmail
from cityhall.notifications.permissions import OUTBOX


@require_GET
@module_required(OUTBOX)
def outbox_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    page = Paginator(selectors.outbox_list(status=status), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "notifications/console/outbox.html",
        {
            "page": page,
            "counts": [
                (value, label, selectors.outbox_counts()[value]) for value, label in OutboundEmail.Status.choices
            ],
            "status": status if status in OutboundEmail.Status.values else "",
            "filters": {"status": status} if status else {},
            "catcher": settings.CITYHALL_MAIL_CATCHER,
        },
    )


@require_GET
@module_required(OUTBOX)
def outbox_detail(request: HttpRequest, email_id: int) -> HttpResponse:
    email = selectors.outbound_email_get(email_id=email_id)
    return render(
        request,
        "notifications/console/outbox_detail.html",
        {"email": email, "caught": selectors.caught_message(email), "demo": settings.CITYHALL_DEMO},
    )


@require_POST
@module_required(OUTBOX)
def outbox_retry(request: HttpRequest, email_id: int) -> HttpResponse:
    email = selectors.outbound_email_get(email_id=email_id)
    try:
        services.outbound_email_retry(actor=acting_user(request), email=email, request=request)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("再送を予約しました。数秒後に状態が変わります。"))
    return redirect("console:notifications:outbox_detail", email_id=email.pk)
