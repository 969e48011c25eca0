"""bench/page_weight.py counts what a browser would download, renditions rather than originals."""

import pytest
from django.core.files.storage import default_storage

from bench.page_weight import DjangoClientFetcher, choose_candidate, css_references, measure
from tests.factories import NewsPhotoFactory

SRCSET = "/r/320.webp 320w, /r/640.webp 640w, /r/1280.webp 1280w"


@pytest.mark.parametrize(
    "sizes, width, dpr, chosen",
    [
        ("100vw", 390, 3, "/r/1280.webp"),
        ("100vw", 390, 1, "/r/640.webp"),
        ("auto, (min-width: 40em) 20em, 50vw", 390, 2, "/r/640.webp"),
        ("auto, (min-width: 40em) 20em, 50vw", 1280, 1, "/r/320.webp"),
        ("calc(100vw - 2rem)", 360, 1, "/r/640.webp"),
        ("(max-width: 600px) 100vw, 600px", 1920, 2, "/r/1280.webp"),
        ("", 3000, 1, "/r/1280.webp"),
    ],
)
def test_chooses_the_candidate_a_browser_would(sizes, width, dpr, chosen):
    assert choose_candidate(SRCSET, sizes, "/r/fallback.jpg", width, dpr) == chosen


def test_density_descriptors_and_plain_src():
    assert choose_candidate("/a.png 1x, /b.png 2x", "", "", 390, 3) == "/b.png"
    assert choose_candidate("", "", "/plain.png", 390, 3) == "/plain.png"


def test_a_stylesheet_brings_its_first_font_source_and_its_images():
    css = """@import url("other.css");
    @font-face { font-family: X; src: url(x.woff2) format("woff2"), url(x.woff) format("woff"); }
    body { background: url('bg.png'); } i { background: url(data:image/png;base64,AAA); }"""
    assert css_references(css) == [
        ("other.css", "css"),
        ("x.woff2", "font"),
        ("bg.png", "css-image"),
    ]


@pytest.mark.django_db
@pytest.mark.urls("tests.bench.urls")
def test_measures_the_html_stylesheet_and_the_chosen_renditions(client):
    photo = NewsPhotoFactory(size=(1200, 800))
    page = measure("/photos/", DjangoClientFetcher(client), viewport_width=390, dpr=3)
    by_kind = {}
    for resource in page.resources:
        assert not resource.note
        by_kind.setdefault(resource.kind, []).append(resource)
    assert by_kind["html"][0].served == len(client.get("/photos/").content)
    assert by_kind["css"][0].url.endswith("/static/admin/css/base.css")
    images = by_kind["image"]
    # The featured photo at full width on a 3× phone (1170 px), then the list's at half
    # width (585 px).
    webp = {r.width: r for r in photo.image.renditions.all if r.format.name == "webp"}
    assert [(image.url.removeprefix("http://testserver"), image.lazy) for image in images] == [
        (webp[1200].url, False),
        (webp[640].url, True),
    ]
    assert images[0].served == default_storage.size(webp[1200].name)
    assert page.total("served", lazy=True) == default_storage.size(webp[640].name)
    assert photo.image.url not in {resource.url for resource in page.resources}


@pytest.mark.django_db
@pytest.mark.urls("tests.bench.urls")
def test_a_wide_screen_at_1x_takes_smaller_renditions_for_the_list(client):
    photo = NewsPhotoFactory(size=(1200, 800))
    page = measure("/photos/", DjangoClientFetcher(client), viewport_width=1280, dpr=1)
    images = [(r.url.rsplit("/", 1)[1], r.lazy) for r in page.resources if r.kind == "image"]
    assert images == [("1200.webp", False), ("320.webp", True)]
    assert page.total("served", lazy=True) == default_storage.size(
        photo.image.renditions.all[0].name
    )
