from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpendataConfig(AppConfig):
    name = "cityhall.opendata"
    label = "opendata"
    verbose_name = _("オープンデータ")

    def ready(self) -> None:
        import datetime as dt

        from cityhall.core.audit_display import register_actions, register_object_types
        from cityhall.core.background import register_task
        from cityhall.core.demo import register_loader
        from cityhall.core.modules import ConsoleModule, register
        from cityhall.core.periodic import register as register_periodic
        from cityhall.opendata import audit_display, services, tasks
        from cityhall.opendata.demo import loader as demo_loader
        from cityhall.opendata.permissions import OPENDATA, OPENDATA_ADMIN

        register_loader("opendata", demo_loader.load, order=40)
        register_task("opendata.validate_upload", tasks.validate_upload)
        register_task("opendata.publish_upload", tasks.publish_upload)
        register_periodic("opendata.resume_stuck", services.resume_stuck, every=dt.timedelta(minutes=1))
        register(
            ConsoleModule(
                OPENDATA,
                _("オープンデータ"),
                "console:opendata:list",
                _("所属課のデータセットの登録・検査・公開"),
                order=300,
            )
        )
        register(
            ConsoleModule(
                OPENDATA_ADMIN,
                _("オープンデータ管理"),
                "console:opendata:usage",
                _("全データセット、データセット定義、公開リクエスト、利用状況"),
                order=301,
            )
        )
        register_actions(audit_display.ACTIONS)
        register_object_types(audit_display.OBJECT_TYPES)
