"""The visit pages, and previews of unpublished entries for staff."""

import datetime

import pytest
from django.utils import timezone

from cooperation.models import Visit
from tests.cooperation.views.conftest import text_of
from tests.factories import (
    MunicipalityFactory,
    OblastFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db


def test_visit_list_newest_first_and_filtered(client):
    burgas_oblast = OblastFactory(country="BG")
    in_2021 = VisitFactory(kind=Visit.Kind.AMBASSADOR, start_date=datetime.date(2021, 9, 6))
    in_2005 = VisitFactory(
        kind=Visit.Kind.TWIN_CITIES_MEETING,
        start_date=datetime.date(2005, 4, 1),
        location=MunicipalityFactory(parent=burgas_oblast),
    )
    in_2000 = VisitFactory(
        kind=Visit.Kind.TWIN_CITIES_MEETING, start_date=datetime.date(2000, 11, 1)
    )

    def visits(**query):
        return list(client.get("/bg/cooperation/visits/", query).context["object_list"])

    assert visits() == [in_2021, in_2005, in_2000]
    assert visits(year=2005) == [in_2005]
    assert visits(region=burgas_oblast.slug) == [in_2005]
    assert visits(kind="ambassador") == [in_2021]
    bad = client.get("/bg/cooperation/visits/", {"year": "MMXXI"})
    assert bad.status_code == 200 and bad.context["filter"].form.errors


def test_visit_page_shows_month_only_dates_as_a_month(client):
    visit = VisitFactory(
        start_date=datetime.date(2000, 11, 1), date_precision=Visit.DatePrecision.MONTH
    )
    page = text_of(client.get(visit.get_absolute_url()))
    assert "ноември 2000 г." in page
    assert "1 ноември 2000 г." not in page


def test_visit_page_shows_its_photos_and_regions(client, stara_zagora_visit):
    page = text_of(client.get(stara_zagora_visit.get_absolute_url()))
    assert "6 септември 2021 г." in page
    assert stara_zagora_visit.photos.get().get_absolute_url() in page
    assert "/bg/cooperation/regions/brest-oblast/" in page


@pytest.mark.parametrize("when", ["draft", "future"])
def test_unpublished_entries_are_404_for_the_public_and_previewed_by_staff(
    client, staff_client, when
):
    visit = VisitFactory()
    if when == "draft":
        visit.status = Visit.Status.DRAFT
    else:
        visit.publish_at = timezone.now() + datetime.timedelta(days=1)
    visit.save()
    url = visit.get_absolute_url()
    assert client.get(url).status_code == 404
    assert visit not in client.get("/bg/cooperation/visits/").context["object_list"]
    response = staff_client.get(url)
    assert response.status_code == 200
    assert 'class="draft-banner"' in text_of(response)
