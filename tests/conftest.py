"""Shared test set-up: staff accounts with their roles, a fresh cache for each test, and the
initial content for the few tests that are about it.

Tests build the rows they are about with `tests.factories`; the database starts empty (but for
what the migrations create: the roles). The test settings (embassy.settings.test) put media in a
folder of the run's own, removed at the end."""

import io
import shutil

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.sites.models import Site
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.utils import translation


@pytest.fixture(scope="session", autouse=True)
def media_root():
    """The test run's own media folder, removed when the run ends."""
    yield settings.MEDIA_ROOT
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
    shutil.rmtree(settings.DOCUMENTS_ROOT, ignore_errors=True)


@pytest.fixture
def site_read(db):
    """Sitemaps and feeds read the site's Site once per process (pytest-django forgets it before
    each test): queries are counted as on a server that has read it."""
    Site.objects.get_current()


@pytest.fixture(scope="module")
def initial_content(django_db_setup, django_db_blocker, media_root):
    """The embassy page's content, as `make run` loads it, for the tests of one module that use
    it (`pytest.mark.usefixtures("initial_content")` on the module).

    Loading takes seconds, so it is loaded once for the module, in a transaction that stays
    open around the module's tests (each runs in a savepoint of it, as Django's
    `setUpTestData` does) and is rolled back after the last one."""
    # In the site's default language, as `manage.py` runs it: a test may leave another active.
    with django_db_blocker.unblock(), transaction.atomic():
        with translation.override(settings.LANGUAGE_CODE):
            call_command("load_initial_data", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


def staff_browser(user):
    """A logged-in browser; the admin speaks Bulgarian to it, the site's default language."""
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def staff_client(django_user_model):
    """A logged-in superuser's browser, separate from the anonymous `client`."""
    user = django_user_model.objects.create_superuser("staff", "staff@example.org", "pw-for-tests")
    return staff_browser(user)


@pytest.fixture(autouse=True)
def fresh_cache():
    """Tests do not see each other's cached pages."""
    cache.clear()


@pytest.fixture(autouse=True)
def default_language():
    """Tests start in the site's default language: a request to /en/ leaves English active."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


def member_of(django_user_model, group_name):
    """A staff account with one role, as the embassy's staff have."""
    user = django_user_model.objects.create_user(
        group_name.lower(), f"{group_name.lower()}@example.org", "pw-for-tests", is_staff=True
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(django_user_model):
    return member_of(django_user_model, "Editor")


@pytest.fixture
def publisher(django_user_model):
    return member_of(django_user_model, "Publisher")


@pytest.fixture
def editor_client(editor):
    return staff_browser(editor)


@pytest.fixture
def publisher_client(publisher):
    return staff_browser(publisher)


@pytest.fixture(scope="session", autouse=True)
def migrated_roles(django_db_setup, django_db_blocker):
    """The roles' permissions as the migrations granted them, read before any live server's test
    flushes the database (which leaves the permissions but not the groups)."""
    with django_db_blocker.unblock():
        return {
            group.name: list(group.permissions.values_list("content_type__app_label", "codename"))
            for group in Group.objects.all()
        }


@pytest.fixture
def roles(migrated_roles):
    """The Editor and Publisher groups put back as the migrations made them."""
    for name, permissions in migrated_roles.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
            for app_label, codename in permissions
        )
