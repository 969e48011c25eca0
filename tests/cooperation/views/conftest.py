"""Fixtures and helpers shared by the tests of the public pages."""

import datetime
import re

import pytest

from cooperation.models import Visit
from tests.factories import (
    NewsPhotoFactory,
    VisitFactory,
    twinned_regions,
)


def text_of(response):
    return response.content.decode()


def result_count(response):
    return response.context["paginator"].count


@pytest.fixture
def regions():
    return twinned_regions()


@pytest.fixture
def stara_zagora_visit(regions):
    """The ambassador's visit to Stara Zagora oblast with the Brest oblast delegation, and its
    photo, featured on the cooperation page."""
    visit = VisitFactory(
        kind=Visit.Kind.AMBASSADOR,
        start_date=datetime.date(2021, 9, 6),
        location=regions.stara_zagora_oblast,
        regions=[regions.brest_oblast, regions.stara_zagora_oblast],
    )
    NewsPhotoFactory(
        visit=visit,
        regions=[regions.brest_oblast, regions.stara_zagora_oblast],
        taken_on=datetime.date(2021, 9, 6),
        caption_bg="Срещата с ръководството на област Стара Загора (6 септември 2021 г.)",
        credit_bg="Посолство на Беларус",
        is_featured=True,
    )
    return visit


def svg_of(page, css_class):
    return re.search(rf'<svg class="{css_class}".*?</svg>', page, re.DOTALL).group()
