"""A news photo's rules."""

import pytest
from django.core.exceptions import ValidationError

from tests.factories import (
    NewsPhotoFactory,
)

pytestmark = pytest.mark.django_db


def test_photo_cannot_be_published_without_a_text_alternative():
    photo = NewsPhotoFactory()
    photo.full_clean()
    photo.alt_text_bg = ""
    with pytest.raises(ValidationError) as error:
        photo.full_clean()
    assert "alt_text_bg" in error.value.message_dict
