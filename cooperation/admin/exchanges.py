"""
Restoring a visit or news photo from its history: the revert writes the entry and its regions
without their save(), so its admin works out the partnerships' activity for the regions it
involved before and involves after (cooperation.activity).
"""

from ..activity import refreshing_exchanges_of


class ExchangeRestoreMixin:
    """For the admin of visits and news photos (on editorial's HistoryAdmin)."""

    def version_form_view(self, request, version, template_name, extra_context):
        if request.method != "POST":
            # Showing a version restores it in a transaction that is rolled back.
            return super().version_form_view(request, version, template_name, extra_context)
        entries = self.model._default_manager.filter(pk=version.object_id)
        with refreshing_exchanges_of(entries.exchange_regions()):
            return super().version_form_view(request, version, template_name, extra_context)
