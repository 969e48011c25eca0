"""What the Open Graph and Twitter card tags in every page's <head> need."""

from django import template

from ..sites import absolute_url

register = template.Library()

# Open Graph names locales as language_TERRITORY.
OPEN_GRAPH_LOCALES = {"bg": "bg_BG", "ru": "ru_RU", "be": "be_BY", "en": "en_GB"}


register.simple_tag(absolute_url)


@register.simple_tag
def open_graph_locale(language_code):
    return OPEN_GRAPH_LOCALES.get(language_code, language_code)
