"""E-mail to the staff at each event (`notify()`) or in a daily digest (`send_digests()`)."""

import datetime
import logging
import smtplib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db.models import Q
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .desk import Item, Line, entry_url, lines_for
from .models import NoticePreference, Review, SpreadsheetImport
from .roles import PUBLISHER

logger = logging.getLogger(__name__)

SENDING_ERRORS = (smtplib.SMTPException, OSError)


def publishers():
    return (
        get_user_model()
        .objects.filter(Q(groups__name=PUBLISHER) | Q(is_superuser=True))
        .filter(is_active=True, is_staff=True)
        .distinct()
    )


def send(messages):
    try:
        get_connection().send_messages(messages)
    except SENDING_ERRORS:
        logger.exception("Notices to the staff could not be sent.")
        return False
    return True


def message(preference, text, template, context, **params):
    """An e-mail to the staff member, in their language: `text % params` heads it."""
    with translation.override(preference.language):
        subject = " ".join((str(text) % params).split())
        context = {**context, "subject": subject, "site_url": settings.SITE_URL}
        body = render_to_string(template, context)
    return EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [preference.user.email])


def notify(users, text, url, comment="", **params):
    """E-mail `text % params`, `url` and `comment` to those of `users` who want each event's."""
    messages = []
    for user in users.exclude(email="").select_related("notice_preference"):
        preference = getattr(user, "notice_preference", None) or NoticePreference(user=user)
        if preference.frequency == NoticePreference.Frequency.EACH:
            context = {"url": url, "comment": comment}
            messages.append(
                message(preference, text, "editorial/emails/notice.txt", context, **params)
            )
    return send(messages)


def send_digests():
    """E-mail the daily digests of the desk; how many were sent."""
    preferences = (
        NoticePreference.objects.filter(frequency=NoticePreference.Frequency.DAILY)
        .filter(user__is_active=True, user__is_staff=True)
        .exclude(user__email="")
        .select_related("user")
    )
    messages = []
    for preference in preferences:
        published = Review.objects.filter(
            state=Review.State.PUBLISHED,
            requested_by=preference.user,
            decided_at__gt=timezone.now() - datetime.timedelta(days=1),
        ).prefetch_related("entry")
        with translation.override(preference.language):
            lines = [line for line in lines_for(preference.user) if line.digest]
            if published:
                items = [Item(str(review.entry), entry_url(review.entry)) for review in published]
                lines.append(Line(_("Your drafts published in the last day"), items=items))
        if lines:
            text, context = gettext_lazy("What awaits you"), {"lines": lines}
            messages.append(message(preference, text, "editorial/emails/digest.txt", context))
    return len(messages) if send(messages) else 0


@receiver(post_save, sender=SpreadsheetImport)
def import_failed(sender, instance, update_fields=None, **kwargs):
    if instance.state == instance.State.FAILED and "state" in (update_fields or ()):
        content_type = instance.content_type
        url = f"admin:{content_type.app_label}_{content_type.model}_import_job"
        notify(
            publishers(),
            gettext_lazy("The import of “%(file)s” failed."),
            reverse(url, args=[instance.pk]),
            comment=instance.message,
            file=instance.file_name,
        )
