"""The board's e-mails, plain text from templates/partners/emails/: the writer's receipt (with
the link that withdraws the request), the staff's notice, and an answer forwarded to the writer."""

import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy

from editorial.notices import notify, publishers

logger = logging.getLogger(__name__)

# What a mail server that cannot be reached, or that refuses a message, raises.
SENDING_ERRORS = (smtplib.SMTPException, OSError)


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
        token = partner_request.withdrawal_token()
        return {
            "board_url": request.build_absolute_uri(reverse("partners:board")),
            "request_url": request.build_absolute_uri(partner_request.get_absolute_url()),
            "withdraw_url": request.build_absolute_uri(
                reverse("partners:request_withdraw", kwargs={"token": token})
            ),
        }


def announce_new_request(partner_request, request):
    """The writer's receipt, and the staff's notices; a mail server's failure is logged only:
    the request is saved, and staff find it in the admin."""
    admin_url = reverse("admin:partners_partnerrequest_change", args=[partner_request.pk])
    context = {"partner_request": partner_request, **addresses(partner_request, request)}
    receipt = compose(
        "request_received", context, partner_request.language, [partner_request.contact_email]
    )
    messages = [receipt]
    if settings.COOPERATION_PARTNER_NOTIFY_EMAILS:
        context["admin_url"] = request.build_absolute_uri(admin_url)
        messages.append(
            compose(
                "request_for_staff",
                context,
                settings.LANGUAGE_CODE,
                settings.COOPERATION_PARTNER_NOTIFY_EMAILS,
            )
        )
    for message in messages:
        try:
            message.send()
        except SENDING_ERRORS:
            logger.exception("A partner request's e-mail could not be sent.")
    text = gettext_lazy("A partner request awaits moderation: %(entry)s.")
    notify(publishers(), text, admin_url, entry=partner_request)


def forward_answer(partner_request, answer, request):
    """Send a visitor's answer (AnswerForm's data) to the request's writer; replying to it
    writes to the visitor. Raises one of SENDING_ERRORS when the mail server fails."""
    context = {
        "partner_request": partner_request,
        "answer": answer,
        **addresses(partner_request, request),
    }
    compose(
        "answer",
        context,
        partner_request.language,
        [partner_request.contact_email],
        reply_to=[answer["email"]],
    ).send()
