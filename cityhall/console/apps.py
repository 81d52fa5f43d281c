from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsoleConfig(AppConfig):
    name = "cityhall.console"
    label = "console"
    verbose_name = _("職員コンソール")

    def ready(self) -> None:
        from cityhall.core.modules import ConsoleModule, register
        from cityhall.core.permissions import AUDIT

        register(
            ConsoleModule(AUDIT, _("監査ログ"), "console:audit_list", _("職員による変更の記録と改ざん検査"), order=910)
        )
