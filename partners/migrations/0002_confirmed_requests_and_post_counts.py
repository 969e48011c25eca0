"""A request goes to the embassy once its writer confirmed it: those received before were
published or withdrawn as they were, so they count as confirmed when they came. The board's
post counters move from the cache to the database."""

import partners.models
from django.db import migrations, models
from django.db.models import F


def confirm_earlier_requests(apps, schema_editor):
    PartnerRequest = apps.get_model("partners", "PartnerRequest")
    PartnerRequest.objects.using(schema_editor.connection.alias).update(
        confirmed_at=F("created_at")
    )


class Migration(migrations.Migration):

    dependencies = [
        ('partners', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='BoardPostCount',
            fields=[
                ('key', models.CharField(max_length=80, primary_key=True, serialize=False)),
                ('posts', models.PositiveIntegerField(default=0)),
            ],
        ),
        migrations.AddField(
            model_name='partnerrequest',
            name='confirmed_at',
            field=models.DateTimeField(editable=False, null=True, verbose_name='confirmed by its writer'),
        ),
        migrations.RunPython(confirm_earlier_requests, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='partnerrequest',
            name='contact_email',
            field=models.EmailField(blank=True, max_length=254, validators=[partners.models.validate_plain_email], verbose_name='contact e-mail'),
        ),
    ]
