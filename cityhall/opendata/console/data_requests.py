"""Console pages of the data requests: the list, and answering one."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from cityhall.core import selectors as core_selectors
from cityhall.core.actors import acting_user
from cityhall.core.decorators import staff_passes
from cityhall.core.errors import DomainError
from cityhall.opendata import permissions, selectors, services
from cityhall.opendata.console import GET_POST
from cityhall.opendata.forms import AnswerForm


@require_GET
@staff_passes(permissions.can_use_console)
def request_list(request: HttpRequest) -> HttpResponse:
    items = selectors.data_requests_for_staff(request.user)
    page = Paginator(items, 30).get_page(request.GET.get("page"))
    return render(request, "opendata/console/requests.html", {"page": page, "filters": {}})


@require_http_methods(GET_POST)
@staff_passes(permissions.can_use_console)
def request_answer(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.data_request_get(request_id=pk)
    if not (permissions.is_admin(request.user) or permissions.can_manage(request.user, item.department_id)):
        raise PermissionDenied
    form = AnswerForm(
        request.POST or None,
        departments=core_selectors.department_list() if permissions.is_admin(request.user) else None,
        initial={
            "status": item.status,
            "answer": item.answer,
            "department": item.department_id,
            "dataset": item.dataset_id,
            "is_hidden": item.is_hidden,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.data_request_answer(
                actor=acting_user(request),
                data_request=item,
                status=data["status"],
                answer=data["answer"],
                department=data.get("department"),
                dataset=data["dataset"],
                is_hidden=data["is_hidden"],
                request=request,
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("回答を保存しました。"))
            return redirect("console:opendata:requests")
    status = 400 if request.method == "POST" else 200
    return render(request, "opendata/console/request_answer.html", {"item": item, "form": form}, status=status)
