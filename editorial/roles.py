"""The two staff roles, as groups: an Editor writes drafts; a Publisher also publishes, withdraws
and deletes. Each app grants its models' permissions in a data migration with grant_to_roles()."""

from django.apps import apps as global_apps
from django.contrib.auth import get_permission_codename
from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR = "Editor"
PUBLISHER = "Publisher"


def may(user, action, model):
    """Whether `user` has the permission to `action` ("view", "publish", ...) `model`'s entries."""
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.{get_permission_codename(action, opts)}")


def grant_to_roles(app_label, codenames_by_role):
    """A migration operation giving the roles these permissions; a Publisher gets an Editor's."""
    grants = {
        EDITOR: list(codenames_by_role.get(EDITOR, [])),
        PUBLISHER: [*codenames_by_role.get(EDITOR, []), *codenames_by_role.get(PUBLISHER, [])],
    }

    def permissions_of(apps, using, codenames):
        return (
            apps.get_model("auth", "Permission")
            .objects.using(using)
            .filter(content_type__app_label=app_label, codename__in=codenames)
        )

    def grant(apps, schema_editor):
        using = schema_editor.connection.alias
        # On a new database the permissions are created only after all migrations.
        create_permissions(
            global_apps.get_app_config(app_label), verbosity=0, apps=apps, using=using
        )
        Group = apps.get_model("auth", "Group")
        for role, codenames in grants.items():
            group, _created = Group.objects.using(using).get_or_create(name=role)
            permissions = permissions_of(apps, using, codenames)
            missing = set(codenames) - {permission.codename for permission in permissions}
            if missing:
                raise RuntimeError(f"Permissions not found: {sorted(missing)}")
            group.permissions.add(*permissions)

    def revoke(apps, schema_editor):
        using = schema_editor.connection.alias
        Group = apps.get_model("auth", "Group")
        for role, codenames in grants.items():
            for group in Group.objects.using(using).filter(name=role):
                group.permissions.remove(*permissions_of(apps, using, codenames))
                if not group.permissions.exists():
                    group.delete()

    return migrations.RunPython(grant, revoke)
