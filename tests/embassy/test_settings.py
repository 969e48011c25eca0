"""Production settings: refused when half-configured, locked down when complete."""

import json
import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.test import override_settings

# Variables of the developer's or CI's own environment that would change what is tested here.
CONFIGURATION_VARIABLES = [
    name for name in os.environ if name.startswith("DJANGO_") or name == "STATIC_ROOT"
]


def run_in_production(*args, **environment):
    """Run `python *args` in the project folder with DJANGO_DEBUG=0 and `environment`."""
    env = {key: value for key, value in os.environ.items() if key not in CONFIGURATION_VARIABLES}
    env.update({"DJANGO_DEBUG": "0", "DJANGO_SETTINGS_MODULE": "embassy.settings", **environment})
    env = {key: value for key, value in env.items() if value is not None}
    return subprocess.run(
        [sys.executable, *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def production_environment(**overrides):
    return {
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "DJANGO_ALLOWED_HOSTS": "cooperation.example.org",
        **overrides,
    }


def production_settings(**overrides):
    """The settings that Django loads in production with the given environment."""
    names = [
        "DEBUG",
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_PROXY_SSL_HEADER",
        "SESSION_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "CSRF_COOKIE_SECURE",
        "CSRF_COOKIE_HTTPONLY",
        "LANGUAGE_COOKIE_SECURE",
        "LANGUAGE_COOKIE_HTTPONLY",
        "STORAGES",
        "CONTENT_SECURITY_POLICY",
    ]
    return loaded_settings(names, production_environment(**overrides))


def loaded_settings(names, environment):
    """The settings `names` as Django loads them in a process with `environment`."""
    script = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{name: getattr(settings, name) for name in {names!r}}}))"
    )
    result = run_in_production("-c", script, **environment)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def production():
    return production_settings()


def test_deploy_check_reports_nothing_with_production_settings():
    result = run_in_production(
        "manage.py", "check", "--deploy", "--fail-level", "WARNING", **production_environment()
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in output
    assert "WARNING" not in output


def test_production_refuses_to_start_without_a_secret_key():
    result = run_in_production(
        "manage.py", "check", **production_environment(DJANGO_SECRET_KEY=None)
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off." in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_in_production(
        "manage.py", "check", **production_environment(DJANGO_ALLOWED_HOSTS=None)
    )
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS must be set when DJANGO_DEBUG is off." in result.stderr


def test_production_refuses_an_hsts_duration_that_is_not_a_number():
    result = run_in_production(
        "manage.py", "check", **production_environment(DJANGO_HSTS_SECONDS="one year")
    )
    assert result.returncode != 0
    assert "DJANGO_HSTS_SECONDS must be a whole number" in result.stderr


def test_production_sends_cookies_over_https_only_and_hides_them_from_scripts(production):
    assert production["DEBUG"] is False
    for cookie in ("SESSION", "CSRF", "LANGUAGE"):
        assert production[f"{cookie}_COOKIE_SECURE"] is True
        assert production[f"{cookie}_COOKIE_HTTPONLY"] is True


def test_production_redirects_to_https_and_asks_for_it_for_a_year(production):
    assert production["SECURE_SSL_REDIRECT"] is True
    assert production["SECURE_HSTS_SECONDS"] == 365 * 24 * 60 * 60
    assert production["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert production["SECURE_PROXY_SSL_HEADER"] is None


def test_hsts_and_the_https_redirect_can_be_changed_from_the_environment():
    production = production_settings(DJANGO_HSTS_SECONDS="600", DJANGO_SECURE_SSL_REDIRECT="0")
    assert production["SECURE_HSTS_SECONDS"] == 600
    assert production["SECURE_SSL_REDIRECT"] is False


def test_a_reverse_proxy_is_trusted_to_say_https_only_when_asked():
    production = production_settings(DJANGO_BEHIND_PROXY="1")
    assert production["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_images_may_come_from_the_media_buckets_own_domain():
    production = production_settings(
        AWS_STORAGE_BUCKET_NAME="embassy-media", AWS_S3_CUSTOM_DOMAIN="media.example.org"
    )
    image_sources = production["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["img-src"]
    assert image_sources == ["'self'", "data:", "https://media.example.org"]


def test_images_may_come_from_the_addresses_given_for_them():
    production = production_settings(
        DJANGO_CSP_IMG_SRC="https://embassy-media.s3.eu-central-1.amazonaws.com"
    )
    image_sources = production["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["img-src"]
    assert image_sources == [
        "'self'",
        "data:",
        "https://embassy-media.s3.eu-central-1.amazonaws.com",
    ]


def test_production_serves_compressed_static_files_under_hashed_names(production):
    backend = production["STORAGES"]["staticfiles"]["BACKEND"]
    assert backend == "whitenoise.storage.CompressedManifestStaticFilesStorage"


def test_development_has_no_hsts_and_needs_no_collectstatic():
    # The test run itself uses the development defaults.
    assert settings.SECURE_HSTS_SECONDS == 0
    assert settings.STORAGES["staticfiles"]["BACKEND"] == (
        "django.contrib.staticfiles.storage.StaticFilesStorage"
    )


PRODUCTION_STATIC_FILES = {
    "STORAGES": {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    },
    "WHITENOISE_USE_FINDERS": False,
    "WHITENOISE_AUTOREFRESH": False,
}


@pytest.fixture
def collected_static_files(tmp_path):
    """`collectstatic` as production runs it, into a folder of the test's own."""
    with override_settings(STATIC_ROOT=tmp_path, **PRODUCTION_STATIC_FILES):
        call_command("collectstatic", interactive=False, verbosity=0)
        yield tmp_path


def test_hashed_static_files_are_cached_for_years_and_served_compressed(
    collected_static_files, client
):
    url = staticfiles_storage.url("admin/css/base.css")
    assert url != "/static/admin/css/base.css", "the name carries the content's hash"

    response = client.get(url, headers={"Accept-Encoding": "gzip"})

    assert response.status_code == 200
    assert "max-age=315360000" in response["Cache-Control"]
    assert "immutable" in response["Cache-Control"]
    assert response["Content-Encoding"] == "gzip"


def test_static_files_under_their_plain_names_are_cached_briefly(collected_static_files, client):
    response = client.get("/static/admin/css/base.css")

    assert response.status_code == 200
    assert "immutable" not in response["Cache-Control"]
    assert "max-age=60" in response["Cache-Control"]


@pytest.mark.parametrize("debug", ["1", "0"])
def test_each_log_line_is_written_once(debug):
    """Django's "Not Found" warning was printed twice in development (#16)."""
    script = (
        "import django, logging; django.setup(); "
        "logging.getLogger('django.request').warning('Not Found: /favicon.ico'); "
        "logging.getLogger('django.request').info('below the level')"
    )
    env = {key: value for key, value in os.environ.items() if key not in CONFIGURATION_VARIABLES}
    env.update(DJANGO_SETTINGS_MODULE="embassy.settings", DJANGO_DEBUG=debug)
    if debug == "0":
        env.update(production_environment())
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert result.stderr.splitlines() == ["Not Found: /favicon.ico"]


def mail_settings(**environment):
    names = [
        "EMAIL_BACKEND",
        "EMAIL_HOST",
        "EMAIL_PORT",
        "EMAIL_HOST_USER",
        "EMAIL_HOST_PASSWORD",
        "EMAIL_USE_TLS",
        "DEFAULT_FROM_EMAIL",
        "COOPERATION_PARTNER_NOTIFY_EMAILS",
    ]
    return loaded_settings(names, {**production_environment(), **environment})


def test_production_sends_e_mail_through_the_smtp_server_the_environment_names():
    configured = mail_settings(
        EMAIL_HOST="smtp.example.org",
        EMAIL_PORT="587",
        EMAIL_HOST_USER="cooperation",
        EMAIL_HOST_PASSWORD="secret",
        EMAIL_USE_TLS="1",
        DEFAULT_FROM_EMAIL="cooperation@example.org",
        COOPERATION_PARTNER_NOTIFY_EMAILS="press@example.org, consul@example.org",
    )
    assert configured == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "smtp.example.org",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": "cooperation",
        "EMAIL_HOST_PASSWORD": "secret",
        "EMAIL_USE_TLS": True,
        "DEFAULT_FROM_EMAIL": "cooperation@example.org",
        "COOPERATION_PARTNER_NOTIFY_EMAILS": ["press@example.org", "consul@example.org"],
    }


def test_development_writes_e_mail_to_the_console_unless_a_server_is_named():
    console, smtp = (
        "django.core.mail.backends.console.EmailBackend",
        "django.core.mail.backends.smtp.EmailBackend",
    )
    assert mail_settings(DJANGO_DEBUG="1")["EMAIL_BACKEND"] == console
    assert mail_settings()["EMAIL_BACKEND"] == smtp
    assert mail_settings(DJANGO_DEBUG="1", EMAIL_HOST="127.0.0.1")["EMAIL_BACKEND"] == smtp


READ_DURING_A_WRITE = """
import json, django
django.setup()
from django.db import connections
writer, reader = connections["default"], connections.create_connection("default")
with writer.cursor() as cursor:
    cursor.execute("CREATE TABLE entry (name TEXT)")
    cursor.execute("INSERT INTO entry VALUES ('before the import')")
writer.connection.execute("BEGIN EXCLUSIVE")
writer.connection.execute("INSERT INTO entry VALUES ('imported')")
with reader.cursor() as cursor:
    cursor.execute("PRAGMA busy_timeout = 500")
    cursor.execute("SELECT name FROM entry")
    print(json.dumps([row[0] for row in cursor.fetchall()]))
"""


def test_on_sqlite_pages_are_read_while_a_long_transaction_writes(tmp_path):
    """An import holds SQLite's write lock for its whole transaction: a page read meanwhile
    reads what was there before it instead of failing with "database is locked"."""
    result = run_in_production(
        "-c",
        READ_DURING_A_WRITE,
        DATABASE_URL=f"sqlite:///{tmp_path / 'site.sqlite3'}",
        **production_environment(),
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == ["before the import"]


WRITE_WHILE_AN_IMPORT_HOLDS_THE_LOCK = """
import json, django
django.setup()
from django.core.management import call_command
from django.db import connections
from django.test import Client
from django.conf import settings
from django.test.utils import override_settings
call_command("migrate", verbosity=0)
importer = connections.create_connection("default")
importer.ensure_connection()
importer.connection.execute("BEGIN IMMEDIATE")
# The page's static files by their plain names: nothing was collected for this test.
plain_static_files = {**settings.STORAGES, "staticfiles": {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
with override_settings(STORAGES=plain_static_files):
    response = Client(HTTP_ACCEPT_LANGUAGE="bg", raise_request_exception=False).post(
        "/admin/login/", {"username": "staff", "password": "wrong"}, secure=True
    )
print(json.dumps([response.status_code, response["Retry-After"], response.content.decode()]))
"""


def test_on_sqlite_a_write_that_waits_in_vain_for_the_lock_is_told_to_try_again(tmp_path):
    """A write (a failed login is recorded) meets the lock a long import holds for longer than
    DJANGO_SQLITE_BUSY_SECONDS: a 503 with the reason in the visitor's language, not a 500."""
    result = run_in_production(
        "-c",
        WRITE_WHILE_AN_IMPORT_HOLDS_THE_LOCK,
        DATABASE_URL=f"sqlite:///{tmp_path / 'site.sqlite3'}",
        **production_environment(DJANGO_ALLOWED_HOSTS="testserver", DJANGO_SQLITE_BUSY_SECONDS="0"),
    )
    assert result.returncode == 0, result.stderr
    status, retry_after, page = json.loads(result.stdout)
    assert (status, retry_after) == (503, "60")
    assert "Нищо не е запазено" in page


def test_the_sites_address_is_the_first_allowed_host_over_https_unless_given():
    environment = production_environment(DJANGO_ALLOWED_HOSTS="a.example.org,b.example.org")
    assert loaded_settings(["SITE_URL"], environment) == {"SITE_URL": "https://a.example.org"}
    environment["DJANGO_SITE_URL"] = "https://www.example.org"
    assert loaded_settings(["SITE_URL"], environment) == {"SITE_URL": "https://www.example.org"}
