"""The board's e-mails, plain text from templates/partners/emails/: the writer's receipt (with
the links that confirm and withdraw the request), the staff's notice once it is confirmed, and
an answer forwarded to the writer."""

import logging
import smtplib
from email.errors import MessageError

from django.conf import settings
from django.core.mail import EmailMessage
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy

from editorial.notices import notify, publishers

from .models import CONFIRMATION_DAYS, request_confirmed

logger = logging.getLogger(__name__)

# What a mail server that cannot be reached, or refuses a message, raises; and Python's mail
# writer, for an address it cannot put in a header.
SENDING_ERRORS = (smtplib.SMTPException, OSError, MessageError)


def compose(name, context, language, to, reply_to=None):
    with translation.override(language):
        subject = render_to_string(f"partners/emails/{name}_subject.txt", context)
        body = render_to_string(f"partners/emails/{name}.txt", context)
    return EmailMessage(
        " ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, to, reply_to=reply_to
    )


def addresses(partner_request, request):
    """The absolute addresses an e-mail about the request links to, in the writer's language."""
    with translation.override(partner_request.language):
        token = {"token": partner_request.withdrawal_token()}
        return {
            "board_url": request.build_absolute_uri(reverse("partners:board")),
            "request_url": request.build_absolute_uri(partner_request.get_absolute_url()),
            "confirm_url": request.build_absolute_uri(
                reverse("partners:request_confirm", kwargs=token)
            ),
            "withdraw_url": request.build_absolute_uri(
                reverse("partners:request_withdraw", kwargs=token)
            ),
        }


def send_receipt(partner_request, request):
    """The writer's receipt, with the link that confirms the request. Raises one of
    SENDING_ERRORS when the mail server fails."""
    context = {
        "partner_request": partner_request,
        "days": CONFIRMATION_DAYS,
        **addresses(partner_request, request),
    }
    to = [partner_request.contact_email]
    compose("request_received", context, partner_request.language, to).send()


@receiver(request_confirmed)
def notify_staff(sender, partner_request, request, **kwargs):
    """Tell the Publishers (editorial.notices) and COOPERATION_PARTNER_NOTIFY_EMAILS of a request
    to check; a failure is logged only: staff find the request in the admin."""
    admin_url = reverse("admin:partners_partnerrequest_change", args=[partner_request.pk])
    text = gettext_lazy("A partner request awaits moderation: %(entry)s.")
    notify(publishers(), text, admin_url, entry=partner_request)
    if not settings.COOPERATION_PARTNER_NOTIFY_EMAILS:
        return
    context = {
        "partner_request": partner_request,
        "admin_url": request.build_absolute_uri(admin_url),
    }
    notice = compose(
        "request_for_staff",
        context,
        settings.LANGUAGE_CODE,
        settings.COOPERATION_PARTNER_NOTIFY_EMAILS,
    )
    try:
        notice.send()
    except SENDING_ERRORS:
        logger.exception("The staff's notice of a partner request could not be sent.")


def forward_answer(partner_request, answer, request):
    """Send a visitor's answer (AnswerForm's data) to the request's writer; replying to it
    writes to the visitor. The number of mails sent: 0 without a contact address. Raises one
    of SENDING_ERRORS when the mail server fails."""
    context = {
        "partner_request": partner_request,
        "answer": answer,
        **addresses(partner_request, request),
    }
    return compose(
        "answer",
        context,
        partner_request.language,
        [partner_request.contact_email],
        reply_to=[answer["email"]],
    ).send()
