"""
The Editor and Publisher roles' permissions on the section's content. (They were granted by the
site's roles migration before; granting them again here changes nothing on such a database.)
"""

from django.db import migrations

from editorial.roles import EDITOR, PUBLISHER, grant_to_roles


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("cooperation", "0005_move_the_regional_cooperation_page"),
    ]

    operations = [
        grant_to_roles(
            "cooperation",
            {
                EDITOR: [
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
                    "change_overviewpage",
                    "view_overviewpage",
                ],
                PUBLISHER: [
                    "publish_visit",
                    "delete_visit",
                    "publish_newsphoto",
                    "delete_newsphoto",
                    "publish_overviewpage",
                    "add_overviewpage",
                    "add_region",
                    "change_region",
                    "delete_region",
                    "add_twinningagreement",
                    "change_twinningagreement",
                    "delete_twinningagreement",
                ],
            },
        )
    ]
