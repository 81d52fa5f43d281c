"""Domain errors and the one place that maps them to HTTP status codes.

Services raise subclasses of DomainError with a message for the user (in
Japanese through gettext); views and the API let them propagate.
"""

from __future__ import annotations

from http import HTTPStatus

from django.utils.translation import gettext_lazy as _


class DomainError(Exception):
    """Base for errors the user can understand and act on."""

    status = HTTPStatus.BAD_REQUEST
    default_message = _("処理できませんでした。入力内容を確認してください。")

    def __init__(self, message: str | None = None) -> None:
        self.message = str(message if message is not None else self.default_message)
        super().__init__(self.message)


class PermissionDeniedError(DomainError):
    status = HTTPStatus.FORBIDDEN
    default_message = _("この操作を行う権限がありません。")


class NotFoundError(DomainError):
    status = HTTPStatus.NOT_FOUND
    default_message = _("対象が見つかりません。")


class ConflictError(DomainError):
    status = HTTPStatus.CONFLICT
    default_message = _("他の操作と競合しました。画面を更新してもう一度お試しください。")


class InvalidInputError(DomainError):
    status = HTTPStatus.BAD_REQUEST


def http_status_for(error: DomainError) -> int:
    return int(error.status)
