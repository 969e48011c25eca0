"""
Restoring a visit or news photo from its history: the revert writes the entry and its regions
without their save(), so its admin works out the partnerships' activity for the regions it
involved before and involves after (cooperation.activity).
"""

from ..activity import refreshing_exchanges_of


class ExchangeRestoreMixin:
    """For the admin of visits and news photos (on editorial's HistoryAdmin)."""

    def restoring(self, request, version):
        entries = self.model._default_manager.filter(pk=version.object_id)
        return refreshing_exchanges_of(entries.exchange_regions())
