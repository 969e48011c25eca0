"""A region's name as a person writes it, in any language, case, "ё", hyphens or kind words
("община Опан"): strip_designator for the site search, RegionMatcher for the pasted list."""

import difflib
import re
from dataclasses import dataclass, field

from django.conf import settings

from .models import Region

Kind = Region.Kind

# Words before or after a name that say what kind of unit it is, in the site's languages.
DESIGNATORS = {
    "община": Kind.MUNICIPALITY,
    "муниципалитет": Kind.MUNICIPALITY,
    "municipality": Kind.MUNICIPALITY,
    "област": Kind.OBLAST,
    "область": Kind.OBLAST,
    "вобласць": Kind.OBLAST,
    "oblast": Kind.OBLAST,
    "province": Kind.OBLAST,
    "район": Kind.DISTRICT,
    "раён": Kind.DISTRICT,
    "district": Kind.DISTRICT,
    "селски съвет": Kind.VILLAGE_COUNCIL,
    "сельсовет": Kind.VILLAGE_COUNCIL,
    "сельсавет": Kind.VILLAGE_COUNCIL,
    "village council": Kind.VILLAGE_COUNCIL,
    "село": Kind.VILLAGE,
    "с.": Kind.VILLAGE,
    "град": None,
    "гр.": None,
    "г.": None,
    "city": None,
    "town": None,
}
# Official long forms that the embassy's list names some parties by.
ALIASES = [
    ("селски изпълнителен комитет", "селски съвет"),
    ("районен изпълнителен комитет", "район"),
    ("областен изпълнителен комитет", "област"),
    ("сельский исполнительный комитет", "сельсовет"),
    ("сельский совет", "сельсовет"),
    ("районный исполнительный комитет", "район"),
    ("областной исполнительный комитет", "область"),
    ("сельскі выканаўчы камітэт", "сельсавет"),
    ("сельскі савет", "сельсавет"),
]


def normalize(name):
    """A name in the form used for matching: lower case, "е" for "ё", no hyphens or quotes."""
    name = name.casefold().replace("ё", "е")
    name = re.sub(r"[\"'«»„“”]", "", name)
    name = re.sub(r"[\s\-‐‑]+", " ", name).strip(" .,")
    for long_form, short_form in ALIASES:
        name = name.replace(long_form, short_form)
    return name


def strip_designator(normalized):
    """The name without a designating word, and the kind that word names (or None)."""
    for word, kind in DESIGNATORS.items():
        if normalized.startswith(word + " "):
            return normalized[len(word) + 1 :].strip(), kind
        if normalized.endswith(" " + word):
            return normalized[: -len(word) - 1].strip(), kind
    return normalized, None


@dataclass
class PartyMatch:
    text: str
    region: Region | None = None
    suggestions: list[Region] = field(default_factory=list)


class RegionMatcher:
    def __init__(self, regions):
        self.by_name = {}
        self.by_bare_name = {}
        for region in regions:
            for code, _name in settings.LANGUAGES:
                name = getattr(region, f"name_{code}", None)
                if not name:
                    continue
                normalized = normalize(name)
                self.by_name.setdefault((region.country, normalized), set()).add(region)
                bare, _kind = strip_designator(normalized)
                self.by_bare_name.setdefault((region.country, bare), set()).add(region)

    def match(self, text, country):
        normalized = normalize(text)
        bare, kind = strip_designator(normalized)
        candidates = self.by_name.get((country, normalized)) or self.by_bare_name.get(
            (country, bare), set()
        )
        if kind is not None and candidates:
            of_kind = {region for region in candidates if region.kind == kind}
            if not of_kind:
                return PartyMatch(text, suggestions=self.ordered(candidates))
            candidates = of_kind
        if len(candidates) == 1:
            return PartyMatch(text, region=next(iter(candidates)))
        return PartyMatch(text, suggestions=self.ordered(candidates) or self.similar(bare, country))

    def similar(self, bare, country, limit=3):
        """Regions whose names are close to `bare`, the closest first."""
        names = [name for (code, name) in self.by_bare_name if code == country]
        regions = []
        for name in difflib.get_close_matches(bare, names, n=limit, cutoff=0.6):
            for region in self.ordered(self.by_bare_name[(country, name)]):
                if region not in regions:
                    regions.append(region)
        return regions[:limit]

    @staticmethod
    def ordered(regions):
        return sorted(regions, key=lambda region: (region.level, region.name))
