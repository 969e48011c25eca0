"""The board's requests, listed once their writer confirmed them and a Publisher published them.
The writer's contact is never shown nor kept in revisions, and is erased after closing."""

import datetime

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models, transaction
from django.db.models import F
from django.dispatch import Signal
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from cooperation.countries import country_choices, country_name
from cooperation.models import Region, TwinningAgreement
from editorial.models import PublicationQuerySet, Publishable
from editorial.revisions import record_revision

DESCRIPTION_MAX_LENGTH = 2000
# The salt of the links already sent, from when the board was part of `cooperation`.
WITHDRAWAL_SALT = "cooperation.partner-request.withdrawal"
BOARDABLE_KINDS = [Region.Kind.OBLAST, Region.Kind.DISTRICT, Region.Kind.MUNICIPALITY]
CONFIRMATION_DAYS = 3

# Sent once a writer confirms a request, with `partner_request`.
request_confirmed = Signal()


def validate_plain_email(value):
    """Refuse a quoted local part, which may carry line breaks into a mail header."""
    if '"' in value or not value.isprintable():
        raise ValidationError(validate_email.message, code="invalid")


class Interest(models.TextChoices):
    ECONOMY = "economy", _("economy")
    TRADE = "trade", _("trade")
    CULTURE = "culture", _("culture")
    EDUCATION = "education", _("education")
    YOUTH = "youth", _("youth")
    SPORT = "sport", _("sport")
    TOURISM = "tourism", _("tourism")
    HEALTH = "health", _("health")
    ENVIRONMENT = "environment", _("environment")
    OTHER = "other", _("other")


class InterestsField(models.CharField):
    """Interest codes in one column as ",culture,sport,"; a list in Python, checkboxes in forms."""

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if isinstance(value, list | tuple):
            return list(value)
        return [code for code in (value or "").split(",") if code]

    def get_prep_value(self, value):
        if isinstance(value, list | tuple):
            return f",{','.join(value)}," if value else ""
        return super().get_prep_value(value)

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        unknown = [code for code in value if code not in Interest.values]
        if unknown:
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": ", ".join(unknown)},
            )

    def formfield(self, **kwargs):
        options = {
            "required": not self.blank,
            "label": capfirst(self.verbose_name),
            "help_text": self.help_text,
        }
        options.update((key, kwargs[key]) for key in options if key in kwargs)
        return forms.MultipleChoiceField(
            choices=Interest.choices, widget=forms.CheckboxSelectMultiple, **options
        )


def language_choices():
    return settings.LANGUAGES


class PartnerRequestQuerySet(PublicationQuerySet):
    def confirmed(self):
        return self.exclude(confirmed_at=None)

    def visible_to(self, user):
        return super().visible_to(user).confirmed()

    def open(self):
        return self.filter(closed_at__isnull=True)

    def on_board(self):
        return self.published().open().confirmed()

    def in_field(self, interest):
        return self.filter(interests__contains=f",{interest},")

    def contacts_to_delete(self, closed_before):
        return self.filter(closed_at__lt=closed_before).exclude(contact_name="", contact_email="")

    def delete_contacts(self):
        """Erase the contacts, with a revision: a change form opened before cannot restore them."""
        with transaction.atomic():
            pks = list(self.select_for_update().values_list("pk", flat=True))
            erased = PartnerRequest.objects.filter(pk__in=pks)
            count = erased.update(
                contact_name="", contact_email="", contacts_deleted_at=timezone.now()
            )
            record_revision(erased, _("Contact details deleted after the request was closed"))
        return count

    def from_withdrawal_token(self, token):
        """The request a withdrawal link names, or None for a link that is not ours."""
        try:
            pk = signing.loads(token, salt=WITHDRAWAL_SALT)
        except signing.BadSignature:
            return None
        return self.filter(pk=pk).first() if isinstance(pk, int) else None


class PartnerRequest(Publishable):
    class ClosedReason(models.TextChoices):
        PARTNER_FOUND = "partner_found", _("a partner was found")
        WITHDRAWN = "withdrawn", _("withdrawn by its writer")
        OTHER = "other", _("closed by the embassy")

    CONTACT_FIELDS = ("contact_name", "contact_email")

    country = models.CharField(_("country"), max_length=2, choices=country_choices)
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="partner_requests",
        limit_choices_to={"kind__in": BOARDABLE_KINDS},
    )
    region_name = models.CharField(
        _("region, as written in"),
        max_length=150,
        blank=True,
        help_text=_("The writer's own name for a region missing from the list."),
    )
    interests = InterestsField(_("fields of interest"), max_length=200)
    description = models.TextField(
        _("description"),
        max_length=DESCRIPTION_MAX_LENGTH,
        help_text=_("In the writer's own words and language."),
    )
    language = models.CharField(
        _("language of the description"), max_length=10, choices=language_choices
    )
    summary = models.TextField(
        _("the embassy's summary"),
        blank=True,
        help_text=_("Optional: the request in a few lines, shown above the writer's own words."),
    )
    contact_name = models.CharField(_("contact name"), max_length=150, blank=True)
    contact_email = models.EmailField(
        _("contact e-mail"), blank=True, validators=[validate_plain_email]
    )
    consent = models.BooleanField(
        _("consent to keeping the contact details"),
        default=False,
        help_text=_("Given by the writer when posting the request."),
    )
    created_at = models.DateTimeField(_("received"), default=timezone.now, editable=False)
    confirmed_at = models.DateTimeField(_("confirmed by its writer"), null=True, editable=False)
    closed_at = models.DateTimeField(
        _("closed"),
        null=True,
        blank=True,
        help_text=_(
            "A closed request leaves the board; its contact details are deleted some months later."
        ),
    )
    closed_reason = models.CharField(
        _("why it was closed"), max_length=20, choices=ClosedReason, blank=True
    )
    contacts_deleted_at = models.DateTimeField(
        _("contact details deleted"), null=True, blank=True, editable=False
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    agreements = models.ManyToManyField(
        TwinningAgreement,
        verbose_name=_("Agreements that began with it"),
        blank=True,
        related_name="partner_requests",
    )

    objects = PartnerRequestQuerySet.as_manager()

    class Meta:
        db_table = "cooperation_partnerrequest"  # where the board began
        ordering = [F("closed_at").asc(nulls_first=True), "-created_at", "pk"]
        verbose_name = _("partner request")
        verbose_name_plural = _("partner requests")
        permissions = [("publish_partnerrequest", _("Can publish and withdraw partner requests"))]

    def __str__(self):
        return f"{self.place_name} ({country_name(self.country)})"

    def get_absolute_url(self):
        return reverse("partners:request", kwargs={"pk": self.pk})

    def clean(self):
        super().clean()
        if self.region_id is None and not self.region_name:
            raise ValidationError(
                {"region": _("Choose the region from the list, or write its name below.")}
            )
        if self.region_id is not None and self.region.country != self.country:
            raise ValidationError(
                {
                    "region": _("Choose a region of %(country)s.")
                    % {"country": country_name(self.country)}
                }
            )
        if bool(self.closed_at) != bool(self.closed_reason):
            raise ValidationError(
                {"closed_reason": _("Give both the time the request was closed and why.")}
            )
        restored = self.is_open or self.contact_name or self.contact_email
        republished = self.closed_reason == "withdrawn" and self.status == self.Status.PUBLISHED
        if self.contacts_deleted_at and (restored or republished):
            raise ValidationError(
                _(
                    "The writer's contact details are deleted: this request cannot be reopened, "
                    "published again or given a contact again."
                )
            )

    @property
    def place_name(self):
        return self.region.name if self.region_id else self.region_name

    @property
    def is_open(self):
        return self.closed_at is None

    @property
    def confirmation_expired(self):
        deadline = self.created_at + datetime.timedelta(days=CONFIRMATION_DAYS)
        return self.confirmed_at is None and timezone.now() > deadline

    def interest_choices(self):
        return [(code, Interest(code).label) for code in self.interests if code in Interest.values]

    def interest_labels(self):
        return [label for _code, label in self.interest_choices()]

    def interests_text(self):
        return ", ".join(str(label) for label in self.interest_labels())

    def withdrawal_token(self):
        return signing.dumps(self.pk, salt=WITHDRAWAL_SALT)

    def confirm(self):
        """The writer opened the receipt's link: True the first time only."""
        unconfirmed = PartnerRequest.objects.filter(pk=self.pk, confirmed_at=None, closed_at=None)
        return bool(unconfirmed.update(confirmed_at=timezone.now()))

    def withdraw(self):
        self.status = self.Status.DRAFT
        self.closed_at = self.closed_at or timezone.now()
        self.closed_reason = self.closed_reason or self.ClosedReason.WITHDRAWN
        self.contact_name = self.contact_email = ""
        self.contacts_deleted_at = timezone.now()
        with transaction.atomic():
            self.save()
            record_revision([self], _("Withdrawn by its writer"))


class BoardPostCount(models.Model):
    """Posts to the board in one clock hour from one hashed address, keyed "hour:hash"."""

    key = models.CharField(max_length=80, primary_key=True)
    posts = models.PositiveIntegerField(default=0)

    def __str__(self):
        return self.key
