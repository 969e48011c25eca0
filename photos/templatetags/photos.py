"""`{% picture photo.image alt=photo.alt_text sizes="(min-width: 60em) 30em, 100vw" %}`: a photo
as a responsive <picture> of its renditions, lazy unless loading="eager"; it reads no file."""

from django import template

from photos.renditions import JPEG, WEBP

register = template.Library()

# The <img> element's own src, for the rare browser without srcset.
FALLBACK_WIDTH = 640


@register.inclusion_tag("photos/picture.html")
def picture(image, alt="", sizes="100vw", loading="lazy", css_class="", fetchpriority=""):
    renditions = image.renditions if image else None
    largest = renditions.shared if renditions else None
    if largest is None:
        return {"src": ""}
    if loading == "lazy" and not sizes.startswith("auto"):
        # Browsers that know "auto" use the layout's width; the others read the list after it.
        sizes = f"auto, {sizes}"
    return {
        "src": renditions.closest(FALLBACK_WIDTH, JPEG).url,
        "webp_srcset": renditions.srcset(WEBP),
        "jpeg_srcset": renditions.srcset(JPEG),
        "sizes": sizes,
        "width": largest.width,
        "height": largest.height,
        "alt": alt,
        "loading": loading,
        "css_class": css_class,
        "fetchpriority": fetchpriority,
    }
