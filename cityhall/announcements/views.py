"""Public pages of お知らせ: the news list (by category and area), a notice, the Atom feed, and
subscribing by e-mail (confirm, change, stop) without an account."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe
from linebot.v3.exceptions import InvalidSignatureError
from linebot.v3.webhook import WebhookParser
from linebot.v3.webhooks import FollowEvent, UnfollowEvent

from cityhall.announcements import selectors, services
from cityhall.announcements.forms import SubscribeForm, SubscriptionForm
from cityhall.announcements.models import Subscriber
from cityhall.core import selectors as core_selectors
from cityhall.core.decorators import public_when_anonymous
from cityhall.core.errors import DomainError

PAGE_SIZE = 20
FEED_SIZE = 50


@require_safe
@public_when_anonymous(60)
def index(request: HttpRequest) -> HttpResponse:
    categories, areas = list(selectors.categories()), list(selectors.areas())
    category = request.GET.get("category", "")
    area = request.GET.get("area", "")
    category = category if any(c.key == category for c in categories) else ""
    area = area if any(a.code == area for a in areas) else ""
    page = Paginator(selectors.live_notices(category=category, area=area), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "announcements/index.html",
        {
            "page": page,
            "categories": categories,
            "areas": areas,
            "filters": {k: v for k, v in (("category", category), ("area", area)) if v},
        },
    )


@require_safe
@public_when_anonymous(60)
def detail(request: HttpRequest, notice_id: int) -> HttpResponse:
    notice = selectors.live_notice_get(notice_id=notice_id)
    if notice is None:
        raise Http404
    return render(request, "announcements/detail.html", {"notice": notice})


@require_safe
@public_when_anonymous(300)
def feed(request: HttpRequest) -> HttpResponse:
    """The live notices as an Atom feed (RFC 4287), newest first."""
    site = core_selectors.site_name(language=request.LANGUAGE_CODE)
    home = request.build_absolute_uri(reverse("announcements:index"))
    atom = Atom1Feed(
        title=_("%(site)s からのお知らせ") % {"site": site},
        link=home,
        description="",
        language=request.LANGUAGE_CODE,
        feed_url=request.build_absolute_uri(reverse("announcements:feed")),
        feed_guid=home,
    )
    for notice in selectors.live_notices()[:FEED_SIZE]:
        link = request.build_absolute_uri(reverse("announcements:detail", args=[notice.pk]))
        atom.add_item(
            title=notice.title,
            link=link,
            description=notice.body,
            unique_id=link,
            pubdate=notice.publish_at,
            updateddate=notice.decided_at or notice.publish_at,
            categories=[notice.category.name],
            author_name=notice.department.name if notice.department else site,
        )
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    atom.write(response, "utf-8")
    return response


# --- subscriptions (no account needed) ------------------------------------------------------


@require_http_methods(["GET", "POST"])
def subscribe(request: HttpRequest) -> HttpResponse:
    form = SubscribeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.subscription_request(**form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            return render(request, "announcements/subscribe_sent.html", {"email": form.cleaned_data["email"]})
    status = 400 if request.method == "POST" else 200
    return render(request, "announcements/subscribe.html", {"form": form}, status=status)


def _link_page(request: HttpRequest, token: str, purpose: str) -> Subscriber | HttpResponse:
    try:
        return services.subscriber_for_link(token=token, purpose=purpose)
    except DomainError as error:
        return render(request, "announcements/link_error.html", {"message": error.message}, status=400)


@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button (mail scanners open links; only a person's click confirms)."""
    found = _link_page(request, token, "confirm")
    if isinstance(found, HttpResponse):
        return found
    if request.method == "POST":
        try:
            subscriber = services.subscription_confirm(token=token)
        except DomainError as error:
            return render(request, "announcements/link_error.html", {"message": error.message}, status=400)
        manage_url = reverse("announcements:manage", args=[services.token_for(subscriber, "manage")])
        return render(request, "announcements/confirmed.html", {"manage_url": manage_url})
    return render(request, "announcements/confirm.html", {"subscriber": found})


@require_http_methods(["GET", "POST"])
def manage(request: HttpRequest, token: str) -> HttpResponse:
    found = _link_page(request, token, "manage")
    if isinstance(found, HttpResponse):
        return found
    initial = {"categories": list(found.categories.all()), "areas": list(found.areas.all())}
    form = SubscriptionForm(request.POST or None, initial=initial)
    saved = False
    if request.method == "POST" and form.is_valid():
        try:
            services.subscription_update(token=token, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            saved = True
    status = 400 if request.method == "POST" and not saved else 200
    return render(
        request,
        "announcements/manage.html",
        {"form": form, "subscriber": found, "saved": saved, "token": token},
        status=status,
    )


@csrf_exempt  # the token is the credential; mail clients POST here for one-click unsubscribe (RFC 8058)
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    found = _link_page(request, token, "manage")
    if isinstance(found, HttpResponse):
        return found
    if request.method == "POST":
        services.subscription_end(token=token)
        return render(request, "announcements/unsubscribed.html")
    return render(request, "announcements/unsubscribe.html", {"subscriber": found})


# --- the LINE official account's webhook ----------------------------------------------------


@csrf_exempt  # LINE signs the body (x-line-signature) with the channel secret instead
@require_http_methods(["POST"])
def line_webhook(request: HttpRequest) -> HttpResponse:
    """Follow and unfollow events of the city's LINE account. A body whose signature does not match
    the channel secret changes nothing and is answered 400."""
    secret = settings.CITYHALL_LINE_CHANNEL_SECRET
    signature = request.headers.get("x-line-signature", "")
    if not secret or not signature:
        return HttpResponse(_("署名がありません。"), status=400, content_type="text/plain; charset=utf-8")
    try:
        events = WebhookParser(secret).parse(request.body.decode("utf-8"), signature)
    except (InvalidSignatureError, UnicodeDecodeError, ValueError):
        return HttpResponse(_("署名が正しくありません。"), status=400, content_type="text/plain; charset=utf-8")
    for event in events:
        user_id = getattr(event.source, "user_id", None)
        if not user_id:
            continue
        if isinstance(event, FollowEvent):
            services.line_follow(user_id=user_id)
        elif isinstance(event, UnfollowEvent):
            services.line_unfollow(user_id=user_id)
    return HttpResponse("OK", content_type="text/plain")
