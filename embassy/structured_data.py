"""The schema.org structured data (JSON-LD) of the site's pages: the element that holds it, and
the embassy as the organisation behind the site."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from .sites import absolute_url

SCHEMA_ORG = "https://schema.org"

# As Django's json_script escapes them: no text of the data can end the element or open a tag.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld_element(data):
    """A <script type="application/ld+json"> element holding `data`; browsers never run it."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


def embassy_organization():
    """The embassy as a schema.org GovernmentOrganization, named in the active language."""
    return {
        "@type": "GovernmentOrganization",
        "name": _("Embassy of the Republic of Belarus in the Republic of Bulgaria"),
        "alternateName": _("Embassy of Belarus in Bulgaria"),
        "url": absolute_url("/"),
    }
