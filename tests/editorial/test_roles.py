"""The Editor and Publisher roles, created as groups by a migration on every new database."""

import pytest
from django.contrib.auth.models import Group

pytestmark = pytest.mark.django_db


def codenames(group_name):
    return set(
        Group.objects.get(name=group_name).permissions.values_list(
            "content_type__app_label", "codename"
        )
    )


def test_an_editor_writes_drafts_and_uploads_photos_but_neither_publishes_nor_deletes():
    editor = codenames("Editor")
    assert {
        ("cooperation", "add_visit"),
        ("cooperation", "change_visit"),
        ("cooperation", "add_newsphoto"),
        ("cooperation", "change_newsphoto"),
        ("embassy", "change_page"),
        ("cooperation", "view_region"),
    } <= editor
    assert not {codename for _app, codename in editor if codename.startswith("publish_")}
    deletable = {codename for _app, codename in editor if codename.startswith("delete_")}
    # Only the rows of an entry's form: the regions taking part in a visit or shown in a photo.
    assert deletable == {"delete_visitregion", "delete_newsphotoregion"}
    assert ("cooperation", "change_region") not in editor
    assert ("embassy", "change_missionlink") not in editor


def test_a_publisher_also_publishes_deletes_and_manages_regions_and_mission_links():
    publisher = codenames("Publisher")
    assert codenames("Editor") < publisher
    assert {
        ("cooperation", "publish_visit"),
        ("cooperation", "publish_newsphoto"),
        ("embassy", "publish_page"),
        ("cooperation", "delete_visit"),
        ("embassy", "delete_page"),
        ("cooperation", "change_region"),
        ("cooperation", "delete_region"),
        ("cooperation", "add_twinningagreement"),
        ("embassy", "change_missionlink"),
    } <= publisher
