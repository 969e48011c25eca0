"""The agreement map's geometry: both countries' outlines, the parties as points, the agreements
as lines. `AgreementMap.for_agreements()` projects them; templates/cooperation/svg/map.html draws.
"""

import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

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
        polygons = geometry["coordinates"]
        if geometry["type"] != "MultiPolygon":
            polygons = [polygons]
        # The outer ring of each polygon; holes are too small to see at this scale.
        outlines[feature["properties"]["iso_a2"]] = [polygon[0] for polygon in polygons]
    return outlines


@dataclass(frozen=True)
class Panel:
    left: float
    top: float
    scale: float
    lon_min: float
    lat_max: float
    lon_factor: float

    def project(self, longitude, latitude):
        x = self.left + (float(longitude) - self.lon_min) * self.lon_factor * self.scale
        y = self.top + (self.lat_max - float(latitude)) * self.scale
        return round(x, 1), round(y, 1)

    def path(self, rings):
        """The rings as SVG path data, without points closer than a unit to the one before."""
        commands = []
        for ring in rings:
            points = []
            for longitude, latitude in ring:
                x, y = self.project(longitude, latitude)
                if points and abs(x - points[-1][0]) < 1 and abs(y - points[-1][1]) < 1:
                    continue
                points.append((x, y))
            commands.append("M" + " L".join(f"{x:g},{y:g}" for x, y in points) + "Z")
        return " ".join(commands)


@dataclass(frozen=True)
class Layout:
    panels: dict
    countries: list
    height: int
    caption_y: int


@functools.cache
def layout_for(codes):
    """The panels and outlines of the two countries `codes`; None without their outlines."""
    outlines = load_outlines()
    if len(set(codes)) != 2 or not all(code in outlines for code in codes):
        return None
    extents = {}
    for code in codes:
        longitudes = [lon for ring in outlines[code] for lon, _lat in ring]
        latitudes = [lat for ring in outlines[code] for _lon, lat in ring]
        extents[code] = (min(longitudes), max(longitudes), min(latitudes), max(latitudes))
    west = min(extent[0] for extent in extents.values())
    mean_latitude = sum((e[2] + e[3]) / 2 for e in extents.values()) / len(extents)
    shared_factor = math.cos(math.radians(mean_latitude))

    # Horizontal offsets and widths in degrees of latitude; the scale follows from the width.
    offsets, factors, widths = {}, {}, {}
    for code, (lon_min, lon_max, lat_min, lat_max) in extents.items():
        factors[code] = math.cos(math.radians((lat_min + lat_max) / 2))
        offsets[code] = (lon_min - west) * shared_factor
        widths[code] = (lon_max - lon_min) * factors[code]
    scale = (WIDTH - 2 * MARGIN) / max(offsets[code] + widths[code] for code in codes)

    north, south = sorted(codes, key=lambda code: -extents[code][3])
    panels, countries, top = {}, [], MARGIN
    for code in (north, south):
        lon_min, _lon_max, lat_min, lat_max = extents[code]
        left, width = MARGIN + offsets[code] * scale, widths[code] * scale
        height = (lat_max - lat_min) * scale
        panels[code] = panel = Panel(left, top, scale, lon_min, lat_max, factors[code])
        # The names go in the outer corners, away from the lines between the panels.
        countries.append(
            {
                "name": country_name(code),
                "path": panel.path(outlines[code]),
                "label_x": round(left if code == north else left + width, 1),
                "label_y": round(top + 18 if code == north else top + height, 1),
                "label_anchor": "start" if code == north else "end",
            }
        )
        top += height + PANEL_GAP
    bottom = top - PANEL_GAP
    return Layout(
        panels=panels,
        countries=countries,
        height=round(bottom + CAPTION_HEIGHT + MARGIN),
        caption_y=round(bottom + MARGIN + 20),
    )


def map_point(region, x, y):
    return {
        "region": region,
        "name": str(region),
        "url": region.get_absolute_url(),
        "country": region.country.lower(),
        "x": x,
        "y": y,
    }


def spread_same_place(points):
    """Move parties that would be drawn on top of each other onto a small circle around it."""
    by_place = {}
    for point in points:
        by_place.setdefault((point["x"], point["y"]), []).append(point)
    spread = []
    for (x, y), together in by_place.items():
        if len(together) == 1:
            spread.extend(together)
            continue
        for index, point in enumerate(together):
            angle = 2 * math.pi * index / len(together) - math.pi / 2
            x_around = round(x + SAME_PLACE_RADIUS * math.cos(angle), 1)
            y_around = round(y + SAME_PLACE_RADIUS * math.sin(angle), 1)
            spread.append({**point, "x": x_around, "y": y_around})
    return spread


class AgreementMap:
    """The drawing of `agreements` (with_parties()), ringing the region `marked` if given."""

    width = WIDTH

    def __init__(self, layout, agreements, marked=None):
        self.height, self.caption_y = layout.height, layout.caption_y
        self.countries = layout.countries
        regions = {}
        for agreement in agreements:
            for region in (agreement.mission_region, agreement.host_region):
                regions[region.pk] = region
        points = [
            map_point(
                region, *layout.panels[region.country].project(region.longitude, region.latitude)
            )
            for region in regions.values()
            if region.latitude is not None and region.country in layout.panels
        ]
        self.points = sorted(spread_same_place(points), key=lambda point: point["name"])
        by_region = {point["region"].pk: point for point in self.points}
        self.lines = []
        for agreement in agreements:
            start = by_region.get(agreement.mission_region_id)
            end = by_region.get(agreement.host_region_id)
            if start and end:
                self.lines.append(
                    {
                        "url": agreement.get_absolute_url(),
                        "title": f"{start['name']} – {end['name']}, {agreement.year}",
                        "mission_caption": f"{start['name']} –",
                        "host_caption": f"{end['name']} ({agreement.year})",
                        "path": f"M{start['x']:g},{start['y']:g} L{end['x']:g},{end['y']:g}",
                    }
                )
        self.marked = None
        if marked is not None and marked.latitude is not None and marked.country in layout.panels:
            panel = layout.panels[marked.country]
            self.marked = by_region.get(marked.pk) or map_point(
                marked, *panel.project(marked.longitude, marked.latitude)
            )

    @classmethod
    def for_agreements(cls, agreements, marked=None):
        """The map, or None without the two configured countries' outlines."""
        layout = layout_for(
            (settings.COOPERATION_MISSION_COUNTRY, settings.COOPERATION_HOST_COUNTRY)
        )
        return None if layout is None else cls(layout, agreements, marked)
