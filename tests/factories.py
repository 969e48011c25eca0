"""
Factories (factory_boy) that build the rows a test needs, so that a test states what it is
about and does not depend on the initial content, whose figures may be corrected.

    town = TownFactory(name_bg="Пинск")                  # a Belarusian town in a new oblast
    agreement = AgreementFactory(mission_region=town)   # with a new Bulgarian municipality
    VisitFactory(location=town, regions=[town])          # published, in the past
    NewsPhotoFactory(regions=[town], is_featured=True)   # a real JPEG, with its renditions
    PartnerRequestFactory(interests=["sport"])           # on the board: published and open
    regions = twinned_regions()                          # Brest oblast and its partners

Names are given in Bulgarian and English (the other languages fall back to them); generated
slugs start with "t-". The database of a test starts empty: only the tests about the initial
content load it (the `initial_content` fixture), so a test may give its rows the real slugs.
"""

import datetime
import io
from types import SimpleNamespace

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from cooperation.models import (
    NewsPhoto,
    NewsPhotoRegion,
    OverviewPage,
    Region,
    TwinningAgreement,
    Visit,
    VisitRegion,
)
from editorial.models import SpreadsheetImport
from embassy.models import MissionLink, Page
from partners.models import PartnerRequest


def jpeg(width=1200, height=800, color=(90, 120, 150)):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def coordinates_in(country, n):
    """Somewhere inside the country, a little apart for each region: (latitude, longitude)."""
    if country == "BG":
        return 42.2 + (n % 15) / 10, 23.5 + (n % 40) / 10
    return 52.2 + (n % 30) / 10, 24.5 + (n % 50) / 10


class RegionFactory(factory.django.DjangoModelFactory):
    """A region of the mission's country (Belarus), or of its parent's country."""

    class Meta:
        model = Region
        django_get_or_create = ("slug",)

    parent = None
    country = factory.LazyAttribute(lambda region: region.parent.country if region.parent else "BY")
    kind = Region.Kind.CITY
    slug = factory.Sequence(lambda n: f"t-region-{n}")
    name_bg = factory.Sequence(lambda n: f"Регион {n}")
    name_en = factory.Sequence(lambda n: f"Region {n}")
    latitude = factory.LazyAttributeSequence(lambda region, n: coordinates_in(region.country, n)[0])
    longitude = factory.LazyAttributeSequence(
        lambda region, n: coordinates_in(region.country, n)[1]
    )


class OblastFactory(RegionFactory):
    """A Belarusian oblast; `OblastFactory(country="BG")` for a Bulgarian one."""

    kind = Region.Kind.OBLAST
    country = "BY"
    slug = factory.Sequence(lambda n: f"t-oblast-{n}")
    name_bg = factory.Sequence(lambda n: f"Област {n}")
    name_en = factory.Sequence(lambda n: f"Oblast {n}")


class DistrictFactory(RegionFactory):
    """A Belarusian district in an oblast of its own."""

    kind = Region.Kind.DISTRICT
    parent = factory.SubFactory(OblastFactory, country="BY")
    slug = factory.Sequence(lambda n: f"t-district-{n}")
    name_bg = factory.Sequence(lambda n: f"Район {n}")
    name_en = factory.Sequence(lambda n: f"District {n}")


class VillageCouncilFactory(RegionFactory):
    """A Belarusian village council in a district of its own."""

    kind = Region.Kind.VILLAGE_COUNCIL
    parent = factory.SubFactory(DistrictFactory)
    slug = factory.Sequence(lambda n: f"t-village-council-{n}")
    name_bg = factory.Sequence(lambda n: f"Селски съвет {n}")
    name_en = factory.Sequence(lambda n: f"Village Council {n}")


class TownFactory(RegionFactory):
    """A Belarusian town in an oblast of its own."""

    kind = Region.Kind.TOWN
    parent = factory.SubFactory(OblastFactory, country="BY")
    slug = factory.Sequence(lambda n: f"t-town-{n}")
    name_bg = factory.Sequence(lambda n: f"Град {n}")
    name_en = factory.Sequence(lambda n: f"Town {n}")


class MunicipalityFactory(RegionFactory):
    """A Bulgarian municipality in an oblast of its own."""

    country = "BG"
    kind = Region.Kind.MUNICIPALITY
    parent = factory.SubFactory(OblastFactory, country="BG")
    slug = factory.Sequence(lambda n: f"t-municipality-{n}")
    name_bg = factory.Sequence(lambda n: f"Община {n}")
    name_en = factory.Sequence(lambda n: f"Municipality {n}")


class AgreementFactory(factory.django.DjangoModelFactory):
    """An active twinning between a Belarusian town and a Bulgarian municipality."""

    class Meta:
        model = TwinningAgreement

    mission_region = factory.SubFactory(TownFactory)
    host_region = factory.SubFactory(MunicipalityFactory)
    kind = TwinningAgreement.Kind.TWINNING
    year = 2000
    status = TwinningAgreement.Status.ACTIVE


class PublishedFactory(factory.django.DjangoModelFactory):
    """An entry published a day ago; `status="draft"` or a future `publish_at` for others."""

    status = "published"
    publish_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))


class VisitFactory(PublishedFactory):
    class Meta:
        model = Visit
        skip_postgeneration_save = True

    kind = Visit.Kind.DELEGATION
    slug = factory.Sequence(lambda n: f"t-visit-{n}")
    title_bg = factory.Sequence(lambda n: f"Посещение {n}")
    title_en = factory.Sequence(lambda n: f"Visit {n}")
    start_date = datetime.date(2021, 9, 6)

    @factory.post_generation
    def regions(visit, create, regions, **kwargs):
        """The regions taking part: `VisitFactory(regions=[town, municipality])`."""
        for region in regions or ():
            VisitRegion.objects.create(visit=visit, region=region)


class NewsPhotoFactory(PublishedFactory):
    """A photo stored with its renditions, from a JPEG of `size` pixels: 640 × 480 unless the
    test asks for another (`NewsPhotoFactory(size=(1200, 800))`), since making the renditions
    of a large photo is most of the time a test spends building its rows."""

    class Meta:
        model = NewsPhoto
        skip_postgeneration_save = True

    class Params:
        size = (640, 480)

    slug = factory.Sequence(lambda n: f"t-photo-{n}")
    title_bg = factory.Sequence(lambda n: f"Снимка {n}")
    title_en = factory.Sequence(lambda n: f"Photo {n}")
    alt_text_bg = "Делегациите пред общината"
    alt_text_en = "The delegations in front of the town hall"
    image = factory.LazyAttribute(
        lambda photo: ContentFile(jpeg(*photo.size), name=f"{photo.slug}.jpg")
    )

    @factory.post_generation
    def regions(photo, create, regions, **kwargs):
        """The regions shown: `NewsPhotoFactory(regions=[town])`."""
        for region in regions or ():
            NewsPhotoRegion.objects.create(photo=photo, region=region)


class PartnerRequestFactory(PublishedFactory):
    """A request of a Bulgarian municipality, in Bulgarian, confirmed by its writer, published
    and open; the writer's address is unique, so that a test can look for it on every public
    page."""

    class Meta:
        model = PartnerRequest

    country = "BG"
    region = factory.SubFactory(MunicipalityFactory)
    interests = ["culture", "tourism"]
    description = "Търсим побратимен град за културен обмен и туризъм."
    language = "bg"
    contact_name = "Иван Петров"
    contact_email = factory.Sequence(lambda n: f"writer-{n}@example.org")
    consent = True
    confirmed_at = factory.LazyFunction(timezone.now)


class SpreadsheetImportFactory(factory.django.DjangoModelFactory):
    """An import job of three agreements whose file is already gone, failed unless `state`."""

    class Meta:
        model = SpreadsheetImport

    content_type = factory.LazyFunction(
        lambda: ContentType.objects.get_for_model(TwinningAgreement)
    )
    resource = "cooperation.resources.TwinningAgreementResource"
    file_name = "agreements.csv"
    file_format = "csv"
    data = b""
    row_count = 3
    language = "en"
    state = SpreadsheetImport.State.FAILED


class OverviewPageFactory(PublishedFactory):
    class Meta:
        model = OverviewPage

    title_bg = "Регионално сътрудничество"
    title_en = "Regional cooperation"
    body_bg = "<p>Взаимодействието между регионите на Беларус и България.</p>"
    body_en = "<p>Cooperation between the regions of Belarus and Bulgaria.</p>"


class PageFactory(PublishedFactory):
    class Meta:
        model = Page

    slug = factory.Sequence(lambda n: f"t-page-{n}")
    title_bg = factory.Sequence(lambda n: f"Страница {n}")
    title_en = factory.Sequence(lambda n: f"Page {n}")
    body_bg = "<p>Текст.</p>"


class MissionLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MissionLink

    title_bg = factory.Sequence(lambda n: f"Мисия {n}")
    title_en = factory.Sequence(lambda n: f"Mission {n}")
    url = factory.Sequence(lambda n: f"https://mission-{n}.example.org/")
    position = factory.Sequence(int)


class StaffFactory(factory.django.DjangoModelFactory):
    """A staff account; `StaffFactory(role="Editor")` gives it one of the two roles."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"staff-{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("pw-for-tests")
    is_staff = True

    @factory.post_generation
    def role(user, create, role, **kwargs):
        if role:
            user.groups.add(Group.objects.get(name=role))


def twinned_regions():
    """
    A few regions and their agreements, after the embassy's page, for the tests of lists,
    filters and maps; returned by name (`regions.brest_district`):

        Belarus                                  Bulgaria
        Брестска област (brest-oblast)           област Стара Загора (stara-zagora-oblast)
          Брест, a city           – Плевен 1997    Чирпан, Опан: its municipalities
          Пинск, a town           – Добрич 1999  Плевен, Добрич, Варна: municipalities of
          Брестски район          – Чирпан 2021    other oblasts
                                  – Опан 2021
            Знаменски селски съвет – Опан 2018
        Минск, a city             – Варна 2000

    Five agreements of Brest oblast, three of Stara Zagora oblast, six in all.
    """
    brest_oblast = OblastFactory(
        slug="brest-oblast", name_bg="Брестска област", name_en="Brest Oblast"
    )
    brest_district = DistrictFactory(
        parent=brest_oblast,
        slug="brest-district",
        name_bg="Брестски район",
        name_en="Brest District",
    )
    stara_zagora_oblast = OblastFactory(
        country="BG",
        slug="stara-zagora-oblast",
        name_bg="област Стара Загора",
        name_en="Stara Zagora Province",
    )
    regions = SimpleNamespace(
        brest_oblast=brest_oblast,
        brest=RegionFactory(
            parent=brest_oblast,
            slug="brest",
            name_bg="Брест",
            name_ru="Брест",
            name_be="Брэст",
            name_en="Brest",
        ),
        pinsk=TownFactory(
            parent=brest_oblast, slug="pinsk", name_bg="Пинск", name_be="Пінск", name_en="Pinsk"
        ),
        brest_district=brest_district,
        znamenka=VillageCouncilFactory(
            parent=brest_district,
            slug="znamenka-village-council",
            name_bg="Знаменски селски съвет",
            name_en="Znamenka Village Council",
        ),
        minsk=RegionFactory(slug="minsk", name_bg="Минск", name_en="Minsk"),
        stara_zagora_oblast=stara_zagora_oblast,
        chirpan=MunicipalityFactory(
            parent=stara_zagora_oblast, slug="chirpan", name_bg="Чирпан", name_en="Chirpan"
        ),
        opan=MunicipalityFactory(
            parent=stara_zagora_oblast, slug="opan", name_bg="Опан", name_en="Opan"
        ),
        pleven=MunicipalityFactory(slug="pleven", name_bg="Плевен", name_en="Pleven"),
        dobrich=MunicipalityFactory(slug="dobrich", name_bg="Добрич", name_en="Dobrich"),
        varna=MunicipalityFactory(slug="varna", name_bg="Варна", name_en="Varna"),
    )
    for mission, host, year in [
        (regions.brest, regions.pleven, 1997),
        (regions.pinsk, regions.dobrich, 1999),
        (regions.minsk, regions.varna, 2000),
        (regions.znamenka, regions.opan, 2018),
        (regions.brest_district, regions.chirpan, 2021),
        (regions.brest_district, regions.opan, 2021),
    ]:
        AgreementFactory(mission_region=mission, host_region=host, year=year)
    return regions
