from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "cityhall.accounts"
    label = "accounts"
    verbose_name = _("アカウント・職員")

    def ready(self) -> None:
        from cityhall.accounts import audit_display, demo
        from cityhall.core.audit_display import register_actions, register_object_types
        from cityhall.core.demo import register_loader
        from cityhall.core.modules import ConsoleModule, register
        from cityhall.core.permissions import API_TOKENS, ORGANISATION

        register_loader("accounts", demo.load, order=10)
        register(
            ConsoleModule(
                ORGANISATION, _("組織・職員管理"), "console:org:home", _("部・課、職員、役割、委員会の管理"), order=900
            )
        )
        register(
            ConsoleModule(
                API_TOKENS,
                _("APIトークン"),
                "console:org:token_list",
                _("外部システム連携用トークンの発行と失効"),
                order=920,
            )
        )
        register_actions(audit_display.ACTIONS)
        register_object_types(audit_display.OBJECT_TYPES)
