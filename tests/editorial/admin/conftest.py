"""Helpers shared by the tests of the editorial admin."""

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def in_bulgarian(message, **parameters):
    """`message` as the admin shows it to the staff: in Bulgarian, the site's default language."""
    with translation.override("bg"):
        translated = gettext(message)
        return translated % parameters if parameters else translated


def saved_on(datetime_value):
    """A date and time as the admin writes it in a message, in Bulgarian."""
    with translation.override("bg"):
        return date_format(timezone.localtime(datetime_value), "DATETIME_FORMAT")
