"""Settings for the test suite: fast hashing, immediate tasks unless a test asks otherwise."""

from .base import *  # noqa: F403

DEBUG = False
CITYHALL_DEMO = True
SECRET_KEY = "test-secret-key-not-for-production-0123456789abcdefghijklmnopqrstuvwxyz"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CITYHALL_EMAIL_TRANSPORT = "django.core.mail.backends.locmem.EmailBackend"
ACCOUNT_RATE_LIMITS = False
CITYHALL_BACKUP_NIGHTLY = False  # the backup tests make their own, in a temporary folder
AXES_FAILURE_LIMIT = 5
# Serve static files straight from the app and static/ directories (no collectstatic in tests).
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True  # the live server for browser tests is http://localhost
