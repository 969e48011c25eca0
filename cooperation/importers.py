"""The pasted list: agreements in the old page's own format ("1998 година: Марьина Горка – Троян,
Гомел – Бургас") matched to regions; preview_pasted_agreements says what saving would add."""

import re
from dataclasses import dataclass, field

import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .models import Region, TwinningAgreement
from .region_names import PartyMatch, RegionMatcher

YEAR_LINE = re.compile(
    r"^\s*(?P<year>\d{4})\s*(?:година|год(?:ина)?\.?|г\.)?\s*:\s*(?P<pairs>.*?)\s*$",
    re.IGNORECASE,
)
PAIR_SEPARATOR = re.compile(r"\s*[,;]\s*")
# A dash, or a hyphen between spaces ("Горна-Оряховица" is one name).
PARTY_SEPARATOR = re.compile(r"\s*[–—]\s*|\s+-\s+")


@dataclass
class PastedPair:
    NEW = "new"
    EXISTING = "existing"
    UNKNOWN = "unknown"
    REFUSED = "refused"

    line_number: int
    year: int
    text: str
    mission: PartyMatch | None = None
    host: PartyMatch | None = None
    existing: TwinningAgreement | None = None
    agreement: TwinningAgreement | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def status(self):
        if self.existing is not None:
            return self.EXISTING
        if self.problems:
            return self.REFUSED
        if self.agreement is None:
            return self.UNKNOWN
        return self.NEW


@dataclass
class PastePreview:
    kind: str
    pairs: list[PastedPair]
    skipped_lines: list[tuple[int, str]]

    def with_status(self, status):
        return [pair for pair in self.pairs if pair.status == status]

    new = property(lambda self: self.with_status(PastedPair.NEW))
    existing = property(lambda self: self.with_status(PastedPair.EXISTING))
    unknown = property(lambda self: self.with_status(PastedPair.UNKNOWN))
    refused = property(lambda self: self.with_status(PastedPair.REFUSED))


def parse_agreement_list(text):
    """The pairs as (line number, year, pair text, left name, right name), the names None unless
    two are separated by a dash; and the lines that are not list lines."""
    pairs, skipped = [], []
    for line_number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = YEAR_LINE.match(line)
        if match is None:
            skipped.append((line_number, line.strip()))
            continue
        year = int(match["year"])
        for pair_text in PAIR_SEPARATOR.split(match["pairs"]):
            if not pair_text:
                continue
            names = [name.strip() for name in PARTY_SEPARATOR.split(pair_text)]
            if len(names) != 2 or not all(names):
                names = [None, None]
            pairs.append((line_number, year, pair_text, *names))
    return pairs, skipped


def match_parties(matcher, left, right):
    """Match the mission's country's party first; accept the two written the other way round."""
    mission_country = settings.COOPERATION_MISSION_COUNTRY
    host_country = settings.COOPERATION_HOST_COUNTRY
    mission, host = matcher.match(left, mission_country), matcher.match(right, host_country)
    if mission.region is None or host.region is None:
        swapped_mission = matcher.match(right, mission_country)
        swapped_host = matcher.match(left, host_country)
        if swapped_mission.region is not None and swapped_host.region is not None:
            return swapped_mission, swapped_host
    return mission, host


def preview_pasted_agreements(text, kind=TwinningAgreement.Kind.TWINNING):
    """Read a pasted list and say what saving it would add; writes nothing."""
    countries = [settings.COOPERATION_MISSION_COUNTRY, settings.COOPERATION_HOST_COUNTRY]
    matcher = RegionMatcher(Region.objects.filter(country__in=countries))
    stored = {
        (agreement.mission_region_id, agreement.host_region_id): agreement
        for agreement in TwinningAgreement.objects.filter(kind=kind).with_parties()
    }
    parsed, skipped = parse_agreement_list(text)
    pairs, first_line_of = [], {}
    for line_number, year, pair_text, left, right in parsed:
        pair = PastedPair(line_number, year, pair_text)
        pairs.append(pair)
        if left is None:
            pair.problems.append(_("Write the two names separated by a dash: “Гомел – Бургас”."))
            continue
        pair.mission, pair.host = match_parties(matcher, left, right)
        if pair.mission.region is None or pair.host.region is None:
            continue
        key = (pair.mission.region.pk, pair.host.region.pk)
        if key in stored:
            pair.existing = stored[key]
        elif key in first_line_of:
            pair.problems.append(
                _("The same pair is already on line %(line)s.") % {"line": first_line_of[key]}
            )
        else:
            first_line_of[key] = line_number
            agreement = TwinningAgreement(
                mission_region=pair.mission.region,
                host_region=pair.host.region,
                kind=kind,
                year=year,
            )
            try:
                agreement.full_clean()
            except ValidationError as error:
                pair.problems.extend(error.messages)
            else:
                pair.agreement = agreement
    return PastePreview(kind=kind, pairs=pairs, skipped_lines=skipped)


def save_pasted_agreements(preview, user=None):
    """Add the preview's new agreements, all or none, as one revision of the history."""
    new_pairs = preview.new
    with transaction.atomic(), reversion.create_revision():
        reversion.set_comment(_("Added from a pasted list of agreements."))
        reversion.set_user(user)
        for pair in new_pairs:
            pair.agreement.save()
    return [pair.agreement for pair in new_pairs]
