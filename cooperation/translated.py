"""Translated fields (django-modeltranslation) read as plain values, for rows without models."""

from django.db.models import CharField, Value
from django.db.models.functions import Coalesce, NullIf
from modeltranslation.utils import get_language, resolution_order


def in_active_language(path):
    """The translated field at `path` ("host_region__name") in the active language, falling
    back to the other languages as the models do, as an expression for values() rows:
    django-modeltranslation translates the fields of values() only on the queried model
    itself, not across relations."""
    columns = (NullIf(f"{path}_{code}", Value("")) for code in resolution_order(get_language()))
    return Coalesce(*columns, Value(""), output_field=CharField())
