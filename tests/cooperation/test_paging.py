"""Long lists read by their keys first give the rows a plain slice gives, in the same order."""

import pytest
from django.core.paginator import Paginator

from cooperation.models import TwinningAgreement
from cooperation.paging import KeysFirstPaginator, keys_first
from tests.factories import AgreementFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("order", [("-year", "pk"), ("host_region__slug", "-pk")])
def test_pages_and_first_rows_are_those_of_a_plain_slice(order):
    for year in (1995, 2001, 2001, 2010, 1995, 2020, 2001):
        AgreementFactory(year=year)
    agreements = TwinningAgreement.objects.listed().order_by(*order)
    for number in (1, 2, 3):
        assert list(KeysFirstPaginator(agreements, 3).page(number)) == list(
            Paginator(agreements, 3).page(number)
        )
    assert list(keys_first(agreements, agreements[:4])) == list(agreements[:4])
