"""Draw the site's favicon.png, favicon.ico and apple-touch-icon.png from the mark of
static/icons/favicon.svg (Pillow cannot read SVG). Run it after changing the SVG; commit them."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from PIL import Image, ImageDraw

# The mark, in the SVG's 64-unit square: ring centres, radius and stroke width, and the colours.
VIEWBOX = 64
CORNER = 12
RADIUS = 14
STROKE = 7
RED_CENTRE = (24, 32)
GREEN_CENTRE = (40, 32)
RED = "#b4232f"
GREEN = "#1f6f3a"
# Where the red ring passes over the green one, in degrees clockwise from three o'clock.
OVERPASS = (275, 325)
# Drawn this many times larger, then reduced: smooth edges at every size.
SUPERSAMPLING = 8

ICO_SIZES = [16, 32, 48]


def draw_mark(size, corner=CORNER):
    scale = size * SUPERSAMPLING / VIEWBOX
    canvas = Image.new("RGBA", (size * SUPERSAMPLING,) * 2, (255, 255, 255, 0))
    draw = ImageDraw.Draw(canvas)
    draw.rounded_rectangle(
        (0, 0, canvas.width - 1, canvas.height - 1), radius=corner * scale, fill="white"
    )

    def ring_box(centre):
        outer = RADIUS + STROKE / 2
        x, y = centre
        return ((x - outer) * scale, (y - outer) * scale, (x + outer) * scale, (y + outer) * scale)

    width = round(STROKE * scale)
    draw.ellipse(ring_box(RED_CENTRE), outline=RED, width=width)
    draw.ellipse(ring_box(GREEN_CENTRE), outline=GREEN, width=width)
    draw.arc(ring_box(RED_CENTRE), *OVERPASS, fill=RED, width=width)
    return canvas.resize((size, size), Image.Resampling.LANCZOS)


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            default=Path(settings.BASE_DIR) / "static" / "icons",
            help="The folder to write the icons to (default: static/icons of the project).",
        )

    def handle(self, *args, output, **options):
        output.mkdir(parents=True, exist_ok=True)
        draw_mark(32).save(output / "favicon.png", optimize=True)
        draw_mark(max(ICO_SIZES)).save(
            output / "favicon.ico", sizes=[(size, size) for size in ICO_SIZES]
        )
        # iOS rounds a home-screen icon's corners itself, and shows no transparency.
        draw_mark(180, corner=0).convert("RGB").save(output / "apple-touch-icon.png", optimize=True)
        self.stdout.write(f"Icons written to {output}.")
