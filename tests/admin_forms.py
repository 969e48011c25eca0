"""What a browser would send back from an admin change form, as the page shows it, and what the
form says when it refuses it."""

import datetime
import re
from html import unescape

from django.db.models.fields.files import FieldFile
from django.forms import SplitDateTimeWidget


def form_values(form):
    data = {}
    for name, field in form.fields.items():
        if field.disabled:
            continue
        value = form[name].value()
        key = form.add_prefix(name)
        if value is None or isinstance(value, FieldFile):
            continue
        if isinstance(field.widget, SplitDateTimeWidget):
            if isinstance(value, datetime.datetime):
                data[f"{key}_0"], data[f"{key}_1"] = value.date(), value.time()
            elif isinstance(value, list):  # a form shown again, as it was posted
                data[f"{key}_0"], data[f"{key}_1"] = value
            continue
        if isinstance(value, bool):
            if value:
                data[key] = "on"
            continue
        data[key] = value
    return data


def change_form_data(response, **changes):
    """The fields of the change form on `response` (inline rows too), with `changes` applied."""
    data = form_values(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data.update(form_values(formset.management_form))
        for form in formset.forms:
            data.update(form_values(form))
    data.update(changes)
    return data


def opened_version(client, url):
    """The version a change form carries when it is opened now (editorial.admin.concurrency)."""
    return client.get(url).context["adminform"].form["entry_version"].value()


def refusal_of(response):
    """The text of the reason a change form gives for refusing the whole save."""
    errors = response.context["adminform"].form.non_field_errors()
    assert errors, "the form was not refused"
    return unescape(re.sub(r"<[^>]+>", "", str(errors[0])))
