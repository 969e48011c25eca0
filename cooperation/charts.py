"""The timeline's geometry, a bar per year on an axis through every year: `AgreementTimeline` lays
it out; templates/cooperation/svg/timeline.html draws it."""

from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import ngettext

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
    def title(self):
        return ngettext(
            "%(year)s: %(counter)s agreement", "%(year)s: %(counter)s agreements", self.count
        ) % {"year": self.year, "counter": self.count}

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
    axis_y = HEIGHT - BOTTOM_ROOM
    year_y = axis_y + 22

    def __init__(self, counts_by_year):
        self.counts = {year: count for year, count in sorted(counts_by_year.items()) if count}
        self.total = sum(self.counts.values())
        self.first_year = min(self.counts, default=None)
        self.last_year = max(self.counts, default=None)
        self.bars, self.ticks = [], []
        if not self.counts:
            return
        first, last = self.first_year, self.last_year
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
