#!/usr/bin/env python
"""
The bytes a visitor downloads for a page: its HTML, stylesheets (and the fonts and images they
refer to), scripts, icons and the images a browser of a given viewport would choose.

    .venv/bin/python bench/page_weight.py /bg/cooperation/ /bg/news/
    .venv/bin/python bench/page_weight.py --width 1280 --dpr 1 /bg/news/
    .venv/bin/python bench/page_weight.py --base-url http://127.0.0.1:8000 /bg/news/

Without --base-url the pages are fetched in process through Django's test client, with the
settings and database of the environment (as `manage.py` would use them); a static or media
file the client cannot fetch is read from the static files finders or storage and the default
storage. With --base-url they are fetched over HTTP from a running server, asking for gzip;
"served" is then what came over the wire (bodies only, without headers).

The browser is modelled as a modern one (WebP and AVIF supported, no layout engine): for each
<picture> the first <source> of a supported type whose media query matches, then the srcset
candidate a browser takes for the layout width given by `sizes` (evaluated for --width) times
the device pixel ratio (--dpr): the narrowest candidate at least that wide, else the widest.
"sizes=auto" is skipped, as by browsers that do not know it. Images with loading="lazy" are
counted apart: a browser fetches them only as they come near the viewport, so "eager" is what a
visitor who does not scroll downloads and "eager + lazy" what one who reads to the end does.
A resource used twice is counted once. Images named in stylesheets are listed and totalled
apart ("css images, if used"), since only the elements on the page decide whether a browser
fetches them.
"""

import argparse
import gzip
import json
import os
import re
import sys
import urllib.parse
import urllib.request
from dataclasses import asdict, dataclass, field
from html.parser import HTMLParser
from pathlib import Path

SUPPORTED_IMAGE_TYPES = {
    "",
    "image/avif",
    "image/webp",
    "image/jpeg",
    "image/png",
    "image/gif",
    "image/svg+xml",
}
TEXT_KINDS = {"html", "css", "js"}
# What the browser fetches for certain; "css-image" (background images) only if used.
LOADED_KINDS = {"html", "css", "font", "js", "icon", "image"}
ROOT_FONT_SIZE = 16  # px: what em and rem mean in a media query and, by default, in sizes


@dataclass
class Resource:
    url: str
    kind: str  # html, css, js, font, image, icon, css-image
    lazy: bool = False
    served: int = 0  # bytes of the body as served
    gzipped: int = 0  # bytes if text is sent gzip-compressed (equal to served for the rest)
    note: str = ""


@dataclass
class PageWeight:
    path: str
    width: int
    dpr: float
    resources: list = field(default_factory=list)

    def total(self, attribute, lazy=None, kinds=None):
        return sum(
            getattr(resource, attribute)
            for resource in self.resources
            if (lazy is None or resource.lazy == lazy) and (kinds is None or resource.kind in kinds)
        )


# Choosing an image as a browser does ---------------------------------------------------------


def length_in_px(text, viewport_width):
    """A CSS length of sizes in px: 20em, 320px, 100vw, calc(100vw - 2rem); None if unknown."""
    text = text.strip()
    match = re.fullmatch(r"calc\((.+)\)", text)
    expression = match[1] if match else text
    total, sign, position = 0.0, 1, 0
    for token in re.finditer(r"\s*(?:([+-])|(\d*\.?\d+)(px|vw|r?em))", expression):
        if token.start() != position:
            return None
        position = token.end()
        if token[1]:
            sign = -1 if token[1] == "-" else 1
            continue
        value, unit = float(token[2]), token[3]
        px = {"px": value, "vw": value * viewport_width / 100}.get(unit, value * ROOT_FONT_SIZE)
        total += sign * px
        sign = 1
    if position != len(expression) or position == 0:
        return None
    return total


def media_matches(query, viewport_width):
    """(min-width: 40em), (max-width: 600px) and both joined with "and"; others do not match."""
    query = query.strip()
    if not query:
        return True
    for condition in re.split(r"\s+and\s+", query):
        match = re.fullmatch(r"\(\s*(min|max)-width\s*:\s*([\d.]+)(px|r?em)\s*\)", condition)
        if not match:
            return False
        limit = float(match[2]) * (1 if match[3] == "px" else ROOT_FONT_SIZE)
        if match[1] == "min" and viewport_width < limit:
            return False
        if match[1] == "max" and viewport_width > limit:
            return False
    return True


def slot_width(sizes, viewport_width):
    """The layout width in CSS px that `sizes` gives the image at this viewport width."""
    for entry in (sizes or "").split(","):
        entry = entry.strip()
        if not entry or entry == "auto":
            continue
        match = re.fullmatch(r"(\(.*\))\s+(\S.*)", entry)
        media, length = (match[1], match[2]) if match else ("", entry)
        if media_matches(media, viewport_width):
            px = length_in_px(length, viewport_width)
            if px is not None:
                return px
    return viewport_width


def parse_srcset(srcset):
    """[(url, width or None, density)] of a srcset attribute."""
    candidates = []
    for candidate in re.split(r",\s+", (srcset or "").strip()):
        parts = candidate.strip().rstrip(",").split()
        if not parts:
            continue
        url, descriptor = parts[0], parts[1] if len(parts) > 1 else "1x"
        if descriptor.endswith("w"):
            candidates.append((url, int(descriptor[:-1]), None))
        else:
            candidates.append((url, None, float(descriptor.rstrip("x") or 1)))
    return candidates


def choose_candidate(srcset, sizes, src, viewport_width, dpr):
    """The URL a browser fetches for an <img> or a <source> with these attributes."""
    candidates = parse_srcset(srcset)
    if not candidates:
        return src
    if any(width for _url, width, _density in candidates):
        needed = slot_width(sizes, viewport_width) * dpr
        by_width = sorted((width, url) for url, width, _density in candidates if width)
        return next((url for width, url in by_width if width >= needed), by_width[-1][1])
    by_density = sorted((density, url) for url, _width, density in candidates)
    if src:
        by_density.append((1.0, src))
        by_density.sort()
    return next((url for density, url in by_density if density >= dpr), by_density[-1][1])


# Reading the HTML ----------------------------------------------------------------------------


class PageParser(HTMLParser):
    """Collects what a browser downloads from a page: (url, kind, lazy)."""

    def __init__(self, viewport_width, dpr):
        super().__init__(convert_charrefs=True)
        self.viewport_width, self.dpr = viewport_width, dpr
        self.found = []
        self.picture_source = None  # the chosen <source> of the open <picture>
        self.in_picture = False

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        if tag == "link":
            self.link(attrs)
        elif tag == "script" and attrs.get("src"):
            self.found.append((attrs["src"], "js", False))
        elif tag == "picture":
            self.in_picture, self.picture_source = True, None
        elif tag == "source" and self.in_picture and self.picture_source is None:
            if attrs.get("type", "") in SUPPORTED_IMAGE_TYPES and media_matches(
                attrs.get("media", ""), self.viewport_width
            ):
                self.picture_source = attrs
        elif tag == "img":
            self.image(attrs)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "picture":
            self.in_picture, self.picture_source = False, None

    def link(self, attrs):
        rel = set(attrs.get("rel", "").lower().split())
        href = attrs.get("href")
        if "stylesheet" in rel and href and media_matches(attrs.get("media", ""), 1e9):
            self.found.append((href, "css", False))
        elif "icon" in rel and href:
            self.found.append((href, "icon", False))
        elif "preload" in rel:
            kind = {"font": "font", "style": "css", "script": "js", "image": "image"}.get(
                attrs.get("as", ""), "other"
            )
            url = href
            if kind == "image" and attrs.get("imagesrcset"):
                url = choose_candidate(
                    attrs["imagesrcset"],
                    attrs.get("imagesizes", ""),
                    href,
                    self.viewport_width,
                    self.dpr,
                )
            if url:
                self.found.append((url, kind, False))

    def image(self, attrs):
        source = self.picture_source if self.in_picture and self.picture_source else attrs
        url = choose_candidate(
            source.get("srcset", ""),
            source.get("sizes", attrs.get("sizes", "")),
            attrs.get("src", ""),
            self.viewport_width,
            self.dpr,
        )
        if url:
            self.found.append((url, "image", attrs.get("loading", "").lower() == "lazy"))


def css_references(css):
    """(url, kind) of what a stylesheet pulls in: @imports, the first source of each
    @font-face (browsers stop at the first format they support; woff2 comes first), and other
    url()s, of kind "css-image": a browser fetches a background image only when an element
    uses it, which this script cannot tell, so they are totalled apart."""
    found = []
    for match in re.finditer(r'@import\s+(?:url\()?\s*["\']?([^"\')\s;]+)', css):
        found.append((match[1], "css"))
    without_imports = re.sub(r"@import[^;]+;", "", css)
    for block in re.findall(r"@font-face\s*{[^}]*}", without_imports):
        urls = re.findall(r'url\(\s*["\']?([^"\')]+)["\']?\s*\)', block)
        if urls:
            found.append((urls[0], "font"))
    rest = re.sub(r"@font-face\s*{[^}]*}", "", without_imports)
    for url in re.findall(r'url\(\s*["\']?([^"\')]+)["\']?\s*\)', rest):
        if not url.startswith("data:"):
            found.append((url, "css-image"))
    return found


# Fetching ------------------------------------------------------------------------------------


class HttpFetcher:
    def __init__(self, base_url):
        self.base_url = base_url.rstrip("/") + "/"

    def absolute(self, url, base):
        return urllib.parse.urljoin(base or self.base_url, url)

    def fetch(self, url):
        """(served bytes, decoded body); raises OSError when the server does not answer 200."""
        request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=30) as response:
            body = response.read()
            decoded = (
                gzip.decompress(body)
                if response.headers.get("Content-Encoding") == "gzip"
                else body
            )
        return len(body), decoded


class DjangoClientFetcher:
    """Django's test client for pages; storages for files it cannot serve."""

    def __init__(self, client):
        self.client = client
        self.origin = f"http://{client.defaults.get('SERVER_NAME', 'testserver')}/"

    def absolute(self, url, base):
        return urllib.parse.urljoin(base or self.origin, url)

    def fetch(self, url):
        from django.conf import settings

        parsed = urllib.parse.urlsplit(url)
        response = self.client.get(parsed.path, QUERY_STRING=parsed.query)
        if response.status_code == 200:
            body = b"".join(response) if response.streaming else response.content
            return len(body), body
        path = parsed.path
        static_url, media_url = (
            "/" + settings.STATIC_URL.lstrip("/"),
            "/" + settings.MEDIA_URL.lstrip("/"),
        )
        body = None
        if path.startswith(static_url):
            body = self.read_static(urllib.parse.unquote(path.removeprefix(static_url)))
        elif path.startswith(media_url):
            from django.core.files.storage import default_storage

            with default_storage.open(urllib.parse.unquote(path.removeprefix(media_url))) as stream:
                body = stream.read()
        if body is None:
            raise OSError(f"{response.status_code} for {url}")
        return len(body), body

    @staticmethod
    def read_static(name):
        from django.contrib.staticfiles import finders
        from django.contrib.staticfiles.storage import staticfiles_storage

        found = finders.find(name)
        if found:
            return Path(found).read_bytes()
        if staticfiles_storage.exists(name):
            with staticfiles_storage.open(name) as stream:
                return stream.read()
        return None


def gzipped_size(kind, url, body):
    if len(body) < 200:  # servers send small bodies as they are (Django's GZipMiddleware too)
        return len(body)
    if kind in TEXT_KINDS or urllib.parse.urlsplit(url).path.endswith(".svg"):
        return len(gzip.compress(body, compresslevel=6))
    return len(body)


def measure(path, fetcher, viewport_width=390, dpr=3.0):
    """The PageWeight of one page."""
    page = PageWeight(path=path, width=viewport_width, dpr=dpr)
    page_url = fetcher.absolute(path, None)
    served, html = fetcher.fetch(page_url)
    page.resources.append(
        Resource(page_url, "html", served=served, gzipped=gzipped_size("html", page_url, html))
    )
    parser = PageParser(viewport_width, dpr)
    parser.feed(html.decode("utf-8", "replace"))
    queue = [(fetcher.absolute(url, page_url), kind, lazy) for url, kind, lazy in parser.found]
    seen = {page_url}
    while queue:
        url, kind, lazy = queue.pop(0)
        if url.startswith("data:") or url in seen:
            continue
        seen.add(url)
        resource = Resource(url, kind, lazy=lazy)
        try:
            resource.served, body = fetcher.fetch(url)
        except OSError as error:
            resource.note = f"not fetched: {error}"
            page.resources.append(resource)
            continue
        resource.gzipped = gzipped_size(kind, url, body)
        page.resources.append(resource)
        if kind == "css":
            css = body.decode("utf-8", "replace")
            queue.extend(
                (fetcher.absolute(ref, url), ref_kind, False)
                for ref, ref_kind in css_references(css)
            )
    return page


def report(page):
    def row(label, served, gzipped, detail=""):
        return f"  {label:<14} {served:>10,} {gzipped:>10,}  {detail}".rstrip()

    lines = [
        f"{page.path}  (viewport {page.width} CSS px, device pixel ratio {page.dpr:g})",
        f"  {'':<14} {'served':>10} {'gzip':>10}",
    ]
    for resource in page.resources:
        label = f"{resource.kind} (lazy)" if resource.lazy else resource.kind
        detail = f"{resource.url}  {resource.note}" if resource.note else resource.url
        lines.append(row(label, resource.served, resource.gzipped, detail))
    lines.append("  totals")
    for label, kinds in [
        ("html", {"html"}),
        ("css", {"css"}),
        ("fonts", {"font"}),
        ("js", {"js"}),
        ("icons", {"icon"}),
        ("images", {"image"}),
    ]:
        lines.append(
            row(label, page.total("served", False, kinds), page.total("gzipped", False, kinds))
        )
    eager = page.total("served", False, LOADED_KINDS), page.total("gzipped", False, LOADED_KINDS)
    lazy = page.total("served", True), page.total("gzipped", True)
    lines.append(row("eager", *eager))
    lines.append(row("lazy images", *lazy))
    lines.append(row("eager + lazy", eager[0] + lazy[0], eager[1] + lazy[1]))
    css_images = {"css-image"}
    lines.append(
        row(
            "css images",
            page.total("served", kinds=css_images),
            page.total("gzipped", kinds=css_images),
            "if used: a browser fetches them only for elements that use them",
        )
    )
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", help="pages to measure, e.g. /bg/news/")
    parser.add_argument("--base-url", help="fetch over HTTP from this server instead of in process")
    parser.add_argument("--host", default="localhost", help="host name for the test client")
    parser.add_argument("--width", type=int, default=390, help="viewport width in CSS px")
    parser.add_argument("--dpr", type=float, default=3.0, help="device pixel ratio")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    options = parser.parse_args(argv)
    if options.base_url:
        fetcher = HttpFetcher(options.base_url)
    else:
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "embassy.settings")
        import django

        django.setup()
        from django.test import Client

        fetcher = DjangoClientFetcher(Client(SERVER_NAME=options.host))
    pages = [measure(path, fetcher, options.width, options.dpr) for path in options.paths]
    if options.json:
        print(json.dumps([asdict(page) for page in pages], indent=2))
    else:
        print("\n\n".join(report(page) for page in pages))


if __name__ == "__main__":
    main()
