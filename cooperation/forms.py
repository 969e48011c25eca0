"""Forms that are not model forms: the staff's tools, and the site search."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import TwinningAgreement
from .search import RESULT_KINDS, SEARCH_MAX_LENGTH


class PastedAgreementsForm(forms.Form):
    """A list of agreements pasted in the embassy page's own format."""

    text = forms.CharField(
        label=_("List of agreements"),
        widget=forms.Textarea(attrs={"rows": 16, "cols": 100}),
        max_length=100_000,
        help_text=_(
            "One year a line, as on the old page: “1998 година: Марьина Горка – Троян, "
            "Гомел – Бургас”. Other lines are ignored and listed in the preview."
        ),
    )
    kind = forms.ChoiceField(
        label=_("Kind of the agreements"),
        choices=TwinningAgreement.Kind.choices,
        initial=TwinningAgreement.Kind.TWINNING,
    )


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), max_length=SEARCH_MAX_LENGTH, required=False)
    kind = forms.ChoiceField(
        label=_("Show"),
        choices=[("", _("Everything")), *((kind.slug, kind.title) for kind in RESULT_KINDS)],
        required=False,
    )
