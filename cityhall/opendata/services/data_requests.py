"""Data requests (データ公開リクエスト): submitted by anyone, answered by staff."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from cityhall.core import text
from cityhall.core.actors import Actor
from cityhall.core.audit import audited_update
from cityhall.core.errors import InvalidInputError, PermissionDeniedError
from cityhall.opendata.models import DataRequest, Dataset
from cityhall.opendata.permissions import can_manage, is_admin


def data_request_submit(
    *, title: str, body: str, requester_name: str = "", email: str = "", department: Any = None
) -> DataRequest:
    """A request from the public (no account needed). Personal data stays out of the public list."""
    title, body = " ".join(text.prose(title).split()), text.prose(body).strip()  # a title is one line
    if not title or not body:
        raise InvalidInputError("欲しいデータと内容を入力してください。")
    return DataRequest.objects.create(
        title=title[:120],
        body=body[:4000],
        requester_name=text.name(requester_name)[:100],
        email=email.strip()[:254],
        department=department,
    )


def data_request_answer(
    *,
    actor: Actor,
    data_request: DataRequest,
    status: str,
    answer: str,
    department: Any = None,
    dataset: Dataset | None = None,
    is_hidden: bool = False,
    request: HttpRequest | None = None,
) -> DataRequest:
    """Record the staff answer to a data request (status, answer, department, dataset, hidden) and audit it.

    Raises PermissionDeniedError (not the department's request), InvalidInputError (unknown status, an answer
    or dataset missing for the status chosen)."""
    if not (is_admin(actor) or can_manage(actor, data_request.department_id)):
        raise PermissionDeniedError()
    if status not in DataRequest.Status.values:
        raise InvalidInputError("状況の指定が正しくありません。")
    answer = text.prose(answer).strip()
    if status in (DataRequest.Status.PUBLISHED, DataRequest.Status.DECLINED) and not answer:
        raise InvalidInputError("公開済み・公開できない場合は、回答を入力してください。")
    if status == DataRequest.Status.PUBLISHED and dataset is None:
        raise InvalidInputError("公開済みにする場合は、公開したデータセットを選んでください。")
    changes: dict[str, Any] = {
        "status": status,
        "answer": answer[:4000],
        "dataset": dataset,
        "is_hidden": is_hidden,
        "answered_by": actor,
        "answered_at": timezone.now(),
    }
    if department is not None and is_admin(actor):
        changes["department"] = department
    notify = bool(data_request.email) and (status, answer) != (data_request.status, data_request.answer) and answer
    with transaction.atomic():
        audited_update(
            actor=actor,
            action="opendata.request.answer",
            target=data_request,
            changes=changes,
            department_id=data_request.department_id,
            request=request,
        )
        if notify:
            send_mail(
                subject=f"【データ公開リクエスト】受付番号{data_request.pk}への回答",
                message=(
                    f"データ公開リクエスト「{data_request.title}」に回答しました。\n\n"
                    f"状況: {data_request.get_status_display()}\n\n{answer}\n\n"
                    f"{settings.CITYHALL_BASE_URL}/opendata/requests/{data_request.pk}/\n"
                ),
                from_email=None,
                recipient_list=[data_request.email],
            )
    return data_request
