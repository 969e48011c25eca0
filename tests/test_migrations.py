"""
The upgrade from the schema before the editorial and photo packages, with data in it: nothing is
lost, the regional cooperation page's text moves to the section with its list order and its
history, and the roles keep their permissions. And back again.
"""

import datetime
import json

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

# Each test ends by emptying the database: the rows the migrations made (the roles) are put
# back before each, so that both find them whichever runs first.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = [
    ("cooperation", "0003_publish_permission_and_rich_text_visit_body"),
    ("embassy", "0003_editor_and_publisher_groups"),
]
PAGE_BODY = "<p>Взаимодействието между регионите на Беларус и България.</p>"


def migrate(targets):
    """Migrate to `targets`; the models as the applied migrations left them."""
    MigrationExecutor(connection).migrate(targets)
    # Content types are looked up by id from a cache that an earlier test's rolled-back flush
    # may have filled with ids that no longer exist.
    ContentType.objects.clear_cache()
    return MigrationExecutor(connection)._create_project_state(with_applied_migrations=True).apps


def latest():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


def add_old_content(apps):
    """Rows as the old schema held them: a page with the section's text and its history."""
    Region = apps.get_model("cooperation", "Region")
    Agreement = apps.get_model("cooperation", "TwinningAgreement")
    Page = apps.get_model("embassy", "Page")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("reversion", "Revision")
    Version = apps.get_model("reversion", "Version")
    Page.objects.filter(slug="regional-cooperation").delete()
    mission = Region.objects.create(
        country="BY",
        kind="city",
        name="Упгрейдск",
        name_bg="Упгрейдск",
        slug="upgrade-by",
        path="/upgrade-by/",
    )
    host = Region.objects.create(
        country="BG",
        kind="municipality",
        name="Мигра",
        name_bg="Мигра",
        slug="upgrade-bg",
        path="/upgrade-bg/",
    )
    Agreement.objects.create(mission_region=mission, host_region=host, year=2001)
    page = Page.objects.create(
        slug="regional-cooperation",
        title="Регионално сътрудничество",
        title_bg="Регионално сътрудничество",
        title_en="Regional cooperation",
        body=PAGE_BODY,
        body_bg=PAGE_BODY,
        list_order="newest",
        status="published",
        publish_at=timezone.now(),
    )
    other = Page.objects.create(slug="about", title="За нас", title_bg="За нас")
    page_type, _created = ContentType.objects.get_or_create(app_label="embassy", model="page")
    revision = Revision.objects.create(date_created=timezone.now(), comment="Initial content")
    fields = {
        "slug": page.slug,
        "title_bg": page.title_bg,
        "body_bg": "<p>Първият текст.</p>",
        "list_order": "newest",
        "status": "published",
        "publish_at": page.publish_at.isoformat(),
        "updated_at": page.updated_at.isoformat(),
    }
    Version.objects.create(
        revision=revision,
        object_id=str(page.pk),
        content_type=page_type,
        db="default",
        format="json",
        serialized_data=json.dumps([{"model": "embassy.page", "pk": page.pk, "fields": fields}]),
        object_repr=page.title,
    )
    return page.pk, other.pk


def test_the_upgrade_keeps_every_row_and_moves_the_sections_text_with_its_history():
    old_apps = migrate(BEFORE)
    page_pk, other_pk = add_old_content(old_apps)
    groups = {
        group.name: group.permissions.count()
        for group in old_apps.get_model("auth", "Group").objects.all()
    }

    migrate(latest())

    from django.contrib.auth.models import Group
    from reversion.models import Version

    from cooperation.models import OverviewPage, Region, TwinningAgreement
    from embassy.models import Page

    page = OverviewPage.objects.get()
    assert page.title_bg == "Регионално сътрудничество"
    assert page.body_bg == PAGE_BODY
    assert page.newest_first and page.is_published
    assert list(Page.objects.values_list("pk", flat=True)) == [other_pk]
    (version,) = Version.objects.get_for_object(page)
    assert version.field_dict["body_bg"] == "<p>Първият текст.</p>"
    assert version.field_dict["list_order"] == "newest"
    assert not Version.objects.filter(content_type__model="page", object_id=str(page_pk))

    agreement = TwinningAgreement.objects.get(mission_region__slug="upgrade-by")
    assert (agreement.host_region.name_bg, agreement.year) == ("Мигра", 2001)
    assert Region.objects.get(slug="upgrade-by").coat_of_arms_width is None
    # Names stored before the search are found by it, in Latin letters too.
    assert [region.slug for region in Region.objects.search("Migra")] == ["upgrade-bg"]
    for name, count in groups.items():
        # The same permissions, and the new page's: an Editor changes it, a Publisher too.
        assert Group.objects.get(name=name).permissions.count() >= count
    assert Group.objects.get(name="Editor").permissions.filter(codename="change_overviewpage")


def test_the_upgrade_can_be_undone_and_the_text_goes_back_to_the_pages():
    migrate(latest())
    from cooperation.models import OverviewPage

    OverviewPage.objects.all().delete()
    OverviewPage.objects.create(
        title_bg="Текстът на раздела", list_order="newest", status="published"
    )

    old_apps = migrate(BEFORE)

    page = old_apps.get_model("embassy", "Page").objects.get(slug="regional-cooperation")
    assert (page.title_bg, page.list_order) == ("Текстът на раздела", "newest")
    migrate(latest())
    assert OverviewPage.objects.get().title_bg == "Текстът на раздела"


def test_the_upgrade_records_the_last_exchange_of_the_agreements_already_there():
    old_apps = migrate([("cooperation", "0010_partner_request_roles")])
    Region = old_apps.get_model("cooperation", "Region")
    Visit = old_apps.get_model("cooperation", "Visit")
    VisitRegion = old_apps.get_model("cooperation", "VisitRegion")
    parties = [
        Region.objects.create(
            country=country, kind=kind, name=slug, name_bg=slug, slug=slug, path=f"/{slug}/"
        )
        for country, kind, slug in (("BY", "city", "upgrade-by"), ("BG", "city", "upgrade-bg"))
    ]
    agreement = old_apps.get_model("cooperation", "TwinningAgreement").objects.create(
        mission_region=parties[0], host_region=parties[1], year=2001
    )
    visit = Visit.objects.create(
        kind="delegation",
        title="Среща",
        title_bg="Среща",
        slug="upgrade-meeting",
        start_date=datetime.date(2019, 5, 14),
        status="published",
        publish_at=timezone.now() - datetime.timedelta(days=1),
    )
    for region in parties:
        VisitRegion.objects.create(visit=visit, region=region)

    migrate(latest())

    from cooperation.models import TwinningAgreement

    upgraded = TwinningAgreement.objects.with_last_exchange().get(pk=agreement.pk)
    assert upgraded.recorded_last_exchange == datetime.date(2019, 5, 14)
    assert upgraded.last_exchange == datetime.date(2019, 5, 14)


@pytest.mark.usefixtures("roles")  # a live server's flush may have emptied them
def test_the_partner_board_moves_to_its_app_with_its_rows_link_roles_and_history():
    old_apps = migrate([("partners", None)])
    Region = old_apps.get_model("cooperation", "Region")
    ContentType = old_apps.get_model("contenttypes", "ContentType")
    parties = [
        Region.objects.create(
            country=country, kind=kind, name=slug, name_bg=slug, slug=slug, path=f"/{slug}/"
        )
        for country, kind, slug in (("BY", "city", "upgrade-by"), ("BG", "municipality", "bg"))
    ]
    partner_request = old_apps.get_model("cooperation", "PartnerRequest").objects.create(
        country="BG",
        region=parties[1],
        interests=",culture,",
        description="Търсим партньор.",
        language="bg",
        contact_email="writer@upgrade.example",
        status="published",
    )
    agreement = old_apps.get_model("cooperation", "TwinningAgreement").objects.create(
        mission_region=parties[0], host_region=parties[1], year=2001, origin=partner_request
    )
    serialized = [
        {
            "model": "cooperation.partnerrequest",
            "pk": partner_request.pk,
            "fields": {"country": "BG", "description": "Търсим партньор.", "language": "bg"},
        }
    ]
    old_apps.get_model("reversion", "Version").objects.create(
        revision=old_apps.get_model("reversion", "Revision").objects.create(
            date_created=timezone.now()
        ),
        object_id=str(partner_request.pk),
        content_type=ContentType.objects.get(app_label="cooperation", model="partnerrequest"),
        db="default",
        format="json",
        serialized_data=json.dumps(serialized),
        object_repr="bg",
    )

    migrate(latest())

    from django.contrib.auth.models import Group
    from reversion.models import Version

    from partners.models import PartnerRequest

    moved = PartnerRequest.objects.get(pk=partner_request.pk)
    assert moved.contact_email == "writer@upgrade.example"
    assert list(moved.agreements.values_list("pk", flat=True)) == [agreement.pk]
    (version,) = Version.objects.get_for_object(moved)
    assert version.field_dict["description"] == "Търсим партньор."
    for role, codename in (
        ("Editor", "change_partnerrequest"),
        ("Publisher", "publish_partnerrequest"),
    ):
        assert Group.objects.get(name=role).permissions.filter(
            content_type__app_label="partners", codename=codename
        )

    old_apps = migrate([("partners", None)])
    Agreement = old_apps.get_model("cooperation", "TwinningAgreement")
    assert Agreement.objects.get(pk=agreement.pk).origin_id == partner_request.pk
    migrate(latest())
