"""
The site search: visits and news photos keep their titles and summaries (captions) in the form
searches compare, and regions' names for search gain their Latin forms ("Габрово" is found from
"Gabrovo"). Existing rows are filled in here; saves keep them up to date from now on.
"""

from django.conf import settings
from django.db import migrations, models

from cooperation.transliteration import search_lines


def texts(entry, fields):
    return [
        (code, getattr(entry, f"{field}_{code}", None))
        for field in fields
        for code, _name in settings.LANGUAGES
    ]


def fill_search_texts(apps, schema_editor):
    Region = apps.get_model("cooperation", "Region")
    regions = list(Region.objects.all())
    for region in regions:
        region.search_names = search_lines(texts(region, ["name"]))
    Region.objects.bulk_update(regions, ["search_names"], batch_size=500)
    for model_name, fields in (("Visit", ["title", "summary"]), ("NewsPhoto", ["title", "caption"])):
        model = apps.get_model("cooperation", model_name)
        entries = list(model.objects.all())
        for entry in entries:
            entry.search_text = search_lines(texts(entry, fields))
        model.objects.bulk_update(entries, ["search_text"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("cooperation", "0006_editor_and_publisher_roles"),
    ]

    operations = [
        migrations.AddField(
            model_name="newsphoto",
            name="search_text",
            field=models.TextField(blank=True, editable=False, verbose_name="text for search"),
        ),
        migrations.AddField(
            model_name="visit",
            name="search_text",
            field=models.TextField(blank=True, editable=False, verbose_name="text for search"),
        ),
        migrations.RunPython(fill_search_texts, migrations.RunPython.noop),
    ]
