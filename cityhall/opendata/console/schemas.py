"""Console pages of the ICT policy division: dataset definitions and the catalogue settings."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from cityhall.core.actors import acting_user
from cityhall.core.decorators import staff_passes
from cityhall.core.errors import DomainError
from cityhall.opendata import permissions, selectors, services
from cityhall.opendata.console import GET_POST
from cityhall.opendata.forms import ColumnFormSet, SchemaForm, SettingsForm


@require_GET
@staff_passes(permissions.is_admin)
def schema_list(request: HttpRequest) -> HttpResponse:
    return render(request, "opendata/console/schemas.html", {"schemas": selectors.schema_definitions()})


@require_http_methods(GET_POST)
@staff_passes(permissions.is_admin)
def schema_edit(request: HttpRequest, key: str = "") -> HttpResponse:
    definition = selectors.schema_get(key=key) if key else None
    initial: dict[str, Any] = {}
    columns_initial: list[dict[str, Any]] = []
    if definition is not None:
        initial = {
            "name_ja": definition.name_ja,
            "edition": definition.edition,
            "source": definition.source,
            "is_active": definition.is_active,
        }
        columns_initial = [
            {
                **{k: c.get(k, "") for k in ("name", "type", "required", "format", "physical_name", "english_name")},
                "synonyms": "\n".join(c.get("synonyms") or []),
            }
            for c in definition.columns
        ]
    form = SchemaForm(request.POST or None, editing=definition is not None, initial=initial)
    formset = ColumnFormSet(request.POST or None, initial=columns_initial, prefix="col")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        old = {c.get("name"): c for c in (definition.columns if definition else [])}
        columns = []
        for column in formset.cleaned_data:
            if not column or column.get("DELETE") or not column.get("name"):
                continue
            kept = dict(old.get(column["name"], {}))  # descriptions, examples and notes stay as they were
            kept.update({k: v for k, v in column.items() if k != "DELETE"})
            kept["required"] = bool(column["required"])
            columns.append(kept)
        data = {**form.cleaned_data, "columns": columns}
        try:
            saved = services.schema_save(actor=acting_user(request), definition=definition, data=data, request=request)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("データセット定義を保存しました。次のアップロードから使われます。"))
            return redirect("console:opendata:schema_edit", key=saved.key)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "opendata/console/schema_form.html",
        {"form": form, "formset": formset, "definition": definition},
        status=status,
    )


@require_http_methods(GET_POST)
@staff_passes(permissions.is_admin)
def settings_edit(request: HttpRequest) -> HttpResponse:
    current = selectors.catalog_settings()
    form = SettingsForm(
        request.POST or None,
        initial={k: getattr(current, k) for k in ("min_lat", "min_lon", "max_lat", "max_lon", "contact")},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.catalog_settings_update(actor=acting_user(request), request=request, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("設定を保存しました。"))
            return redirect("console:opendata:settings")
    status = 400 if request.method == "POST" else 200
    return render(request, "opendata/console/settings.html", {"form": form}, status=status)
