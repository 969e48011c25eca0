"""An agreement's page: both parties and where they lie, its facts, its last exchange, the
visits and photos of the pair, a small map, the coming jubilee, and how it began."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext

from cooperation.views.agreement_page import AGREEMENT_PAGE_VISIT_LIMIT
from tests.factories import (
    AgreementFactory,
    MunicipalityFactory,
    NewsPhotoFactory,
    OblastFactory,
    PartnerRequestFactory,
    RegionFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def agreement():
    """Кобрин district, Brest oblast – Община Бяла, Русе oblast, since 14 March 2001."""
    brest = OblastFactory(country="BY", name_bg="Брестка област", name_en="Brest Oblast")
    district = RegionFactory(
        country="BY",
        kind="district",
        parent=brest,
        name_bg="Кобрински район",
        name_en="Kobrin District",
    )
    ruse = OblastFactory(country="BG", name_bg="Област Русе", name_en="Ruse Oblast")
    byala = MunicipalityFactory(parent=ruse, name_bg="Община Бяла", name_en="Byala Municipality")
    return AgreementFactory(
        mission_region=district,
        host_region=byala,
        year=2001,
        signed_on=datetime.date(2001, 3, 14),
        notes_bg="Споразумение за търговско и културно сътрудничество.",
    )


def page_of(client, agreement, language="bg"):
    with translation.override(language):
        url = agreement.get_absolute_url()
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_the_address_is_readable_and_other_spellings_redirect_to_it(client, agreement):
    with translation.override("bg"):
        address = agreement.get_absolute_url()
    parties = f"{agreement.mission_region.slug}-{agreement.host_region.slug}"
    assert address == f"/bg/cooperation/agreements/{agreement.pk}-{parties}/"
    for other in (
        f"/bg/cooperation/agreements/{agreement.pk}/",
        f"/bg/cooperation/agreements/{agreement.pk}-old-names/",
    ):
        response = client.get(other)
        assert (response.status_code, response["Location"]) == (301, address)
    assert client.get("/bg/cooperation/agreements/999999/").status_code == 404


def test_the_page_shows_both_parties_where_they_lie_and_the_agreements_facts(client, agreement):
    page = page_of(client, agreement)
    assert "<h1>Кобрински район – Община Бяла</h1>" in page
    assert ">Кобрински район</a>, Брестка област" in page
    assert ">Община Бяла</a>, Област Русе" in page
    assert "14 март 2001 г." in page
    assert "Споразумение за търговско и културно сътрудничество." in page
    with translation.override("bg"):
        kind, status = (capfirst(gettext(label)) for label in ("twinning", "active"))
    assert f"<dd>{kind}</dd>" in page and f"<dd>{status}</dd>" in page
    assert '<svg class="agreement-map"' in page
    assert page.count('<a class="map-line"') == 1


def test_the_page_speaks_the_visitors_language(client, agreement):
    page = page_of(client, agreement, "en")
    assert "<h1>Kobrin District – Byala Municipality</h1>" in page
    assert ">Kobrin District</a>, Brest Oblast" in page
    assert "Last exchange" in page and "Coming jubilee" in page
    assert "14 March 2001" in page


def test_the_page_lists_the_visits_and_photos_of_the_pair_and_its_last_exchange(client, agreement):
    district, byala = agreement.mission_region, agreement.host_region
    VisitFactory(
        title_bg="Делегация от Кобрин в Бяла",
        regions=[district, byala],
        start_date=datetime.date(2019, 6, 2),
    )
    VisitFactory(title_bg="Само в Кобрин", regions=[district], start_date=datetime.date(2023, 1, 5))
    VisitFactory(
        title_bg="Чернова",
        regions=[district, byala],
        status="draft",
        start_date=datetime.date(2024, 1, 5),
    )
    NewsPhotoFactory(
        title_bg="Снимка от Бяла", regions=[byala, district], taken_on=datetime.date(2022, 9, 6)
    )
    page = page_of(client, agreement)
    assert "Делегация от Кобрин в Бяла" in page
    assert "Снимка от Бяла" in page
    assert "Само в Кобрин" not in page and "Чернова" not in page
    assert '<time datetime="2022-09-06">6 септември 2022 г.</time>' in page


def test_a_pair_never_visited_says_so(client, agreement):
    page = page_of(client, agreement, "en")
    assert "No visit or photo of the two partners published yet." in page


def test_the_visits_are_bounded_with_a_link_to_the_rest(client, agreement):
    parties = [agreement.mission_region, agreement.host_region]
    for day in range(AGREEMENT_PAGE_VISIT_LIMIT + 1):
        VisitFactory(regions=parties, start_date=datetime.date(2020, 1, 1 + day))
    page = page_of(client, agreement)
    assert page.count('href="/bg/cooperation/visits/t-visit-') == AGREEMENT_PAGE_VISIT_LIMIT
    assert f'href="/bg/cooperation/visits/?region={parties[0].slug}"' in page


def test_the_coming_jubilee_is_on_the_page(client, agreement):
    year = timezone.localdate().year
    next_round = 2001 + max(5, -(-(year - 2001) // 5) * 5)
    page = page_of(client, agreement, "en")
    assert f'<time datetime="{next_round}-03-14">14 March {next_round}</time>' in page


def test_the_signed_document_is_linked_when_there_is_one(client, agreement):
    assert "/document/" not in page_of(client, agreement)
    agreement.document.save("kobrin-byala.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    page = page_of(client, agreement)
    assert f'href="/bg/cooperation/agreements/{agreement.pk}/document/"' in page


def test_an_agreement_born_on_the_partner_board_says_how_it_began(client, agreement):
    origin = PartnerRequestFactory(
        region=agreement.host_region,
        publish_at=timezone.make_aware(datetime.datetime(2024, 4, 2, 10)),
        closed_at=timezone.now(),
        closed_reason="partner_found",
    )
    origin.agreements.add(agreement)
    page = page_of(client, agreement, "en")
    assert "How it began" in page
    assert "on 2 April 2024, Byala Municipality (Bulgaria) was looking for a partner" in page
    assert f'href="/en/cooperation/partners/{origin.pk}/"' in page
    assert origin.contact_email not in page


def test_the_lists_lead_to_the_agreements_page(client, agreement):
    with translation.override("bg"):
        address = agreement.get_absolute_url()
    region = agreement.mission_region
    for url in (
        "/bg/cooperation/",
        f"/bg/cooperation/agreements/?region={region.slug}",
        f"/bg/cooperation/map/?region={region.slug}",
        f"/bg/cooperation/regions/{region.slug}/",
    ):
        assert f'href="{address}"' in client.get(url).content.decode(), url
