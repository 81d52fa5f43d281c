from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from cityhall.accounts.models import Role, User


@admin.register(User)
class UserAdmin(admin.ModelAdmin[User]):
    """Read-only: staff are managed in the console, where every change is audited."""

    list_display = ("email", "display_name", "is_staff", "is_active", "department")
    list_filter = ("is_staff", "is_active")
    search_fields = ("email", "display_name")
    exclude = ("password",)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin[Role]):
    list_display = ("code", "name", "is_builtin")

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
