from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "cityhall.core"
    label = "core"
    verbose_name = _("基盤")

    def ready(self) -> None:
        import datetime as dt

        from cityhall.core import backup, uploads
        from cityhall.core.audit_display import ObjectType, register_actions, register_object_types
        from cityhall.core.periodic import register

        register("core.sweep_stored_files", uploads.stored_file_sweep, every=dt.timedelta(hours=1))
        # Checked hourly; a backup is made when the newest is older than 20 hours (restarts do not repeat it).
        register("core.backup_nightly", backup.backup_if_due, every=dt.timedelta(hours=1))

        # The 部・課 pages belong to accounts' organisation console, which registers core.department.
        register_actions(
            {
                "municipality.update": _("団体の情報を変更"),
                "department.create": _("部・課を作成"),
                "department.update": _("部・課を変更"),
                "department.activate": _("部・課を有効化"),
                "department.deactivate": _("部・課を無効化"),
                "demo.load": _("デモデータを読み込み"),
            }
        )
        register_object_types(
            {
                "demo": ObjectType(_("デモデータ")),
                "core.auditchainhead": ObjectType(_("監査ログの先頭")),
                "core.storedfile": ObjectType(_("登録ファイル")),
                "core.edgecachestate": ObjectType(_("公開ページのキャッシュ")),
            }
        )
