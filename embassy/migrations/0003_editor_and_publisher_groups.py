"""
The two staff roles as groups: an Editor writes drafts and uploads photos; a Publisher also
publishes, deletes, and manages regions, agreements and the mission links.

Permissions are normally created by the post_migrate signal, after every migration has run; on a
fresh database they do not exist yet when this migration runs, so it creates them first.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR = {
    "cooperation": [
        "view_region",
        "view_twinningagreement",
        "add_visit",
        "change_visit",
        "view_visit",
        "add_visitregion",
        "change_visitregion",
        "delete_visitregion",
        "view_visitregion",
        "add_newsphoto",
        "change_newsphoto",
        "view_newsphoto",
        "add_newsphotoregion",
        "change_newsphotoregion",
        "delete_newsphotoregion",
        "view_newsphotoregion",
    ],
    "embassy": ["add_page", "change_page", "view_page", "view_missionlink"],
}

PUBLISHER = {
    "cooperation": EDITOR["cooperation"]
    + [
        "publish_visit",
        "delete_visit",
        "publish_newsphoto",
        "delete_newsphoto",
        "add_region",
        "change_region",
        "delete_region",
        "add_twinningagreement",
        "change_twinningagreement",
        "delete_twinningagreement",
    ],
    "embassy": EDITOR["embassy"]
    + [
        "publish_page",
        "delete_page",
        "add_missionlink",
        "change_missionlink",
        "delete_missionlink",
    ],
}

ROLES = {"Editor": EDITOR, "Publisher": PUBLISHER}


def create_roles(apps, schema_editor):
    using = schema_editor.connection.alias
    for app_label in ("cooperation", "embassy"):
        create_permissions(
            global_apps.get_app_config(app_label), verbosity=0, apps=apps, using=using
        )
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames_by_app in ROLES.items():
        group, _created = Group.objects.using(using).get_or_create(name=name)
        for app_label, codenames in codenames_by_app.items():
            permissions = Permission.objects.using(using).filter(
                content_type__app_label=app_label, codename__in=codenames
            )
            if len(permissions) != len(codenames):
                missing = set(codenames) - {p.codename for p in permissions}
                raise RuntimeError(f"Permissions not found: {sorted(missing)}")
            group.permissions.add(*permissions)


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.using(schema_editor.connection.alias).filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("cooperation", "0003_publish_permission_and_rich_text_visit_body"),
        ("embassy", "0002_publish_permission"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
