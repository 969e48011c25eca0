"""
The background work of the editorial tools (django-tasks; the database backend's worker,
`manage.py db_worker`, runs it): checking and importing spreadsheet files.
"""

import logging

from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from .imports import SpreadsheetRefused, apply_import, check_import
from .models import SpreadsheetImport

logger = logging.getLogger(__name__)


@task()
def run_spreadsheet_import(job_id):
    """Check a file waiting to be checked, or import one waiting to be imported."""
    job = SpreadsheetImport.objects.filter(pk=job_id).first()
    if job is None:
        return
    with translation.override(job.language):
        try:
            if job.state == job.State.CHECK_WAITING:
                check_import(job)
            elif job.state == job.State.IMPORT_WAITING:
                apply_import(job)
        except SpreadsheetRefused as refused:
            job.move_to(job.State.FAILED, message=str(refused))
        except Exception:
            logger.exception("Spreadsheet import %s stopped", job_id)
            job.move_to(
                job.State.FAILED,
                message=_(
                    "The import stopped on an unexpected error and wrote nothing. Try again; "
                    "if it happens again, tell the site's administrator."
                ),
            )
