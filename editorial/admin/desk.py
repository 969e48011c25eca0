"""The editorial lines of the staff member's desk (editorial.desk)."""

import datetime
import operator
from functools import reduce

from django.contrib import admin
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from .. import desk
from ..cache import cached_until_content_changes, publishable_models
from ..desk import Item, Line, entry_url
from ..models import Review, SpreadsheetImport
from ..roles import may
from ..tasks import worker_stopped
from .languages import missing_language_condition, other_languages, translated_admins

LIMIT = 20
WEEK = datetime.timedelta(days=7)


def may_see(user, model):
    return admin.site.is_registered(model) and (
        may(user, "view", model) or may(user, "change", model)
    )


def listed(model):
    entries = model._default_manager.all()
    if not admin.site.is_registered(model):
        return entries
    related = admin.site.get_model_admin(model).list_select_related
    return entries.select_related(*related) if isinstance(related, list | tuple) else entries


def review_items(reviews, who, when, note=""):
    reviews = reviews.prefetch_related(
        GenericPrefetch("entry", [listed(model) for model in publishable_models()])
    )
    return [
        Item(
            str(review.entry),
            entry_url(review.entry),
            getattr(review, who),
            getattr(review, when),
            getattr(review, note, ""),
        )
        for review in reviews[:LIMIT]
    ]


@desk.line
def drafts_to_review(user):
    publishable = [model for model in publishable_models() if may(user, "publish", model)]
    condition = Q(requested_by=user)
    for opts in (model._meta for model in publishable):
        condition |= Q(content_type__app_label=opts.app_label, content_type__model=opts.model_name)
    reviews = Review.objects.filter(condition, state=Review.State.READY)
    if not (count := reviews.count()):
        return None
    if publishable:
        text = ngettext(
            "%(count)d draft awaits your review", "%(count)d drafts await your review", count
        )
    else:
        text = ngettext(
            "%(count)d of your drafts awaits a Publisher",
            "%(count)d of your drafts await a Publisher",
            count,
        )
    items = review_items(reviews.select_related("requested_by"), "requested_by", "requested_at")
    return Line(text % {"count": count}, items=items, digest=True)


@desk.line
def drafts_sent_back(user):
    reviews = Review.objects.filter(state=Review.State.RETURNED, requested_by=user)
    if not (count := reviews.count()):
        return None
    text = ngettext(
        "%(count)d of your drafts was sent back to you",
        "%(count)d of your drafts were sent back to you",
        count,
    )
    items = review_items(
        reviews.select_related("decided_by"), "decided_by", "decided_at", "comment"
    )
    return Line(text % {"count": count}, items=items, digest=True)


@desk.line
def imports_running_or_failed(user):
    condition = Q(user=user)
    if any(may(user, "publish", model) for model in publishable_models()):
        condition |= Q(state=SpreadsheetImport.State.FAILED)
    under_way_or_failed = [*SpreadsheetImport.WAITING, SpreadsheetImport.State.FAILED]
    jobs = (
        SpreadsheetImport.objects.filter(condition, state__in=under_way_or_failed)
        .filter(updated_at__gte=timezone.now() - WEEK)
        .select_related("content_type")
        .defer("data", "summary")
        .order_by("-updated_at")[:LIMIT]
    )
    items = [
        Item(
            job.file_name,
            reverse(
                f"admin:{job.content_type.app_label}_{job.content_type.model}_import_job",
                args=[job.pk],
            ),
            when=job.updated_at,
            note=SpreadsheetImport.State.FAILED.label
            if worker_stopped(job)
            else job.get_state_display(),
        )
        for job in jobs
    ]
    if not items:
        return None
    text = ngettext(
        "%(count)d import under way or failed", "%(count)d imports under way or failed", len(items)
    )
    return Line(text % {"count": len(items)}, items=items, digest=True)


@desk.line
def going_live_this_week(user):
    now = timezone.now()
    items = [
        Item(str(entry), entry_url(entry), when=entry.publish_at)
        for model in publishable_models()
        if may_see(user, model)
        for entry in listed(model)
        .filter(status=model.Status.PUBLISHED, publish_at__gt=now, publish_at__lte=now + WEEK)
        .order_by("publish_at")[:LIMIT]
    ]
    if not items:
        return None
    text = ngettext(
        "%(count)d entry goes live in the next 7 days",
        "%(count)d entries go live in the next 7 days",
        len(items),
    )
    return Line(text % {"count": len(items)}, items=sorted(items, key=lambda item: item.when))


def translated_models():
    return [model_admin.model for model_admin in translated_admins(admin.site)]


def models_lacking_a_language():
    return {
        model._meta.label
        for model in translated_models()
        if model._default_manager.filter(
            reduce(
                operator.or_,
                [missing_language_condition(model, code) for code, _name in other_languages()],
            )
        ).exists()
    }


@desk.line
def lacking_a_language(user):
    lacking = cached_until_content_changes("lacking-a-language", models_lacking_a_language)
    if any(model._meta.label in lacking and may_see(user, model) for model in translated_models()):
        return Line(
            gettext("Entries still missing a language"), reverse("admin:missing_translations")
        )
    return None
