"""
The regional cooperation page's text moves from the site's pages (embassy.Page, slug
"regional-cooperation") to the section's own OverviewPage, with its list order, every language,
its revision history and its admin log, so that it can be compared and restored as before.
"""

import json

from django.db import migrations

PAGE_SLUG = "regional-cooperation"


def move_entry(apps, source, target, row):
    """Point the versions and log entries of `source` (a model instance) at `target`."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Version = apps.get_model("reversion", "Version")
    LogEntry = apps.get_model("admin", "LogEntry")
    old_type, _created = ContentType.objects.get_or_create(
        app_label=source._meta.app_label, model=source._meta.model_name
    )
    new_type, _created = ContentType.objects.get_or_create(
        app_label=target._meta.app_label, model=target._meta.model_name
    )
    fields = {field.name for field in target._meta.concrete_fields if not field.primary_key}
    for version in Version.objects.filter(content_type=old_type, object_id=str(source.pk)):
        objects = json.loads(version.serialized_data)
        for serialized in objects:
            serialized["model"] = f"{target._meta.app_label}.{target._meta.model_name}"
            serialized["pk"] = target.pk
            serialized["fields"] = {
                **{key: value for key, value in serialized["fields"].items() if key in fields},
                **row,
            }
        version.serialized_data = json.dumps(objects)
        version.content_type = new_type
        version.object_id = str(target.pk)
        version.save()
    LogEntry.objects.filter(content_type=old_type, object_id=str(source.pk)).update(
        content_type=new_type, object_id=str(target.pk)
    )


def shared_values(source, target_model, **extra):
    names = {field.name for field in target_model._meta.concrete_fields if not field.primary_key}
    values = {
        field.name: getattr(source, field.name)
        for field in source._meta.concrete_fields
        if field.name in names
    }
    return {**values, **extra}


def to_overview_page(apps, schema_editor):
    Page = apps.get_model("embassy", "Page")
    OverviewPage = apps.get_model("cooperation", "OverviewPage")
    page = Page.objects.filter(slug=PAGE_SLUG).first()
    if page is None or OverviewPage.objects.exists():
        return
    overview = OverviewPage.objects.create(**shared_values(page, OverviewPage))
    # auto_now would have set the moment of the move; the page was last changed when it was.
    OverviewPage.objects.filter(pk=overview.pk).update(updated_at=page.updated_at)
    move_entry(apps, page, overview, {})
    page.delete()


def to_page(apps, schema_editor):
    Page = apps.get_model("embassy", "Page")
    OverviewPage = apps.get_model("cooperation", "OverviewPage")
    overview = OverviewPage.objects.first()
    if overview is None or Page.objects.filter(slug=PAGE_SLUG).exists():
        return
    page = Page.objects.create(**shared_values(overview, Page, slug=PAGE_SLUG))
    Page.objects.filter(pk=page.pk).update(updated_at=overview.updated_at)
    move_entry(apps, overview, page, {"slug": PAGE_SLUG})
    overview.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
        ("cooperation", "0004_regional_cooperation_page_and_coat_of_arms_size"),
        ("embassy", "0003_editor_and_publisher_groups"),
    ]
    # The page's list order is still on the site's pages until this migration has read it.
    run_before = [("embassy", "0004_rich_text_body_and_list_order_moved")]

    operations = [migrations.RunPython(to_overview_page, to_page)]
