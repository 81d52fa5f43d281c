"""The notices and the emergency switch now live in announcements, which copied them first."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("procedures", "0005_department_page_hours_as_times"),
        ("announcements", "0002_seed_and_move_portal_notices"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="portalstate",
            name="emergency_message",
        ),
        migrations.RemoveField(
            model_name="portalstate",
            name="emergency_mode",
        ),
        migrations.RemoveField(  # when the switch last changed: announcements.EmergencyState has it now
            model_name="portalstate",
            name="changed_at",
        ),
        migrations.DeleteModel(
            name="Notice",
        ),
    ]
