"""The board's e-mails from templates/partners/emails/: the writer's receipt, the staff's notice
of a confirmed request, and an answer forwarded to the writer."""

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
from embassy.sites import absolute_url

from .models import CONFIRMATION_DAYS, request_confirmed

logger = logging.getLogger(__name__)

# A mail server out of reach or refusing, or an address Python cannot write in a header.
SENDING_ERRORS = (smtplib.SMTPException, OSError, MessageError)


def send(name, partner_request, to, language=None, **context):
    """Mail partners/emails/<name>.txt, in the writer's language unless told."""
    with translation.override(language or partner_request.language):
        token = {"token": partner_request.withdrawal_token()}
        context.update(
            partner_request=partner_request,
            board_url=absolute_url(reverse("partners:board")),
            request_url=absolute_url(partner_request.get_absolute_url()),
            confirm_url=absolute_url(reverse("partners:request_confirm", kwargs=token)),
            withdraw_url=absolute_url(reverse("partners:request_withdraw", kwargs=token)),
        )
        subject = render_to_string(f"partners/emails/{name}_subject.txt", context)
        body = render_to_string(f"partners/emails/{name}.txt", context)
    reply_to = [context["answer"]["email"]] if "answer" in context else None
    subject = " ".join(subject.split())
    return EmailMessage(subject, body, None, to, reply_to=reply_to).send()


def send_receipt(partner_request):
    to = [partner_request.contact_email]
    return send("request_received", partner_request, to, days=CONFIRMATION_DAYS)


@receiver(request_confirmed)
def notify_staff(sender, partner_request, **kwargs):
    """Tell the Publishers and COOPERATION_PARTNER_NOTIFY_EMAILS; a failed mail is only logged."""
    admin_url = reverse("admin:partners_partnerrequest_change", args=[partner_request.pk])
    text = gettext_lazy("A partner request awaits moderation: %(entry)s.")
    notify(publishers(), text, admin_url, entry=partner_request)
    try:
        send(
            "request_for_staff",
            partner_request,
            settings.COOPERATION_PARTNER_NOTIFY_EMAILS,
            settings.LANGUAGE_CODE,
            admin_url=absolute_url(admin_url),
        )
    except SENDING_ERRORS:
        logger.exception("The staff's notice of a partner request could not be sent.")


def forward_answer(partner_request, answer):
    return send("answer", partner_request, [partner_request.contact_email], answer=answer)
