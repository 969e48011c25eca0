"""
Each partnership's stored activity (cooperation.activity): every way content changes works the
recorded last exchange out again for the agreements it concerns, and time needs nothing run.
"""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from reversion.models import Version

from cooperation.activity import exchange_paths, refresh_exchanges_of
from cooperation.models import (
    NewsPhoto,
    NewsPhotoRegion,
    TwinningAgreement,
    Visit,
    VisitRegion,
    dormant_since,
)
from tests.admin_forms import change_form_data
from tests.factories import (
    AgreementFactory,
    MunicipalityFactory,
    NewsPhotoFactory,
    OblastFactory,
    TownFactory,
    VisitFactory,
)
from tests.imports import checked, confirmed, upload_file

pytestmark = pytest.mark.django_db

DAY = datetime.date(2021, 9, 6)


@pytest.fixture
def pair():
    """Town 1 and a Bulgarian municipality, twinned in 2005."""
    return AgreementFactory(year=2005)


def recorded(agreement):
    """The stored last exchange, as the database holds it now."""
    return (
        TwinningAgreement.objects.filter(pk=agreement.pk)
        .values_list("recorded_last_exchange", flat=True)
        .get()
    )


def last_exchange(agreement):
    return TwinningAgreement.objects.with_last_exchange().get(pk=agreement.pk).last_exchange


def visit_of(agreement, **fields):
    fields.setdefault("start_date", DAY)
    return VisitFactory(regions=[agreement.mission_region, agreement.host_region], **fields)


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


# Visits and news photos, saved and deleted.


def test_a_visit_of_both_parties_is_recorded_when_its_regions_are_linked(pair):
    visit = VisitFactory(start_date=DAY)
    assert recorded(pair) is None
    VisitRegion.objects.create(visit=visit, region=pair.mission_region)
    assert recorded(pair) is None
    VisitRegion.objects.create(visit=visit, region=pair.host_region)
    assert recorded(pair) == DAY


def test_a_visit_withdrawn_to_draft_or_moved_in_time_is_recorded_again(pair):
    visit = visit_of(pair)
    visit.start_date = datetime.date(2023, 4, 1)
    visit.save()
    assert recorded(pair) == datetime.date(2023, 4, 1)
    visit.status = Visit.Status.DRAFT
    visit.save()
    assert recorded(pair) is None


def test_a_visit_held_elsewhere_counts_for_the_partnership_of_its_new_place(pair):
    elsewhere = MunicipalityFactory()
    other = AgreementFactory(mission_region=pair.mission_region, host_region=elsewhere)
    visit = VisitFactory(location=pair.host_region, regions=[pair.mission_region], start_date=DAY)
    assert (recorded(pair), recorded(other)) == (DAY, None)
    visit.location = elsewhere
    visit.save()
    assert (recorded(pair), recorded(other)) == (None, DAY)


def test_a_deleted_visit_is_no_longer_recorded_alone_or_in_bulk(pair):
    older = visit_of(pair, start_date=datetime.date(2019, 1, 1))
    visit_of(pair).delete()
    assert recorded(pair) == datetime.date(2019, 1, 1)
    Visit.objects.filter(pk=older.pk).delete()
    assert recorded(pair) is None


def test_a_visit_updated_in_bulk_is_recorded_again_by_its_writer(pair):
    """QuerySet.update() sends no signal: what writes so refreshes the regions it changed."""
    visits = Visit.objects.filter(pk=visit_of(pair).pk)
    visits.update(status=Visit.Status.DRAFT)
    refresh_exchanges_of(exchange_paths(visits))
    assert recorded(pair) is None


def test_a_region_linked_through_the_related_manager_is_recorded(pair):
    visit = VisitFactory(regions=[pair.mission_region], start_date=DAY)
    visit.regions.add(pair.host_region)
    assert recorded(pair) == DAY
    visit.regions.remove(pair.host_region)
    assert recorded(pair) is None
    pair.host_region.visits.add(visit)
    assert recorded(pair) == DAY
    pair.host_region.visits.clear()
    assert recorded(pair) is None


def test_a_photos_day_regions_and_deletion_are_recorded(pair):
    photo = NewsPhotoFactory(regions=[pair.mission_region], taken_on=DAY)
    assert recorded(pair) is None
    link = NewsPhotoRegion.objects.create(photo=photo, region=pair.host_region)
    assert recorded(pair) == DAY
    photo.taken_on = datetime.date(2022, 2, 2)
    photo.save()
    assert recorded(pair) == datetime.date(2022, 2, 2)
    link.delete()
    assert recorded(pair) is None
    NewsPhotoRegion.objects.create(photo=photo, region=pair.host_region)
    NewsPhoto.objects.filter(pk=photo.pk).delete()
    assert recorded(pair) is None


def test_a_visit_of_units_below_both_parties_is_recorded_for_their_oblasts():
    town, municipality = TownFactory(), MunicipalityFactory()
    oblasts = AgreementFactory(mission_region=town.parent, host_region=municipality.parent)
    VisitFactory(regions=[town, municipality], start_date=DAY)
    assert recorded(oblasts) == DAY


# Regions and agreements.


def test_a_region_moved_to_another_oblast_takes_its_exchanges_along():
    town, municipality = TownFactory(), MunicipalityFactory()
    old_oblast, new_oblast = town.parent, OblastFactory(country="BY")
    left = AgreementFactory(mission_region=old_oblast, host_region=municipality)
    joined = AgreementFactory(mission_region=new_oblast, host_region=municipality)
    VisitFactory(regions=[town, municipality], start_date=DAY)
    assert (recorded(left), recorded(joined)) == (DAY, None)
    town.parent = new_oblast
    town.save()
    assert (recorded(left), recorded(joined)) == (None, DAY)


def test_an_agreement_whose_party_changes_is_recorded_again(pair):
    other_town = TownFactory()
    VisitFactory(regions=[other_town, pair.host_region], start_date=DAY)
    assert recorded(pair) is None
    pair.mission_region = other_town
    pair.save()
    assert recorded(pair) == DAY


def test_a_new_agreement_of_partners_visited_before_is_recorded_at_once():
    town, municipality = TownFactory(), MunicipalityFactory()
    VisitFactory(regions=[town, municipality], start_date=DAY)
    assert recorded(AgreementFactory(mission_region=town, host_region=municipality)) == DAY


# Time.


def test_a_visit_scheduled_for_later_counts_from_its_publish_time_on(pair, client, monkeypatch):
    """Nothing is run at the publish time: reads work out afresh the last exchange of the
    agreements whose recorded one the scheduled visit overtakes."""
    publish_at = timezone.now() + datetime.timedelta(hours=2)
    day = timezone.localdate() - datetime.timedelta(days=30)
    visit_of(pair, publish_at=publish_at, start_date=day)
    stored = TwinningAgreement.objects.filter(pk=pair.pk)
    assert stored.values_list("recorded_last_exchange", "recorded_until").get() == (
        None,
        publish_at,
    )
    since = dormant_since(timezone.localdate())
    assert last_exchange(pair) is None
    assert stored.dormant(since).exists()
    with translation.override("en"):
        page = pair.get_absolute_url()
    assert (
        "No visit or photo of the two partners published yet." in client.get(page).content.decode()
    )

    later = publish_at + datetime.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert last_exchange(pair) == day
    assert not stored.dormant(since).exists()
    assert stored.active_since(day).exists()
    assert f'<time datetime="{day:%Y-%m-%d}">' in client.get(page).content.decode()
    # The next change anywhere, or the command, records it.
    call_command("refresh_activity", stdout=io.StringIO())
    assert stored.values_list("recorded_last_exchange", "recorded_until").get() == (day, None)


def test_a_refresh_takes_along_the_agreements_a_scheduled_entry_has_overtaken(pair, monkeypatch):
    publish_at = timezone.now() + datetime.timedelta(hours=2)
    visit_of(pair, publish_at=publish_at)
    monkeypatch.setattr(timezone, "now", lambda: publish_at + datetime.timedelta(minutes=1))
    AgreementFactory()
    assert recorded(pair) == DAY


# The admin.


def test_regions_added_and_removed_in_the_visits_form_are_recorded(staff_client, pair):
    visit = VisitFactory(regions=[pair.mission_region], start_date=DAY)
    url = admin_url(Visit, "change", visit.pk)
    form = staff_client.get(url)
    added = change_form_data(form, **{"visitregion_set-1-region": pair.host_region.pk})
    assert staff_client.post(url, added).status_code == 302
    assert recorded(pair) == DAY
    form = staff_client.get(url)
    link = VisitRegion.objects.get(visit=visit, region=pair.host_region)
    removed = {
        **change_form_data(form),
        **{
            f"visitregion_set-{n}-DELETE": "on"
            for n, row in enumerate(form.context["inline_admin_formsets"][0].formset.forms)
            if row.instance.pk == link.pk
        },
    }
    assert staff_client.post(url, removed).status_code == 302
    assert recorded(pair) is None


def test_a_visit_withdrawn_by_the_admins_action_is_recorded(staff_client, pair):
    visit = visit_of(pair)
    response = staff_client.post(
        admin_url(Visit, "changelist"), {"action": "unpublish", "_selected_action": [visit.pk]}
    )
    assert response.status_code == 302
    assert recorded(pair) is None


def test_a_visit_reverted_to_its_former_place_is_recorded_for_both_partnerships(staff_client, pair):
    """The revert writes the visit and its rows without their save(); the visit's place is
    the version's before its form is saved."""
    elsewhere = MunicipalityFactory()
    other = AgreementFactory(mission_region=pair.mission_region, host_region=elsewhere)
    url = admin_url(Visit, "add")
    form = staff_client.get(url)
    data = change_form_data(
        form,
        title_bg="Среща",
        slug="t-meeting",
        kind="delegation",
        start_date="2021-09-06",
        location=pair.host_region.pk,
        status="published",
        **{"visitregion_set-0-region": pair.mission_region.pk},
    )
    assert staff_client.post(url, data).status_code == 302
    visit = Visit.objects.get(slug="t-meeting")
    first = Version.objects.get_for_object(visit).get()
    change = admin_url(Visit, "change", visit.pk)
    assert (
        staff_client.post(
            change, change_form_data(staff_client.get(change), location=elsewhere.pk)
        ).status_code
        == 302
    )
    assert (recorded(pair), recorded(other)) == (None, DAY)

    revert = admin_url(Visit, "revision", visit.pk, first.pk)
    assert staff_client.post(revert, change_form_data(staff_client.get(revert))).status_code == 302
    assert (recorded(pair), recorded(other)) == (DAY, None)


def test_a_deleted_visit_recovered_in_the_admin_is_recorded_again(staff_client, pair):
    visit = visit_of(pair)
    url = admin_url(Visit, "change", visit.pk)
    staff_client.post(url, change_form_data(staff_client.get(url), title_bg="Среща"))
    staff_client.post(admin_url(Visit, "delete", visit.pk), {"post": "yes"})
    assert recorded(pair) is None
    deleted = Version.objects.get_deleted(Visit).get(object_id=str(visit.pk))
    recover = admin_url(Visit, "recover", deleted.pk)
    assert (
        staff_client.post(recover, change_form_data(staff_client.get(recover))).status_code == 302
    )
    assert recorded(pair) == DAY


def test_a_region_reverted_to_its_former_oblast_takes_its_exchanges_and_units_back(
    staff_client,
):
    town, municipality = TownFactory(), MunicipalityFactory()
    village = TownFactory(parent=town, kind="village", slug="t-village-below")
    old_oblast, new_oblast = town.parent, OblastFactory(country="BY")
    left = AgreementFactory(mission_region=old_oblast, host_region=municipality)
    VisitFactory(regions=[village, municipality], start_date=DAY)
    url = admin_url(town._meta.model, "change", town.pk)
    staff_client.post(url, change_form_data(staff_client.get(url), name_en="Town"))
    first = Version.objects.get_for_object(town).first()
    response = staff_client.post(url, change_form_data(staff_client.get(url), parent=new_oblast.pk))
    assert response.status_code == 302
    assert recorded(left) is None

    revert = admin_url(town._meta.model, "revision", town.pk, first.pk)
    assert staff_client.post(revert, change_form_data(staff_client.get(revert))).status_code == 302
    village.refresh_from_db()
    assert village.path.startswith(old_oblast.path)
    assert recorded(left) == DAY


# Imports and commands.


def test_an_imported_agreement_of_partners_visited_before_is_recorded(staff_client):
    town, municipality = TownFactory(), MunicipalityFactory()
    VisitFactory(regions=[town, municipality], start_date=DAY)
    content = (
        f"mission_region,host_region,kind,year\n{town.slug},{municipality.slug},twinning,2004\n"
    )
    uploaded = upload_file(staff_client, TwinningAgreement, content.encode(), "agreements.csv")
    checked(staff_client, uploaded)
    confirmed(staff_client, uploaded)
    agreement = TwinningAgreement.objects.get(mission_region=town, host_region=municipality)
    assert recorded(agreement) == DAY


def test_a_region_moved_by_an_import_takes_its_exchanges_along(staff_client):
    town, municipality = TownFactory(), MunicipalityFactory()
    new_oblast = OblastFactory(country="BY")
    joined = AgreementFactory(mission_region=new_oblast, host_region=municipality)
    VisitFactory(regions=[town, municipality], start_date=DAY)
    content = f"slug,country,kind,parent\n{town.slug},BY,town,{new_oblast.slug}\n"
    uploaded = upload_file(staff_client, town._meta.model, content.encode())
    checked(staff_client, uploaded)
    confirmed(staff_client, uploaded)
    assert recorded(joined) == DAY


def test_the_command_records_what_was_written_without_save(pair):
    visit_of(pair)
    TwinningAgreement.objects.filter(pk=pair.pk).update(recorded_last_exchange=None)
    output = io.StringIO()
    call_command("refresh_activity", "--batch-size", "7", stdout=output)
    assert recorded(pair) == DAY
    assert "Last exchange worked out again for" in output.getvalue()
