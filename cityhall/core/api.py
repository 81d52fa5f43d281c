from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema

from cityhall.core import selectors

router = Router(tags=["municipality"])


class ErrorOut(Schema):
    """Every error answer of the API: one Japanese sentence for the person reading the log."""

    detail: str


class MunicipalityOut(Schema):
    code: str
    name: str
    name_en: str
    prefecture: str
    website: str


class DepartmentOut(Schema):
    id: int
    code: str
    name: str
    name_en: str
    kind: str
    parent_id: int | None
    phone: str
    email: str
    location: str


@router.get("/municipality", response={200: MunicipalityOut, 404: ErrorOut}, summary="地方公共団体の情報")
def municipality(request: HttpRequest) -> object:
    return selectors.municipality_get()


@router.get("/departments", response=list[DepartmentOut], summary="組織（部・課）の一覧")
def departments(request: HttpRequest) -> object:
    return list(selectors.department_list())
