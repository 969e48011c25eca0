"""Cells of the files the site gives out: nothing a spreadsheet program would run as a formula."""

import csv
import io

import openpyxl
import pytest
from import_export.formats.base_formats import CSV, XLSX

from cooperation.models import Region
from cooperation.resources import RegionResource
from cooperation.spreadsheet_cells import SafeCsvWriter, imported_cell, safe_cell
from tests.factories import AgreementFactory, MunicipalityFactory, TownFactory

HOSTILE_NAMES = [
    '=HYPERLINK("http://x","y")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("text", HOSTILE_NAMES)
def test_a_text_that_reads_as_a_formula_is_marked_as_text_and_read_back_as_it_was(text):
    assert safe_cell(text) == "'" + text
    assert imported_cell(safe_cell(text)) == text


@pytest.mark.parametrize(
    "value", ["Брест", "", "'s-Hertogenbosch", "-12.5", "+3", "-7", "1e-5", 2021, -12.5, None]
)
def test_plain_texts_and_numbers_are_written_as_they_are(value):
    assert safe_cell(value) == value
    assert imported_cell(value) == value


@pytest.mark.parametrize("text", ["'=1+1", "''@x", "'-x"])
def test_a_text_already_starting_with_the_mark_survives_the_round_trip(text):
    assert imported_cell(safe_cell(text)) == text


def test_the_csv_writer_marks_every_cell_that_reads_as_a_formula():
    output = io.StringIO()
    SafeCsvWriter(output).writerow(["=1+1", "Брест", -3.5, "@x"])
    assert next(csv.reader(io.StringIO(output.getvalue()))) == ["'=1+1", "Брест", "-3.5", "'@x"]


def hostile_regions(names=HOSTILE_NAMES):
    return [
        TownFactory(name_bg=name, name_en=name, longitude=-(index + 1) * 1.25)
        for index, name in enumerate(names)
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "file_format, names",
    # An Excel file's XML cannot hold a bare carriage return: it reads back as a line feed.
    [(CSV, HOSTILE_NAMES), (XLSX, [name for name in HOSTILE_NAMES if "\r" not in name])],
)
def test_an_exported_file_imports_back_unchanged(file_format, names):
    regions = hostile_regions(names)
    queryset = Region.objects.filter(pk__in=[region.pk for region in regions])
    exported = RegionResource().export(queryset, force_native_type=file_format is XLSX)
    content = file_format().export_data(exported)
    if file_format is CSV:
        content = content.encode()
    read_back = file_format().create_dataset(content.decode() if file_format is CSV else content)
    result = RegionResource().import_data(read_back, dry_run=True)
    assert not result.has_errors() and not result.has_validation_errors()
    assert result.totals["skip"] == len(regions)
    for region in regions:
        region.refresh_from_db()
    assert [region.name_bg for region in regions] == names


@pytest.mark.django_db
def test_an_excel_export_holds_the_names_as_text_and_the_numbers_as_numbers():
    (region, *_others) = hostile_regions()
    exported = RegionResource().export(Region.objects.filter(pk=region.pk), force_native_type=True)
    book = openpyxl.load_workbook(io.BytesIO(XLSX().export_data(exported)))
    header, row = list(book.active.iter_rows())
    cells = {title.value: cell for title, cell in zip(header, row, strict=True)}
    assert cells["name_bg"].data_type == "s"
    assert cells["name_bg"].value == "'" + HOSTILE_NAMES[0]
    assert cells["longitude"].data_type == "n"
    assert float(cells["longitude"].value) == -1.25


@pytest.mark.django_db
def test_the_public_csv_marks_names_that_read_as_formulas(client):
    town = TownFactory(name_bg=HOSTILE_NAMES[0])
    AgreementFactory(mission_region=town, host_region=MunicipalityFactory(name_bg=HOSTILE_NAMES[1]))
    response = client.get("/bg/cooperation/agreements/", {"format": "csv", "region": town.slug})
    (row,) = csv.DictReader(io.StringIO(response.getvalue().decode("utf-8-sig")))
    assert row["mission_party_name"] == "'" + HOSTILE_NAMES[0]
    assert row["host_party_name"] == "'" + HOSTILE_NAMES[1]
    assert row["year"] == "2000"
