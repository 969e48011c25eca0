"""
Text in the form searches compare, so that "Gabrovo" or "габрово" finds "Габрово": case-folded,
and in Latin letters (cyrtranslit, anyascii). Start at search_lines() and contains_text().
"""

import re

import cyrtranslit
from anyascii import anyascii
from django.db.models import Q

CYRTRANSLIT_SYSTEMS = {"bg": "bg", "ru": "ru", "be": "by"}

APOSTROPHES = re.compile(r"['ʼ’`\"]")
NOT_A_LETTER = re.compile(r"[^a-z0-9]+")


def search_term(text):
    """Text as typed, in the form of the stored texts: case folded, spaces collapsed."""
    return " ".join(text.split()).casefold()


def latin_term(text):
    """Text in Latin letters for comparing: ASCII, lower case, words separated by one space."""
    latin = APOSTROPHES.sub("", anyascii(text)).casefold()
    return NOT_A_LETTER.sub(" ", latin).strip()


def search_lines(texts_by_language):
    """The stored form of (language code, text) pairs, one a line: case-folded, then Latin."""
    lines = []
    for language, text in texts_by_language:
        if not text:
            continue
        forms = [search_term(text), latin_term(text)]
        if language in CYRTRANSLIT_SYSTEMS:
            forms.append(latin_term(cyrtranslit.to_latin(text, CYRTRANSLIT_SYSTEMS[language])))
        lines.extend(form for form in forms if form and form not in lines)
    return "\n".join(lines)


def contains_text(field, text):
    """A condition: the stored lines of `field` contain the text as typed or in Latin letters."""
    condition = Q(**{f"{field}__contains": search_term(text)})
    if latin := latin_term(text):
        condition |= Q(**{f"{field}__contains": latin})
    return condition
