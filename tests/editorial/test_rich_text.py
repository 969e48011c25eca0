"""The rich-text editor in the admin: served by the project, and its bodies stored clean."""

import re

import pytest
from django.urls import reverse

from cooperation.models import (
    OverviewPage,
    Visit,
)
from tests.admin_forms import change_form_data
from tests.factories import (
    OblastFactory,
    OverviewPageFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


# Rich text.


def test_visit_and_page_texts_get_the_editor_served_by_the_project(staff_client):
    VisitFactory()
    OverviewPageFactory()
    for model in (Visit, OverviewPage):
        entry = model.objects.first()
        page = staff_client.get(admin_url(model, "change", entry.pk)).content.decode()
        assert re.search(r'<textarea[^>]*class="[^"]*tinymce[^"]*"[^>]*name="body_ru"', page)
        assert '<script src="/static/tinymce/tinymce.min.js">' in page
        scripts = re.findall(r"<script\b([^>]*)>", page)
        assert all("src=" in attributes for attributes in scripts), "no inline script"
        assert "cdn" not in page.lower()


def test_a_body_posted_with_a_script_an_event_handler_and_a_javascript_link_is_stored_clean(
    staff_client,
):
    visit = VisitFactory(regions=[OblastFactory(country="BG")])
    url = admin_url(Visit, "change", visit.pk)
    body = (
        "<p>Среща <em>в Стара Загора</em><script>alert(1)</script>"
        '<img src=x onerror="alert(2)"><a href="javascript:alert(3)">тук</a></p>'
    )
    response = staff_client.post(url, change_form_data(staff_client.get(url), body_bg=body))
    assert response.status_code == 302
    visit.refresh_from_db()
    assert (
        visit.body_bg == '<p>Среща <em>в Стара Загора</em><a rel="noopener noreferrer">тук</a></p>'
    )
