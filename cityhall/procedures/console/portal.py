"""Portal administration (情報政策課): gap list, synonyms, life-event rules."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cityhall.core.actors import acting_user
from cityhall.core.decorators import module_required
from cityhall.core.errors import DomainError
from cityhall.procedures import selectors, services
from cityhall.procedures.console import GET_POST
from cityhall.procedures.forms import RuleForm, SynonymForm
from cityhall.procedures.permissions import PROCEDURES_ADMIN


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
        {"form": form, "synonyms": selectors.synonym_list()},
        status=status,
    )


@require_POST
@module_required(PROCEDURES_ADMIN)
def synonym_delete(request: HttpRequest, synonym_id: int) -> HttpResponse:
    item = selectors.synonym_find(synonym_id=synonym_id)
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
        {"event": event, "events": selectors.life_events(), "form": form, "rules": selectors.rule_list(event)},
        status=status,
    )


@require_POST
@module_required(PROCEDURES_ADMIN)
def rule_delete(request: HttpRequest, rule_id: int) -> HttpResponse:
    rule = selectors.rule_find(rule_id=rule_id)
    if rule is None:
        return redirect("console:procedures:gaps")
    slug = rule.event.slug
    services.rule_delete(actor=acting_user(request), rule=rule, request=request)
    messages.success(request, _("ルールを削除しました。"))
    return redirect("console:procedures:rules", slug=slug)
