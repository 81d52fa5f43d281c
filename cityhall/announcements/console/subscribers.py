"""Subscribers in the console (the ICT policy division): how many receive notices by each way, and
the printed/phone list kept for residents without a smartphone."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from cityhall.announcements import selectors, services
from cityhall.announcements.console import GET_POST
from cityhall.announcements.forms import PaperSubscriberForm
from cityhall.announcements.models import Subscriber
from cityhall.announcements.permissions import ANNOUNCEMENTS_ADMIN
from cityhall.core.actors import acting_user
from cityhall.core.decorators import module_required
from cityhall.core.errors import DomainError


@require_http_methods(GET_POST)
@module_required(ANNOUNCEMENTS_ADMIN)
def subscribers(request: HttpRequest) -> HttpResponse:
    form = PaperSubscriberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.paper_subscriber_add(actor=acting_user(request), request=request, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("紙・電話の配信先に登録しました。"))
            return redirect("console:announcements:subscribers")
    counts = selectors.subscriber_counts()
    rows = [(label, counts[kind]) for kind, label in Subscriber.Kind.choices]
    return render(
        request,
        "announcements/console/subscribers.html",
        {"form": form, "rows": rows, "paper": selectors.paper_subscribers()},
        status=400 if request.method == "POST" else 200,
    )


@require_POST
@module_required(ANNOUNCEMENTS_ADMIN)
def paper_subscriber_end(request: HttpRequest, subscriber_id: int) -> HttpResponse:
    subscriber = selectors.paper_subscriber_find(subscriber_id=subscriber_id)
    if subscriber is not None:
        services.paper_subscriber_end(actor=acting_user(request), subscriber=subscriber, request=request)
        messages.success(request, _("配信先から外しました。"))
    return redirect("console:announcements:subscribers")
