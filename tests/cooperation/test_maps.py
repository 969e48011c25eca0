"""The agreement map's projection and drawing data."""

import pytest
from django.test import override_settings
from django.utils import translation
from django.utils.translation import gettext

from cooperation.maps import AgreementMap, layout_for
from cooperation.models import Region, TwinningAgreement
from tests.factories import (
    AgreementFactory,
    MunicipalityFactory,
    OblastFactory,
    RegionFactory,
    TownFactory,
    twinned_regions,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def bulgarian():
    """Links are built for the active language; other tests may leave another one active."""
    with translation.override("bg"):
        yield


def agreement_map():
    return AgreementMap.for_agreements(list(TwinningAgreement.objects.with_parties()))


def point_of(drawing, slug):
    return next(point for point in drawing.points if point["region"].slug == slug)


def test_every_agreement_is_a_line_and_every_party_a_point():
    twinned_regions()
    drawing = agreement_map()
    assert len(drawing.lines) == 6
    assert len(drawing.points) == 10
    assert len({point["region"].pk for point in drawing.points}) == 10


def test_everything_lies_inside_the_drawing():
    twinned_regions()
    # The far corners of both countries.
    AgreementFactory(
        mission_region__latitude=56.17,
        mission_region__longitude=32.77,
        host_region__latitude=41.24,
        host_region__longitude=22.36,
    )
    drawing = agreement_map()
    for point in drawing.points:
        assert 0 < point["x"] < drawing.width and 0 < point["y"] < drawing.height, point["name"]


def test_belarus_is_drawn_above_bulgaria_and_west_stays_west():
    def twin(city, latitude, longitude, partner, partner_latitude, partner_longitude):
        AgreementFactory(
            mission_region=RegionFactory(slug=city, latitude=latitude, longitude=longitude),
            host_region=MunicipalityFactory(
                slug=partner, latitude=partner_latitude, longitude=partner_longitude
            ),
        )

    twin("vitebsk", 55.1904, 30.2049, "sofia", 42.6977, 23.3219)
    twin("minsk", 53.9006, 27.5590, "ruse-oblast", 43.8356, 25.9657)
    twin("brest", 52.0976, 23.7341, "burgas", 42.5048, 27.4626)
    twin("gomel", 52.4345, 30.9754, "varna", 43.2141, 27.9147)
    drawing = agreement_map()
    assert point_of(drawing, "vitebsk")["y"] < point_of(drawing, "minsk")["y"]
    assert point_of(drawing, "minsk")["y"] < point_of(drawing, "ruse-oblast")["y"]
    assert point_of(drawing, "ruse-oblast")["y"] < point_of(drawing, "sofia")["y"]
    assert point_of(drawing, "brest")["x"] < point_of(drawing, "gomel")["x"]
    assert point_of(drawing, "sofia")["x"] < point_of(drawing, "burgas")["x"]


def test_a_line_joins_its_two_parties_and_links_to_their_agreements_page():
    AgreementFactory.create_batch(2)
    agreement = AgreementFactory(mission_region=TownFactory(slug="svetlogorsk"))
    drawing = agreement_map()
    host = agreement.host_region.slug
    url = f"/bg/cooperation/agreements/{agreement.pk}-svetlogorsk-{host}/"
    line = next(line for line in drawing.lines if line["url"] == url)
    start, end = point_of(drawing, "svetlogorsk"), point_of(drawing, host)
    assert line["path"] == f"M{start['x']:g},{start['y']:g} L{end['x']:g},{end['y']:g}"


def test_parties_at_the_same_place_are_drawn_apart():
    # Brest district is administered from the city of Brest: both are parties.
    oblast = OblastFactory()
    for slug in ("brest", "brest-district"):
        AgreementFactory(
            mission_region=RegionFactory(
                parent=oblast,
                kind=Region.Kind.CITY if slug == "brest" else Region.Kind.DISTRICT,
                slug=slug,
                latitude=52.0976,
                longitude=23.7341,
            )
        )
    drawing = agreement_map()
    district, city = point_of(drawing, "brest-district"), point_of(drawing, "brest")
    assert (district["x"], district["y"]) != (city["x"], city["y"])
    assert abs(district["x"] - city["x"]) < 20 and abs(district["y"] - city["y"]) < 20


def test_an_agreement_whose_party_has_no_coordinates_gets_no_line():
    twinned_regions()
    Region.objects.filter(slug="pinsk").update(latitude=None, longitude=None)
    drawing = agreement_map()
    assert len(drawing.lines) == 5
    assert not any(point["region"].slug == "pinsk" for point in drawing.points)


def test_the_outlines_are_svg_paths_with_decimal_points():
    AgreementFactory()
    drawing = agreement_map()
    names = [str(country["name"]) for country in drawing.countries]
    assert names == [gettext("Belarus"), gettext("Bulgaria")]
    for country in drawing.countries:
        assert country["path"].startswith("M") and country["path"].endswith("Z")
        assert country["path"].count("L") > 100


@override_settings(COOPERATION_HOST_COUNTRY="DE")
def test_no_map_for_countries_without_outlines():
    AgreementFactory()
    assert agreement_map() is None
    assert layout_for(("BY", "BY")) is None


def test_the_drawing_writes_names_as_text(client):
    AgreementFactory(mission_region__name_bg='Бор <b>"А & Б"</b>')
    page = client.get("/bg/cooperation/map/").content.decode()
    drawing = page[page.index('<svg class="agreement-map"') : page.index("</svg>")]
    assert "<b>" not in drawing
    assert "<title>Бор &lt;b&gt;&quot;А &amp; Б&quot;&lt;/b&gt;</title>" in drawing
