"""Downloads: evidence files of progress reports, the CSV datasets, the Excel workbook and the meeting pack.

The documents are always written in Japanese, whatever language the console is shown in: they
are the city's papers and their headers are Japanese anyway.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.utils import timezone, translation
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from cityhall.core import selectors as core_selectors
from cityhall.core.actors import acting_user
from cityhall.core.decorators import staff_passes
from cityhall.core.fiscal_year import HalfYear
from cityhall.core.uploads import stored_file_response
from cityhall.plans import exports, permissions, selectors
from cityhall.plans.meeting_pack import meeting_pack_pdf


@require_GET
@staff_passes(permissions.can_read_plan)
def evidence(request: HttpRequest, report_id: int) -> HttpResponseBase:
    """Evidence files are private: served only after the permission check."""
    report = selectors.progress_evidence_get(actor=acting_user(request), report_id=report_id)
    assert report.evidence is not None
    return stored_file_response(report.evidence)


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    # RFC 6266/5987: a Japanese name goes out as filename*=utf-8''…
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename) or ""
    return response


@require_GET
@staff_passes(permissions.can_read_plan)
def csv_export(request: HttpRequest, dataset: str) -> HttpResponse:
    spec = exports.DATASETS.get(dataset)
    if spec is None:
        raise Http404
    with translation.override("ja"):
        plan = selectors.plan_get()
        content = exports.csv_bytes(plan, spec)
    return _download(content, "text/csv; charset=utf-8", f"{plan.name}_{spec.title}.csv")


@require_GET
@staff_passes(permissions.can_read_plan)
def xlsx_export(request: HttpRequest) -> HttpResponse:
    with translation.override("ja"):
        plan = selectors.plan_get()
        content = exports.xlsx_bytes(plan, HalfYear.containing(timezone.localdate()))
    return _download(content, exports.XLSX_TYPE, f"{plan.name}.xlsx")


@require_GET
@staff_passes(permissions.can_read_plan)
def meeting_pack(request: HttpRequest) -> HttpResponse:
    with translation.override("ja"):
        plan = selectors.plan_get()
        today = timezone.localdate()
        municipality = core_selectors.municipality_find()
        pdf = meeting_pack_pdf(plan, today=today, author=municipality.name if municipality else plan.name)
    return _download(pdf, "application/pdf", f"{plan.name}_推進本部会議資料_{today:%Y%m%d}.pdf")
