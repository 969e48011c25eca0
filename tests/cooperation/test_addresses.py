"""An entry's address, reversed once per language, is the one reverse() gives."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from cooperation.addresses import cached_reverse


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_an_address_is_the_one_reverse_gives_in_each_language(language):
    with translation.override(language):
        for slug in ["brest", "veliko-tarnovo", "987654321", "stand-in-slug-2"]:
            region = cached_reverse("cooperation:region_detail", slug=slug)
            assert region == reverse("cooperation:region_detail", kwargs={"slug": slug})
            agreement = cached_reverse("cooperation:agreement_detail", pk=12, slug=slug)
            assert agreement == reverse(
                "cooperation:agreement_detail", kwargs={"pk": 12, "slug": slug}
            )
