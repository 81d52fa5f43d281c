"""Production: everything secure, every secret from the environment."""

from config.env import env_bool, env_int, env_str

from .base import *  # noqa: F403

DEBUG = False
CITYHALL_DEMO = False
SECRET_KEY = env_str("SECRET_KEY")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Load balancers and `serve` health checks ask over plain HTTP on the internal address.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Preload is on by default (check --deploy asks for it); set 0 before the domain is ready for HTTPS-only everywhere.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = False
