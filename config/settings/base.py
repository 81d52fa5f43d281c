"""Settings shared by every environment; wiring only, driven by the environment.

Embedded default: SQLite (WAL), the task queue in the same database, files on
local disk. Scale-out: DATABASE_URL, REDIS_URL, TASK_BACKEND=rq, STORAGE_URL.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env_str("CITYHALL_VAR_DIR", str(BASE_DIR / "var")))

SECRET_KEY = env_str("SECRET_KEY", "insecure-development-key-change-me-in-production-0123456789")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# Demo mode: the demo command may run and the well-known demo TOTP secrets are
# accepted. Off everywhere except dev and test.
CITYHALL_DEMO = env_bool("CITYHALL_DEMO", False)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "axes",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_tasks",
    "django_tasks_db",
    "ninja",
    "cityhall.core",
    "cityhall.notifications",
    "cityhall.accounts",
    "cityhall.plans",
    "cityhall.procedures",
    "cityhall.announcements",
    "cityhall.opendata",
    "cityhall.portal",
    "cityhall.console",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "cityhall.core.middleware.MethodNotAllowedPageMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "cityhall.accounts.middleware.StaffMfaRequiredMiddleware",
    "cityhall.core.middleware.DomainErrorMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "cityhall.core.context_processors.site",
                "cityhall.console.context_processors.console",
            ],
        },
    }
]

# --- Database -------------------------------------------------------------
_default_db_url = f"sqlite:///{VAR_DIR / 'cityhall.sqlite3'}"
DATABASES: dict[str, Any] = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", _default_db_url),
        # Web threads are long-lived (config/asgi.py), so each keeps its connection between requests
        # instead of paying a new one per request; a connection that broke is replaced on the next one.
        conn_max_age=env_int("DB_CONN_MAX_AGE", 300),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the worker and the web server read while the other writes;
    # IMMEDIATE transactions avoid "database is locked" on lock upgrades.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": ("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;"),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ---------------------------------------------------------------
REDIS_URL = env_str("REDIS_URL", "")
if REDIS_URL:
    CACHES: dict[str, dict[str, Any]] = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Background tasks (ADR 0002) ------------------------------------------
TASK_BACKEND = env_str("TASK_BACKEND", "database")
if TASK_BACKEND == "rq":
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    TASKS: dict[str, dict[str, Any]] = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    RQ_QUEUES = {"default": {"URL": REDIS_URL or "redis://127.0.0.1:6379/0"}}
elif TASK_BACKEND == "immediate":
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
elif TASK_BACKEND == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
else:
    raise ImproperlyConfigured(f"TASK_BACKEND must be database, rq or immediate (got {TASK_BACKEND!r}).")


# --- File storage ---------------------------------------------------------
def _storages(storage_url: str) -> dict[str, dict[str, Any]]:
    static = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}
    if not storage_url:
        return {
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": static,
        }
    parsed = urlparse(storage_url)
    if parsed.scheme != "s3":
        msg = f"STORAGE_URL must start with s3:// (got {parsed.scheme!r})."
        raise ValueError(msg)
    query = {key: values[-1] for key, values in parse_qs(parsed.query).items()}
    options: dict[str, Any] = {"bucket_name": parsed.hostname, "default_acl": None}
    if "endpoint" in query:
        options["endpoint_url"] = query["endpoint"]
    if "region" in query:
        options["region_name"] = query["region"]
    return {
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options},
        "staticfiles": static,
    }


STORAGES = _storages(env_str("STORAGE_URL", ""))
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 500

# --- Auth -----------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
    "cityhall.accounts.backends.RolePermissionBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "portal:mypage"
LOGOUT_REDIRECT_URL = "portal:home"

ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = 1
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_ADAPTER = "cityhall.accounts.adapters.AccountAdapter"
ACCOUNT_FORMS = {"signup": "cityhall.accounts.forms.SignupForm"}
ACCOUNT_RATE_LIMITS: dict[str, str] | bool = {"login_failed": "10/m/ip,5/5m/key"}
MFA_SUPPORTED_TYPES = ["totp", "webauthn", "recovery_codes"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_TOTP_ISSUER = "cityhall"
MFA_ADAPTER = "cityhall.accounts.adapters.MfaAdapter"
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG

AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 0.25  # hours: 15 minutes
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "cityhall.accounts.throttle.axes_username"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 8
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Base map under the open data point maps: a tile server's {z}/{x}/{y} URL, e.g. 地理院タイル
# https://cyberjapandata.gsi.go.jp/xyz/std/{z}/{x}/{y}.png with MAP_TILES_ATTRIBUTION=地理院タイル.
# Off by default: many municipal networks are closed, and the points then stand on a plain area.
CITYHALL_MAP_TILES_URL = env_str("MAP_TILES_URL", "")
CITYHALL_MAP_TILES_ATTRIBUTION = env_str("MAP_TILES_ATTRIBUTION", "")


def _map_tiles_origin(url: str) -> list[str]:
    """The tile server's origin for the CSP's img-src; the URL must be https and hold {z}, {x}, {y}."""
    if not url:
        return []
    parsed = urlparse(url)
    if parsed.scheme != "https" or not all(part in url for part in ("{z}", "{x}", "{y}")):
        msg = f"MAP_TILES_URL must be an https URL with {{z}}, {{x}} and {{y}} (got {url!r})."
        raise ImproperlyConfigured(msg)
    return [f"https://{parsed.netloc}"]


CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *_map_tiles_origin(CITYHALL_MAP_TILES_URL)],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# --- E-mail ---------------------------------------------------------------
# Mail leaves through the outbox (cityhall.notifications) and a background task,
# which hands it to the real transport below.
EMAIL_BACKEND = "cityhall.notifications.backends.OutboxEmailBackend"
CITYHALL_EMAIL_TRANSPORT = env_str("EMAIL_TRANSPORT", "django.core.mail.backends.smtp.EmailBackend")

# The city's LINE official account (Messaging API channel). Without a token LINE deliveries fail
# with a message saying so; LINE_API_BASE points tests at a local server speaking LINE's API.
CITYHALL_LINE_CHANNEL_ACCESS_TOKEN = env_str("LINE_CHANNEL_ACCESS_TOKEN", "")
CITYHALL_LINE_CHANNEL_SECRET = env_str("LINE_CHANNEL_SECRET", "")
CITYHALL_LINE_API_BASE = env_str("LINE_API_BASE", "https://api.line.me").rstrip("/")
EMAIL_HOST = env_str("EMAIL_HOST", "127.0.0.1")
EMAIL_PORT = env_int("EMAIL_PORT", 1025)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 15
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "電子市役所 <noreply@localhost>")

# --- I18N -----------------------------------------------------------------
LANGUAGE_CODE = "ja"
FORMAT_MODULE_PATH = ["config.formats"]  # the house date formats
LANGUAGES = [("ja", _("日本語")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Tokyo"
USE_I18N = True
USE_TZ = True

# --- Logging --------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"forbidden_without_traceback": {"()": "cityhall.core.request_logging.ForbiddenWithoutTraceback"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        "mail.log": {"level": "WARNING"},  # aiosmtpd, the demo mail catcher: one line per SMTP command
        "django.request": {"filters": ["forbidden_without_traceback"]},
    },
}

# --- cityhall ---------------------------------------------------------------
CITYHALL_SITE_NAME = env_str("CITYHALL_SITE_NAME", "")
# Absolute address of this installation, for links in e-mails sent outside a request.
CITYHALL_BASE_URL = env_str("CITYHALL_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
CITYHALL_FORM_MAX_CHARS = env_int("CITYHALL_FORM_MAX_CHARS", 2000)
CITYHALL_MAIL_CATCHER = False  # the demo mail catcher (see config/settings/dev.py)
CITYHALL_WEB_WORKERS = env_int("WEB_CONCURRENCY", 0)  # web processes of `serve`; 0: one per core
CITYHALL_WEB_THREADS = env_int("CITYHALL_WEB_THREADS", 8)  # Django threads per web process

# --- Backups (manage.py backup / restore; docs/operations.md) ---------------
CITYHALL_BACKUP_DIR = Path(env_str("CITYHALL_BACKUP_DIR", str(VAR_DIR / "backups")))
CITYHALL_BACKUP_KEEP = env_int("CITYHALL_BACKUP_KEEP", 14)  # nightly: two weeks
CITYHALL_BACKUP_NIGHTLY = env_bool("CITYHALL_BACKUP_NIGHTLY", True)
SERIALIZATION_MODULES = {"backupjson": "cityhall.core.backup"}  # fixtures that keep microseconds
