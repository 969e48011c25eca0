"""The partner search board is the app `partners` now, with the same table: its model leaves
this app's state only. The link from an agreement to its request is the request's (moved there
by partners' first migration, which runs before this one)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("cooperation", "0011_agreements_record_their_last_exchange"),
    ]

    operations = [
        migrations.RemoveField(model_name="twinningagreement", name="origin"),
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="PartnerRequest")]
        ),
    ]
