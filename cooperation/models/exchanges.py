"""
Visits and news photos as exchanges between partners: whatever changes one of them (its
publication, its dates, its place), or the regions linked to it, works out again the stored
activity of the agreements it can count for (cooperation.activity), in the same transaction.
RefreshingActivity and its queryset do it for both: the entries and their links to regions.
"""

from contextlib import contextmanager

from django.db import models

from editorial.models import PublicationQuerySet


@contextmanager
def activity_refreshed(regions):
    """cooperation.activity.refreshing_exchanges_of(regions), imported when first used: that
    module sits above the models, since it reads the agreements."""
    from ..activity import refreshing_exchanges_of

    with refreshing_exchanges_of(regions):
        yield


class RefreshingActivityQuerySet(models.QuerySet):
    """Rows whose bulk updates and deletions refresh the activity of the agreements that the
    regions of `exchange_regions()` reach, as they were before and are after."""

    def exchange_regions(self):
        """The regions these rows involve, as a queryset (read when evaluated)."""
        raise NotImplementedError

    def update(self, **kwargs):
        with activity_refreshed(self.exchange_regions()):
            return super().update(**kwargs)

    def delete(self):
        with activity_refreshed(self.exchange_regions()):
            return super().delete()


class RefreshingActivity(models.Model):
    """A row whose saves and deletions refresh the activity (see RefreshingActivityQuerySet)."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        with activity_refreshed(self.exchange_regions()):
            return super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        with activity_refreshed(self.exchange_regions()):
            return super().delete(*args, **kwargs)


class ExchangeQuerySet(RefreshingActivityQuerySet, PublicationQuerySet):
    pass


class Exchange(RefreshingActivity):
    """A visit or news photo, whose saves and deletions refresh the partnerships' activity."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self._state.adding:
            # No region is linked to it yet: it counts for no agreement until one is.
            return super(RefreshingActivity, self).save(*args, **kwargs)
        return super().save(*args, **kwargs)

    def exchange_regions(self):
        """The regions the entry involves as stored (before a save, as it was)."""
        return type(self)._default_manager.filter(pk=self.pk).exchange_regions()
