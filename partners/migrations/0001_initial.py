"""
The partner search board moves from `cooperation` to this app with its table (which keeps its
name), its rows, its permissions (the content type changes app) and its revision history. The
link from an agreement to the request it began with moves to the request: `agreements`.
"""

import cooperation.countries
import django.db.models.deletion
import django.utils.timezone
import partners.models
from django.db import migrations, models
from django.db.models import Value
from django.db.models.functions import Replace


def move_content_type(old_label, new_label):
    def move(apps, schema_editor):
        using = schema_editor.connection.alias
        ContentType = apps.get_model("contenttypes", "ContentType")
        Version = apps.get_model("reversion", "Version")
        types = ContentType.objects.using(using).filter(model="partnerrequest")
        old = types.filter(app_label=old_label).first()
        if old is None:
            return
        # One made for the model before its migrations ran holds nothing: the old one stays.
        types.filter(app_label=new_label).delete()
        types.filter(pk=old.pk).update(app_label=new_label)
        Version.objects.using(using).filter(content_type=old).update(
            serialized_data=Replace(
                "serialized_data",
                Value(f'"model": "{old_label}.partnerrequest"'),
                Value(f'"model": "{new_label}.partnerrequest"'),
            )
        )

    return move


def link_requests_to_their_agreements(apps, schema_editor):
    using = schema_editor.connection.alias
    Agreement = apps.get_model("cooperation", "TwinningAgreement")
    Link = apps.get_model("partners", "PartnerRequest").agreements.through
    origins = Agreement.objects.using(using).exclude(origin=None).values_list("pk", "origin")
    Link.objects.using(using).bulk_create(
        Link(twinningagreement_id=agreement, partnerrequest_id=request)
        for agreement, request in origins
    )


def link_agreements_to_their_requests(apps, schema_editor):
    using = schema_editor.connection.alias
    Agreement = apps.get_model("cooperation", "TwinningAgreement")
    Link = apps.get_model("partners", "PartnerRequest").agreements.through
    for link in Link.objects.using(using).order_by("partnerrequest_id"):
        Agreement.objects.using(using).filter(pk=link.twinningagreement_id).update(
            origin=link.partnerrequest_id
        )


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
        ("cooperation", "0011_agreements_record_their_last_exchange"),
    ]
    # cooperation's next migration removes what this one moves.
    run_before = [("cooperation", "0012_partner_board_moved_to_partners")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='PartnerRequest',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('status', models.CharField(choices=[('draft', 'draft'), ('published', 'published')], default='draft', help_text='Drafts are visible to staff only.', max_length=10, verbose_name='status')),
                        ('publish_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now, help_text='A published entry appears on the site from this moment on.', verbose_name='publish at')),
                        ('country', models.CharField(choices=cooperation.countries.country_choices, max_length=2, verbose_name='country')),
                        ('region_name', models.CharField(blank=True, help_text="The writer's own name for a region missing from the list.", max_length=150, verbose_name='region, as written in')),
                        ('interests', partners.models.InterestsField(max_length=200, verbose_name='fields of interest')),
                        ('description', models.TextField(help_text="In the writer's own words and language.", max_length=2000, verbose_name='description')),
                        ('language', models.CharField(choices=partners.models.language_choices, max_length=10, verbose_name='language of the description')),
                        ('summary', models.TextField(blank=True, help_text="Optional: the request in a few lines, shown above the writer's own words.", verbose_name="the embassy's summary")),
                        ('summary_bg', models.TextField(blank=True, help_text="Optional: the request in a few lines, shown above the writer's own words.", null=True, verbose_name="the embassy's summary")),
                        ('summary_ru', models.TextField(blank=True, help_text="Optional: the request in a few lines, shown above the writer's own words.", null=True, verbose_name="the embassy's summary")),
                        ('summary_be', models.TextField(blank=True, help_text="Optional: the request in a few lines, shown above the writer's own words.", null=True, verbose_name="the embassy's summary")),
                        ('summary_en', models.TextField(blank=True, help_text="Optional: the request in a few lines, shown above the writer's own words.", null=True, verbose_name="the embassy's summary")),
                        ('contact_name', models.CharField(blank=True, max_length=150, verbose_name='contact name')),
                        ('contact_email', models.EmailField(blank=True, max_length=254, verbose_name='contact e-mail')),
                        ('consent', models.BooleanField(default=False, help_text='Given by the writer when posting the request.', verbose_name='consent to keeping the contact details')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, editable=False, verbose_name='received')),
                        ('closed_at', models.DateTimeField(blank=True, help_text='A closed request leaves the board; its contact details are deleted some months later.', null=True, verbose_name='closed')),
                        ('closed_reason', models.CharField(blank=True, choices=[('partner_found', 'a partner was found'), ('withdrawn', 'withdrawn by its writer'), ('other', 'closed by the embassy')], max_length=20, verbose_name='why it was closed')),
                        ('contacts_deleted_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='contact details deleted')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                        ('region', models.ForeignKey(blank=True, limit_choices_to={'kind__in': ['oblast', 'district', 'municipality']}, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='partner_requests', to='cooperation.region', verbose_name='region')),
                    ],
                    options={
                        'verbose_name': 'partner request',
                        'verbose_name_plural': 'partner requests',
                        'db_table': 'cooperation_partnerrequest',
                        'ordering': [models.OrderBy(models.F('closed_at'), nulls_first=True), '-created_at', 'pk'],
                        'permissions': [('publish_partnerrequest', 'Can publish and withdraw partner requests')],
                    },
                ),
            ]
        ),
        migrations.AddField(
            model_name="partnerrequest",
            name="agreements",
            field=models.ManyToManyField(blank=True, related_name='partner_requests', to='cooperation.twinningagreement', verbose_name='Agreements that began with it'),
        ),
        migrations.RunPython(link_requests_to_their_agreements, link_agreements_to_their_requests),
        migrations.RunPython(
            move_content_type("cooperation", "partners"), move_content_type("partners", "cooperation")
        ),
    ]
