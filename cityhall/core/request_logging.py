"""How refused requests are logged: a 403 is an expected answer, not an error with a traceback.

Django logs every PermissionDenied on `django.request` with the exception attached;
a crawl of the console wrote thousands of tracebacks that hid real errors. The
warning line (method, path, status) stays; the traceback goes.
"""

from __future__ import annotations

import logging
from http import HTTPStatus


class ForbiddenWithoutTraceback(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) == HTTPStatus.FORBIDDEN:
            record.exc_info, record.exc_text = None, None
        return True
