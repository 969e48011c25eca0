"""The staff's list of agreements: each partnership's last exchange, as a column to sort by."""

import datetime
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from cooperation.countries import COUNTRY_NAMES
from cooperation.models import Region, TwinningAgreement
from tests.cooperation.admin.conftest import admin_url, export
from tests.factories import (
    AgreementFactory,
    MunicipalityFactory,
    OblastFactory,
    RegionFactory,
    VisitFactory,
)
from tests.imports import (
    CSV_FORMAT,
    XLSX_FORMAT,
    checked,
    confirmed,
    run_worker,
    upload_file,
)

pytestmark = pytest.mark.django_db


def test_the_agreement_list_sorts_by_the_last_exchange(staff_client):
    lately, long_ago = AgreementFactory(), AgreementFactory()
    for agreement, day in (
        (lately, datetime.date(2024, 5, 1)),
        (long_ago, datetime.date(2012, 5, 1)),
    ):
        VisitFactory(regions=[agreement.mission_region, agreement.host_region], start_date=day)
    url = reverse("admin:cooperation_twinningagreement_changelist")
    changelist = staff_client.get(url, headers={"accept-language": "en"})
    assert "last exchange" in changelist.content.decode().lower()
    column = changelist.context["cl"].list_display.index("last_exchange")
    newest_first = staff_client.get(url, {"o": f"-{column}"}).context["cl"].result_list
    ours = [agreement for agreement in newest_first if agreement in (lately, long_ago)]
    assert ours == [lately, long_ago]
    assert ours[0].last_exchange == datetime.date(2024, 5, 1)


@pytest.fixture
def brest_varna_and_burgas():
    """The parties the imports below name: a Belarusian city, two Bulgarian municipalities."""
    RegionFactory(slug="brest", name_bg="Брест")
    MunicipalityFactory(slug="varna", name_bg="Варна")
    MunicipalityFactory(slug="burgas", name_bg="Бургас")


def test_agreement_list_filters_by_oblast_of_either_side(staff_client, regions):
    AgreementFactory(host_region__name_bg="Габрово")
    url = admin_url(TwinningAgreement, "changelist")
    by_side = staff_client.get(url + "?mission_oblast=brest-oblast").context["cl"].result_count
    bg_side = staff_client.get(url + "?host_oblast=stara-zagora-oblast").context["cl"].result_count
    # Brest, Pinsk, Znamenka and the district's two.
    assert by_side == 5
    # Brest district – Chirpan and – Opan, Znamenka – Opan.
    assert bg_side == 3
    assert staff_client.get(url + "?q=Габрово").context["cl"].result_count == 1


def test_agreement_form_refuses_a_party_of_the_wrong_country(staff_client, brest_varna_and_burgas):
    count = TwinningAgreement.objects.count()
    response = staff_client.post(
        admin_url(TwinningAgreement, "add"),
        {
            "mission_region": Region.objects.get(slug="varna").pk,
            "host_region": Region.objects.get(slug="burgas").pk,
            "kind": "twinning",
            "year": 2020,
            "status": "active",
        },
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["mission_region"]
    assert TwinningAgreement.objects.count() == count


def test_region_autocomplete_offers_only_regions_of_the_fields_country(staff_client, regions):
    response = staff_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "cooperation",
            "model_name": "twinningagreement",
            "field_name": "host_region",
            "term": "Брест",
        },
    )
    assert response.status_code == 200
    assert response.json()["results"] == []
    response = staff_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "cooperation",
            "model_name": "twinningagreement",
            "field_name": "mission_region",
            "term": "Брест",
        },
    )
    assert {item["text"] for item in response.json()["results"]} >= {"Брест", "Брестска област"}


def test_an_import_preview_with_a_bad_row_refuses_it_with_the_reason_and_writes_nothing(
    staff_client, brest_varna_and_burgas
):
    OblastFactory(slug="grodno-oblast")
    count = TwinningAgreement.objects.count()
    content = (
        b"mission_region,host_region,kind,year,status\n"
        b"brest,varna,twinning,2015,active\n"
        b"varna,burgas,twinning,2016,active\n"
        b"grodno-oblast,atlantis,twinning,2017,active\n"
    )
    uploaded = upload_file(staff_client, TwinningAgreement, content, name="agreements.csv")
    preview = checked(staff_client, uploaded)
    page = preview.content.decode()
    assert not preview.context["job"].can_be_confirmed
    assert 'name="confirm"' not in page
    with translation.override("bg"):
        # Varna, a Bulgarian region, cannot be the Belarusian party.
        wrong_country = gettext("This party must be a region of %(country)s.") % {
            "country": COUNTRY_NAMES["BY"]
        }
        unknown_slug = gettext("There is no region with the slug “%(slug)s”.") % {
            "slug": "atlantis"
        }
    refused = {
        (row["row"], problem["column"]): problem["message"]
        for row in preview.context["job"].summary["refused"]
        for problem in row["problems"]
    }
    # Each reason with the row of the file (the first row names the columns) and the column.
    assert refused[(3, "mission_region")] == wrong_country
    assert refused[(4, "host_region")] == unknown_slug
    assert escape(wrong_country) in page and escape(unknown_slug) in page
    # The row that passed is shown as what it would do.
    assert [row["type"] for row in preview.context["job"].summary["rows"]] == ["new"]
    staff_client.post(uploaded["Location"], {"confirm": "1"})
    run_worker()
    assert TwinningAgreement.objects.count() == count


def test_a_confirmed_import_that_no_longer_passes_writes_nothing(
    staff_client, brest_varna_and_burgas
):
    content = "mission_region,host_region,kind,year,status\nbrest,varna,twinning,2015,active\n"
    uploaded = upload_file(staff_client, TwinningAgreement, content.encode(), name="agreements.csv")
    checked(staff_client, uploaded)
    # Between the preview and the confirmation, Varna is taken out of Bulgaria.
    Region.objects.filter(slug="varna").update(country="BY")
    count = TwinningAgreement.objects.count()
    done = confirmed(staff_client, uploaded)
    assert TwinningAgreement.objects.count() == count
    with translation.override("bg"):
        nothing_imported = gettext(
            "Nothing was imported: the file no longer passes the checks. "
            "Import it again to see why."
        )
    assert done.context["job"].state == "failed"
    assert escape(nothing_imported) in done.content.decode()


def test_agreements_import_from_an_excel_file(staff_client, brest_varna_and_burgas):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["mission_region", "host_region", "kind", "year", "status", "notes_en"])
    sheet.append(["brest", "varna", "cooperation", 2015, "active", "Trade and tourism"])
    stream = io.BytesIO()
    book.save(stream)
    uploaded = upload_file(
        staff_client, TwinningAgreement, stream.getvalue(), "agreements.xlsx", XLSX_FORMAT
    )
    assert checked(staff_client, uploaded).context["job"].can_be_confirmed
    confirmed(staff_client, uploaded)
    agreement = TwinningAgreement.objects.get(
        mission_region__slug="brest", host_region__slug="varna"
    )
    assert agreement.kind == "cooperation"
    assert agreement.notes_en == "Trade and tourism"


def test_agreements_export_as_csv_names_parties_by_slug(staff_client):
    AgreementFactory(
        mission_region=RegionFactory(slug="gomel"),
        host_region=MunicipalityFactory(slug="burgas"),
        year=1998,
    )
    response = export(staff_client, TwinningAgreement, CSV_FORMAT)
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("mission_region,host_region,kind,year")
    assert "gomel,burgas,twinning,1998" in text


# "Paste the old list".


def paste(client, text, **extra):
    return client.post(
        admin_url(TwinningAgreement, "paste"), {"text": text, "kind": "twinning", **extra}
    )


def test_agreement_list_links_to_the_paste_page(staff_client):
    page = staff_client.get(admin_url(TwinningAgreement, "changelist")).content.decode()
    assert admin_url(TwinningAgreement, "paste") in page
    assert staff_client.get(admin_url(TwinningAgreement, "paste")).status_code == 200


def test_pasting_a_list_previews_it_then_adds_its_agreements(staff_client, regions):
    TwinningAgreement.objects.all().delete()
    text = (
        "Списък на побратимени градове\n"
        "1997 година: Брест – Плевен, Пинск – Добрич\n"
        "2018 година: Знаменски селски съвет – община Опан\n"
    )
    preview = paste(staff_client, text, preview="1")
    assert preview.status_code == 200
    assert len(preview.context["preview"].new) == 3
    assert "Знаменски селски съвет" in preview.content.decode()
    assert TwinningAgreement.objects.count() == 0
    response = paste(staff_client, text, confirm="1", previewed=preview.context["digest"])
    assert response.status_code == 302
    assert set(
        TwinningAgreement.objects.values_list("year", "mission_region__slug", "host_region__slug")
    ) == {
        (1997, "brest", "pleven"),
        (1997, "pinsk", "dobrich"),
        (2018, "znamenka-village-council", "opan"),
    }
    again = paste(staff_client, text, preview="1")
    assert len(again.context["preview"].existing) == 3
    assert again.context["preview"].new == []


def test_an_unknown_name_is_shown_with_suggestions(staff_client, regions):
    page = paste(staff_client, "2010 година: Брестт – Плевен", preview="1").content.decode()
    with translation.override("bg"):
        unknown = gettext("Unknown: “%(name)s”") % {"name": "Брестт"}
        did_you_mean = gettext("Did you mean:")
    assert escape(unknown) in page
    assert escape(did_you_mean) in page and "Брест" in page


def test_confirming_a_list_that_was_edited_after_the_preview_only_previews_it(
    staff_client, brest_varna_and_burgas
):
    preview = paste(staff_client, "2015 година: Брест – Варна", preview="1")
    count = TwinningAgreement.objects.count()
    response = paste(
        staff_client,
        "2015 година: Брест – Бургас",
        confirm="1",
        previewed=preview.context["digest"],
    )
    assert response.status_code == 200
    assert TwinningAgreement.objects.count() == count


def test_an_editor_cannot_paste_agreements(editor_client):
    assert editor_client.get(admin_url(TwinningAgreement, "paste")).status_code == 403
    page = editor_client.get(admin_url(TwinningAgreement, "changelist")).content.decode()
    assert admin_url(TwinningAgreement, "paste") not in page
