from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "cityhall.plans"
    label = "plans"
    verbose_name = _("ICT推進計画")

    def ready(self) -> None:
        from cityhall.core.audit_display import register_actions, register_object_types
        from cityhall.core.demo import register_loader
        from cityhall.core.modules import ConsoleModule, register
        from cityhall.plans import audit_display, demo
        from cityhall.plans.permissions import PLANS, PLANS_ADMIN

        register_loader("plans", demo.load, order=20)
        register(
            ConsoleModule(
                PLANS,
                _("ICT推進計画"),
                "console:plans:overview",
                _("取組項目と実施スケジュール、所属課の進捗報告"),
                order=100,
            )
        )
        register(
            ConsoleModule(
                PLANS_ADMIN,
                _("計画の推進管理"),
                "console:plans:dashboard",
                _("優先度評価、年次計画、PDCA評価、会議資料（情報政策課）"),
                order=101,
            )
        )
        register_actions(audit_display.ACTIONS)
        register_object_types(audit_display.OBJECT_TYPES)
