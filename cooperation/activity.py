"""
Each partnership's activity, stored: an agreement's `recorded_last_exchange` (the day of the
latest published visit or news photo that involves both parties, or units within them) and
`recorded_until` (when the first such entry scheduled for later comes out), which
`TwinningAgreement.objects.with_last_exchange()` reads instead of working them out for every
agreement.

They are worked out again, for the agreements a change can concern and in the transaction that
makes it, wherever the content changes:

- a visit or news photo saved, deleted or updated in bulk, and the regions linked to it (an
  inline row, a revert's rows): by the models themselves (cooperation.models.exchanges,
  `RegionLink`), for the agreements both of whose parties lie at or above one of the regions
  it involves, before and after the change; the related managers' add() (`visit.regions.add()`),
  which write the rows without their save(), through the signal below;
- a region moved or renamed: by `Region.save()`, for the agreements of the units above it,
  before and after;
- an agreement saved (its parties may have changed): by `TwinningAgreement.save()`;
- an entry reverted in the admin, whose rows are written without their save(): by its admin;
- content written in bulk without save() (`generate_demo_data`, `loaddata`, a restored
  backup): `manage.py refresh_activity` works out every agreement again.

Time needs nothing run: an entry scheduled for later counts from its publish time on, and
`with_last_exchange()` works out afresh the last exchange of the agreements whose
`recorded_until` has passed; every refresh takes those along too, so they stay few.
"""

from contextlib import contextmanager

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from django.utils import timezone

from .models import NewsPhotoRegion, TwinningAgreement, VisitRegion
from .models.agreements import next_scheduled_exchange, worked_out_last_exchange


def refresh_last_exchange(agreements):
    """
    Work out again the last exchange of these agreements (a queryset), and of those whose
    recorded one a scheduled entry has overtaken, and store it: one UPDATE of the agreements
    found by two indexed queries. Returns how many agreements were refreshed.
    """
    now = timezone.now()
    overtaken = TwinningAgreement.objects.filter(recorded_until__lte=now)
    pks = {
        *agreements.order_by().values_list("pk", flat=True),
        *overtaken.order_by().values_list("pk", flat=True),
    }
    if not pks:
        return 0
    chosen = TwinningAgreement.objects.filter(pk__in=pks)
    with transaction.atomic(using=chosen.db):
        if transaction.get_connection(chosen.db).features.has_select_for_update:
            # PostgreSQL: an UPDATE's subqueries read the rows as they were when it began, so
            # two transactions refreshing one agreement at once could each miss the other's
            # visit. Locking the agreements first (in one order) makes the second wait for the
            # first to commit; its UPDATE, a statement begun after that, then reads both.
            # (SQLite lets one transaction write at a time.)
            list(chosen.select_for_update().order_by("pk").values_list("pk", flat=True))
        return chosen.update(
            recorded_last_exchange=worked_out_last_exchange(now),
            recorded_until=next_scheduled_exchange(now),
        )


def refresh_every_agreement(batch_size=1000):
    """Work out again the last exchange of every agreement, `batch_size` agreements to a
    transaction, so that a staff member saving meanwhile waits for one batch at most. Returns
    how many agreements there are."""
    pks = list(TwinningAgreement.objects.order_by("pk").values_list("pk", flat=True))
    for first in range(0, len(pks), batch_size):
        batch = pks[first : first + batch_size]
        refresh_last_exchange(TwinningAgreement.objects.filter(pk__gte=batch[0], pk__lte=batch[-1]))
    return len(pks)


def units_at_or_above(paths):
    """The slugs of the regions at or above the regions with these paths (a path names them)."""
    return {slug for path in paths for slug in path.strip("/").split("/") if slug}


def agreements_reached_by(paths):
    """The agreements that a visit or photo of the regions with these paths can count for:
    both parties lie at or above one of those regions."""
    slugs = units_at_or_above(paths)
    return TwinningAgreement.objects.filter(
        mission_region__slug__in=slugs, host_region__slug__in=slugs
    )


def refresh_exchanges_of(paths):
    """Refresh the agreements that a visit or photo of the regions with these paths can count
    for."""
    if paths:
        refresh_last_exchange(agreements_reached_by(paths))


@contextmanager
def refreshing_exchanges_of(regions):
    """
    Around a change to visits or news photos, or to the regions linked to them: refresh, once
    it is made, the agreements they can count for, as they were before it and are after it.
    `regions` is a queryset of the regions they involve, read before and after the change.
    """
    before = set(regions.values_list("path", flat=True))
    yield
    refresh_exchanges_of(before | set(regions.values_list("path", flat=True)))


def refresh_after_move(old_path, new_path):
    """A region moved from `old_path` to `new_path` (or was renamed): the units above it, there
    and here, lost or gained what lies below it, and so may the agreements they are party to."""
    above = {path.rstrip("/").rpartition("/")[0] for path in (old_path, new_path)}
    slugs = units_at_or_above(above)
    if slugs:
        refresh_last_exchange(
            TwinningAgreement.objects.filter(
                Q(mission_region__slug__in=slugs) | Q(host_region__slug__in=slugs)
            )
        )


@receiver(m2m_changed, sender=VisitRegion)
@receiver(m2m_changed, sender=NewsPhotoRegion)
def linked_regions_added(sender, instance, action, reverse, pk_set, **kwargs):
    """`visit.regions.add(...)` and the like write the link rows by bulk_create, without their
    save(). (remove() and clear() delete them through RegionLinkQuerySet.delete(), which
    refreshes them itself.) An addition only adds regions: those after it are all it reaches."""
    if action != "post_add":
        return
    entry_ids = pk_set if reverse else [instance.pk]
    regions = sender.entry_model()._default_manager.filter(pk__in=entry_ids).exchange_regions()
    refresh_exchanges_of(set(regions.values_list("path", flat=True)))
