import os

from django.core.asgi import get_asgi_application

from cityhall.core.edge_cache import EdgeCache, edge_cache_generation

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
# Anonymous public pages are answered from memory when Django marked them public (see edge_cache).
application = EdgeCache(get_asgi_application(), generation=edge_cache_generation)
