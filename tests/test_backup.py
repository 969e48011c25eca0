"""The README's backup and restore: dumpdata and loaddata give back the whole content."""

import datetime
import json
import re

import pytest
import reversion
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection

from cooperation.models import OverviewPage, Region, TwinningAgreement, Visit
from tests.factories import (
    AgreementFactory,
    MissionLinkFactory,
    NewsPhotoFactory,
    OverviewPageFactory,
    PageFactory,
    TownFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db

# As in the README: content types and permissions are rebuilt by `migrate`, and are referred
# to by their natural keys; sessions are not worth keeping.
BACKUP = [
    "--natural-foreign",
    "--exclude=contenttypes",
    "--exclude=auth.permission",
    "--exclude=sessions",
]


ISO_DATETIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$")


def as_values(data):
    """JSON values with times as times: JSON keeps milliseconds, "12:00:00.000Z" is "12:00:00Z"."""
    if isinstance(data, dict):
        return {key: as_values(value) for key, value in data.items()}
    if isinstance(data, list):
        return [as_values(value) for value in data]
    if isinstance(data, str) and ISO_DATETIME.match(data):
        return datetime.datetime.fromisoformat(data)
    return data


@pytest.fixture(autouse=True)
def forget_content_types():
    """`flush` makes the content types anew and the test's rollback takes them away again:
    forget the ids Django cached meanwhile, or the tests after this one would use them."""
    yield
    ContentType.objects.clear_cache()


def dump(path):
    call_command("dumpdata", *BACKUP, output=str(path), verbosity=0)
    return as_values(json.loads(path.read_text(encoding="utf-8")))


def flush():
    """`manage.py flush`, inside the test's transaction."""
    if connection.vendor == "postgresql":
        # PostgreSQL truncates only once the rows written in this transaction are checked,
        # and loaddata needs the checks deferred again.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            call_command("flush", interactive=False, verbosity=0)
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    else:
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def content():
    """An entry of every kind, in several languages, recorded in the history."""
    with reversion.create_revision():
        reversion.set_comment("Initial content")
        minsk = TownFactory(slug="minsk", name_bg="Минск", name_be="Мінск")
        AgreementFactory.create_batch(2, mission_region=minsk)
        visit = VisitFactory(regions=[minsk], location=minsk)
        NewsPhotoFactory(visit=visit, regions=[minsk], caption_be="Сустрэча.")
        OverviewPageFactory(title_en="Regional cooperation")
        PageFactory()
        MissionLinkFactory()
    return visit


def test_dump_flush_and_load_give_back_every_entry_translation_and_revision(
    tmp_path, publisher, content
):
    visit = content
    visit.body_be = "<p>Сустрэча ў Старой Загоры.</p>"
    visit.publish_at = datetime.datetime(2030, 1, 1, 9, 0, tzinfo=datetime.UTC)
    visit.save()
    before = dump(tmp_path / "backup.json")
    models = {entry["model"] for entry in before}
    assert {
        "cooperation.region",
        "cooperation.twinningagreement",
        "cooperation.visit",
        "cooperation.visitregion",
        "cooperation.newsphoto",
        "cooperation.newsphotoregion",
        "cooperation.overviewpage",
        "embassy.page",
        "embassy.missionlink",
        "reversion.revision",
        "reversion.version",
        "auth.group",
        "auth.user",
    } <= models

    flush()
    assert not Region.objects.exists() and not TwinningAgreement.objects.exists()
    call_command("loaddata", str(tmp_path / "backup.json"), verbosity=0)

    assert dump(tmp_path / "again.json") == before
    assert TwinningAgreement.objects.count() == 2
    assert Region.objects.get(slug="minsk").name_be == "Мінск"
    assert OverviewPage.objects.get().title_en == "Regional cooperation"
    restored = Visit.objects.get(pk=visit.pk)
    assert restored.body_be == "<p>Сустрэча ў Старой Загоры.</p>"
    assert restored not in Visit.objects.published()
