"""Admin login throttling: repeated wrong passwords lock a username out from an address."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.test import RequestFactory, override_settings
from django.urls import reverse

from embassy.throttling import address_seen_by_proxy

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery-staple"
ENGLISH = {"Accept-Language": "en"}


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Every attempt checks a password; the production hasher is slow on purpose."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def staff_member(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)


def log_in(client, password, username="editor", **request_options):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
        headers=ENGLISH,
        **request_options,
    )


def is_logged_in(client):
    return client.get(reverse("admin:index")).status_code == 200


def fail_until_locked_out(client, username="editor", **request_options):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        response = log_in(client, "wrong password", username, **request_options)
    return response


def test_wrong_password_shows_the_login_form_with_an_error(client, staff_member):
    response = log_in(client, "wrong password")
    assert response.status_code == 200
    assert "Please enter the correct username and password" in response.content.decode()


def test_five_wrong_passwords_lock_the_login_out_even_with_the_right_password(client, staff_member):
    assert settings.AXES_FAILURE_LIMIT == 5
    fail_until_locked_out(client)

    response = log_in(client, PASSWORD)

    assert response.status_code == 429
    page = response.content.decode()
    assert "Logging in is blocked for a while" in page
    assert "There were 5 failed attempts to log in with this username from your address" in page
    assert "even with the right password" in page
    assert "You can try again in 30\xa0minutes" in page
    assert not is_logged_in(client)


def test_lockout_page_keeps_the_admin_layout_and_security_headers(client, staff_member):
    response = fail_until_locked_out(client)
    assert response.status_code == 429
    page = response.content.decode()
    assert "Embassy of Belarus in Bulgaria: regional cooperation" in page
    assert "You don’t have permission" not in page
    assert reverse("admin:login") in page
    assert "Content-Security-Policy" in response.headers


def test_fewer_wrong_passwords_than_the_limit_still_let_the_right_one_in(client, staff_member):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, "wrong password")

    response = log_in(client, PASSWORD)

    assert response.status_code == 302
    assert is_logged_in(client)


def test_lockout_ends_after_the_cool_off(client, staff_member):
    fail_until_locked_out(client)
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time
        - settings.AXES_COOLOFF_TIME
        - timedelta(minutes=1)
    )

    response = log_in(client, PASSWORD)

    assert response.status_code == 302
    assert is_logged_in(client)


def test_lockout_of_one_username_leaves_other_staff_free_to_log_in(
    client, staff_member, django_user_model
):
    django_user_model.objects.create_superuser("publisher", "publisher@example.org", PASSWORD)
    fail_until_locked_out(client)

    response = log_in(client, PASSWORD, username="publisher")

    assert response.status_code == 302
    assert is_logged_in(client)


@override_settings(AXES_CLIENT_IP_CALLABLE="embassy.throttling.address_seen_by_proxy")
def test_behind_a_proxy_a_lockout_holds_only_for_the_address_that_failed(client, staff_member):
    fail_until_locked_out(client, HTTP_X_FORWARDED_FOR="203.0.113.7")

    assert log_in(client, PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.7").status_code == 429
    assert log_in(client, PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.20").status_code == 302


def test_address_behind_a_proxy_is_the_one_the_proxy_appended():
    factory = RequestFactory()
    forged = factory.get("/", HTTP_X_FORWARDED_FOR="10.0.0.1, 203.0.113.7")
    direct = factory.get("/", REMOTE_ADDR="198.51.100.20")

    assert address_seen_by_proxy(forged) == "203.0.113.7"
    assert address_seen_by_proxy(direct) == "198.51.100.20"
