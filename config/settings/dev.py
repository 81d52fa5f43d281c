"""Local development and the embedded demo run by README's run command.

Django's debug pages only with DEBUG=1: a newcomer gets the Japanese error pages residents see.
"""

import os

from config.env import env_bool

from .base import *  # noqa: F403

DEBUG = env_bool("DEBUG", False)
# No mail relay configured: `serve` runs the demo mail catcher on EMAIL_HOST:EMAIL_PORT, and the
# console's outbox page shows what it caught.
CITYHALL_MAIL_CATCHER = env_bool("MAIL_CATCHER", "EMAIL_HOST" not in os.environ)
DEFAULT_FROM_EMAIL = "大田原市 電子市役所（デモ） <noreply@demo.ohtawara.example.jp>"
CITYHALL_DEMO = env_bool("CITYHALL_DEMO", True)
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True
