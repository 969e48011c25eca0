"""Helpers shared by the tests of the cooperation admin."""

import pytest
from django.urls import reverse

from tests.factories import (
    twinned_regions,
)


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.fixture
def regions():
    return twinned_regions()


def export(client, model, file_format):
    form = client.get(admin_url(model, "export")).context["form"]
    data = {
        name: "on"
        for name, field in form.fields.items()
        if name not in {"format", "resource", "export_items"}
    }
    return client.post(admin_url(model, "export"), {**data, "format": file_format, "resource": "0"})
