"""
The two staff roles, as groups: an Editor writes drafts and uploads photos; a Publisher also
publishes, withdraws and deletes, and manages the reference data.

Each app grants the permissions of its own models to the roles in a data migration of its own:

    operations = [grant_to_roles("cooperation", {EDITOR: [...], PUBLISHER: [...]})]

A Publisher has every permission of an Editor: list only what the Publisher adds.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR = "Editor"
PUBLISHER = "Publisher"


def grant_to_roles(app_label, codenames_by_role):
    """A migration operation that gives the roles these permissions of `app_label`'s models."""
    grants = {
        EDITOR: list(codenames_by_role.get(EDITOR, [])),
        PUBLISHER: [*codenames_by_role.get(EDITOR, []), *codenames_by_role.get(PUBLISHER, [])],
    }

    def grant(apps, schema_editor):
        using = schema_editor.connection.alias
        # Permissions are normally created after all migrations have run; on a new database
        # they do not exist yet when this one runs, so it creates them first.
        create_permissions(
            global_apps.get_app_config(app_label), verbosity=0, apps=apps, using=using
        )
        Group = apps.get_model("auth", "Group")
        Permission = apps.get_model("auth", "Permission")
        for role, codenames in grants.items():
            group, _created = Group.objects.using(using).get_or_create(name=role)
            permissions = Permission.objects.using(using).filter(
                content_type__app_label=app_label, codename__in=codenames
            )
            missing = set(codenames) - {permission.codename for permission in permissions}
            if missing:
                raise RuntimeError(f"Permissions not found: {sorted(missing)}")
            group.permissions.add(*permissions)

    def revoke(apps, schema_editor):
        using = schema_editor.connection.alias
        Group = apps.get_model("auth", "Group")
        Permission = apps.get_model("auth", "Permission")
        for role, codenames in grants.items():
            group = Group.objects.using(using).filter(name=role).first()
            if group is None:
                continue
            group.permissions.remove(
                *Permission.objects.using(using).filter(
                    content_type__app_label=app_label, codename__in=codenames
                )
            )
            if not group.permissions.exists():
                group.delete()

    return migrations.RunPython(grant, revoke)
