"""A staff member's way through a spreadsheet import, and the background worker that runs it."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

CSV_FORMAT, XLSX_FORMAT = "0", "1"


def run_worker():
    """
    The database backend's worker, as `make run` starts it, until the queue is empty: each
    task claimed and run by the worker's own code. (Its command's loop also closes the
    database connection between tasks, which would end the test's transaction.)
    """
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="tests",
        excluded_queue_names=[],
    )
    while (task_result := DBTaskResult.objects.ready().get_locked()) is not None:
        task_result.claim(worker.worker_id)
        worker.run_task(task_result)


def upload_file(client, model, content, name="regions.csv", file_format=CSV_FORMAT):
    """The import form posted: a redirect to the import's page, or the form with the reason."""
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_import")
    return client.post(
        url,
        {"resource": "0", "format": file_format, "import_file": SimpleUploadedFile(name, content)},
    )


def checked(client, uploaded):
    """The import's page once the worker has checked the file: the preview."""
    assert uploaded.status_code == 302, uploaded.context["form"].errors
    run_worker()
    return client.get(uploaded["Location"])


def confirmed(client, uploaded):
    """The import's page once the preview was confirmed and the worker has imported it."""
    client.post(uploaded["Location"], {"confirm": "1"})
    run_worker()
    return client.get(uploaded["Location"])


def upload_refusal(response):
    """The reason the import form gives for refusing a file."""
    assert response.status_code == 200
    return response.context["form"].errors["import_file"][0]
