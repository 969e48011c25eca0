"""
The agreement map: both countries' outlines, the parties as points, each agreement as a line.

Everything is projected and drawn here, on the server, into one SVG element (`AgreementMap.svg`),
so the map needs no tiles and no script; any set of agreements can be drawn the same way
(`AgreementMap.for_agreements(agreements).svg`).

The two countries lie far apart (Belarus between 51° and 56° north, Bulgaria between 41° and
44°), so each gets a panel of its own, the northern one above the southern one, and the empty
band between them is shortened to a fixed gap that the agreement lines cross. Inside a panel the
projection is equirectangular with longitudes scaled by the cosine of the country's mean
latitude: both countries keep their shapes, and their sizes relative to each other.
"""

import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext

from .countries import country_name

OUTLINES_FILE = Path(__file__).resolve().parent / "geo" / "belarus-bulgaria.geojson"

# SVG user units; the page scales the drawing to its width.
WIDTH = 600
MARGIN = 12
PANEL_GAP = 96
# Below the panels: where the name of the line or point under the pointer or focus appears.
CAPTION_HEIGHT = 72
# Parties at the same place (an oblast and its capital) are spread on a small circle.
SAME_PLACE_RADIUS = 7


@functools.cache
def load_outlines():
    """The countries' outer rings as lists of (longitude, latitude), by ISO code."""
    collection = json.loads(OUTLINES_FILE.read_text(encoding="utf-8"))
    outlines = {}
    for feature in collection["features"]:
        geometry = feature["geometry"]
        polygons = (
            geometry["coordinates"]
            if geometry["type"] == "MultiPolygon"
            else [geometry["coordinates"]]
        )
        # The outer ring of each polygon; holes are too small to see at this scale.
        outlines[feature["properties"]["iso_a2"]] = [polygon[0] for polygon in polygons]
    return outlines


@dataclass(frozen=True)
class Panel:
    """One country's part of the drawing, and its projection."""

    code: str
    rings: tuple
    left: float
    top: float
    scale: float
    lon_min: float
    lat_max: float
    lon_factor: float
    width: float
    height: float

    def project(self, longitude, latitude):
        x = self.left + (float(longitude) - self.lon_min) * self.lon_factor * self.scale
        y = self.top + (self.lat_max - float(latitude)) * self.scale
        return round(x, 1), round(y, 1)

    @functools.cached_property
    def outline_path(self):
        """The outline as SVG path data, with points closer than a unit to the last one dropped."""
        commands = []
        for ring in self.rings:
            points = []
            for longitude, latitude in ring:
                x, y = self.project(longitude, latitude)
                if points and abs(x - points[-1][0]) < 1 and abs(y - points[-1][1]) < 1:
                    continue
                points.append((x, y))
            commands.append("M" + " L".join(f"{x:g},{y:g}" for x, y in points) + "Z")
        return " ".join(commands)

    @property
    def name(self):
        return country_name(self.code)


@dataclass(frozen=True)
class Layout:
    panels: dict
    width: int
    height: float
    caption_y: float


@functools.cache
def layout_for(codes):
    """The panels of the two countries `codes`, north to south; None without their outlines."""
    outlines = load_outlines()
    if len(set(codes)) != 2 or not all(code in outlines for code in codes):
        return None
    extents = {}
    for code in codes:
        longitudes = [lon for ring in outlines[code] for lon, _lat in ring]
        latitudes = [lat for ring in outlines[code] for _lon, lat in ring]
        extents[code] = (min(longitudes), max(longitudes), min(latitudes), max(latitudes))
    north_to_south = sorted(codes, key=lambda code: -extents[code][3])
    west = min(extent[0] for extent in extents.values())
    mean_latitude = sum((e[2] + e[3]) / 2 for e in extents.values()) / len(extents)
    shared_factor = math.cos(math.radians(mean_latitude))

    # Horizontal offsets and widths in degrees of latitude; the scale follows from the width.
    offsets, factors, widths = {}, {}, {}
    for code, (lon_min, lon_max, lat_min, lat_max) in extents.items():
        factors[code] = math.cos(math.radians((lat_min + lat_max) / 2))
        offsets[code] = (lon_min - west) * shared_factor
        widths[code] = (lon_max - lon_min) * factors[code]
    span = max(offsets[code] + widths[code] for code in codes)
    scale = (WIDTH - 2 * MARGIN) / span

    panels, top = {}, MARGIN
    for code in north_to_south:
        lon_min, _lon_max, lat_min, lat_max = extents[code]
        height = (lat_max - lat_min) * scale
        panels[code] = Panel(
            code=code,
            rings=tuple(tuple(map(tuple, ring)) for ring in outlines[code]),
            left=MARGIN + offsets[code] * scale,
            top=top,
            scale=scale,
            lon_min=lon_min,
            lat_max=lat_max,
            lon_factor=factors[code],
            width=widths[code] * scale,
            height=height,
        )
        top += height + PANEL_GAP
    bottom = top - PANEL_GAP
    return Layout(
        panels=panels,
        width=WIDTH,
        height=round(bottom + CAPTION_HEIGHT + MARGIN),
        caption_y=round(bottom + MARGIN + 20),
    )


@dataclass(frozen=True)
class MapPoint:
    region: object
    x: float
    y: float


@dataclass(frozen=True)
class MapLine:
    agreement: object
    start: MapPoint
    end: MapPoint
    url: str


def spread_same_place(points):
    """Move parties that would be drawn on top of each other onto a small circle around it."""
    by_place = {}
    for point in points:
        by_place.setdefault((point.x, point.y), []).append(point)
    spread = []
    for (x, y), together in by_place.items():
        if len(together) == 1:
            spread.extend(together)
            continue
        for index, point in enumerate(together):
            angle = 2 * math.pi * index / len(together) - math.pi / 2
            spread.append(
                MapPoint(
                    point.region,
                    round(x + SAME_PLACE_RADIUS * math.cos(angle), 1),
                    round(y + SAME_PLACE_RADIUS * math.sin(angle), 1),
                )
            )
    return spread


class AgreementMap:
    """The drawing of `agreements`, whose parties must be selected with them (with_parties());
    `marked`, a region to ring (the one a page is about), drawn where it lies."""

    def __init__(self, layout, agreements, marked=None):
        self.width = layout.width
        self.height = layout.height
        self.caption_x = layout.width / 2
        self.caption_y = layout.caption_y
        # The names go in the outer corners, away from the lines between the panels: the
        # northern country's top left, the southern country's bottom right.
        north, *_middle, south = layout.panels.values()
        self.countries = [
            {
                "name": panel.name,
                "path": panel.outline_path,
                "label_x": round(panel.left if panel is north else panel.left + panel.width, 1),
                "label_y": round(panel.top + 18 if panel is north else panel.top + panel.height, 1),
                "label_anchor": "start" if panel is north else "end",
            }
            for panel in layout.panels.values()
        ]
        regions = {}
        for agreement in agreements:
            for region in (agreement.mission_region, agreement.host_region):
                regions[region.pk] = region
        points = [
            MapPoint(
                region, *layout.panels[region.country].project(region.longitude, region.latitude)
            )
            for region in regions.values()
            if region.latitude is not None and region.country in layout.panels
        ]
        self.points = sorted(spread_same_place(points), key=lambda point: point.region.name)
        by_region = {point.region.pk: point for point in self.points}
        self.lines = [
            MapLine(
                agreement,
                by_region[agreement.mission_region_id],
                by_region[agreement.host_region_id],
                agreement.get_absolute_url(),
            )
            for agreement in agreements
            if agreement.mission_region_id in by_region and agreement.host_region_id in by_region
        ]
        self.marked = None
        if marked is not None and marked.latitude is not None and marked.country in layout.panels:
            panel = layout.panels[marked.country]
            self.marked = by_region.get(marked.pk) or MapPoint(
                marked, *panel.project(marked.longitude, marked.latitude)
            )

    @classmethod
    def for_agreements(cls, agreements, marked=None):
        """The map of the agreements between the two configured countries, or None without
        their outlines."""
        layout = layout_for(
            (settings.COOPERATION_MISSION_COUNTRY, settings.COOPERATION_HOST_COUNTRY)
        )
        return None if layout is None else cls(layout, agreements, marked)

    @functools.cached_property
    def svg(self):
        """The map as one SVG element, safe to put in a page as it is."""
        caption = f'x="{self.caption_x}" y="{self.caption_y}" text-anchor="middle"'
        description = ngettext(
            "%(counter)s agreement drawn as a line between its two parties.",
            "%(counter)s agreements drawn as lines between their two parties.",
            len(self.lines),
        ) % {"counter": len(self.lines)}
        description += " " + gettext("The list of the same agreements follows the map.")
        if self.marked:
            description += " " + gettext("A ring marks where %(region)s lies.") % {
                "region": self.marked.region
            }
        return mark_safe(
            "\n".join(
                [
                    f'<svg class="agreement-map" viewBox="0 0 {self.width} {self.height}" '
                    'role="group" aria-labelledby="agreement-map-title" '
                    'aria-describedby="agreement-map-desc">',
                    '<title id="agreement-map-title">'
                    + escape(
                        gettext("Map of the agreements between regions of Belarus and Bulgaria")
                    )
                    + "</title>",
                    f'<desc id="agreement-map-desc">{escape(description)}</desc>',
                    '<g class="map-countries">',
                    *map(country_svg, self.countries),
                    "</g>",
                    f'<text class="map-hint" {caption} aria-hidden="true">'
                    + escape(gettext("Point at a line or a place to see its name"))
                    + "</text>",
                    '<g class="map-lines">',
                    *(line_svg(line, caption, self.caption_x) for line in self.lines),
                    "</g>",
                    '<g class="map-points">',
                    *(point_svg(point, caption) for point in self.points),
                    "</g>",
                    *(marked_svg(self.marked) if self.marked else []),
                    "</svg>",
                ]
            )
        )


def country_svg(country):
    """A country's outline and its name."""
    return (
        f'<path class="map-country" d="{country["path"]}"/>'
        f'<text class="map-country-name" x="{country["label_x"]}" y="{country["label_y"]}" '
        f'text-anchor="{country["label_anchor"]}">{escape(country["name"])}</text>'
    )


def line_svg(line, caption, caption_x):
    """An agreement: a line between its parties, a link to the pair in the list, and the
    caption that names it under the map while it has the pointer or the focus."""
    agreement = line.agreement
    mission, host = escape(agreement.mission_region), escape(agreement.host_region)
    ends = f'x1="{line.start.x}" y1="{line.start.y}" x2="{line.end.x}" y2="{line.end.y}"'
    return (
        f'<a class="map-line" href="{escape(line.url)}">'
        f"<title>{mission} – {host}, {agreement.year}</title>"
        f'<line class="map-line-target" {ends}/><line class="map-line-stroke" {ends}/>'
        f'<text class="map-label" {caption} aria-hidden="true">'
        f'<tspan x="{caption_x}">{mission} –</tspan>'
        f'<tspan x="{caption_x}" dy="1.2em">{host} ({agreement.year})</tspan></text></a>'
    )


def point_svg(point, caption):
    """A party: a dot linking to the region's page, and its caption."""
    region = point.region
    name = escape(region)
    return (
        f'<a class="map-point map-point-{escape(region.country.lower())}" '
        f'href="{escape(region.get_absolute_url())}"><title>{name}</title>'
        f'<circle cx="{point.x}" cy="{point.y}" r="5"/>'
        f'<text class="map-label" {caption} aria-hidden="true">{name}</text></a>'
    )


def marked_svg(point):
    """The ring around the region a page is about."""
    return [
        '<g class="map-marked" aria-hidden="true">',
        f'<circle cx="{point.x}" cy="{point.y}" r="14"/>',
        "</g>",
    ]
