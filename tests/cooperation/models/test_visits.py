"""A visit's rules."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from cooperation.models import Visit

pytestmark = pytest.mark.django_db


def test_visit_cannot_end_before_it_starts():
    visit = Visit(
        kind=Visit.Kind.DELEGATION,
        title="Т",
        slug="t",
        start_date=datetime.date(2020, 5, 2),
        end_date=datetime.date(2020, 5, 1),
    )
    with pytest.raises(ValidationError) as error:
        visit.full_clean()
    assert "end_date" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        visit.save()
