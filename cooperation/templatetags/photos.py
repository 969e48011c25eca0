"""
`{% picture photo sizes="..." %}`: a photo as a responsive <picture> of its renditions.

    {% load photos %}
    {% picture photo sizes="(min-width: 60em) 30em, 100vw" %}
    {% picture featured sizes="100vw" loading="eager" fetchpriority="high" %}

The browser picks the WebP rendition that fits the layout width given by `sizes` (or the JPEG
one, if it cannot show WebP); width and height give the photo's proportions before it arrives,
so the page does not jump. Photos below the fold load only when scrolled to ("lazy", the
default); give loading="eager" to the one photo at the top of a page. The original file is
never sent. Rendering reads no file and makes no query beyond the photo itself.
"""

from django import template

from cooperation.images import JPEG, WEBP

register = template.Library()

# The <img> element's own src, for the rare browser without srcset.
FALLBACK_WIDTH = 640


def srcset(renditions):
    return ", ".join(f"{rendition.url} {rendition.width}w" for rendition in renditions)


@register.inclusion_tag("cooperation/includes/picture.html")
def picture(photo, sizes="100vw", loading="lazy", alt=None, css_class="", fetchpriority=""):
    """
    `photo` is anything with `renditions()` and `alt_text`, such as a NewsPhoto; `alt`
    replaces its text alternative (alt="" for a photo that only decorates a link that says
    the same).
    """
    renditions = photo.renditions() if photo else []
    webp = [rendition for rendition in renditions if rendition.format is WEBP]
    jpeg = [rendition for rendition in renditions if rendition.format is JPEG]
    if not jpeg:
        return {"src": ""}
    largest = jpeg[-1]
    fallback = next((rendition for rendition in jpeg if rendition.width >= FALLBACK_WIDTH), largest)
    if loading == "lazy" and not sizes.startswith("auto"):
        # Browsers that know "auto" use the width the layout gives a lazy image; the others
        # skip it and read the list that follows.
        sizes = f"auto, {sizes}"
    return {
        "src": fallback.url,
        "webp_srcset": srcset(webp),
        "jpeg_srcset": srcset(jpeg),
        "sizes": sizes,
        "width": largest.width,
        "height": largest.height,
        "alt": photo.alt_text if alt is None else alt,
        "loading": loading,
        "css_class": css_class,
        "fetchpriority": fetchpriority,
    }
