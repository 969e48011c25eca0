"""The Editor and Publisher roles' permissions on the site-wide pages and mission links."""

from django.db import migrations

from editorial.roles import EDITOR, PUBLISHER, grant_to_roles


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("embassy", "0002_publish_permission"),
    ]

    operations = [
        grant_to_roles(
            "embassy",
            {
                EDITOR: ["add_page", "change_page", "view_page", "view_missionlink"],
                PUBLISHER: [
                    "publish_page",
                    "delete_page",
                    "add_missionlink",
                    "change_missionlink",
                    "delete_missionlink",
                ],
            },
        )
    ]
