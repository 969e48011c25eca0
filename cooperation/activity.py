"""Each agreement's stored activity (`recorded_last_exchange`, `recorded_until`), refreshed by the
receivers below, by bulk writes through refresh_last_exchange(), and by `refresh_activity`."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver
from django.utils import timezone

from .models import NewsPhoto, NewsPhotoRegion, Region, TwinningAgreement, Visit, VisitRegion
from .models.exchanges import next_scheduled_exchange, worked_out_last_exchange

# Within refreshing_once(): the agreements noted for its end.
noted_agreements = ContextVar("noted_agreements", default=None)


def primary_keys(agreements):
    return agreements.order_by().values_list("pk", flat=True)


def refresh_last_exchange(pks, batch_size=1000):
    """Store the activity of these agreements and those a scheduled entry overtook; how many."""
    noted = noted_agreements.get()
    if noted is not None:
        noted.update(pks)
        return 0
    now = timezone.now()
    overtaken = TwinningAgreement.objects.filter(recorded_until__lte=now)
    pks = sorted({*pks, *primary_keys(overtaken)})
    for start in range(0, len(pks), batch_size):
        chosen = TwinningAgreement.objects.filter(pk__in=pks[start : start + batch_size])
        with transaction.atomic(using=chosen.db):
            if transaction.get_connection(chosen.db).features.has_select_for_update:
                # PostgreSQL's UPDATE reads the subqueries' rows as they were when it began:
                # the lock makes a concurrent refresh wait for this one's commit, and read it.
                list(chosen.select_for_update().order_by("pk").values_list("pk", flat=True))
            chosen.update(
                recorded_last_exchange=worked_out_last_exchange(now),
                recorded_until=next_scheduled_exchange(now),
            )
    return len(pks)


def refresh_every_agreement(batch_size=1000):
    return refresh_last_exchange(primary_keys(TwinningAgreement.objects.all()), batch_size)


@contextmanager
def refreshing_once():
    """The block's changes refresh the agreements they concern once, at its end."""
    noted = set()
    with transaction.atomic(savepoint=False):
        token = noted_agreements.set(noted)
        try:
            yield
        finally:
            noted_agreements.reset(token)
        if noted:
            refresh_last_exchange(noted)


def units_at_or_above(paths):
    return {slug for path in paths for slug in path.strip("/").split("/") if slug}


def agreements_reached_by(paths):
    slugs = units_at_or_above(paths)
    return TwinningAgreement.objects.filter(
        mission_region__slug__in=slugs, host_region__slug__in=slugs
    )


def refresh_exchanges_of(paths):
    if paths:
        refresh_last_exchange(primary_keys(agreements_reached_by(paths)))


def exchange_paths(entries):
    return set(entries.exchange_regions().values_list("path", flat=True))


def refresh_after_move(region, old_path):
    """Refresh the agreements of the units above a moved region, there and here."""
    above = units_at_or_above(p.rstrip("/").rpartition("/")[0] for p in (old_path, region.path))
    exchanges = Visit.objects.involving(region), NewsPhoto.objects.showing(region)
    others = units_at_or_above(set().union(*map(exchange_paths, exchanges)))
    if above and others:
        moved = Q(mission_region__slug__in=above, host_region__slug__in=others) | Q(
            host_region__slug__in=above, mission_region__slug__in=others
        )
        refresh_last_exchange(primary_keys(TwinningAgreement.objects.filter(moved)))


@receiver([pre_save, pre_delete], sender=Visit)
@receiver([pre_save, pre_delete], sender=NewsPhoto)
@receiver([pre_save, pre_delete], sender=VisitRegion)
@receiver([pre_save, pre_delete], sender=NewsPhotoRegion)
def note_exchange_paths(sender, instance, **kwargs):
    stored = sender.objects.filter(pk=instance.pk)
    instance.exchange_paths_before = exchange_paths(stored) if instance.pk else set()


@receiver([post_save, post_delete], sender=Visit)
@receiver([post_save, post_delete], sender=NewsPhoto)
@receiver([post_save, post_delete], sender=VisitRegion)
@receiver([post_save, post_delete], sender=NewsPhotoRegion)
def exchange_changed(sender, instance, **kwargs):
    stored = sender.objects.filter(pk=instance.pk)
    refresh_exchanges_of(instance.exchange_paths_before | exchange_paths(stored))


@receiver(m2m_changed, sender=VisitRegion)
@receiver(m2m_changed, sender=NewsPhotoRegion)
def linked_regions_added(sender, instance, action, reverse, pk_set, **kwargs):
    """add() writes the rows by bulk_create(); remove() and clear() delete them one by one."""
    if action == "post_add":
        entry_ids = pk_set if reverse else [instance.pk]
        refresh_exchanges_of(exchange_paths(sender.entry_model().objects.filter(pk__in=entry_ids)))


@receiver(pre_save, sender=Region)
def note_stored_path(sender, instance, **kwargs):
    stored = sender.objects.filter(pk=instance.pk).values_list("path", flat=True)
    instance.path_before_save = stored.first() if instance.pk else None


@receiver(post_save, sender=Region)
def region_saved(sender, instance, **kwargs):
    """A region moved or renamed (by its form, an import or a revert) moves its units along."""
    old_path = instance.path_before_save
    if old_path and old_path != instance.path:
        instance.moved_from(old_path)
        refresh_after_move(instance, old_path)


@receiver(post_save, sender=TwinningAgreement)
def agreement_saved(sender, instance, **kwargs):
    """Its parties may have changed, and a new one may have had exchanges already."""
    refresh_last_exchange([instance.pk])
