"""A local HTTP server speaking the LINE Messaging API endpoints cityhall calls, for the tests.

It checks what LINE checks of a multicast (the bearer token, 1–500 user IDs, 1–5 messages, text
within 5,000 UTF-16 units, a UUID retry key) and keeps LINE's promise about retry keys: a key it
accepted before is answered 409 with `x-line-accepted-request-id`, and nobody receives it twice.
`fail_next` makes the next calls answer an error (500, 429 …) without accepting them.
"""

from __future__ import annotations

import json
import threading
import uuid
from collections import Counter
from typing import Any

from werkzeug.serving import WSGIRequestHandler, make_server
from werkzeug.wrappers import Request, Response


class _Quiet(WSGIRequestHandler):
    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        pass


class LineApi:
    def __init__(self, token: str = "test-channel-token") -> None:  # noqa: S107 (a test server's token)
        self.token = token
        self.accepted: dict[str, dict[str, Any]] = {}  # retry key → request body
        self.calls: list[tuple[str, int]] = []  # (path, status answered)
        self.fail_next: list[int] = []
        self._server = make_server("127.0.0.1", 0, self._app, threaded=True, request_handler=_Quiet)
        self.url = f"http://127.0.0.1:{self._server.server_port}"

    def __enter__(self) -> LineApi:
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()

    def received_per_user(self) -> Counter[str]:
        return Counter(user for body in self.accepted.values() for user in body["to"])

    def _answer(self, path: str, status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> Response:
        self.calls.append((path, status))
        return Response(json.dumps(body), status=status, headers=headers or {}, content_type="application/json")

    def _app(self, environ: dict[str, Any], start_response: Any) -> Any:
        request = Request(environ)
        response = self._handle(request)
        return response(environ, start_response)

    def _handle(self, request: Request) -> Response:
        path = request.path
        if request.headers.get("Authorization") != f"Bearer {self.token}":
            return self._answer(path, 401, {"message": "Authentication failed"})
        if path != "/v2/bot/message/multicast" or request.method != "POST":
            return self._answer(path, 404, {"message": "Not found"})
        key = request.headers.get("X-Line-Retry-Key", "")
        body = request.get_json()
        problems = []
        try:
            uuid.UUID(key)
        except ValueError:
            problems.append("X-Line-Retry-Key must be a UUID")
        if not 1 <= len(body.get("to", [])) <= 500:
            problems.append("to: 1 to 500 user IDs")
        messages = body.get("messages", [])
        if not 1 <= len(messages) <= 5:
            problems.append("messages: 1 to 5")
        for message in messages:
            if message.get("type") == "text" and len(message["text"].encode("utf-16-le")) // 2 > 5000:
                problems.append("text: at most 5000 characters")
        if problems:
            return self._answer(path, 400, {"message": "The request body has errors", "details": problems})
        if key in self.accepted:
            return self._answer(
                path, 409, {"message": "The retry key is already accepted"}, {"x-line-accepted-request-id": key}
            )
        if self.fail_next:
            return self._answer(path, self.fail_next.pop(0), {"message": "Internal server error"})
        self.accepted[key] = body
        return self._answer(path, 200, {}, {"x-line-request-id": str(uuid.uuid4())})
