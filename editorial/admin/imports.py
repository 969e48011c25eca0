"""CSV and Excel import and export in the admin: the upload is read at once, then checked and
imported by the background worker (editorial.tasks), with a preview to confirm between the two."""

import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV, XLSX

from ..models import SpreadsheetImport
from ..spreadsheets import CSV_FORMAT, XLSX_FORMAT, SpreadsheetRefused, check_size, read_spreadsheet
from ..tasks import rows_done, run_spreadsheet_import, worker_stopped

KEEP_JOBS = datetime.timedelta(days=7)


class SpreadsheetImportExportMixin(ImportExportMixin):
    """Import (through the background worker, with a preview) and export as CSV or Excel."""

    formats = [CSV, XLSX]
    import_template_name = "admin/imports/upload.html"
    import_job_template_name = "admin/imports/job.html"

    def has_import_permission(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)

    def export_action(self, request):
        # The list's filters come in the address: a wrong one is refused, not a server error.
        try:
            return super().export_action(request)
        except IncorrectLookupParameters:
            messages.error(request, _("The address holds filters that do not exist."))
            return redirect(request.path)

    def has_export_permission(self, request):
        return self.has_view_permission(request)

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        job = path(
            "import/<int:job_id>/",
            self.admin_site.admin_view(self.import_job_view),
            name="{}_{}_import_job".format(*info),
        )
        return [job, *super().get_urls()]

    def import_action(self, request, **kwargs):
        if not self.has_import_permission(request):
            raise PermissionDenied
        form = self.create_import_form(request)
        if request.method != "POST" or not form.is_valid():
            return self.render_upload(request, form)
        chosen = self.get_import_formats()[int(form.cleaned_data["format"])]
        file_format = CSV_FORMAT if chosen is CSV else XLSX_FORMAT
        resource = self.choose_import_resource_class(form, request)()
        upload = form.cleaned_data["import_file"]
        try:
            check_size(upload.size)
            data = upload.read()
            dataset, encoding = read_spreadsheet(data, file_format, resource)
        except SpreadsheetRefused as refused:
            form.add_error("import_file", str(refused))
            return self.render_upload(request, form)
        # A file stays with its job until it is imported; jobs left behind go after a week.
        SpreadsheetImport.objects.filter(created_at__lt=timezone.now() - KEEP_JOBS).delete()
        job = SpreadsheetImport.objects.create(
            content_type=ContentType.objects.get_for_model(self.model),
            resource=f"{type(resource).__module__}.{type(resource).__qualname__}",
            file_name=upload.name,
            file_format=file_format,
            data=data,
            encoding=encoding,
            row_count=len(dataset),
            user=request.user,
            language=translation.get_language(),
        )
        run_spreadsheet_import.enqueue(job.pk)
        return redirect(self.import_url("import_job", job.pk))

    def render_upload(self, request, form):
        resources = [cls() for cls in self.get_import_resource_classes(request)]
        context = {
            "title": _("Import"),
            "form": form,
            "media": self.media + form.media,
            "fields_list": [
                (
                    resource.get_display_name(),
                    [field.column_name for field in resource.get_user_visible_fields()],
                )
                for resource in resources
            ],
            "import_error_display": self.import_error_display,
            "import_max_bytes": settings.IMPORT_MAX_BYTES,
            "import_max_rows": settings.IMPORT_MAX_ROWS,
        }
        return self.render_import_page(request, self.import_template_name, context)

    def render_import_page(self, request, template_name, context):
        request.current_app = self.admin_site.name
        context = {**self.admin_site.each_context(request), "opts": self.opts, **context}
        return TemplateResponse(request, [template_name], context)

    def import_url(self, view, *args):
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_{view}", args=args)

    def import_job_view(self, request, job_id):
        if not self.has_import_permission(request):
            raise PermissionDenied
        # One's own imports; a failed one, to any staff member who may import (the desk's link).
        job = get_object_or_404(
            SpreadsheetImport,
            Q(user=request.user) | Q(state=SpreadsheetImport.State.FAILED),
            pk=job_id,
            content_type=ContentType.objects.get_for_model(self.model),
        )
        stopped = worker_stopped(job)
        if request.method == "POST":
            if "confirm" in request.POST and job.can_be_confirmed:
                job.move_to(job.State.IMPORT_WAITING)
                run_spreadsheet_import.enqueue(job.pk)
            elif "start-again" in request.POST and stopped:
                waiting = job.State.CHECK_WAITING
                if job.state == job.State.IMPORTING:
                    waiting = job.State.IMPORT_WAITING
                if job.take_from_worker(waiting):
                    run_spreadsheet_import.enqueue(job.pk)
            elif "cancel" in request.POST and stopped:
                job.take_from_worker(job.State.CANCELLED)
            return redirect(self.import_url("import_job", job.pk))
        if job.state == job.State.IMPORTED:
            messages.success(
                request,
                _("Imported from “%(file)s”: %(new)s new, %(update)s changed, %(skip)s unchanged.")
                % {"file": job.file_name, **job.summary["totals"]},
            )
        context = {
            "title": _("Import “%(file)s”") % {"file": job.file_name},
            "job": job,
            "stopped": stopped,
            "rows_done": min(rows_done(job.pk), job.row_count),
        }
        return self.render_import_page(request, self.import_job_template_name, context)

    def process_import(self, request, **kwargs):
        """django-import-export's own confirmation, replaced by the job's page."""
        return redirect(self.import_url("import"))
