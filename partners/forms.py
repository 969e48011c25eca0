"""The board's public forms, a request and an answer: both refuse links and addresses (contact
goes through the site), overlong text and a filled honeypot."""

import re
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import get_language, ngettext_lazy
from django.utils.translation import gettext_lazy as _

from .models import DESCRIPTION_MAX_LENGTH, PartnerRequest, validate_plain_email

ANSWER_MAX_LENGTH = 2000

# A web or e-mail address. The lookbehinds try a scheme or a name only where its run of letters
# begins, so that the check takes linear time on any text.
LINK = re.compile(
    r"(?<![a-z0-9+.-])[a-z][a-z0-9+.-]*://|\bwww\.|\S@\S|\]\(|\bxn--|"
    r"(?<![\w-])[\w-]+\.(?:(?-i:[a-z]{2,}|[A-Z]{2,})|"
    r"рф|бг|бел|укр|срб|мкд|қаз|мон|рус|сайт|онлайн|орг|ком|дети|москва)\b",
    re.IGNORECASE,
)
LOOKALIKES = str.maketrans("аеорсухіјѕԁӏԝАВЕКМНОРСТХІЈЅ", "aeopcyxijsdlwABEKMHOPCTXIJS")


def refuse_links(text):
    """Refuse a link as a reader sees it: fullwidth forms as plain ones, "。" as a dot, invisible
    characters left out, Cyrillic look-alikes as Latin letters."""
    text = unicodedata.normalize("NFKC", text).replace("。", ".")
    text = "".join(char for char in text if unicodedata.category(char) != "Cf")
    if LINK.search(text) or LINK.search(text.translate(LOOKALIKES)):
        raise ValidationError(
            _("Leave out web and e-mail addresses: answers reach the writer through this site."),
            code="link",
        )


def single_line(text):
    """One line: no line break can reach an e-mail's header."""
    return " ".join(text.split())


class HoneypotField(forms.CharField):
    """Hidden from people by the page's style sheet; a robot that fills it is refused."""

    def __init__(self, **kwargs):
        super().__init__(
            required=False,
            label=_("Leave this field empty"),
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
            **kwargs,
        )

    def validate(self, value):
        super().validate(value)
        if value:
            raise ValidationError(_("Leave this field empty."), code="honeypot")


class BoardRegionField(forms.ModelChoiceField):
    def label_from_instance(self, region):
        return f"{region}, {region.parent}" if region.parent_id else str(region)


class PartnerRequestForm(forms.ModelForm):
    consent = forms.BooleanField(
        label=_(
            "I agree that the embassy keeps my name and e-mail address to forward answers to me, "
            "until some months after the request is closed."
        ),
        error_messages={"required": _("Without your consent the request cannot be kept.")},
    )
    website = HoneypotField()

    class Meta:
        model = PartnerRequest
        fields = [
            "region",
            "region_name",
            "interests",
            "description",
            "contact_name",
            "contact_email",
            "consent",
        ]
        field_classes = {"region": BoardRegionField}
        labels = {
            "region": _("Your municipality, district or oblast"),
            "region_name": _("Not in the list? Write its name"),
            "interests": _("Fields of cooperation you are interested in"),
            "description": _("What partner are you looking for, and for what?"),
            "contact_name": _("Your name"),
            "contact_email": _("Your e-mail address"),
        }
        help_texts = {
            "region_name": "",
            "interests": "",
            "description": ngettext_lazy(
                "In your own language, up to %(length)s character, without links or addresses.",
                "In your own language, up to %(length)s characters, without links or addresses.",
                "length",
            )
            % {"length": DESCRIPTION_MAX_LENGTH},
            "contact_email": _(
                "Never shown on the site: answers are forwarded to it by the embassy's site."
            ),
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, country, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.country = country
        self.instance.language = get_language()
        region = self.fields["region"]
        region.queryset = (
            region.queryset.in_country(country).select_related("parent").order_by("path")
        )
        region.empty_label = _("— not in the list —")
        self.fields["contact_name"].required = True
        self.fields["contact_email"].required = True
        for name in ("region_name", "description", "contact_name"):
            self.fields[name].validators.append(refuse_links)

    def clean_region_name(self):
        return single_line(self.cleaned_data["region_name"])

    def clean_contact_name(self):
        return single_line(self.cleaned_data["contact_name"])


class AnswerForm(forms.Form):
    name = forms.CharField(
        label=_("Your name and organisation"),
        max_length=150,
        validators=[refuse_links],
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("The writer of the request answers you at this address."),
    )
    message = forms.CharField(
        label=_("Your message"),
        max_length=ANSWER_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        validators=[refuse_links],
        help_text=ngettext_lazy(
            "Up to %(length)s character, without links or addresses.",
            "Up to %(length)s characters, without links or addresses.",
            "length",
        )
        % {"length": ANSWER_MAX_LENGTH},
    )
    website = HoneypotField()

    def clean_name(self):
        return single_line(self.cleaned_data["name"])

    def clean_email(self):
        validate_plain_email(self.cleaned_data["email"])
        return self.cleaned_data["email"]
