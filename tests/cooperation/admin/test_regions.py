"""The region admin: lists, filters, forms, import and export."""

import csv
import io

import openpyxl
import pytest
from reversion.models import Version

from cooperation.models import Region
from tests.cooperation.admin.conftest import admin_url, export
from tests.factories import (
    AgreementFactory,
    OblastFactory,
    RegionFactory,
    TownFactory,
)
from tests.imports import (
    CSV_FORMAT,
    XLSX_FORMAT,
    checked,
    confirmed,
    upload_file,
)
from tests.photos.image_files import (
    svg_bytes,
    upload,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "query",
    ["?country__exact=BY", "?kind__exact=oblast", "?oblast=brest-oblast", "?q=Пинск", "?q=Pinsk"],
)
def test_region_list_filters_and_search(staff_client, regions, query):
    response = staff_client.get(admin_url(Region, "changelist") + query)
    assert response.status_code == 200


def test_region_list_filtered_by_oblast_shows_the_units_below_it(staff_client, regions):
    response = staff_client.get(admin_url(Region, "changelist") + "?oblast=brest-oblast")
    listed = {region.slug for region in response.context["cl"].result_list}
    assert listed == {
        "brest-oblast",
        "brest",
        "pinsk",
        "brest-district",
        "znamenka-village-council",
    }
    assert "Пинск" in response.content.decode()


def test_region_page_lists_its_agreements(staff_client):
    gomel = AgreementFactory(host_region__name_bg="Бургас").mission_region
    response = staff_client.get(admin_url(Region, "change", gomel.pk))
    assert "Бургас" in response.content.decode()


def test_deleting_a_region_with_agreements_is_refused_and_names_them(staff_client, regions):
    pinsk = Region.objects.get(slug="pinsk")
    url = admin_url(Region, "delete", pinsk.pk)
    page = staff_client.get(url).content.decode()
    assert "Пинск – Добрич (1999)" in page
    staff_client.post(url, {"post": "yes"})
    assert Region.objects.filter(slug="pinsk").exists()


def test_region_form_refuses_an_svg_coat_of_arms(staff_client):
    staff_client.cookies["django_language"] = "en"
    pinsk = TownFactory(slug="pinsk")
    response = staff_client.get(admin_url(Region, "change", pinsk.pk))
    data = {
        key: value
        for key, value in response.context["adminform"].form.initial.items()
        if value is not None
    }
    response = staff_client.post(
        admin_url(Region, "change", pinsk.pk),
        {**data, "coat_of_arms": upload("arms.svg", svg_bytes(), "image/svg+xml")},
    )
    assert "SVG images are not accepted" in response.content.decode()
    pinsk.refresh_from_db()
    assert not pinsk.coat_of_arms


# Import and export of regions and agreements as CSV and Excel files.


def test_region_import_preview_shows_what_will_be_created_and_changed_and_writes_nothing(
    staff_client,
):
    OblastFactory(slug="brest-oblast")
    RegionFactory(slug="minsk", name_bg="Минск", name_ru="Минск")
    content = (
        "slug,country,kind,parent,name_bg,name_ru\n"
        "kamenets,BY,town,brest-oblast,Каменец,Каменец\n"
        "minsk,BY,city,,Минск,Минск (столица)\n"
    ).encode()
    preview = checked(staff_client, upload_file(staff_client, Region, content))
    page = preview.content.decode()
    assert preview.context["job"].can_be_confirmed
    assert "Каменец" in page and "(столица)" in page
    assert [row["type"] for row in preview.context["job"].summary["rows"]] == ["new", "update"]
    assert 'name="confirm"' in page
    assert not Region.objects.filter(slug="kamenets").exists()
    assert Region.objects.get(slug="minsk").name_ru == "Минск"


def test_a_confirmed_region_import_writes_the_rows_as_one_revision(staff_client):
    OblastFactory(slug="brest-oblast")
    content = "slug,country,kind,parent,name_bg\nkamenets,BY,town,brest-oblast,Каменец\n"
    uploaded = upload_file(staff_client, Region, content.encode())
    checked(staff_client, uploaded)
    done = confirmed(staff_client, uploaded)
    assert done.context["job"].state == "imported"
    kamenets = Region.objects.get(slug="kamenets")
    assert kamenets.parent.slug == "brest-oblast"
    version = Version.objects.get_for_object(kamenets).get()
    assert version.revision.user.username == "staff"
    assert "regions.csv" in version.revision.comment


def test_regions_export_as_excel_has_every_languages_name(staff_client, regions):
    response = export(staff_client, Region, XLSX_FORMAT)
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.values)
    header = rows[0]
    assert {"slug", "parent", "name_bg", "name_ru", "name_be", "name_en"} <= set(header)
    by_slug = {row[header.index("slug")]: row for row in rows[1:]}
    assert by_slug["pinsk"][header.index("name_be")] == "Пінск"
    assert set(by_slug) == set(Region.objects.values_list("slug", flat=True))


@pytest.mark.parametrize("file_format", [CSV_FORMAT, XLSX_FORMAT])
def test_admin_exports_mark_a_name_that_reads_as_a_formula_as_text(staff_client, file_format):
    TownFactory(slug="t-formula", name_bg='=HYPERLINK("http://x","y")')
    response = export(staff_client, Region, file_format)
    if file_format == CSV_FORMAT:
        rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    else:
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        header, *values = list(sheet.values)
        rows = [dict(zip(header, row, strict=True)) for row in values]
    (row,) = [row for row in rows if row["slug"] == "t-formula"]
    assert row["name_bg"] == '\'=HYPERLINK("http://x","y")'


def test_an_editor_may_export_but_not_import(editor_client):
    assert export(editor_client, Region, CSV_FORMAT).status_code == 200
    assert editor_client.get(admin_url(Region, "import")).status_code == 403


def test_an_export_address_with_a_parameter_that_is_no_filter_says_so(staff_client):
    response = staff_client.get("/admin/cooperation/region/export/?next=/", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain == [("/admin/cooperation/region/export/", 302)]
    messages = [str(message) for message in response.context["messages"]]
    assert messages == ["Адресът съдържа филтри, които не съществуват."]
