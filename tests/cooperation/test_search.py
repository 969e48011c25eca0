"""The site search: each kind of result, every language, Latin letters, bad input."""

import datetime

import pytest

from tests.factories import (
    AgreementFactory,
    MunicipalityFactory,
    NewsPhotoFactory,
    OblastFactory,
    TownFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db


def link(entry):
    """The end of an entry's address in a link, in any language."""
    return f'/{entry.slug}/"'


def search(client, text, language="bg", **params):
    response = client.get(f"/{language}/search/", {"q": text, **params})
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def gabrovo():
    oblast = OblastFactory(country="BG", name_bg="област Ябълково", name_en="")
    return MunicipalityFactory(
        parent=oblast,
        name_bg="Ябълково",
        name_ru="Яблоково",
        name_be="Яблыкава",
        name_en="",
    )


def test_a_region_is_found_by_its_name_in_any_language_and_shown_in_the_pages(client, gabrovo):
    for text in ("ябълково", "ЯБЛОКОВО", "Яблыкава"):
        assert 'href="/bg/cooperation/regions/' + gabrovo.slug in search(client, text), text
    assert "Яблыкава" in search(client, "ябълково", language="be")


def test_a_region_is_found_from_latin_letters(client, gabrovo):
    # As the Bulgarian and Belarusian systems write them, with or without accents.
    for text in ("Yabalkovo", "yabălkovo", "Yablokovo", "Jablykava"):
        assert link(gabrovo) in search(client, text), text


def test_a_word_that_names_a_kind_of_region_picks_the_region_of_that_kind(client, gabrovo):
    page = search(client, "област Ябълково")
    assert link(gabrovo.parent) in page
    assert link(gabrovo) not in page
    page = search(client, "община Ябълково")
    assert link(gabrovo) in page
    assert link(gabrovo.parent) not in page


def test_agreements_are_found_by_either_party(client, gabrovo):
    town = TownFactory(name_bg="Крушево", name_en="")
    agreement = AgreementFactory(mission_region=town, host_region=gabrovo, year=1997)
    for text in ("Крушево", "Yabalkovo"):
        page = search(client, text, kind="agreements")
        assert "1 резултат" in page
        assert f'/{agreement.pk}-{agreement.address_slug}/"' in page


def test_published_visits_are_found_by_title_or_summary(client):
    visit = VisitFactory(title_bg="Среща на побратимените градове", summary_bg="В Пловдив.")
    draft = VisitFactory(title_bg="Среща в чернова", status="draft")
    for text in ("побратимените", "Plovdiv"):
        assert link(visit) in search(client, text), text
    assert link(draft) not in search(client, "среща")


def test_published_news_is_found_by_title_or_caption(client):
    photo = NewsPhotoFactory(title_bg="Делегация", caption_bg="Кметовете пред читалището.")
    later = datetime.datetime(2999, 1, 1, tzinfo=datetime.UTC)
    NewsPhotoFactory(title_bg="Делегация в бъдещето", publish_at=later)
    page = search(client, "читалището")
    assert link(photo) in page
    assert "в бъдещето" not in search(client, "делегация")


def test_results_are_grouped_by_kind_with_a_link_to_all_of_one_kind(client):
    for _n in range(7):
        TownFactory(name_bg="Липово")
    page = search(client, "липово")
    assert '<h2 id="results-regions">Региони</h2>' in page
    assert page.count("Липово</a>") == 5
    assert "kind=regions" in page


def test_one_kind_of_result_is_shown_page_by_page(client):
    for _n in range(23):
        TownFactory(name_bg="Брезово")
    first = search(client, "брезово", kind="regions")
    assert "23 резултата" in first and "Страница 1 от 2" in first
    assert search(client, "брезово", kind="regions", page=2).count("Брезово</a>") == 3


def test_nothing_found_is_said(client):
    assert "Нищо не е намерено за „щщщщщ“." in search(client, "щщщщщ")


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("q=" + "а" * 3000, "най-много 100 знака"),
        ("q=%00", "Празни знаци не са разрешени"),
        ("q=x&kind=everything", "Изберете валидна стойност"),
        ("q=%FF%FE%C0", ""),
        ("q=", ""),
        ("q=%22%27%3C%3E%26%25_*:!|()", ""),
        ("page=-1&q=x&kind=regions", ""),
    ],
)
def test_bad_input_gets_the_page_with_a_reason_never_an_error(client, query, message):
    response = client.get(f"/bg/search/?{query}")
    assert response.status_code == 200
    assert message in response.content.decode()


def test_the_results_are_not_indexed_nor_in_the_sitemap(client, gabrovo):
    noindex = '<meta name="robots" content="noindex">'
    assert noindex in search(client, "ябълково")
    assert noindex in search(client, "")
    # The search page itself, the form without results, may be found by search engines.
    assert noindex not in client.get("/bg/search/").content.decode()
    assert "/search/" not in client.get("/sitemap.xml").content.decode()


def test_every_page_has_a_search_box_that_works_without_javascript(client):
    page = client.get("/en/cooperation/").content.decode()
    assert '<form class="site-search" action="/en/search/" method="get" role="search"' in page
    assert '<label class="visually-hidden" for="site-search-q">Search the site</label>' in page
    assert 'name="q"' in page
