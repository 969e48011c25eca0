"""The schema.org structured data (JSON-LD) of the pages of a region, a visit and a news photo."""

from django.utils.translation import get_language

from embassy.sites import absolute_url
from embassy.structured_data import SCHEMA_ORG, embassy_organization

from .countries import country_name

PIXELS = "E37"  # UN/CEFACT's code for the pixel, as schema.org's unitCode asks.


def image_object(image, caption="", credit=""):
    rendition = image.renditions.shared if image else None
    if rendition is None:
        return None
    data = {
        "@type": "ImageObject",
        "contentUrl": absolute_url(rendition.url),
        "encodingFormat": rendition.media_type,
        "width": {"@type": "QuantitativeValue", "value": rendition.width, "unitCode": PIXELS},
        "height": {"@type": "QuantitativeValue", "value": rendition.height, "unitCode": PIXELS},
    }
    if caption:
        data["caption"] = caption
    if credit:
        data["creditText"] = credit
    return data


def area(region, container):
    return {
        "@type": "AdministrativeArea",
        "name": region.name,
        "url": absolute_url(region.get_absolute_url()),
        "containedInPlace": container,
    }


def place(region, ancestors=()):
    """The region as an AdministrativeArea, inside its `ancestors` (top first) and country."""
    container = {"@type": "Country", "name": str(country_name(region.country))}
    for ancestor in ancestors:
        container = area(ancestor, container)
    data = area(region, container)
    if region.latitude is not None and region.longitude is not None:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(region.latitude),
            "longitude": float(region.longitude),
        }
    return data


def region_data(region, ancestors):
    data = {"@context": SCHEMA_ORG, **place(region, ancestors)}
    if region.description:
        data["description"] = region.description
    if region.website:
        data["sameAs"] = region.website
    if coat_of_arms := image_object(region.coat_of_arms):
        data["logo"] = coat_of_arms
    return data


def visit_data(visit):
    precise = visit.date_precision == visit.DatePrecision.DAY
    data = {
        "@context": SCHEMA_ORG,
        "@type": "Event",
        "name": visit.title,
        "url": absolute_url(visit.get_absolute_url()),
        "inLanguage": get_language(),
        "startDate": visit.start_date.isoformat() if precise else f"{visit.start_date:%Y-%m}",
        "eventStatus": f"{SCHEMA_ORG}/EventScheduled",
        "eventAttendanceMode": f"{SCHEMA_ORG}/OfflineEventAttendanceMode",
    }
    if visit.end_date:
        data["endDate"] = visit.end_date.isoformat()
    if visit.summary:
        data["description"] = visit.summary
    if visit.location is not None:
        data["location"] = {
            **place(visit.location),
            "address": {
                "@type": "PostalAddress",
                "addressLocality": visit.location.name,
                "addressCountry": visit.location.country,
            },
        }
    photos = getattr(visit, "public_photos", [])
    if photos and (image := image_object(photos[0].image, photos[0].alt_text)):
        data["image"] = image
    return data


def news_photo_data(photo):
    embassy = embassy_organization()
    data = {
        "@context": SCHEMA_ORG,
        "@type": "NewsArticle",
        "headline": photo.title[:110],
        "url": absolute_url(photo.get_absolute_url()),
        "mainEntityOfPage": absolute_url(photo.get_absolute_url()),
        "inLanguage": get_language(),
        "datePublished": photo.publish_at.isoformat(),
        "dateModified": photo.updated_at.isoformat(),
        "author": embassy,
        "publisher": embassy,
    }
    if photo.caption:
        data["description"] = photo.caption
    if image := image_object(photo.image, photo.alt_text, photo.credit):
        if photo.taken_on:
            image["dateCreated"] = photo.taken_on.isoformat()
        data["image"] = image
    if places := [place(region) for region in photo.regions.all()]:
        data["contentLocation"] = places
    return data
