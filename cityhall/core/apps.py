from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "cityhall.core"
    label = "core"
    verbose_name = _("基盤")

    def ready(self) -> None:
        import datetime as dt

        from cityhall.core import uploads
        from cityhall.core.periodic import register

        register("core.sweep_stored_files", uploads.stored_file_sweep, every=dt.timedelta(hours=1))
