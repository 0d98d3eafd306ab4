"""Settings shared by every environment.

Everything an operator may need to change comes from an environment variable with a safe
default, so the same code runs on a laptop (SQLite, local memory cache) and in production
(PostgreSQL, Redis) without edits.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# The project's apps, from the roof down (see core/__init__.py for the layers).
INSTALLED_APPS = [
    "importer",
    "home",
    "search",
    "publications",
    "media_pages",
    "news",
    "metadata",
    "editions",
    "reader_input",
    "operations",
    "core",
    "caching",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtailmedia",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
]

MIDDLEWARE = [
    "operations.health.HealthCheckMiddleware",
    "operations.security.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "operations.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions, locale and auth: a cache hit skips them all (caching/pages.py).
    "caching.pages.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Before Wagtail's redirects: it sees their 404s (day archives, /slug/2/, -300x200).
    "importer.middleware.WordPressPatternRedirectMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "importer.middleware.WordPressQueryRedirectMiddleware",
    # Last, as django-axes requires: it turns a locked-out login into a 429.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

# SQLite is the embedded default; DATABASE_URL=postgres://... switches to PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Statements bound on the server, so psycopg prepares those a connection runs often
    # (every page runs the same few): PostgreSQL then stops planning them afresh, which
    # cost more than running them. Not for a pooler in transaction mode (PgBouncer):
    # DB_SERVER_SIDE_BINDING=false there.
    DATABASES["default"]["OPTIONS"] = {
        "server_side_binding": env_bool("DB_SERVER_SIDE_BINDING", True),
        "prepare_threshold": 2,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def redis_caches(url, key_prefix):
    """The caches with Redis at ``url``, as production runs them (tests point them at a
    Redis of their own)."""
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": key_prefix,
            "OPTIONS": {
                # A cache outage must slow the site down, not take it down.
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
                # A Redis that stops answering is skipped for CACHE_BREAKER_SECONDS after
                # a timeout, so one page never waits for many (caching/redis_breaker.py).
                "CONNECTION_FACTORY": "caching.redis_breaker.ConnectionFactory",
            },
        },
        # Rendition look-ups stay in each worker's memory: a page asks for dozens of them,
        # and Wagtail's look-up fails (AttributeError, a 500) when Redis drops out
        # mid-request. Their cache keys include the focal point, so a changed image never
        # finds a stale one.
        "renditions": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "TIMEOUT": 3600,
            "OPTIONS": {"MAX_ENTRIES": 20000},
        },
        # Fragments are named by everything they show: each worker keeps copies in front
        # of Redis (caching/backends.py), a page of cards costs no round trip per card.
        "template_fragments": {
            "BACKEND": "caching.backends.LocalFirstCache",
            "OPTIONS": {"SHARED": "default"},
        },
    }


REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = redis_caches(REDIS_URL, os.environ.get("CACHE_KEY_PREFIX", "nejat"))
    DJANGO_REDIS_IGNORE_EXCEPTIONS = True
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }

# After a Redis timeout or connection error, each worker skips Redis this many seconds
# (pages are rendered without the cache) before trying it again.
CACHE_BREAKER_SECONDS = float(os.environ.get("CACHE_BREAKER_SECONDS", "5"))

# The anonymous page cache (caching/pages.py, purged precisely by caching/purge.py).
# PAGE_CACHE=off renders every request afresh (and sends no CDN caching headers).
PAGE_CACHE_ENABLED = os.environ.get("PAGE_CACHE", "on").strip().lower() not in {
    "off",
    "0",
    "false",
    "no",
}
# Each worker keeps copies of what it read from the shared cache (tags' versions, pages,
# values, fragments; caching/worker_copies.py). CACHE_WORKER_COPIES=off reads everything
# from Redis on every request: one less moving part, at the cost the README measures.
CACHE_WORKER_COPIES = env_bool("CACHE_WORKER_COPIES", True)
# The header and footer fragments ({% cache %} in core/includes), purged with the pages.
# PAGE_CACHE=off leaves them on: every page is then rendered afresh around them.
FRAGMENT_CACHE_ENABLED = env_bool("FRAGMENT_CACHE", True)
if not FRAGMENT_CACHE_ENABLED:
    CACHES["template_fragments"] = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
# How long a page is kept (here, and by a CDN: s-maxage); publishing purges it sooner.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# Search results change with every publication and are rarely asked for twice.
PAGE_CACHE_SEARCH_SECONDS = min(60, PAGE_CACHE_SECONDS)
# A CDN may serve an expired page this long while it fetches a fresh one.
PAGE_CACHE_STALE_SECONDS = int(os.environ.get("PAGE_CACHE_STALE_SECONDS", "60"))

# CDN purging (wagtail.contrib.frontend_cache) when a CDN is configured: FRONTEND_CACHE_URL
# for a cache that accepts HTTP PURGE requests (Varnish, nginx), CLOUDFLARE_ZONE_ID with
# CLOUDFLARE_API_TOKEN for Cloudflare. caching/purge.py sends it the addresses that changed.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_URL"):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONE_ID") and os.environ.get("CLOUDFLARE_API_TOKEN"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"],
        "BEARER_TOKEN": os.environ["CLOUDFLARE_API_TOKEN"],
    }

# Our addresses already carry their edition: do not let frontend_cache copy each purge to
# every language (that would purge the editions a change does not touch).
WAGTAILFRONTENDCACHE_LANGUAGES = []

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Editions. The English tree is the source; the others are translated with wagtail-localize.
LANGUAGE_CODE = "en"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("en", "English"),
    ("ar", "عربي"),
    ("fa", "فارسی"),
    ("sq", "Shqip"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
WAGTAIL_I18N_ENABLED = True
# Otherwise submitting a live English page publishes an untranslated copy in every edition.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Optional machine translation in the translation editor ("Machine translate" button).
# Off unless both variables are set, so nothing calls an outside service by default:
#   MACHINE_TRANSLATOR=deepl   the only service configured here (DeepL API)
#   DEEPL_API_KEY=...          a key ending in ":fx" uses DeepL's free API endpoint
#   DEEPL_FORMALITY=...        optional: default, prefer_less or prefer_more
#   DEEPL_TIMEOUT=30           optional: seconds to wait for DeepL
# Check that DeepL supports each edition's language before enabling it: the text of every
# string a translator machine-translates is sent to DeepL.
MACHINE_TRANSLATOR = os.environ.get("MACHINE_TRANSLATOR", "").strip().lower()
_deepl_api_key = os.environ.get("DEEPL_API_KEY", "").strip()
if MACHINE_TRANSLATOR == "deepl" and _deepl_api_key:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {
            "AUTH_KEY": _deepl_api_key,
            "TIMEOUT": int(os.environ.get("DEEPL_TIMEOUT", "30")),
            **(
                {"FORMALITY": os.environ["DEEPL_FORMALITY"].strip()}
                if os.environ.get("DEEPL_FORMALITY", "").strip()
                else {}
            ),
        },
    }
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Media files (uploads and their renditions) on S3 or an S3-compatible store (MinIO, Ceph,
# R2, Spaces) when a bucket is named, so app servers keep no state; otherwise MEDIA_ROOT.
# Credentials come from boto3's usual sources (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY,
# an instance role). See "Scaling out" in the README.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "addressing_style": os.environ.get("AWS_S3_ADDRESSING_STYLE") or None,
            # A CDN (or public bucket domain) that serves the bucket, e.g. media.example.org.
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "location": os.environ.get("AWS_LOCATION", ""),
            # Image URLs are written into cached pages: never signed URLs that expire.
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", False),
            "file_overwrite": False,
            # Every upload and rendition has a name of its own: caches may keep them.
            "object_parameters": {
                "CacheControl": os.environ.get("MEDIA_CACHE_CONTROL", "public, max-age=2592000")
            },
        },
    }

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Nejat Society")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "rtf", "txt", "xlsx", "csv", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 15 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 60_000_000
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# No Gravatar: it would send a hash of each staff member's e-mail address to a third party
# with every admin page (and our admin's CSP blocks it anyway). Avatars are the ones staff
# upload in their account settings, or Wagtail's default.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# No check for a newer Wagtail from every superuser's dashboard: it asks releases.wagtail.org
# (a third-party request our CSP blocks, an error in the console); upgrades are planned.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {
            "features": [
                "h2",
                "h3",
                "h4",
                "bold",
                "italic",
                "ol",
                "ul",
                "link",
                "document-link",
                "blockquote",
                "hr",
            ]
        },
    }
}
WAGTAILMEDIA = {"MEDIA_MODEL": "wagtailmedia.Media"}
# Pictures offer these formats before the JPEG fallback (core/images.py); a format Pillow
# cannot encode on this machine is left out with a warning.
IMAGE_MODERN_FORMATS = env_list("IMAGE_MODERN_FORMATS", "avif,webp")
WAGTAILIMAGES_AVIF_QUALITY = int(os.environ.get("WAGTAILIMAGES_AVIF_QUALITY", "55"))
WAGTAILIMAGES_WEBP_QUALITY = int(os.environ.get("WAGTAILIMAGES_WEBP_QUALITY", "75"))
WAGTAILIMAGES_JPEG_QUALITY = int(os.environ.get("WAGTAILIMAGES_JPEG_QUALITY", "78"))

# Contact form: where submissions are mailed, when email is configured.
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")

# Reader forms (contact messages, comments) are rate-limited per sender. Behind N reverse
# proxies that append to X-Forwarded-For (a TLS proxy, a CDN), set TRUSTED_PROXY_COUNT=N:
# with 0 behind a proxy every reader has the proxy's address and shares one limit.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Logs go to stdout. LOG_FORMAT=json (the production default) writes one JSON object a
# line for a log collector; every line carries the request id (operations.security).
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text").strip().lower()
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "operations.security.RequestIdFilter"},
        "brief_cache_errors": {"()": "operations.security.BriefCacheErrors"},
    },
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "json" if LOG_FORMAT == "json" else "text",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django_redis.cache": {"filters": ["brief_cache_errors"]},
        # One line per request (method, path, status, duration); REQUEST_LOG=false if the
        # proxy's access log is enough.
        "nejat.request": {"level": "INFO" if env_bool("REQUEST_LOG", True) else "WARNING"},
    },
}

# The admin's address is configurable so it is not where every scanner looks first.
WAGTAILADMIN_PATH = os.environ.get("WAGTAILADMIN_PATH", "admin/").strip("/") + "/"
FORMAT_MODULE_PATH = ["config.formats"]

# PostgreSQL full-text search (English stemming; other scripts are matched as written,
# after folding, see core.text). SQLite uses its FTS5 index, without stemming.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        # Wagtail's database backend; on PostgreSQL it also keeps each edition's search entries.
        "BACKEND": "search.backend",
        "SEARCH_CONFIG": os.environ.get("SEARCH_CONFIG", "english"),
    }
}

# --- Admin sign-in -------------------------------------------------------------------------
# django-axes locks out an address after AXES_FAILURE_LIMIT failed sign-ins (429) for
# AXES_COOLOFF_HOURS, whatever the username, and a username after as many failures, whatever
# the address (so guessing one password from many addresses is stopped too); an IPv6
# sender counts as its /64 network. `manage.py axes_reset` lifts every lockout. Its backend
# must be first.
AUTHENTICATION_BACKENDS = [
    # AxesBackend rather than AxesStandaloneBackend: it can also load a signed-in user,
    # which Django's and Wagtail's test helpers expect of the first backend.
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "1"))
# Each on its own: an address whatever the username, a username whatever the address.
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_RESET_ON_SUCCESS = True
# The sender's address as the rate limits see it (honours TRUSTED_PROXY_COUNT), an IPv6
# address as its /64 network.
AXES_CLIENT_IP_CALLABLE = "reader_input.rate_limits.client_network_address"

# Two-factor authentication (a TOTP app) for staff, off unless WAGTAIL_2FA=true. When on,
# staff enrol at <admin>/2fa/setup/, and anyone with a confirmed device must enter a code
# after signing in before any admin page opens (operations.two_factor).
WAGTAIL_2FA_ENABLED = env_bool("WAGTAIL_2FA")
OTP_TOTP_ISSUER = os.environ.get("WAGTAIL_2FA_ISSUER", "Nejat Society")
if WAGTAIL_2FA_ENABLED:
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
        "operations.two_factor.StaffTwoFactorMiddleware",
    )

# Staff sessions end after SESSION_COOKIE_AGE seconds (12 hours) or when the browser closes.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(12 * 60 * 60)))
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# Content-Security-Policy (operations.security): an origin serving media from a CDN or bucket
# (by default the one MEDIA_URL or AWS_S3_CUSTOM_DOMAIN names, so pictures served from
# elsewhere are never blocked), and further embed providers whose players may be framed.
_media_url = urlsplit(MEDIA_URL)
CSP_MEDIA_ORIGIN = (
    os.environ.get("CSP_MEDIA_ORIGIN", "").strip()
    or (f"{_media_url.scheme}://{_media_url.netloc}" if _media_url.netloc else "")
    or (
        f"https://{os.environ['AWS_S3_CUSTOM_DOMAIN']}"
        if os.environ.get("AWS_S3_CUSTOM_DOMAIN")
        else ""
    )
)
CSP_FRAME_SRC = env_list("CSP_FRAME_SRC")
CSP_REPORT_URI = os.environ.get("CSP_REPORT_URI", "").strip()
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# --- Uploads (operations/uploads.py) -----------------------------------------------------
# No SVG: it can carry script. Documents are served through Wagtail's view, which sends
# Content-Disposition, nosniff and a "default-src 'none'" policy with each file.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_SERVE_METHOD = os.environ.get("WAGTAILDOCS_SERVE_METHOD", "serve_view")
WAGTAILDOCS_DOCUMENT_FORM_BASE = "operations.uploads.SafeDocumentForm"
# Images over WAGTAILIMAGES_MAX_IMAGE_PIXELS are refused from their header, not decoded.
WAGTAILIMAGES_IMAGE_FORM_BASE = "operations.uploads.SafeImageForm"
