"""Public pages of the procedures guide: catalogue, search, life-event navigator, departments."""

from __future__ import annotations

import logging

from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.http import require_safe

from cityhall.core import selectors as core_selectors
from cityhall.core.decorators import public_when_anonymous
from cityhall.core.errors import NotFoundError
from cityhall.core.uploads import stored_file_response
from cityhall.procedures import checklist_pdf, selectors
from cityhall.procedures.forms import answers_form
from cityhall.procedures.models import Category, Channel, LifeEvent

logger = logging.getLogger(__name__)


@require_safe
@public_when_anonymous(60)
def index(request: HttpRequest) -> HttpResponse:
    procedures = list(selectors.published_procedures())
    groups = [(value, label, [p for p in procedures if p.category == value]) for value, label in Category.choices]
    return render(request, "procedures/index.html", {"groups": [g for g in groups if g[2]]})


@require_safe
@public_when_anonymous(60)
def category(request: HttpRequest, category: str) -> HttpResponse:
    procedures = selectors.procedures_in(category)
    return render(request, "procedures/category.html", {"label": Category(category).label, "procedures": procedures})


@require_safe
@public_when_anonymous(60)
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    procedure = selectors.procedure_published(slug=slug)
    version = procedure.published
    labels = dict(Channel.choices)
    channels = (
        [(c["kind"], labels.get(c["kind"], c["kind"]), c.get("note", "")) for c in version.channels] if version else []
    )
    return render(
        request,
        "procedures/detail.html",
        {
            "procedure": procedure,
            "version": version,
            "channels": channels,
            "related": [p for p in procedure.related.all() if p.published],
        },
    )


@require_safe
def download(request: HttpRequest, slug: str, stored_id: int) -> HttpResponseBase:
    item = selectors.published_file(slug=slug, stored_id=stored_id)
    return stored_file_response(item.stored, filename=item.download_name)


@require_safe
@public_when_anonymous(60)
def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")[:100]
    results = selectors.search(query) if query.strip() else []
    return render(request, "procedures/search.html", {"query": query, "results": results})


@require_safe
@public_when_anonymous(60)
def life_events(request: HttpRequest) -> HttpResponse:
    return render(request, "procedures/life_events.html", {"events": selectors.life_events()})


@require_safe
def life_event(request: HttpRequest, slug: str) -> HttpResponse:
    event = selectors.life_event_get(slug=slug)
    form = answers_form(event, request.GET or None)
    return render(request, "procedures/life_event.html", {"event": event, "form": form})


def _answers(request: HttpRequest, event_slug: str) -> tuple[LifeEvent, dict[str, str]]:
    event = selectors.life_event_get(slug=event_slug)
    keys = [q.key for q in event.questions.all()]
    return event, {k: str(request.GET.get(k, ""))[:40] for k in keys if request.GET.get(k)}


@require_safe
def checklist(request: HttpRequest, slug: str) -> HttpResponse:
    """The personal checklist. Answers live only in the URL, so it can be shared and nothing is stored."""
    event, answers = _answers(request, slug)
    groups = selectors.checklist(event, answers)
    query = urlencode(answers)
    return render(
        request,
        "procedures/checklist.html",
        {
            "event": event,
            "groups": groups,
            "count": sum(len(group.items) for group in groups),
            "answers": answers,
            "query": query,
            "share_url": request.build_absolute_uri(f"{reverse('procedures:checklist', args=[slug])}?{query}"),
            "pdf_url": f"{reverse('procedures:checklist_pdf', args=[slug])}?{query}",
            "edit_url": f"{reverse('procedures:life_event', args=[slug])}?{query}",
        },
    )


@require_safe
def checklist_download(request: HttpRequest, slug: str) -> HttpResponse:
    event, answers = _answers(request, slug)
    municipality = core_selectors.municipality_find()
    pdf = checklist_pdf.render(
        event=event,
        groups=selectors.checklist(event, answers),
        municipality=municipality,
        today=timezone.localdate(),
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="checklist.pdf"'
    return response


@require_safe
@public_when_anonymous(60)
def departments(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    return render(
        request,
        "procedures/departments.html",
        {
            "tree": core_selectors.department_tree(),
            "closed": selectors.closed_reason(today),
            "next_open": selectors.next_open_day(today),
        },
    )


@require_safe
@public_when_anonymous(60)
def department(request: HttpRequest, code: str) -> HttpResponse:
    found = [d for d in core_selectors.department_list() if d.code == code]
    if not found:
        raise NotFoundError("その部署は見つかりませんでした。")
    dept = found[0]
    today = timezone.localdate()
    return render(
        request,
        "procedures/department.html",
        {
            "department": dept,
            "page": selectors.department_page(dept),
            "procedures": selectors.procedures_of_department(dept),
            "closed": selectors.closed_reason(today),
            "next_open": selectors.next_open_day(today),
            "today": today,
        },
    )
