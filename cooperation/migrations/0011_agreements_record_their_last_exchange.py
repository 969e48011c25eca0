"""Each agreement records its last exchange (cooperation.activity), worked out here for the
agreements already stored."""

from django.db import migrations, models
from django.utils import timezone

from cooperation.models.exchanges import next_scheduled_exchange, worked_out_last_exchange


def record_every_last_exchange(apps, schema_editor):
    """What `manage.py refresh_activity` does, with the models as they are at this migration."""
    now = timezone.now()
    apps.get_model("cooperation", "TwinningAgreement").objects.update(
        recorded_last_exchange=worked_out_last_exchange(now, apps),
        recorded_until=next_scheduled_exchange(now, apps),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("cooperation", "0010_partner_request_roles"),
    ]

    operations = [
        migrations.AddField(
            model_name="twinningagreement",
            name="recorded_last_exchange",
            field=models.DateField(
                db_index=True,
                editable=False,
                null=True,
                verbose_name="last exchange (as recorded)",
            ),
        ),
        migrations.AddField(
            model_name="twinningagreement",
            name="recorded_until",
            field=models.DateTimeField(
                db_index=True,
                editable=False,
                help_text=(
                    "When the first visit or news photo of the pair scheduled for later comes "
                    "out; from then on the recorded last exchange may be behind."
                ),
                null=True,
                verbose_name="last exchange recorded until",
            ),
        ),
        migrations.RunPython(record_every_last_exchange, migrations.RunPython.noop),
    ]
