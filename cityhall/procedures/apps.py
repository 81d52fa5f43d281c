from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProceduresConfig(AppConfig):
    name = "cityhall.procedures"
    label = "procedures"
    verbose_name = _("手続き案内")

    def ready(self) -> None:
        import datetime as dt

        from cityhall.core.audit_display import register_actions, register_object_types
        from cityhall.core.demo import register_loader
        from cityhall.core.modules import ConsoleModule, register
        from cityhall.core.periodic import register as register_periodic
        from cityhall.procedures import audit_display, demo, services
        from cityhall.procedures.permissions import PROCEDURES, PROCEDURES_ADMIN, PROCEDURES_APPROVE

        register_loader("procedures", demo.load, order=30)
        register_periodic("procedures.publish_due", services.publish_due, every=dt.timedelta(minutes=1))
        register(
            ConsoleModule(
                PROCEDURES,
                _("手続き案内の編集"),
                "console:procedures:list",
                _("所属課の手続きページの作成・更新・様式の掲載"),
                order=200,
            )
        )
        register(
            ConsoleModule(
                PROCEDURES_APPROVE,
                _("手続き案内の承認"),
                "console:procedures:review",
                _("所属課の手続きページの承認（課長）"),
                order=201,
            )
        )
        register(
            ConsoleModule(
                PROCEDURES_ADMIN,
                _("ポータル管理"),
                "console:procedures:gaps",
                _("オンライン化の状況、同義語、ライフイベント"),
                order=202,
            )
        )
        register_actions(audit_display.ACTIONS)
        register_object_types(audit_display.OBJECT_TYPES)
