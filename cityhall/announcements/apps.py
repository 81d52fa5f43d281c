from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnnouncementsConfig(AppConfig):
    name = "cityhall.announcements"
    label = "announcements"
    verbose_name = _("お知らせ")

    def ready(self) -> None:
        import datetime as dt

        from cityhall.announcements import audit_display, demo, tasks
        from cityhall.announcements.permissions import (
            ANNOUNCEMENTS,
            ANNOUNCEMENTS_ADMIN,
            ANNOUNCEMENTS_APPROVE,
            ANNOUNCEMENTS_EMERGENCY,
        )
        from cityhall.announcements.services import notices_deliver_due
        from cityhall.announcements.services.delivery import DELIVER
        from cityhall.core.audit_display import register_actions, register_object_types
        from cityhall.core.background import register_task
        from cityhall.core.demo import register_loader
        from cityhall.core.modules import ConsoleModule
        from cityhall.core.modules import register as register_module
        from cityhall.core.periodic import register

        register_loader("announcements", demo.load, order=40)
        register_task(DELIVER, tasks.deliver_notice)
        register("announcements.deliver_due", notices_deliver_due, every=dt.timedelta(minutes=1))
        register_actions(audit_display.ACTIONS)
        register_object_types(audit_display.OBJECT_TYPES)
        register_module(
            ConsoleModule(
                ANNOUNCEMENTS,
                _("お知らせ"),
                "console:announcements:notices",
                _("所属課のお知らせの作成・承認申請"),
                order=150,
            )
        )
        register_module(
            ConsoleModule(
                ANNOUNCEMENTS_APPROVE,
                _("お知らせの承認"),
                "console:announcements:notices",
                _("所属課のお知らせの承認・差し戻し・掲載終了（課長）"),
                order=151,
            )
        )
        register_module(
            ConsoleModule(
                ANNOUNCEMENTS_EMERGENCY,
                _("緊急情報の発信"),
                "console:announcements:emergency",
                _("承認を省略した緊急情報の発信と緊急モードの切り替え"),
                order=152,
            )
        )
        register_module(
            ConsoleModule(
                ANNOUNCEMENTS_ADMIN,
                _("お知らせの運用"),
                "console:announcements:rules",
                _("すべての課のお知らせと媒体の選択基準"),
                order=153,
            )
        )
