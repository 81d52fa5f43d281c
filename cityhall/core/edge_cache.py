"""A small in-process page cache in front of Django, for anonymous public pages.

Disaster days showed that what keeps a city's site up is serving public pages
from a cache, not a lighter page rendered per request. This ASGI
middleware answers a GET for a public page from memory when the visitor has no
session, before Django's middleware stack runs. It only stores responses that
Django marked `Cache-Control: public` and that set no cookie, for at most their
max-age (and never longer than MAX_TTL), so a CDN in front behaves the same.
"""

from __future__ import annotations

import time
import weakref
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any

from asgiref.sync import sync_to_async
from django.http.request import validate_host

Scope = dict[str, Any]
Message = Any
Receive = Callable[[], Awaitable[Any]]
Send = Callable[[Any], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_TTL = 60.0
MAX_ENTRIES = 2000
# How often a process asks whether another process purged the public pages (see `edge_cache_purge`).
GENERATION_CHECK_EVERY = 1.0
SESSION_COOKIES = (b"sessionid=", b"csrftoken=", b"messages=")


# Paths never cached here: static files (WhiteNoise negotiates encodings), the API, the console.
EXCLUDED_PREFIXES = ("/static/", "/api/", "/console/", "/en/console/", "/accounts/", "/en/accounts/")
# Request headers a stored page may vary on: the cache serves only cookie-less visitors, and the
# language comes from the URL path, not from Accept-Language.
_SAFE_VARY = {"cookie", "accept-language"}


def _header(scope: Scope, name: bytes) -> str:
    for key, value in scope.get("headers", []):
        if key == name:
            return str(value.decode("latin-1"))
    return ""


def _vary_is_safe(value: bytes) -> bool:
    return {v.strip().lower() for v in value.decode("latin-1").split(",") if v.strip()} <= _SAFE_VARY


def _max_age(headers: list[tuple[bytes, bytes]]) -> float:
    for name, value in headers:
        if name.lower() == b"cache-control":
            parts = [p.strip() for p in value.decode("latin-1").lower().split(",")]
            if "public" not in parts:
                return 0.0
            for part in parts:
                if part.startswith("s-maxage="):
                    return float(part.split("=", 1)[1])
            for part in parts:
                if part.startswith("max-age="):
                    return float(part.split("=", 1)[1])
    return 0.0


_instances: weakref.WeakSet[EdgeCache] = weakref.WeakSet()


def edge_cache_generation() -> int:
    """The current generation of the public page caches (a database read, shared by every process)."""
    from cityhall.core.models import EdgeCacheState

    return EdgeCacheState.objects.filter(pk=1).values_list("generation", flat=True).first() or 0


def edge_cache_purge() -> None:
    """Drop every cached public page: in this process at once, in the others within a second.

    Call inside the transaction of the change that makes the pages stale (emergency mode,
    a published notice); the generation moves exactly when the change commits.
    """
    from django.db import transaction
    from django.db.models import F

    from cityhall.core.models import EdgeCacheState

    EdgeCacheState.objects.get_or_create(pk=1)
    EdgeCacheState.objects.filter(pk=1).update(generation=F("generation") + 1)
    transaction.on_commit(_clear_this_process)


def _clear_this_process() -> None:
    for cache in list(_instances):
        cache.entries.clear()


class EdgeCache:
    def __init__(
        self,
        app: App,
        *,
        clock: Callable[[], float] = time.monotonic,
        generation: Callable[[], int] | None = None,
    ) -> None:
        """`generation` reads the shared cache generation (`edge_cache_generation`); None: this process only."""
        self.app = app
        self.clock = clock
        self.generation = generation
        self.seen_generation: int | None = None
        self.checked_at = float("-inf")
        self.entries: OrderedDict[bytes, tuple[float, int, list[tuple[bytes, bytes]], bytes]] = OrderedDict()
        self.hits = 0
        self.misses = 0
        _instances.add(self)

    async def _follow_purges(self, now: float) -> None:
        if self.generation is None or now - self.checked_at < GENERATION_CHECK_EVERY:
            return
        self.checked_at = now
        current = await sync_to_async(self.generation)()
        if current != self.seen_generation:
            self.entries.clear()
            self.seen_generation = current

    def _allowed_hosts(self) -> list[str]:
        from django.conf import settings

        hosts = list(settings.ALLOWED_HOSTS)
        return [*hosts, "testserver"] if settings.DEBUG else hosts

    def _trusts_forwarded_proto(self) -> bool:
        from django.conf import settings

        return getattr(settings, "SECURE_PROXY_SSL_HEADER", None) == ("HTTP_X_FORWARDED_PROTO", "https")

    def _https_only(self) -> bool:
        from django.conf import settings

        return bool(getattr(settings, "SECURE_SSL_REDIRECT", False))

    def _cacheable_request(self, scope: Scope) -> bool:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            return False
        if scope["path"].startswith(EXCLUDED_PREFIXES):
            return False
        host = _header(scope, b"host")
        # Hits skip Django, so they must not skip its host check or its HTTPS redirect.
        https_ok = (
            not self._https_only()
            or scope.get("scheme") == "https"
            or (self._trusts_forwarded_proto() and _header(scope, b"x-forwarded-proto") == "https")
        )
        if not (
            https_ok and validate_host(host.rsplit(":", 1)[0] if host.count(":") == 1 else host, self._allowed_hosts())
        ):
            return False
        return not any(
            (name == b"cookie" and any(c in value for c in SESSION_COOKIES)) or name == b"authorization"
            for name, value in scope.get("headers", [])
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self._cacheable_request(scope):
            await self.app(scope, receive, send)
            return
        key = (_header(scope, b"host") + scope["path"]).encode() + b"?" + scope.get("query_string", b"")
        now = self.clock()
        await self._follow_purges(now)
        entry = self.entries.get(key)
        if entry is not None and entry[0] > now:
            self.hits += 1
            _expires, status, headers, body = entry
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})
            return
        self.misses += 1
        await self._fetch_and_store(scope, receive, send, key, now)

    async def _fetch_and_store(self, scope: Scope, receive: Receive, send: Send, key: bytes, now: float) -> None:
        start: Message | None = None
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
            await send(message)

        await self.app(scope, receive, capture)
        if start is None or start["status"] != 200 or scope["method"] != "GET":
            return
        headers = [(bytes(n), bytes(v)) for n, v in start.get("headers", [])]
        if any(n.lower() in (b"set-cookie", b"content-encoding") for n, _v in headers):
            return
        if any(n.lower() == b"vary" and not _vary_is_safe(v) for n, v in headers):
            return
        ttl = min(_max_age(headers), MAX_TTL)
        if ttl <= 0:
            return
        self.entries[key] = (now + ttl, 200, headers, b"".join(chunks))
        self.entries.move_to_end(key)
        while len(self.entries) > MAX_ENTRIES:
            self.entries.popitem(last=False)
