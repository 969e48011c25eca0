"""The page body is rich text, sanitized on save; the list order moved to the section's page."""

import editorial.rich_text
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('embassy', '0003_editor_and_publisher_groups'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='page',
            name='list_order',
        ),
        migrations.AlterField(
            model_name='page',
            name='body',
            field=editorial.rich_text.RichTextField(blank=True, help_text='Headings, paragraphs, lists, links, bold and italic. Anything else is removed.', verbose_name='body'),
        ),
        migrations.AlterField(
            model_name='page',
            name='body_be',
            field=editorial.rich_text.RichTextField(blank=True, help_text='Headings, paragraphs, lists, links, bold and italic. Anything else is removed.', null=True, verbose_name='body'),
        ),
        migrations.AlterField(
            model_name='page',
            name='body_bg',
            field=editorial.rich_text.RichTextField(blank=True, help_text='Headings, paragraphs, lists, links, bold and italic. Anything else is removed.', null=True, verbose_name='body'),
        ),
        migrations.AlterField(
            model_name='page',
            name='body_en',
            field=editorial.rich_text.RichTextField(blank=True, help_text='Headings, paragraphs, lists, links, bold and italic. Anything else is removed.', null=True, verbose_name='body'),
        ),
        migrations.AlterField(
            model_name='page',
            name='body_ru',
            field=editorial.rich_text.RichTextField(blank=True, help_text='Headings, paragraphs, lists, links, bold and italic. Anything else is removed.', null=True, verbose_name='body'),
        ),
    ]
