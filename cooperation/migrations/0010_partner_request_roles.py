"""The Editor and Publisher roles on the partner search board's requests: an Editor reads and
corrects them as drafts, a Publisher publishes, closes and deletes them."""

from django.db import migrations

from editorial.roles import EDITOR, PUBLISHER, grant_to_roles


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("cooperation", "0009_partner_requests_and_agreement_origin"),
    ]

    operations = [
        grant_to_roles(
            "cooperation",
            {
                EDITOR: ["add_partnerrequest", "change_partnerrequest", "view_partnerrequest"],
                PUBLISHER: ["publish_partnerrequest", "delete_partnerrequest"],
            },
        )
    ]
