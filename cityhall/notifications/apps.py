from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "cityhall.notifications"
    label = "notifications"
    verbose_name = _("通知")

    def ready(self) -> None:
        import datetime as dt

        from cityhall.core.audit_display import register_actions, register_object_types
        from cityhall.core.background import register_task
        from cityhall.core.modules import ConsoleModule
        from cityhall.core.modules import register as register_module
        from cityhall.core.periodic import register
        from cityhall.notifications import audit_display, tasks
        from cityhall.notifications.permissions import OUTBOX
        from cityhall.notifications.services import delivery_retry_stuck, outbound_email_retry_stuck

        register_task("notifications.deliver_email", tasks.deliver_email)
        register_task("notifications.deliver_batch", tasks.deliver_batch)
        register_actions(audit_display.ACTIONS)
        register_object_types(audit_display.OBJECT_TYPES)
        register("notifications.retry_stuck_email", outbound_email_retry_stuck, every=dt.timedelta(minutes=5))
        register("notifications.retry_stuck_deliveries", delivery_retry_stuck, every=dt.timedelta(minutes=1))
        register_module(
            ConsoleModule(
                OUTBOX,
                _("メールの送信状況"),
                "console:notifications:outbox",
                _("市から送ったメールの配信状態と再送"),
                order=900,
            )
        )
