"""The ASGI application `serve` runs: the edge cache in front of Django's WSGI handler.

Django runs behind a2wsgi's fixed pool of threads (ADR 0006). Under Django's own ASGI handler
every request ran its sync middleware and view in a thread made for that request, so no
database connection outlived a request (a new SQLite connection costs 3–4 ms, more than most
pages), and the middleware chain crossed between the event loop and threads three times.
Anonymous public pages are still answered from memory by the edge cache before Django runs.
"""

import os

from a2wsgi import WSGIMiddleware
from django.conf import settings
from django.core.wsgi import get_wsgi_application

from cityhall.core.edge_cache import EdgeCache, edge_cache_generation

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
django_app = get_wsgi_application()
application = EdgeCache(
    # django-stubs types WSGIHandler as returning HttpResponseBase, which is an iterable of bytes.
    WSGIMiddleware(django_app, workers=settings.CITYHALL_WEB_THREADS),  # type: ignore[arg-type]
    generation=edge_cache_generation,
)
