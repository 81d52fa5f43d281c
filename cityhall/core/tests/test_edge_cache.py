"""The in-process page cache in front of Django (ASGI)."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

from cityhall.core.edge_cache import EdgeCache


class Upstream:
    def __init__(self, cache_control=b"public, max-age=30", status=200, extra_headers=()):
        self.calls = 0
        self.cache_control = cache_control
        self.status = status
        self.extra_headers = list(extra_headers)

    async def __call__(self, scope, receive, send):
        self.calls += 1
        headers = [(b"content-type", b"text/html"), (b"cache-control", self.cache_control), *self.extra_headers]
        await send({"type": "http.response.start", "status": self.status, "headers": headers})
        await send({"type": "http.response.body", "body": f"page {self.calls}".encode()})


def _get(app, path="/procedures/", cookie=b"", method="GET", host=b"127.0.0.1", scheme="http"):
    sent = []

    async def receive():
        return {"type": "http.request", "body": b""}

    async def send(message):
        sent.append(message)

    headers = [(b"host", host)] + ([(b"cookie", cookie)] if cookie else [])
    scope = {"type": "http", "method": method, "path": path, "query_string": b"", "headers": headers, "scheme": scheme}
    # Own thread, own loop: a browser test in the same worker may have left a loop running here.
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, app(scope, receive, send)).result()
    return sent[0]["status"], b"".join(m.get("body", b"") for m in sent[1:])


def test_public_pages_are_served_from_memory_until_they_expire():
    now = [1000.0]
    upstream = Upstream()
    app = EdgeCache(upstream, clock=lambda: now[0])
    assert _get(app) == (200, b"page 1")
    assert _get(app) == (200, b"page 1")
    assert upstream.calls == 1 and app.hits == 1
    now[0] += 31
    assert _get(app) == (200, b"page 2")


def test_visitors_with_a_session_always_reach_django():
    upstream = Upstream()
    app = EdgeCache(upstream)
    _get(app)
    assert _get(app, cookie=b"sessionid=abc; lang=ja") == (200, b"page 2")
    assert upstream.calls == 2


def test_private_pages_errors_and_cookies_are_not_stored():
    for upstream in (
        Upstream(cache_control=b"private"),
        Upstream(status=404),
        Upstream(extra_headers=[(b"set-cookie", b"csrftoken=x")]),
    ):
        app = EdgeCache(upstream)
        _get(app)
        _get(app)
        assert upstream.calls == 2
        assert not app.entries


def test_ttl_is_capped_and_s_maxage_wins():
    now = [0.0]
    upstream = Upstream(cache_control=b"public, max-age=3600, s-maxage=10")
    app = EdgeCache(upstream, clock=lambda: now[0])
    _get(app)
    now[0] = 11
    _get(app)
    assert upstream.calls == 2
    upstream.cache_control = b"public, max-age=86400"
    now[0] = 100
    _get(app)
    now[0] = 100 + 61
    _get(app)
    assert upstream.calls == 4


def test_head_uses_the_cache_without_a_body_and_posts_pass_through():
    upstream = Upstream()
    app = EdgeCache(upstream)
    _get(app)
    assert _get(app, method="HEAD") == (200, b"")
    _get(app, method="POST")
    assert upstream.calls == 2


def test_hosts_django_would_refuse_are_never_answered_from_memory():
    upstream = Upstream()
    app = EdgeCache(upstream)
    _get(app)
    _get(app, host=b"localhost,evil.example")
    _get(app, host=b"evil.example")
    assert upstream.calls == 3


def test_encoded_or_varying_responses_and_static_files_are_not_stored():
    for upstream in (
        Upstream(extra_headers=[(b"content-encoding", b"gzip")]),
        Upstream(extra_headers=[(b"vary", b"Accept-Encoding")]),
    ):
        app = EdgeCache(upstream)
        _get(app)
        _get(app)
        assert upstream.calls == 2
    upstream = Upstream(extra_headers=[(b"vary", b"Cookie, Accept-Language")])
    app = EdgeCache(upstream)
    _get(app)
    _get(app)
    assert upstream.calls == 1
    static = Upstream()
    app = EdgeCache(static)
    _get(app, path="/static/css/cityhall.css")
    _get(app, path="/static/css/cityhall.css")
    assert static.calls == 2


def test_plain_http_goes_to_django_when_https_is_enforced(settings):
    settings.SECURE_SSL_REDIRECT = True
    upstream = Upstream()
    app = EdgeCache(upstream)
    _get(app, scheme="https")
    _get(app, scheme="https")
    _get(app, scheme="http")
    assert upstream.calls == 2


def test_a_purge_reaches_every_process_within_a_second(transactional_db):
    from django.db import connection, transaction
    from django.db.models import F

    from cityhall.core.edge_cache import edge_cache_generation, edge_cache_purge
    from cityhall.core.models import EdgeCacheState

    def generation() -> int:  # read in a thread of its own here: close its connection (PostgreSQL keeps it)
        try:
            return edge_cache_generation()
        finally:
            connection.close()

    now = [1000.0]
    upstream = Upstream()
    app = EdgeCache(upstream, clock=lambda: now[0], generation=generation)
    assert _get(app) == _get(app) == (200, b"page 1")
    # Another process purges: only the shared generation moves, in the database.
    EdgeCacheState.objects.get_or_create(pk=1)
    EdgeCacheState.objects.update(generation=F("generation") + 1)
    assert _get(app) == (200, b"page 1"), "served from memory until the next check"
    now[0] += 1.0
    assert _get(app) == (200, b"page 2")
    with transaction.atomic():
        edge_cache_purge()  # in this process: its pages go once the change commits
        assert _get(app) == (200, b"page 2")
    assert _get(app) == (200, b"page 3")
    assert _get(app) == (200, b"page 3") and upstream.calls == 3
