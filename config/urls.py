from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

from config.api import api

# Django admin is for superusers only (read-only views for support); staff work in the console.
admin.site.has_permission = lambda request: bool(request.user.is_active and request.user.is_superuser)  # type: ignore[method-assign]  # AdminSite has no setting for this

urlpatterns: list[URLPattern | URLResolver] = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", api.urls),
    path("api/3/action/", include("cityhall.opendata.ckan.urls")),
    # ckanapi and many harvesters call CKAN's unversioned path; CKAN answers both.
    path("api/action/", include(("cityhall.opendata.ckan.urls", "ckan"), namespace="ckan-unversioned")),
    path("healthz", include("cityhall.core.urls")),
]
urlpatterns += i18n_patterns(
    path("", include("cityhall.portal.urls")),
    path("", include("cityhall.procedures.urls")),
    path("", include("cityhall.opendata.urls")),
    path("news/", include("cityhall.announcements.urls")),
    path("accounts/", include("allauth.urls")),
    path("console/", include("cityhall.console.urls")),
    path("django-admin/", admin.site.urls),
    prefix_default_language=False,
)
