"""媒体の選択基準 in the console (the ICT policy division)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from cityhall.announcements import selectors, services
from cityhall.announcements.console import GET_POST
from cityhall.announcements.forms import ChannelRuleForm
from cityhall.announcements.permissions import ANNOUNCEMENTS_ADMIN
from cityhall.core.actors import acting_user
from cityhall.core.decorators import module_required
from cityhall.core.errors import DomainError


@require_http_methods(GET_POST)
@module_required(ANNOUNCEMENTS_ADMIN)
def rules(request: HttpRequest) -> HttpResponse:
    form = ChannelRuleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.channel_rule_save(actor=acting_user(request), rule=None, request=request, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("媒体の選択基準を追加しました。"))
            return redirect("console:announcements:rules")
    return render(
        request,
        "announcements/console/rules.html",
        {"form": form, "rules": selectors.channel_rules_with_labels()},
        status=400 if request.method == "POST" else 200,
    )


@require_POST
@module_required(ANNOUNCEMENTS_ADMIN)
def rule_delete(request: HttpRequest, rule_id: int) -> HttpResponse:
    rule = selectors.channel_rules().filter(pk=rule_id).first()
    if rule is not None:
        services.channel_rule_delete(actor=acting_user(request), rule=rule, request=request)
        messages.success(request, _("媒体の選択基準を削除しました。"))
    return redirect("console:announcements:rules")
