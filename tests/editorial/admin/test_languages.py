"""The admin's translated entries: the long texts' language tabs, the languages an entry lacks,
and the staff page of the entries that still lack a language."""

import itertools
import re

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils.html import escape

from cooperation.models import Region
from editorial.admin import missing_languages
from editorial.admin.languages import missing_language_condition
from tests.factories import (
    MunicipalityFactory,
    RegionFactory,
    StaffFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db

MISSING = reverse("admin:missing_translations")


def browser_of(client, user):
    client.force_login(user)
    return client


def staff_allowed_to_view(*codenames):
    user = StaffFactory()
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return user


# The language tabs.


def test_long_texts_carry_their_language_tabs_and_short_ones_stay_side_by_side(staff_client):
    visit = VisitFactory()
    page = staff_client.get(reverse("admin:cooperation_visit_change", args=[visit.pk]))
    html = page.content.decode()
    for code in ("bg", "ru", "be", "en"):
        body = re.search(rf"<textarea[^>]*name=\"body_{code}\"[^>]*>", html).group()
        assert 'data-language-tab="body"' in body and f'data-language="{code}"' in body
        summary = re.search(rf"<textarea[^>]*name=\"summary_{code}\"[^>]*>", html).group()
        assert 'data-language-tab="summary"' in summary
        title = re.search(rf"<input[^>]*name=\"title_{code}\"[^>]*>", html).group()
        assert "data-language-tab" not in title
    assert 'data-language-name="Руски"' in html
    assert "/static/editorial/admin/language-tabs.js" in html
    assert "/static/editorial/admin/language-tabs.css" in html
    # Without the script, all four languages are on the page, one under another, as before.
    assert all(f'name="body_{code}"' in html for code in ("bg", "ru", "be", "en"))


# Which entries lack a language, in the database.


@pytest.mark.parametrize("code", ["bg", "ru", "be", "en"])
def test_the_query_finds_the_entries_that_missing_languages_names(code):
    regions = [
        RegionFactory(name_ru=name_ru, description_bg=description_bg, description_ru=description_ru)
        for name_ru, description_bg, description_ru in itertools.product(
            [None, "", "Имя"], ["", "Описание"], [None, "", "Описание"]
        )
    ]
    pks = [region.pk for region in regions]
    found = set(
        Region.objects.filter(pk__in=pks)
        .filter(missing_language_condition(Region, code))
        .values_list("pk", flat=True)
    )
    assert found == {region.pk for region in regions if code in missing_languages(region)}


# The page of the entries that still lack a language.


def test_the_admin_index_links_to_the_page(staff_client):
    page = staff_client.get(reverse("admin:index")).content.decode()
    assert f'href="{MISSING}"' in page


def test_the_page_counts_and_lists_the_entries_missing_each_language(staff_client):
    def visits_missing(code):
        context = staff_client.get(MISSING).context
        row = next(row for row in context["rows"] if row["key"] == "cooperation.visit")
        return next(cell["count"] for cell in row["counts"] if cell["code"] == code)

    before = {code: visits_missing(code) for code in ("ru", "be", "en")}
    visit = VisitFactory(title_bg="Среща в Пловдив", title_ru="Встреча в Пловдиве", title_en="")
    VisitFactory(title_bg="Преведена", title_ru="Т", title_be="Т", title_en="T")
    assert {code: visits_missing(code) for code in ("ru", "be", "en")} == {
        "ru": before["ru"],
        "be": before["be"] + 1,
        "en": before["en"] + 1,
    }
    overview = staff_client.get(MISSING).content.decode()
    assert 'href="?model=cooperation.visit&amp;language=be"' in overview

    listed = staff_client.get(MISSING, {"model": "cooperation.visit", "language": "be"})
    page = listed.content.decode()
    form_url = reverse("admin:cooperation_visit_change", args=[visit.pk])
    assert f'<a href="{form_url}">Среща в Пловдив</a>' in page
    assert "Преведена" not in page
    assert [
        entry["missing"] for entry in listed.context["entries"] if entry["url"] == form_url
    ] == [["be", "en"]]


def test_the_list_is_paginated(staff_client, monkeypatch):
    monkeypatch.setattr("editorial.admin.translations.MissingTranslationsView.paginate_by", 2)
    for number in range(3):
        VisitFactory(title_bg=f"Непреведено {number}", title_en="")
    first = staff_client.get(MISSING, {"model": "cooperation.visit", "language": "en"})
    assert len(first.context["entries"]) == 2
    assert "&amp;page=2" in first.content.decode()
    last = staff_client.get(
        MISSING, {"model": "cooperation.visit", "language": "en", "page": "999"}
    )
    assert last.status_code == 200 and last.context["page_obj"].number > 1


def test_staff_see_only_the_models_they_may_view(client):
    browser_of(client, staff_allowed_to_view("view_visit"))
    VisitFactory(title_bg="Само посещения", title_en="")
    response = client.get(MISSING)
    assert [row["key"] for row in response.context["rows"]] == ["cooperation.visit"]
    page = response.content.decode()
    assert escape(str(Region._meta.verbose_name_plural).capitalize()) not in page
    assert client.get(MISSING, {"model": "cooperation.region", "language": "ru"}).status_code == 404
    listed = client.get(MISSING, {"model": "cooperation.visit", "language": "en"})
    assert "Само посещения" in listed.content.decode()


def test_staff_who_may_view_no_translated_model_see_no_entries(client):
    browser_of(client, staff_allowed_to_view())
    RegionFactory(name_bg="Скрит регион", name_ru="")
    response = client.get(MISSING)
    assert response.status_code == 200
    assert response.context["rows"] == []
    assert "Скрит регион" not in response.content.decode()


def test_visitors_are_sent_to_the_login(client):
    response = client.get(MISSING)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


@pytest.mark.parametrize(
    "query",
    [
        {"model": "cooperation.visit", "language": "xx"},
        {"model": "cooperation.visit", "language": "bg"},
        {"model": "auth.user", "language": "ru"},
        {"model": "cooperation.visit"},
    ],
)
def test_a_list_that_does_not_exist_is_not_found(staff_client, query):
    assert staff_client.get(MISSING, query).status_code == 404


def test_a_page_number_that_is_not_one_shows_the_first_page(staff_client):
    visit = VisitFactory(title_ru="")
    response = staff_client.get(
        MISSING, {"model": "cooperation.visit", "language": "ru", "page": "zwei"}
    )
    assert response.status_code == 200 and response.context["page_obj"].number == 1
    assert [entry["name"] for entry in response.context["entries"]] == [visit.title_bg]


def test_the_page_costs_a_query_per_model(staff_client, django_assert_max_num_queries):
    VisitFactory(title_en="")
    with django_assert_max_num_queries(13):
        response = staff_client.get(MISSING, {"model": "cooperation.visit", "language": "en"})
    assert response.context["entries"]


def test_admin_lists_the_languages_an_entry_still_lacks(staff_client):
    Region.objects.create(country="BG", kind="town", name_bg="Ново село", slug="novo-selo")
    complete = MunicipalityFactory(
        name_bg="Бургас", name_ru="Бургас", name_be="Бургас", name_en="Burgas"
    )
    page = staff_client.get("/admin/cooperation/region/?q=novo-selo").content.decode()
    assert "ru, be, en" in page
    form = staff_client.get(f"/admin/cooperation/region/{complete.pk}/change/").content.decode()
    assert "missing languages" in form.lower() or "липсващи" in form.lower()


def test_admin_shows_the_four_languages_of_a_name_side_by_side(staff_client):
    brest = RegionFactory(slug="brest")
    page = staff_client.get(f"/admin/cooperation/region/{brest.pk}/change/").content.decode()
    row = page[page.index('class="form-row field-name_bg') :]
    row = row[: row.index('<div class="form-row', 10)]
    for code in ("bg", "ru", "be", "en"):
        assert f'name="name_{code}"' in row
