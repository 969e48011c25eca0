"""
The regional cooperation page's own model (its text moves here from the site's pages in the
next migration), the coat of arms' width and height (read from the files already uploaded, so
that their renditions can be named), and rich-text fields that sanitize on save.
"""

import django.utils.timezone
import editorial.rich_text
import photos.fields
from django.core.files.images import get_image_dimensions
from django.core.files.storage import default_storage
from django.db import migrations, models


def read_coat_of_arms_sizes(apps, schema_editor):
    Region = apps.get_model("cooperation", "Region")
    for region in Region.objects.exclude(coat_of_arms=""):
        try:
            with default_storage.open(region.coat_of_arms.name, "rb") as stream:
                width, height = get_image_dimensions(stream)
        except OSError:
            continue  # A missing file: the region shows no coat of arms until it is uploaded.
        Region.objects.filter(pk=region.pk).update(
            coat_of_arms_width=width, coat_of_arms_height=height
        )


class Migration(migrations.Migration):

    dependencies = [
        ('cooperation', '0003_publish_permission_and_rich_text_visit_body'),
    ]

    operations = [
        migrations.CreateModel(
            name='OverviewPage',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('status', models.CharField(choices=[('draft', 'draft'), ('published', 'published')], default='draft', help_text='Drafts are visible to staff only.', max_length=10, verbose_name='status')),
                ('publish_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now, help_text='A published entry appears on the site from this moment on.', verbose_name='publish at')),
                ('title', models.CharField(max_length=200, verbose_name='title')),
                ('title_bg', models.CharField(max_length=200, null=True, verbose_name='title')),
                ('title_ru', models.CharField(max_length=200, null=True, verbose_name='title')),
                ('title_be', models.CharField(max_length=200, null=True, verbose_name='title')),
                ('title_en', models.CharField(max_length=200, null=True, verbose_name='title')),
                ('body', editorial.rich_text.RichTextField(blank=True, help_text='Headings, paragraphs, lists, links, bold and italic. Anything else is removed.', verbose_name='body')),
                ('body_bg', editorial.rich_text.RichTextField(blank=True, help_text='Headings, paragraphs, lists, links, bold and italic. Anything else is removed.', null=True, verbose_name='body')),
                ('body_ru', editorial.rich_text.RichTextField(blank=True, help_text='Headings, paragraphs, lists, links, bold and italic. Anything else is removed.', null=True, verbose_name='body')),
                ('body_be', editorial.rich_text.RichTextField(blank=True, help_text='Headings, paragraphs, lists, links, bold and italic. Anything else is removed.', null=True, verbose_name='body')),
                ('body_en', editorial.rich_text.RichTextField(blank=True, help_text='Headings, paragraphs, lists, links, bold and italic. Anything else is removed.', null=True, verbose_name='body')),
                ('list_order', models.CharField(choices=[('oldest', 'oldest first'), ('newest', 'newest first')], default='oldest', help_text="The order of the years in the page's list of agreements.", max_length=10, verbose_name='order of the agreements')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
            ],
            options={
                'verbose_name': 'regional cooperation page',
                'verbose_name_plural': 'regional cooperation page',
                'permissions': [('publish_overviewpage', 'Can publish and withdraw the regional cooperation page')],
            },
        ),
        migrations.AddField(
            model_name='region',
            name='coat_of_arms_height',
            field=models.PositiveIntegerField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name='region',
            name='coat_of_arms_width',
            field=models.PositiveIntegerField(editable=False, null=True),
        ),
        migrations.AlterField(
            model_name='region',
            name='coat_of_arms',
            field=photos.fields.PhotoField(blank=True, height_field='coat_of_arms_height', help_text='A JPEG, PNG or WebP image; SVG files are not accepted.', upload_to='regions/arms/', verbose_name='coat of arms', width_field='coat_of_arms_width'),
        ),
        migrations.RunPython(read_coat_of_arms_sizes, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='visit',
            name='body',
            field=editorial.rich_text.RichTextField(blank=True, help_text='Headings, paragraphs, lists, links, bold and italic. Anything else is removed.', verbose_name='text'),
        ),
        migrations.AlterField(
            model_name='visit',
            name='body_be',
            field=editorial.rich_text.RichTextField(blank=True, help_text='Headings, paragraphs, lists, links, bold and italic. Anything else is removed.', null=True, verbose_name='text'),
        ),
        migrations.AlterField(
            model_name='visit',
            name='body_bg',
            field=editorial.rich_text.RichTextField(blank=True, help_text='Headings, paragraphs, lists, links, bold and italic. Anything else is removed.', null=True, verbose_name='text'),
        ),
        migrations.AlterField(
            model_name='visit',
            name='body_en',
            field=editorial.rich_text.RichTextField(blank=True, help_text='Headings, paragraphs, lists, links, bold and italic. Anything else is removed.', null=True, verbose_name='text'),
        ),
        migrations.AlterField(
            model_name='visit',
            name='body_ru',
            field=editorial.rich_text.RichTextField(blank=True, help_text='Headings, paragraphs, lists, links, bold and italic. Anything else is removed.', null=True, verbose_name='text'),
        ),
    ]
