"""Shared test set-up: the initial content loaded once, media in a temporary folder."""

import io

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client


@pytest.fixture(scope="session", autouse=True)
def media_root(tmp_path_factory):
    """Keep uploaded and copied files out of the project's own media folder."""
    path = tmp_path_factory.mktemp("media")
    settings.MEDIA_ROOT = path
    return path


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, media_root):
    """Every test starts from the embassy page's content, as `make run` loads it."""
    with django_db_blocker.unblock():
        call_command("load_initial_data", stdout=io.StringIO())


@pytest.fixture
def staff_client(django_user_model):
    """A logged-in superuser's browser, separate from the anonymous `client`."""
    user = django_user_model.objects.create_superuser("staff", "staff@example.org", "pw-for-tests")
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture(autouse=True)
def fresh_cache():
    """Tests do not see each other's cached pages."""
    cache.clear()
