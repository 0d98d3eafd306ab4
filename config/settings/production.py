from django.core.exceptions import ImproperlyConfigured

from config.settings.base import *  # noqa: F403
from config.settings.base import env_bool

DEBUG = False

if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")
if not ALLOWED_HOSTS:  # noqa: F405
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in production (comma-separated).")

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}

# TLS is terminated by the proxy in front of gunicorn.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
# Plain HTTP is only for trying the production settings behind a local proxy: a site that
# answers any other host name must redirect to HTTPS and send cookies over HTTPS only.
_LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}
if not (SECURE_SSL_REDIRECT and SESSION_COOKIE_SECURE) and not set(ALLOWED_HOSTS) <= _LOCAL_HOSTS:  # noqa: F405
    raise ImproperlyConfigured(
        "SECURE_SSL_REDIRECT=false or SECURE_COOKIES=false is only allowed when ALLOWED_HOSTS "
        "lists local addresses only (a local proxy test)."
    )
if SESSION_COOKIE_SECURE:
    # The __Host- prefix makes browsers refuse these cookies unless they are Secure, for
    # this exact host and path /, so a sibling subdomain cannot plant or overwrite them.
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
# Behind a CDN: the host the reader asked for arrives as X-Forwarded-Host when the CDN
# rewrites Host to the origin's name.
USE_X_FORWARDED_HOST = env_bool("USE_X_FORWARDED_HOST")
CSP_UPGRADE_INSECURE_REQUESTS = SECURE_SSL_REDIRECT
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))  # noqa: F405
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)

if os.environ.get("REDIS_URL"):  # noqa: F405
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# JSON log lines by default in production (LOG_FORMAT=text for a terminal).
if os.environ.get("LOG_FORMAT", "json").strip().lower() == "json":  # noqa: F405
    LOG_FORMAT = "json"
    LOGGING["handlers"]["console"]["formatter"] = "json"  # noqa: F405

# Errors are reported to Sentry (or a compatible service) only when SENTRY_DSN is set.
from operations.error_tracking import init_error_tracker  # noqa: E402

ERROR_TRACKER_ENABLED = init_error_tracker()

# Compress HTML, feeds and the sitemap (WhiteNoise already serves static files compressed).
# Django's GZipMiddleware pads responses against BREACH, and anonymous pages carry no
# CSRF token. A CDN that compresses on its own makes this redundant, not harmful.
MIDDLEWARE = [  # noqa: F405
    *MIDDLEWARE[: MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1],  # noqa: F405
    "django.middleware.gzip.GZipMiddleware",
    *MIDDLEWARE[MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1 :],  # noqa: F405
]

# Each gunicorn worker's local-memory cache could not be purged by the others on publish:
# without Redis the page cache stays off, unless PAGE_CACHE=on says otherwise (one worker).
if not os.environ.get("REDIS_URL") and not os.environ.get("PAGE_CACHE"):  # noqa: F405
    PAGE_CACHE_ENABLED = False
    FRAGMENT_CACHE_ENABLED = False
    CACHES["template_fragments"] = {  # noqa: F405
        "BACKEND": "django.core.cache.backends.dummy.DummyCache"
    }
