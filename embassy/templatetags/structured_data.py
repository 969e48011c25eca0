"""{% json_ld data %}: a page's schema.org structured data; {% embassy_json_ld %}: the embassy's."""

from django import template

from ..structured_data import SCHEMA_ORG, embassy_organization, json_ld_element

register = template.Library()


@register.simple_tag
def json_ld(data):
    return json_ld_element(data) if data else ""


@register.simple_tag
def embassy_json_ld():
    return json_ld_element({"@context": SCHEMA_ORG, **embassy_organization()})
