"""
Spreadsheet imports at any size (issue 13): a file that cannot be imported is refused at once
with the reason, in the staff member's language, naming the row and the column, never with a
traceback; a large file is only read by the request, and checked and imported by the worker.
"""

import csv
import io

import openpyxl
import pytest
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.contrib.auth.models import User
from django.template.defaultfilters import filesizeformat
from django.test import Client
from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import gettext

from cooperation.models import Region, TwinningAgreement
from editorial.models import SpreadsheetImport
from editorial.spreadsheets import number
from tests.factories import MunicipalityFactory, OblastFactory, TownFactory
from tests.imports import (
    XLSX_FORMAT,
    checked,
    confirmed,
    run_worker,
    upload_file,
    upload_refusal,
)
from tests.photos.image_files import jpeg_bytes, pdf_bytes

pytestmark = pytest.mark.django_db


def in_bulgarian(message, **params):
    with translation.override("bg"):
        text = gettext(message)
    return text % params if params else text


@pytest.fixture
def brest_oblast():
    """The oblast that the rows of regions name as their parent."""
    return OblastFactory(slug="brest-oblast", name_bg="Брестска област")


def excel(*rows):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def test_a_file_without_the_header_row_is_refused_naming_the_columns(staff_client):
    response = upload_file(staff_client, Region, "kamenets,BY,town,brest-oblast,Каменец\n".encode())
    refusal = upload_refusal(response)
    assert refusal.startswith(
        in_bulgarian("The first row must name the columns, as an export does: %(expected)s.").split(
            "%("
        )[0]
    )
    assert "slug" in refusal and "„kamenets“" in refusal
    assert "Traceback" not in response.content.decode()


def test_a_file_with_other_columns_is_refused_naming_the_missing_and_unknown_ones(staff_client):
    response = upload_file(staff_client, Region, "name,town\nКаменец,да\n".encode())
    refusal = upload_refusal(response)
    assert in_bulgarian("Missing: %(columns)s.", columns="slug") in refusal
    assert "„name“" in refusal and "„town“" in refusal


def test_an_empty_file_is_refused(staff_client):
    refusal = upload_refusal(upload_file(staff_client, Region, b""))
    assert refusal == in_bulgarian("The submitted file is empty.")  # Django's own words
    refusal = upload_refusal(upload_file(staff_client, Region, b"\n\n  \n"))
    assert refusal == in_bulgarian("The file is empty.")


def test_a_header_without_rows_is_refused(staff_client):
    refusal = upload_refusal(upload_file(staff_client, Region, b"slug,country,kind\n"))
    assert refusal == in_bulgarian("The file names its columns but has no rows under them.")


@pytest.mark.parametrize("content", [jpeg_bytes(), pdf_bytes(), excel(["slug"], ["minsk"])])
def test_a_binary_file_sent_as_csv_is_refused(staff_client, content):
    refusal = upload_refusal(upload_file(staff_client, Region, content, name="regions.csv"))
    assert refusal == in_bulgarian(
        "This is not a CSV text file: it may be an Excel file or a document. "
        "Choose its real format, or save it as CSV."
    )


@pytest.mark.parametrize(
    "content", [b"slug,country\nminsk,BY\n", jpeg_bytes(), b"PK\x03\x04broken"]
)
def test_a_file_that_is_not_an_excel_workbook_sent_as_excel_is_refused(staff_client, content):
    response = upload_file(staff_client, Region, content, "regions.xlsx", XLSX_FORMAT)
    assert upload_refusal(response) == in_bulgarian(
        "This is not an Excel (.xlsx) file, or it is damaged. Open it in a spreadsheet "
        "program and save it as an Excel workbook or as CSV."
    )


def test_a_windows_1251_file_is_read_as_such_and_says_so(staff_client, brest_oblast):
    content = "slug,country,kind,parent,name_bg\nt-kamenets,BY,town,brest-oblast,Каменец\n"
    uploaded = upload_file(staff_client, Region, content.encode("cp1251"))
    preview = checked(staff_client, uploaded)
    assert preview.context["job"].encoding == "Windows-1251"
    page = preview.content.decode()
    assert "Windows-1251" in page and "Каменец" in page
    confirmed(staff_client, uploaded)
    assert Region.objects.get(slug="t-kamenets").name_bg == "Каменец"


def test_a_row_with_more_cells_than_columns_is_refused_naming_the_row(staff_client):
    content = b"slug,country,kind\nt-a,BY,town\nt-b,BY,town,extra,cells\n"
    refusal = upload_refusal(upload_file(staff_client, Region, content))
    assert refusal == in_bulgarian(
        "Row %(row)s has %(cells)s cells, but the first row names %(columns)s "
        "columns. Check the separators on that row.",
        row=3,
        cells=5,
        columns=3,
    )


def test_a_file_over_the_byte_cap_is_refused_with_both_sizes(staff_client, settings):
    settings.IMPORT_MAX_BYTES = 100
    content = ("slug,country,kind\n" + "t-x,BY,town\n" * 20).encode()
    refusal = upload_refusal(upload_file(staff_client, Region, content))
    with translation.override("bg"):
        expected = in_bulgarian(
            "The file is %(size)s; a file to import may be at most %(limit)s.",
            size=filesizeformat(len(content)),
            limit=filesizeformat(100),
        )
    assert refusal == expected


def test_a_file_over_the_row_cap_is_refused_with_the_cap(staff_client, settings):
    settings.IMPORT_MAX_ROWS = 3
    content = "slug,country,kind\n" + "".join(f"t-{n},BY,town\n" for n in range(4))
    refusal = upload_refusal(upload_file(staff_client, Region, content.encode()))
    with translation.override("bg"):
        limit = number_format(3, force_grouping=True)
    assert refusal == in_bulgarian(
        "The file has more than %(limit)s rows; a file to import may have at most %(limit)s.",
        limit=limit,
    )
    assert not SpreadsheetImport.objects.exists()


def test_a_refused_row_is_reported_with_its_row_and_column(staff_client):
    town, municipality = TownFactory(), MunicipalityFactory()
    content = (
        "mission_region,host_region,kind,year,status\n"
        f"{town.slug},{municipality.slug},twinning,2015,active\n"
        f"{town.slug},{municipality.slug},cooperation,две хиляди,active\n"
    )
    uploaded = upload_file(staff_client, TwinningAgreement, content.encode(), "agreements.csv")
    summary = checked(staff_client, uploaded).context["job"].summary
    (refused,) = summary["refused"]
    assert refused["row"] == 3
    assert refused["problems"] == [
        {"column": "year", "message": in_bulgarian("Enter a whole number.")}
    ]
    assert summary["totals"]["new"] == 1


def test_a_large_file_is_only_read_by_the_request_and_left_to_the_worker(staff_client):
    rows = "".join(f"t-village-{n},BY,village,brest-oblast,Село {n}\n" for n in range(20_000))
    content = ("slug,country,kind,parent,name_bg\n" + rows).encode()
    response = upload_file(staff_client, Region, content)
    assert response.status_code == 302
    job = SpreadsheetImport.objects.get()
    assert (job.row_count, job.state) == (20_000, job.State.CHECK_WAITING)
    page = staff_client.get(response["Location"]).content.decode()
    assert '<meta http-equiv="refresh"' in page and '<progress max="20000" value="0">' in page
    assert not Region.objects.filter(slug__startswith="t-village-").exists()


def test_an_excel_file_of_the_same_rows_is_imported_like_a_csv(staff_client, brest_oblast):
    content = excel(
        ["slug", "country", "kind", "parent", "name_bg", "latitude", "longitude"],
        ["t-pruzhany", "BY", "town", "brest-oblast", "Пружани", 52.55, 24.46],
    )
    uploaded = upload_file(staff_client, Region, content, "regions.xlsx", XLSX_FORMAT)
    checked(staff_client, uploaded)
    confirmed(staff_client, uploaded)
    assert float(Region.objects.get(slug="t-pruzhany").latitude) == 52.55


def test_someone_elses_import_is_not_shown(staff_client, publisher_client):
    uploaded = upload_file(staff_client, Region, b"slug,country,kind\nt-a,BY,town\n")
    assert publisher_client.get(uploaded["Location"]).status_code == 404


def test_the_import_page_states_the_limits(staff_client, settings):
    settings.IMPORT_MAX_ROWS = 1234
    page = staff_client.get("/admin/cooperation/region/import/").content.decode()
    with translation.override("bg"):
        size = filesizeformat(settings.IMPORT_MAX_BYTES)
    assert size in page and "1234" in page


def test_a_csv_separated_by_semicolons_as_cyrillic_excel_writes_it_is_read(
    staff_client, brest_oblast
):
    content = "slug;country;kind;parent;name_bg\nt-ivatsevichy;BY;town;brest-oblast;Ивацевичи\n"
    uploaded = upload_file(staff_client, Region, content.encode("cp1251"))
    checked(staff_client, uploaded)
    confirmed(staff_client, uploaded)
    assert Region.objects.get(slug="t-ivatsevichy").name_bg == "Ивацевичи"


def test_a_row_the_csv_reader_cannot_read_is_refused_naming_it(staff_client):
    content = 'slug,country,kind\nt-a,BY,town\nt-b,BY,"' + "x" * 200_000 + '"\n'
    refusal = upload_refusal(upload_file(staff_client, Region, content.encode()))
    with translation.override("bg"):
        limit = number(csv.field_size_limit())
    assert refusal == in_bulgarian(
        "Row %(row)s has a cell of more than %(limit)s characters.", row=3, limit=limit
    )


def test_the_admins_log_names_each_row_created_or_changed_and_the_file(staff_client):
    town = TownFactory()
    content = (
        "slug,country,kind,parent,name_bg\n"
        f"t-kamenets,BY,town,{town.parent.slug},Каменец\n"
        f"{town.slug},BY,town,{town.parent.slug},Преименуван град\n"
        f"{town.parent.slug},BY,oblast,,{town.parent.name_bg}\n"
    )
    uploaded = upload_file(staff_client, Region, content.encode(), "towns.csv")
    checked(staff_client, uploaded)
    confirmed(staff_client, uploaded)
    entries = LogEntry.objects.filter(content_type__model="region").order_by("pk")
    assert [
        (entry.object_id, entry.object_repr, entry.action_flag, entry.user.username)
        for entry in entries
    ] == [
        (str(Region.objects.get(slug="t-kamenets").pk), "Каменец", ADDITION, "staff"),
        (str(town.pk), "Преименуван град", CHANGE, "staff"),
    ]
    assert all("towns.csv" in entry.get_change_message() for entry in entries)


def import_whose_worker_died(client, settings):
    """A confirmed import whose worker took it and died, longer ago than the timeout."""
    content = "slug,country,kind,parent,name_bg\nt-kamenets,BY,town,brest-oblast,Каменец\n"
    uploaded = upload_file(client, Region, content.encode())
    checked(client, uploaded)
    client.post(uploaded["Location"], {"confirm": "1"})
    job = SpreadsheetImport.objects.get()
    job.claim()
    settings.IMPORT_WORKER_TIMEOUT = 0
    return uploaded["Location"]


def test_an_import_whose_worker_died_can_be_cancelled_and_no_worker_takes_it_up(
    staff_client, brest_oblast, settings
):
    job_url = import_whose_worker_died(staff_client, settings)
    page = staff_client.get(job_url).content.decode()
    assert in_bulgarian("Start again") in page and in_bulgarian("Cancel the import") in page
    staff_client.post(job_url, {"cancel": "1"})
    run_worker()
    page = staff_client.get(job_url).content.decode()
    assert in_bulgarian("The import was cancelled; nothing was imported.") in page
    assert SpreadsheetImport.objects.get().state == SpreadsheetImport.State.CANCELLED
    assert not Region.objects.filter(slug="t-kamenets").exists()


def test_an_import_whose_worker_died_can_be_started_again(staff_client, brest_oblast, settings):
    job_url = import_whose_worker_died(staff_client, settings)
    staff_client.post(job_url, {"start-again": "1"})
    run_worker()
    assert SpreadsheetImport.objects.get().state == SpreadsheetImport.State.IMPORTED
    assert Region.objects.filter(slug="t-kamenets").count() == 1


def test_only_a_form_of_the_site_may_start_again_or_cancel_an_import(
    staff_client, brest_oblast, settings
):
    job_url = import_whose_worker_died(staff_client, settings)
    forged = Client(enforce_csrf_checks=True)
    forged.force_login(User.objects.get(username="staff"))
    assert forged.post(job_url, {"cancel": "1"}).status_code == 403
    assert SpreadsheetImport.objects.get().state == SpreadsheetImport.State.IMPORTING
