"""
The timeline of agreements: a bar per year with agreements, laid out and drawn here as one SVG
element (`AgreementTimeline.svg`).

The axis runs through every year from the first agreement to the last, so that years without
agreements show as gaps; each bar links to the agreement list of its year.
"""

from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext

WIDTH = 600
HEIGHT = 210
MARGIN = 10
# Room above the bars for their counts, and below the axis for the years.
TOP_ROOM = 26
BOTTOM_ROOM = 30
BAR_SHARE = 0.7
MAX_BAR_WIDTH = 40
TICK_EVERY = 5


@dataclass(frozen=True)
class YearBar:
    year: int
    count: int
    x: float
    y: float
    width: float
    height: float
    url: str

    @property
    def center_x(self):
        return round(self.x + self.width / 2, 1)

    @property
    def count_y(self):
        """The baseline of the count written above the bar."""
        return round(self.y - 6, 1)


@dataclass(frozen=True)
class YearTick:
    year: int
    x: float


class AgreementTimeline:
    """Agreements per year, from a mapping of year to count."""

    width = WIDTH
    height = HEIGHT

    def __init__(self, counts_by_year):
        self.counts = {year: count for year, count in sorted(counts_by_year.items()) if count}
        self.axis_y = HEIGHT - BOTTOM_ROOM
        self.year_y = self.axis_y + 22
        self.bars, self.ticks = [], []
        if not self.counts:
            return
        first, last = min(self.counts), max(self.counts)
        slot = (WIDTH - 2 * MARGIN) / (last - first + 1)
        bar_width = min(slot * BAR_SHARE, MAX_BAR_WIDTH)
        tallest = max(self.counts.values())
        plot_height = self.axis_y - TOP_ROOM
        list_url = reverse("cooperation:agreement_list")
        for year, count in self.counts.items():
            height = plot_height * count / tallest
            self.bars.append(
                YearBar(
                    year=year,
                    count=count,
                    x=round(MARGIN + (year - first) * slot + (slot - bar_width) / 2, 1),
                    y=round(self.axis_y - height, 1),
                    width=round(bar_width, 1),
                    height=round(height, 1),
                    url=f"{list_url}?{urlencode({'year_min': year, 'year_max': year})}",
                )
            )
        self.ticks = [
            YearTick(year, round(MARGIN + (year - first + 0.5) * slot, 1))
            for year in range(first, last + 1)
            if year % TICK_EVERY == 0 or first == last
        ]

    @classmethod
    def from_agreements(cls, agreements):
        return cls(Counter(agreement.year for agreement in agreements))

    @property
    def total(self):
        return sum(self.counts.values())

    @property
    def first_year(self):
        return min(self.counts, default=None)

    @property
    def last_year(self):
        return max(self.counts, default=None)

    @property
    def svg(self):
        """The timeline as one SVG element, safe to put in a page as it is."""
        description = ngettext(
            "%(counter)s agreement signed between %(first)s and %(last)s; each bar links to the "
            "agreements of its year.",
            "%(counter)s agreements signed between %(first)s and %(last)s; each bar links to the "
            "agreements of its year.",
            self.total,
        ) % {"counter": self.total, "first": self.first_year, "last": self.last_year}
        title = gettext("Agreements signed per year")
        return mark_safe(
            "\n".join(
                [
                    f'<svg class="timeline" viewBox="0 0 {self.width} {self.height}" role="group" '
                    'aria-labelledby="timeline-title" aria-describedby="timeline-desc">',
                    f'<title id="timeline-title">{escape(title)}</title>',
                    f'<desc id="timeline-desc">{escape(description)}</desc>',
                    f'<line class="timeline-axis" x1="0" y1="{self.axis_y}" x2="{self.width}" '
                    f'y2="{self.axis_y}"/>',
                    *(
                        f'<text class="timeline-year" x="{tick.x}" y="{self.year_y}" '
                        f'text-anchor="middle" aria-hidden="true">{tick.year}</text>'
                        for tick in self.ticks
                    ),
                    *map(bar_svg, self.bars),
                    "</svg>",
                ]
            )
        )


def bar_svg(bar):
    """A year's bar, linking to the agreements of that year, with its count written above it."""
    title = ngettext(
        "%(year)s: %(counter)s agreement", "%(year)s: %(counter)s agreements", bar.count
    ) % {"year": bar.year, "counter": bar.count}
    return (
        f'<a class="timeline-bar" href="{escape(bar.url)}"><title>{escape(title)}</title>'
        f'<rect x="{bar.x}" y="{bar.y}" width="{bar.width}" height="{bar.height}"/>'
        f'<text class="timeline-count" x="{bar.center_x}" y="{bar.count_y}" '
        f'text-anchor="middle" aria-hidden="true">{bar.count}</text></a>'
    )
