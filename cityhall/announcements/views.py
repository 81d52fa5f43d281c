"""Public pages of お知らせ: the news list (by category and area), a notice, and the Atom feed."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from cityhall.announcements import selectors
from cityhall.core import selectors as core_selectors
from cityhall.core.decorators import public_when_anonymous

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
