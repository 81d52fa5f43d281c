"""Seed categories and channel rules, grant the roles, and move the portal's notices and emergency
switch from procedures (one notion of お知らせ). Nothing is dropped: every notice keeps its title,
body, window and author; the emergency switch keeps its state and message."""

from typing import Any

from django.db import migrations

from cityhall.announcements.seed import seed

GRANTS = {
    "department_clerk": ["announcements"],
    "section_chief": ["announcements", "announcements_approve"],
    "ict_policy": ["announcements", "announcements_approve", "announcements_emergency", "announcements_admin"],
    "crisis_management": ["announcements", "announcements_emergency"],
}
MOVED_REASON = "以前のポータルで掲載したお知らせ（ホームページのみ）"


def seed_and_grant(apps: Any, schema_editor: Any) -> None:
    """Categories, channel rules (only into an empty table) and role grants; idempotent."""
    Category = apps.get_model("announcements", "Category")
    ChannelRule = apps.get_model("announcements", "ChannelRule")
    Role = apps.get_model("accounts", "Role")
    data = seed()
    by_key = {}
    for order, category in enumerate(data.categories, start=1):
        by_key[category.key], _ = Category.objects.get_or_create(
            key=category.key, defaults={"name": category.name, "order": order * 10}
        )
    for order, rule in enumerate(data.channel_rules if not ChannelRule.objects.exists() else [], start=1):
        ChannelRule.objects.create(
            order=order * 10,
            urgency=rule.urgency,
            category=by_key.get(rule.category),
            channels=rule.channels,
            note=rule.note,
        )
    Role.objects.get_or_create(
        code="crisis_management",
        defaults={
            "name": "危機管理担当",
            "description": "緊急情報の発信（承認の省略）と緊急モードの切り替え",
            "modules": [],
            "is_builtin": True,
        },
    )
    for code, modules in GRANTS.items():
        for role in Role.objects.filter(code=code):
            role.modules = sorted(set(role.modules) | set(modules))
            role.save(update_fields=["modules"])


def move_portal_notices(apps: Any, schema_editor: Any) -> None:
    Category = apps.get_model("announcements", "Category")
    Notice = apps.get_model("announcements", "Notice")
    EmergencyState = apps.get_model("announcements", "EmergencyState")
    by_key = {c.key: c for c in Category.objects.all()}
    OldNotice = apps.get_model("procedures", "Notice")
    for old in OldNotice.objects.select_related("created_by").order_by("id"):
        emergency = old.level == "emergency"
        Notice.objects.create(
            title=old.title,
            body=old.body,
            category=by_key["bousai" if emergency else "gyousei"],
            urgency="emergency" if emergency else "normal",
            publish_at=old.published_at,
            expires_at=old.expires_at,
            channels=["web"],
            channels_reason=MOVED_REASON,
            status="approved",
            department_id=old.created_by.department_id,
            created_by_id=old.created_by_id,
            created_at=old.published_at,
            submitted_at=old.published_at,
            decided_by_id=old.created_by_id,
            decided_at=old.published_at,
        )
    PortalState = apps.get_model("procedures", "PortalState")
    state = PortalState.objects.filter(pk=1).first()
    if state is not None:
        EmergencyState.objects.update_or_create(
            pk=1,
            defaults={"on": state.emergency_mode, "message": state.emergency_message, "changed_at": state.changed_at},
        )


def move_back(apps: Any, schema_editor: Any) -> None:
    """Put the notices and the switch back where procedures kept them."""
    Notice = apps.get_model("announcements", "Notice")
    EmergencyState = apps.get_model("announcements", "EmergencyState")
    OldNotice = apps.get_model("procedures", "Notice")
    PortalState = apps.get_model("procedures", "PortalState")
    for notice in Notice.objects.filter(status__in=["approved", "withdrawn"]).order_by("id"):
        OldNotice.objects.create(
            level="emergency" if notice.urgency == "emergency" else "news",
            title=notice.title,
            body=notice.body,
            published_at=notice.publish_at,
            expires_at=notice.expires_at,
            created_by_id=notice.created_by_id,
        )
    state = EmergencyState.objects.filter(pk=1).first()
    if state is not None:
        portal, _ = PortalState.objects.get_or_create(pk=1)
        portal.emergency_mode, portal.emergency_message = state.on, state.message
        portal.save(update_fields=["emergency_mode", "emergency_message"])


def revoke(apps: Any, schema_editor: Any) -> None:
    Role = apps.get_model("accounts", "Role")
    for code, modules in GRANTS.items():
        for role in Role.objects.filter(code=code):
            role.modules = [m for m in role.modules if m not in modules]
            role.save(update_fields=["modules"])


class Migration(migrations.Migration):
    dependencies = [
        ("announcements", "0001_initial"),
        ("accounts", "0003_builtin_roles"),
        ("procedures", "0005_department_page_hours_as_times"),
        ("procedures", "0002_roles"),
    ]

    operations = [
        migrations.RunPython(seed_and_grant, revoke),
        migrations.RunPython(move_portal_notices, move_back),
    ]
