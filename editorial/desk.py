"""The staff member's desk: a line for each kind of work awaiting them; apps add `@desk.line`s."""

from dataclasses import dataclass, field

from django.contrib.admin.utils import quote
from django.urls import reverse

LINES = []


@dataclass
class Item:
    """One entry of a line: a link, with who asked and when, or a note."""

    text: str
    url: str
    who: object = None
    when: object = None
    note: str = ""


@dataclass
class Line:
    """What the staff member sees; `digest`: also e-mailed in the daily digest."""

    text: str
    url: str = ""
    items: list[Item] = field(default_factory=list)
    digest: bool = False


def line(function):
    """Register `function(user)`, which returns the user's Line of one kind of work, or None."""
    LINES.append(function)
    return function


def lines_for(user):
    return [found for function in LINES if (found := function(user))]


def entry_url(entry):
    opts = entry._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[quote(entry.pk)])
