"""The admin as the staff's editing tool: every page opens, mistakes are refused with a reason."""

import csv
import io
import re

import openpyxl
import pytest
from django.contrib import admin
from django.core.files.storage import default_storage
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext
from reversion.models import Version

from cooperation.countries import COUNTRY_NAMES
from cooperation.models import NewsPhoto, OverviewPage, Region, TwinningAgreement
from embassy.models import Page
from partners.models import PartnerRequest
from photos.renditions import WEBP
from tests.admin_forms import opened_version
from tests.factories import (
    AgreementFactory,
    MissionLinkFactory,
    MunicipalityFactory,
    NewsPhotoFactory,
    OblastFactory,
    OverviewPageFactory,
    PartnerRequestFactory,
    RegionFactory,
    TownFactory,
    VisitFactory,
    twinned_regions,
)
from tests.imports import (
    CSV_FORMAT,
    XLSX_FORMAT,
    checked,
    confirmed,
    run_worker,
    upload_file,
)
from tests.photos.image_files import (
    jpeg_bytes,
    media_files,
    pdf_bytes,
    phone_photo_bytes,
    png_bomb_bytes,
    svg_bytes,
    truncated_jpeg_bytes,
    upload,
)

pytestmark = pytest.mark.django_db

MODELS = [
    model for model in admin.site._registry if model._meta.app_label in {"cooperation", "embassy"}
]


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.fixture
def regions():
    return twinned_regions()


@pytest.fixture
def brest_varna_and_burgas():
    """The parties the imports below name: a Belarusian city, two Bulgarian municipalities."""
    RegionFactory(slug="brest", name_bg="Брест")
    MunicipalityFactory(slug="varna", name_bg="Варна")
    MunicipalityFactory(slug="burgas", name_bg="Бургас")


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_changelist_add_and_change_pages_open(staff_client, model):
    town = TownFactory()
    AgreementFactory(mission_region=town)
    NewsPhotoFactory(visit=VisitFactory(regions=[town]), regions=[town])
    OverviewPageFactory()
    MissionLinkFactory()
    assert staff_client.get(admin_url(model, "changelist")).status_code == 200
    if model is OverviewPage:
        # There is one regional cooperation page: a second one cannot be added.
        assert staff_client.get(admin_url(model, "add")).status_code == 403
    else:
        assert staff_client.get(admin_url(model, "add")).status_code == 200
    if model is Page:
        Page.objects.create(title="За нас", slug="about")
    if model is PartnerRequest:
        PartnerRequestFactory()
    obj = model.objects.first()
    assert staff_client.get(admin_url(model, "change", obj.pk)).status_code == 200


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


def test_region_page_lists_its_agreements(staff_client):
    gomel = AgreementFactory(host_region__name_bg="Бургас").mission_region
    response = staff_client.get(admin_url(Region, "change", gomel.pk))
    assert "Бургас" in response.content.decode()


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


def test_deleting_a_region_with_agreements_is_refused_and_names_them(staff_client, regions):
    pinsk = Region.objects.get(slug="pinsk")
    url = admin_url(Region, "delete", pinsk.pk)
    page = staff_client.get(url).content.decode()
    assert "Пинск – Добрич (1999)" in page
    staff_client.post(url, {"post": "yes"})
    assert Region.objects.filter(slug="pinsk").exists()


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


def test_admin_speaks_the_staff_members_chosen_language(staff_client):
    staff_client.post(reverse("set_language"), {"language": "ru", "next": "/admin/"})
    page = staff_client.get(reverse("admin:index")).content.decode()
    assert "Выйти" in page  # Django's own Russian catalogue for "Log out"


def news_photo_form(image, **fields):
    return {
        "title_bg": "Среща в Пловдив",
        "slug": "meeting-in-plovdiv",
        "image": image,
        "status": "draft",
        "publish_at_0": "2024-05-01",
        "publish_at_1": "10:00:00",
        "newsphotoregion_set-TOTAL_FORMS": "0",
        "newsphotoregion_set-INITIAL_FORMS": "0",
        "newsphotoregion_set-MIN_NUM_FORMS": "0",
        "newsphotoregion_set-MAX_NUM_FORMS": "1000",
        **fields,
    }


BAD_UPLOADS = {
    "text file renamed .jpg": (
        lambda: upload("photo.jpg", b"Not a photo at all, just words."),
        "“photo.jpg” is not an image",
    ),
    "PDF renamed .jpg": (lambda: upload("scan.jpg", pdf_bytes()), "“scan.jpg” is not an image"),
    "truncated JPEG": (
        lambda: upload("cut.jpg", truncated_jpeg_bytes()),
        "The image is damaged or incomplete",
    ),
    "image over the pixel limit": (
        lambda: upload("big.jpg", jpeg_bytes(1600, 1000)),
        "The image is 1600 × 1000 pixels (1.6 megapixels); an image may have at most 1 megapixels",
    ),
    "decompression bomb": (
        lambda: upload("bomb.png", png_bomb_bytes(), "image/png"),
        "The image claims far more pixels than the 1 megapixels accepted",
    ),
    "file over the size limit": (
        lambda: upload("huge.jpg", jpeg_bytes(900, 900) + b"\0" * 250_000),
        "KB; an image may be at most 195.3\xa0KB. Reduce it and upload it again.",
    ),
    "SVG": (
        lambda: upload("logo.svg", svg_bytes(), "image/svg+xml"),
        "SVG images are not accepted, because they can carry scripts",
    ),
}


@pytest.mark.parametrize("make_file, message", BAD_UPLOADS.values(), ids=BAD_UPLOADS.keys())
@override_settings(PHOTO_MAX_PIXELS=1_000_000, PHOTO_MAX_BYTES=200_000)
def test_news_photo_form_refuses_a_bad_upload_with_its_message_and_stores_nothing(
    staff_client, make_file, message
):
    staff_client.cookies["django_language"] = "en"
    count, files = NewsPhoto.objects.count(), media_files()
    response = staff_client.post(admin_url(NewsPhoto, "add"), news_photo_form(make_file()))
    assert response.status_code == 200
    assert message in response.context["adminform"].form.errors["image"][0]
    assert escape(message) in response.content.decode()
    assert NewsPhoto.objects.count() == count
    assert media_files() == files


def test_news_photo_form_stores_a_phone_photo_upright_without_its_location(staff_client):
    response = staff_client.post(
        admin_url(NewsPhoto, "add"), news_photo_form(upload("IMG_2041.JPG", phone_photo_bytes()))
    )
    assert response.status_code == 302
    photo = NewsPhoto.objects.get(slug="meeting-in-plovdiv")
    assert re.fullmatch(r"news/\d{4}/IMG_2041\w*\.jpg", photo.image.name)
    assert (photo.width, photo.height) == (300, 400)
    with default_storage.open(photo.image.name) as stream:
        content = stream.read()
    assert b"GPS" not in content and b"SN-0042" not in content
    assert all(default_storage.exists(r.name) for r in photo.image.renditions.all)


def test_replacing_a_photo_in_the_form_keeps_the_old_original_with_its_renditions(
    staff_client, django_capture_on_commit_callbacks
):
    staff_client.post(admin_url(NewsPhoto, "add"), news_photo_form(upload("a.jpg", jpeg_bytes())))
    photo = NewsPhoto.objects.get(slug="meeting-in-plovdiv")
    old_name, old_renditions = photo.image.name, photo.image.renditions.all
    url = admin_url(NewsPhoto, "change", photo.pk)
    version = opened_version(staff_client, url)
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            url,
            news_photo_form(upload("b.jpg", jpeg_bytes(800, 600, "red")), entry_version=version),
        )
    assert response.status_code == 302
    photo.refresh_from_db()
    assert photo.image.name != old_name and (photo.width, photo.height) == (800, 600)
    assert default_storage.exists(old_name)
    # Kept for the history, which can show the old photo again at once.
    assert all(default_storage.exists(r.name) for r in old_renditions)
    assert all(default_storage.exists(r.name) for r in photo.image.renditions.all)


def test_photo_thumbnails_show_a_small_rendition_not_the_original(staff_client):
    photo = NewsPhotoFactory()
    small_webp = [r.url for r in photo.image.renditions.of_format(WEBP)]
    for page in (admin_url(NewsPhoto, "changelist"), admin_url(NewsPhoto, "change", photo.pk)):
        html = staff_client.get(page).content.decode()
        thumbnails = re.findall(r'<img src="(/media/[^"]+)"', html)
        assert thumbnails and set(thumbnails) <= set(small_webp[:2])
        assert f'<img src="{photo.image.url}"' not in html


def test_photo_field_asks_the_phone_for_an_accepted_format(staff_client):
    html = staff_client.get(admin_url(NewsPhoto, "add")).content.decode()
    assert 'accept="image/jpeg,image/png,image/webp"' in html


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


def export(client, model, file_format):
    form = client.get(admin_url(model, "export")).context["form"]
    data = {
        name: "on"
        for name, field in form.fields.items()
        if name not in {"format", "resource", "export_items"}
    }
    return client.post(admin_url(model, "export"), {**data, "format": file_format, "resource": "0"})


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


def test_publishing_a_photo_without_its_text_alternative_in_the_form_says_where(staff_client):
    """It was a server error: the model named a field the form does not have."""
    response = staff_client.post(
        admin_url(NewsPhoto, "add"),
        news_photo_form(upload("a.jpg", jpeg_bytes()), status="published"),
    )
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.errors["alt_text_bg"] == [
        "Опишете снимката в алтернативния текст, преди да я публикувате."
    ]
    assert not NewsPhoto.objects.filter(slug="meeting-in-plovdiv").exists()


def test_an_export_address_with_a_parameter_that_is_no_filter_says_so(staff_client):
    response = staff_client.get("/admin/cooperation/region/export/?next=/", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain == [("/admin/cooperation/region/export/", 302)]
    messages = [str(message) for message in response.context["messages"]]
    assert messages == ["Адресът съдържа филтри, които не съществуват."]
