"""`{% picture %}`: a page offers the photo's renditions, never its original."""

import re

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.template import Context, Template

from cooperation.models import NewsPhoto
from tests.factories import NewsPhotoFactory
from tests.photos.image_files import jpeg_bytes, upload

pytestmark = pytest.mark.django_db


def render(template, **context):
    return Template("{% load photos %}" + template).render(Context(context))


def srcset_urls(html):
    return [
        candidate.split()[0]
        for srcset in re.findall(r'srcset="([^"]+)"', html)
        for candidate in srcset.split(", ")
    ]


def storage_name(url):
    assert url.startswith(settings.MEDIA_URL)
    return url.removeprefix(settings.MEDIA_URL)


def test_srcset_points_at_renditions_that_exist_in_each_width_and_format():
    photo = NewsPhotoFactory(size=(1200, 800))
    html = render(
        '{% picture photo.image alt=photo.alt_text sizes="(min-width: 50em) 40em, 100vw" %}',
        photo=photo,
    )
    urls = srcset_urls(html)
    assert [url.rsplit("/", 1)[1] for url in urls] == [
        "320.webp",
        "640.webp",
        "1200.webp",
        "320.jpg",
        "640.jpg",
        "1200.jpg",
    ]
    for url in urls:
        assert default_storage.exists(storage_name(url))
    assert '<source type="image/webp"' in html
    assert 'sizes="auto, (min-width: 50em) 40em, 100vw"' in html


def test_picture_has_dimensions_alt_text_and_loads_lazily():
    photo = NewsPhotoFactory(size=(1200, 800))
    html = render("{% picture photo.image alt=photo.alt_text %}", photo=photo)
    assert 'width="1200" height="800"' in html
    assert f'alt="{photo.alt_text}"' in html
    assert 'loading="lazy"' in html and 'decoding="async"' in html
    assert re.search(r'<img src="[^"]+/640\.jpg"', html)


def test_the_photo_at_the_top_of_a_page_loads_at_once():
    html = render(
        '{% picture photo.image alt=photo.alt_text loading="eager" fetchpriority="high" '
        'sizes="100vw" %}',
        photo=NewsPhotoFactory(),
    )
    assert 'loading="eager"' in html and 'fetchpriority="high"' in html
    assert 'sizes="100vw"' in html


def test_a_list_of_photos_never_sends_an_original(django_assert_num_queries):
    for number in range(3):
        NewsPhoto(
            title_bg=f"Снимка {number}",
            slug=f"photo-{number}",
            alt_text_bg="Делегацията пред общината",
            image=upload(f"photo-{number}.jpg", jpeg_bytes(1600, 1200)),
        ).save()
    photos = list(NewsPhoto.objects.all())
    with django_assert_num_queries(0):
        html = render(
            "{% for photo in photos %}"
            '{% picture photo.image alt=photo.alt_text sizes="20em" %}'
            "{% endfor %}",
            photos=photos,
        )
    assert html.count("<picture>") == 3
    for photo in photos:
        assert photo.image.url not in html
    for url in srcset_urls(html) + re.findall(r'src="([^"]+)"', html):
        assert url.startswith(settings.MEDIA_URL + "renditions/")
        assert default_storage.exists(storage_name(url))


def test_rendering_never_writes_to_storage():
    photo = NewsPhoto(
        title_bg="Без копия",
        slug="no-renditions",
        image="news/2021/missing.jpg",
        width=800,
        height=600,
    )
    html = render("{% picture photo.image alt=photo.alt_text %}", photo=photo)
    for url in srcset_urls(html):
        assert not default_storage.exists(storage_name(url))


def test_a_photo_without_a_file_renders_nothing():
    assert (
        render(
            "{% picture photo.image alt=photo.alt_text %}", photo=NewsPhoto(title_bg="x", slug="x")
        ).strip()
        == ""
    )
