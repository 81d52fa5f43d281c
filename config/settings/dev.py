"""Local development and the embedded demo run by README's run command."""

from config.env import env_bool

from .base import *  # noqa: F403

DEBUG = env_bool("DEBUG", True)
DEFAULT_FROM_EMAIL = "大田原市 電子市役所（デモ） <noreply@demo.ohtawara.example.jp>"
CITYHALL_DEMO = env_bool("CITYHALL_DEMO", True)
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True
