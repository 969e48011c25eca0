"""
Settings of the embassy cooperation site.

Everything that differs between a developer's machine and production comes from environment
variables; the defaults are safe for development. With DJANGO_DEBUG=0 the site refuses to start
without DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    SECRET_KEY = "development-only-secret-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must be set when DJANGO_DEBUG is off.")

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_filters",
    "reversion",
    "import_export",
    "tinymce",
    "embassy",
    "cooperation",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "embassy.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "embassy.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Bulgarian is the default; content falls back bg -> ru -> en.
LANGUAGE_CODE = "bg"
LANGUAGES = [
    ("bg", _("Bulgarian")),
    ("ru", _("Russian")),
    ("be", _("Belarusian")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Sofia"
USE_I18N = True
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "bg"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("bg", "ru", "en")

# The two countries of the cooperation: the mission's own country first, then the host country.
# Another embassy can reuse the project by changing these two codes (ISO 3166-1 alpha-2).
COOPERATION_MISSION_COUNTRY = os.environ.get("COOPERATION_MISSION_COUNTRY", "BY")
COOPERATION_HOST_COUNTRY = os.environ.get("COOPERATION_HOST_COUNTRY", "BG")

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]

MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

# Uploads: a scanned agreement is a PDF of a few pages; photos are limited separately.
COOPERATION_DOCUMENT_MAX_BYTES = 20 * 1024 * 1024
COOPERATION_IMAGE_MAX_BYTES = int(os.environ.get("COOPERATION_IMAGE_MAX_BYTES", 15 * 1024 * 1024))
COOPERATION_IMAGE_MAX_PIXELS = int(os.environ.get("COOPERATION_IMAGE_MAX_PIXELS", 50_000_000))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}

# The rich-text editor of page bodies and visit texts (TinyMCE, served from the project's own
# static files, loaded and configured without inline script). It offers only what
# embassy.models.sanitize_rich_text keeps, and the server sanitizes whatever arrives anyway.
TINYMCE_DEFAULT_CONFIG = {
    "license_key": "gpl",
    "promotion": False,
    "branding": False,
    "menubar": False,
    "height": 360,
    "plugins": "lists link autolink",
    "toolbar": (
        "undo redo | blocks | bold italic | bullist numlist blockquote | link unlink | removeformat"
    ),
    "block_formats": format_lazy(
        "{}=p; {}=h2; {}=h3; {}=h4",
        _("Paragraph"),
        _("Heading"),
        _("Subheading"),
        _("Minor heading"),
    ),
    "valid_elements": "p,br,h2,h3,h4,ul,ol,li,strong/b,em/i,blockquote,a[href|title]",
    "link_default_protocol": "https",
    "target_list": False,
    "entity_encoding": "raw",
    "convert_urls": False,
    "browser_spellcheck": True,
}

# Imports from CSV and Excel files run in one transaction: a refused row writes nothing.
IMPORT_EXPORT_USE_TRANSACTIONS = True
