"""Response headers that browsers enforce, and a request id that ties log lines together.

Public pages get a strict Content-Security-Policy: they carry no inline script or style
(``home/static/js/site.js`` reads its labels from data-* attributes), so scripts and styles
come from the site itself and nothing else. A nonce would not help here: a cached page would
hand every visitor the same nonce. JSON-LD ``<script type="application/ld+json">`` blocks are
data, which CSP does not block.

The Wagtail admin (and Django's) runs inline scripts (wagtailmedia's chooser, Draftail's
config) and frames its own previews, so it gets its own, looser policy. Previews are not
admin pages, though: they show content that a translator or an editor wrote and that nobody
has approved yet, to the moderator whose session can publish it. They get the public policy
(no inline script), framed by the admin only. Responses that set their own policy keep it:
Wagtail serves documents with ``default-src 'none'``.
"""

import logging
import re
import time
import uuid
from contextvars import ContextVar

from django.conf import settings

from caching.redis_breaker import RedisSkipped

request_id_var = ContextVar("request_id", default="-")
request_logger = logging.getLogger("nejat.request")

# Embed providers whose players may be framed (video pages and embed blocks); extended with
# CSP_FRAME_SRC for others.
EMBED_FRAME_SOURCES = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]

# Powerful features no page of this site uses. Autoplay, fullscreen and picture-in-picture
# are left alone: embedded video players ask for them.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
        "interest-cohort",
        "browsing-topics",
    )
)


def _sources(*sources):
    return " ".join(dict.fromkeys(source for source in sources if source))


def public_policy(frame_ancestors="'none'"):
    """The policy for every page a reader sees (and every preview of one)."""
    media_origin = getattr(settings, "CSP_MEDIA_ORIGIN", "")
    directives = {
        "default-src": "'none'",
        "script-src": "'self'",
        "style-src": "'self'",
        "img-src": _sources("'self'", "data:", media_origin),
        "font-src": "'self'",
        "connect-src": "'self'",
        "media-src": _sources("'self'", media_origin),
        "frame-src": _sources(*EMBED_FRAME_SOURCES, *getattr(settings, "CSP_FRAME_SRC", [])),
        "manifest-src": "'self'",
        "form-action": "'self'",
        "base-uri": "'none'",
        "object-src": "'none'",
        "frame-ancestors": frame_ancestors,
    }
    return _serialise(directives)


def preview_policy():
    """A page as readers will see it, inside the admin's preview panel."""
    return public_policy(frame_ancestors="'self'")


def admin_policy():
    """The admin's own policy: inline scripts allowed, but no plugins, no foreign framing,
    forms post only to the site itself."""
    directives = {
        "default-src": "'self'",
        "script-src": "'self' 'unsafe-inline'",
        "style-src": "'self' 'unsafe-inline'",
        "img-src": _sources("'self'", "data:", "blob:", getattr(settings, "CSP_MEDIA_ORIGIN", "")),
        "frame-src": _sources(
            "'self'", *EMBED_FRAME_SOURCES, *getattr(settings, "CSP_FRAME_SRC", [])
        ),
        "form-action": "'self'",
        "base-uri": "'self'",
        "object-src": "'none'",
        "frame-ancestors": "'self'",
    }
    return _serialise(directives)


def _serialise(directives):
    policy = "; ".join(f"{name} {value}" for name, value in directives.items())
    if getattr(settings, "CSP_UPGRADE_INSECURE_REQUESTS", False):
        policy += "; upgrade-insecure-requests"
    if getattr(settings, "CSP_REPORT_URI", ""):
        policy += f"; report-uri {settings.CSP_REPORT_URI}"
    return policy


def is_admin_path(path):
    prefixes = ("/" + settings.WAGTAILADMIN_PATH.lstrip("/"), "/django-admin/")
    return path.startswith(prefixes)


class SecurityHeadersMiddleware:
    """Content-Security-Policy and Permissions-Policy on every response.

    Django's SecurityMiddleware already sets HSTS (production), X-Content-Type-Options,
    Referrer-Policy and Cross-Origin-Opener-Policy.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "is_dummy", False):
            # Wagtail renders a preview (edit, revision, workflow and translation previews
            # alike) by running a made-up request for the page's public URL through the
            # whole middleware chain; the admin view that asked for it returns its response.
            response["Content-Security-Policy"] = preview_policy()
            response.is_page_preview = True
        elif is_admin_path(request.path):
            if not getattr(response, "is_page_preview", False):
                response["Content-Security-Policy"] = admin_policy()
        elif "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = public_policy()
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


REQUEST_ID_PATTERN = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


class RequestIdMiddleware:
    """Give each request an id: in the ``X-Request-ID`` response header, in every log line
    written while it is handled, and in error reports.

    An incoming ``X-Request-ID`` is kept only behind a trusted proxy (TRUSTED_PROXY_COUNT),
    so the proxy's and the site's logs share the id; a reader cannot choose it otherwise.
    Each request is logged once, with its status and duration, to ``nejat.request``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    @staticmethod
    def request_id_for(request):
        incoming = request.headers.get("X-Request-ID", "")
        if getattr(settings, "TRUSTED_PROXY_COUNT", 0) > 0 and REQUEST_ID_PATTERN.match(incoming):
            return incoming
        return uuid.uuid4().hex

    def __call__(self, request):
        request.id = self.request_id_for(request)
        token = request_id_var.set(request.id)
        started = time.monotonic()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request.id
            request_logger.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.monotonic() - started) * 1000, 1),
                },
            )
            return response
        finally:
            request_id_var.reset(token)


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` to every log record (``-`` outside a request)."""

    def filter(self, record):
        if not hasattr(record, "request_id"):
            record.request_id = request_id_var.get()
        return True


class BriefCacheErrors(logging.Filter):
    """django-redis logs every cache call it skips while Redis is down, each with a full
    traceback. One warning line each is enough: the site carries on without its cache.
    Calls skipped without asking Redis (its breaker is open after a timeout) are not
    logged at all: the breaker logs once when it opens."""

    def filter(self, record):
        if record.exc_info and record.exc_info[1] is not None:
            error = record.exc_info[1]
            if isinstance(error, RedisSkipped) or isinstance(error.__cause__, RedisSkipped):
                return False
            record.msg = "Cache unavailable, serving without it: %s"
            record.args = (record.exc_info[1],)
            record.exc_info = None
            record.exc_text = None
            record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True
