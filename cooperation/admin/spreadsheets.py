"""Import and export of the reference data as CSV and Excel files (django-import-export)."""

import reversion
from django.contrib import messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV, XLSX


class _ImportRefused(Exception):
    def __init__(self, result):
        self.result = result


class SpreadsheetImportExportMixin(ImportExportMixin):
    """
    Import and export as CSV or Excel. An uploaded file is previewed first: what would be
    created, changed, left as it is, or refused and why. Only a preview without refusals can be
    confirmed, and the confirmed import is one transaction and one revision of the history, so
    a row refused at that point writes nothing at all.
    """

    formats = [CSV, XLSX]
    import_template_name = "admin/cooperation/import.html"

    def export_action(self, request):
        # The list's filters come along in the address; one that is no filter (a link with
        # other parameters) is refused as the list itself refuses it, not with a server error.
        try:
            return super().export_action(request)
        except IncorrectLookupParameters:
            messages.error(request, _("The address holds filters that do not exist."))
            return redirect(request.path)

    def has_import_permission(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)

    def has_export_permission(self, request):
        return self.has_view_permission(request)

    def get_import_data_kwargs(self, **kwargs):
        return {**super().get_import_data_kwargs(**kwargs), "rollback_on_validation_errors": True}

    def process_dataset(self, dataset, form, request, **kwargs):
        file_name = form.cleaned_data.get("original_file_name", "")
        try:
            with reversion.create_revision():
                reversion.set_user(request.user)
                reversion.set_comment(_("Imported from “%(file)s”.") % {"file": file_name})
                result = super().process_dataset(dataset, form, request, **kwargs)
                if result.has_errors() or result.has_validation_errors():
                    raise _ImportRefused(result)
        except _ImportRefused as refused:
            return refused.result
        return result

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            messages.error(
                request,
                _(
                    "Nothing was imported: the file no longer passes the checks. "
                    "Import it again to see why."
                ),
            )
            return redirect(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist")
        return super().process_result(result, request)
