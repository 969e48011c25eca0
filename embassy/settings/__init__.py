"""Settings from environment variables (README, "Configuration"); defaults suit development."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from .environment import env

BASE_DIR = Path(__file__).resolve().parent.parent.parent


DEBUG = env.bool("DJANGO_DEBUG", True)

SECRET_KEY = env.str("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    SECRET_KEY = "development-only-secret-key-do-not-use-in-production"

ALLOWED_HOSTS = env.list(
    "DJANGO_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else []
)
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must be set when DJANGO_DEBUG is off.")
SITE_URL = env.str(
    "DJANGO_SITE_URL", "http://127.0.0.1:8000" if DEBUG else f"https://{ALLOWED_HOSTS[0]}"
)
SITE_ID = 1

INSTALLED_APPS = [
    "modeltranslation",  # before the admin, to patch its forms
    "embassy.apps.SiteAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.sites",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_filters",
    "axes",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "reversion",
    "import_export",
    "django_tasks",
    "django_tasks_db",
    "tinymce",
    "editorial",
    "photos",
    "embassy.apps.EmbassyConfig",
    "cooperation",
    "partners",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before WhiteNoise, so that static files carry the two policies too.
    "csp.middleware.CSPMiddleware",
    "embassy.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Below WhiteNoise (its files are compressed already), above all that reads the body.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "embassy.middleware.AdminRequestsMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # axes must be last: it turns a refused login into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "embassy.urls"
WSGI_APPLICATION = "embassy.wsgi.application"

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
                "embassy.context_processors.site",
            ],
        },
    },
]

LOG_LEVEL = env.str("DJANGO_LOG_LEVEL", "WARNING")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler", "level": LOG_LEVEL}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    # Django's own handler would print its messages a second time in development.
    "loggers": {"django": {"handlers": []}},
}


DATABASES = {
    "default": dj_database_url.parse(
        env.str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env.int("DJANGO_CONN_MAX_AGE", 60),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# SQLite: the write lock taken at BEGIN orders two saves of one entry; WAL lets pages be read.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        transaction_mode="IMMEDIATE",
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        timeout=env.int("DJANGO_SQLITE_BUSY_SECONDS", 20),
    )


LANGUAGE_CODE = "bg"
LANGUAGES = [
    ("bg", _("Bulgarian")),
    ("ru", _("Russian")),
    ("be", _("Belarusian")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "overrides"]
TIME_ZONE = "Europe/Sofia"
FORMAT_MODULE_PATH = ["embassy.formats"]

MODELTRANSLATION_DEFAULT_LANGUAGE = "bg"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("bg", "ru", "en")


REDIS_OPTIONS = {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5}
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True


def cache_from_url(url):
    """A cache from `redis://host:6379/0`, `file:///path`, or empty for local memory."""
    if url.startswith(("redis://", "rediss://", "unix://")):
        return {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "OPTIONS": REDIS_OPTIONS,
        }
    if url.startswith("file://"):
        return {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": url.removeprefix("file://"),
        }
    if url:
        raise ImproperlyConfigured(
            f"DJANGO_CACHE_URL must start with redis:// or file://, not {url!r}."
        )
    return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}


CACHES = {"default": cache_from_url(env.str("DJANGO_CACHE_URL"))}
PUBLIC_PAGE_CACHE_SECONDS = env.int("PUBLIC_PAGE_CACHE_SECONDS", 600)
PUBLIC_CONTENT_APPS = ["embassy", "cooperation", "partners"]


STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]

STORAGES = {
    "default": {"BACKEND": "embassy.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", BASE_DIR / "media")

S3_OPTIONS = {
    "endpoint_url": env.str("AWS_S3_ENDPOINT_URL") or None,
    "region_name": env.str("AWS_S3_REGION_NAME") or None,
    "file_overwrite": False,
}
MEDIA_BUCKET = env.str("AWS_STORAGE_BUCKET_NAME")
MEDIA_BUCKET_DOMAIN = env.str("AWS_S3_CUSTOM_DOMAIN")
if MEDIA_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **S3_OPTIONS,
            "bucket_name": MEDIA_BUCKET,
            "custom_domain": MEDIA_BUCKET_DOMAIN or None,
            "querystring_auth": False,
        },
    }

PHOTO_MAX_BYTES = env.int("COOPERATION_IMAGE_MAX_BYTES", 15 * 1024 * 1024)
PHOTO_MAX_PIXELS = env.int("COOPERATION_IMAGE_MAX_PIXELS", 50_000_000)
PHOTO_RENDITION_WIDTHS = [320, 640, 1280]

COOPERATION_DOCUMENT_MAX_BYTES = env.int("COOPERATION_DOCUMENT_MAX_BYTES", 20 * 1024 * 1024)
DOCUMENTS_ROOT = env.path("COOPERATION_DOCUMENTS_ROOT", BASE_DIR / "documents")
DOCUMENTS_BUCKET = env.str("COOPERATION_DOCUMENTS_BUCKET")
STORAGES["documents"] = {
    "BACKEND": "embassy.storage.FileSystemStorage",
    "OPTIONS": {"location": str(DOCUMENTS_ROOT)},
}
if DOCUMENTS_BUCKET:
    STORAGES["documents"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **S3_OPTIONS,
            "bucket_name": DOCUMENTS_BUCKET,
            "default_acl": "private",
            "querystring_auth": True,
        },
    }


CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS")

# Trusts a proxy's X-Forwarded-Proto and -For: never set it when clients reach Django directly.
BEHIND_PROXY = env.bool("DJANGO_BEHIND_PROXY", False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
# Monitors check the application over plain HTTP, straight at gunicorn.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", 0 if DEBUG else 365 * 24 * 60 * 60)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env.bool("DJANGO_HSTS_PRELOAD", False)
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
CSRF_FAILURE_VIEW = "embassy.errors.csrf_failure"

SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_HTTPONLY = LANGUAGE_COOKIE_HTTPONLY = True  # no script of the site reads them
LANGUAGE_COOKIE_SAMESITE = "Lax"

MEDIA_IMAGE_ORIGINS = env.list("DJANGO_CSP_IMG_SRC")
if MEDIA_BUCKET and MEDIA_BUCKET_DOMAIN:
    MEDIA_IMAGE_ORIGINS.append(f"https://{MEDIA_BUCKET_DOMAIN}")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "img-src": [SELF, "data:", *MEDIA_IMAGE_ORIGINS],
        "style-src": [SELF],
        "script-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}

PERMISSIONS_POLICY_DENIED = [
    "accelerometer",
    "autoplay",
    "camera",
    "display-capture",
    "encrypted-media",
    "geolocation",
    "gyroscope",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "picture-in-picture",
    "publickey-credentials-get",
    "screen-wake-lock",
    "usb",
    "xr-spatial-tracking",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AXES_FAILURE_LIMIT = env.int("DJANGO_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("DJANGO_LOGIN_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "embassy.throttling.login_locked_out"
if BEHIND_PROXY:
    AXES_CLIENT_IP_CALLABLE = "embassy.throttling.address_seen_by_proxy"


# editorial.rich_text adds the tags it may offer, from the server's sanitizing allow-list.
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
    "entity_encoding": "raw",
    "convert_urls": False,
    "browser_spellcheck": True,
}

# IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT stays off: cooperation.spreadsheet_cells does it.
IMPORT_MAX_BYTES = env.int("COOPERATION_IMPORT_MAX_BYTES", 10 * 1024 * 1024)
IMPORT_MAX_ROWS = env.int("COOPERATION_IMPORT_MAX_ROWS", 50_000)
IMPORT_WORKER_TIMEOUT = env.int("COOPERATION_IMPORT_WORKER_TIMEOUT", 60)

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


COOPERATION_MISSION_COUNTRY = env.str("COOPERATION_MISSION_COUNTRY", "BY")
COOPERATION_HOST_COUNTRY = env.str("COOPERATION_HOST_COUNTRY", "BG")

COOPERATION_DORMANT_AFTER_YEARS = env.int("COOPERATION_DORMANT_AFTER_YEARS", 5)

COOPERATION_PARTNER_NOTIFY_EMAILS = env.list("COOPERATION_PARTNER_NOTIFY_EMAILS")
COOPERATION_PARTNER_POSTS_PER_HOUR = env.int("COOPERATION_PARTNER_POSTS_PER_HOUR", 5)
COOPERATION_PARTNER_CONTACT_MONTHS = env.int("COOPERATION_PARTNER_CONTACT_MONTHS", 6)


EMAIL_HOST = env.str("EMAIL_HOST")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST or not DEBUG
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = EMAIL_HOST or "localhost"
EMAIL_PORT = env.int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", "cooperation@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL


REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Regional cooperation of Belarus and Bulgaria: open data",
    "DESCRIPTION": (
        "The regions, twinning and cooperation agreements, visits and news photos published by "
        "the Embassy of Belarus in Bulgaria. Read-only, no account needed. Names come in the "
        "language of `lang` or of the Accept-Language header, Bulgarian by default."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "CountryEnum": "cooperation.countries.country_choices",
        "RegionKindEnum": "cooperation.models.RegionKind",
        "AgreementKindEnum": "cooperation.models.TwinningAgreement.Kind",
        "AgreementStatusEnum": "cooperation.models.TwinningAgreement.Status",
        "VisitKindEnum": "cooperation.models.Visit.Kind",
    },
}
