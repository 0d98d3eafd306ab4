"""The anonymous page cache.

Anonymous readers get every public page, archive, feed, search result and the sitemap from
Django's cache (Redis in production) without touching the database. Editors, and anyone
else holding a session cookie, always get freshly rendered, private pages and never fill
the cache. ``PAGE_CACHE=off`` switches it off.

An entry is keyed by scheme, host, edition, path and the query parameters that change the
page (``page``, ``q``; any other parameter, such as ``utm_source``, is left out of the key).
``?comment=`` and ``?reply_to=`` (the notice after posting a comment, the reply form) are
never cached.

Purging is precise and needs no list of cached addresses: each entry records the *tags* it
was built from (see ``home.purge``), with the tag's version at the time:

* ``page:<path>``: the page that served the address (for an index page this covers its
  archives and feeds too); publishing a page bumps its own tag, its translations' (their
  language switchers changed) and its ancestors' (the listings that show it, and the
  edition's home, which also stands for search and the sitemap);
* ``chrome:<edition>``: the header and footer (menu, site identity, settings);
* ``recent:<edition>``: the "Recent posts" sidebar, bumped only when an article enters,
  leaves or changes in it.

The versions are stored in the cache beside the entries (``home.cache_tags``): a hit reads
the edition's chrome and recent tags and the page tags of the path's prefixes, one of which
is the serving page's; an entry whose recorded versions differ from the current ones is
stale, and the page is rendered again. Each worker keeps a copy of the entries it served
last, used only while the versions say it is current, and of the versions, which Redis
tells it about when they change: a popular page then costs no round trip at all. Nothing
is ever deleted in bulk; stale entries simply expire.

The middleware sits before the session, locale, authentication and message middleware, so
a hit skips all of them.
"""

import hashlib
import logging
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control

from . import cache_tags

logger = logging.getLogger(__name__)

ENTRY_PREFIX = "pagecache:entry:"

# Query parameters that select different content; any other parameter is ignored in the key
# (the views ignore it too).
KEY_PARAMETERS = ("page", "q")
# Query parameters that make a page personal to one reader: never served from the cache.
BYPASS_PARAMETERS = ("comment", "reply_to")
# Deeper addresses than any page or archive on the site are not worth a cache entry.
MAX_PATH_DEPTH = 8
MAX_QUERY_LENGTH = 400
# Addresses outside the editions that are the same for every visitor.
SITE_WIDE_PATHS = ("/sitemap.xml", "/robots.txt")
# Each worker keeps a copy of the entries it has served most recently (at most this many,
# a few megabytes), so a hit on a popular page reads only the tags' versions from the
# shared cache; the versions decide, exactly as for the shared entry.
LOCAL_ENTRIES = 300
_local_entries = OrderedDict()


def forget_local_entries():
    """Drop this worker's copies (tests that put the cache back in an earlier state)."""
    _local_entries.clear()


def edition_codes():
    return [code for code, _name in settings.LANGUAGES]


def page_tag(path):
    """The tag of the page at `path` (a public address such as ``/en/articles/``)."""
    return "page:" + path


def chrome_tag(edition):
    return "chrome:" + edition


def recent_tag(edition):
    return "recent:" + edition


# Bumped when any image is saved or deleted (a new file or focal point changes its
# renditions' addresses): the content fragments showing pictures are made again.
IMAGES_TAG = "images"


def path_prefixes(path):
    """``/en/articles/x/`` -> ``/en/``, ``/en/articles/``, ``/en/articles/x/``: the
    addresses of the pages that may have served `path` (a page serves its own address and
    its routable sub-pages)."""
    parts = [part for part in path.split("/") if part]
    return ["/" + "/".join(parts[: depth + 1]) + "/" for depth in range(len(parts))]


def public_path(url_path, edition):
    """A page's address in its edition from its ``url_path``, without a query:
    ``/home/articles/x/`` -> ``/en/articles/x/``. The first segment is the edition's home
    page (each edition's home is a child of the tree root, routed at ``/<edition>/``)."""
    parts = [part for part in url_path.split("/") if part][1:]
    return f"/{edition}/" + "".join(part + "/" for part in parts)


def chrome_version(edition):
    """The current version of an edition's chrome (header, footer), for fragment cache
    keys; given one if it has none, so losing it (eviction) cannot revive old fragments."""
    tag = chrome_tag(edition)
    try:
        version = cache_tags.ensure([tag])[tag]
    except Exception:  # no cache: fragments are not cached either
        return cache_tags.new_version()
    return version or cache_tags.new_version()


def mark_depends_on_recent_posts(request):
    """Called while rendering the "Recent posts" sidebar: the entry must be purged when
    the edition's recent posts change."""
    if request is not None:
        request._page_cache_recent_posts = True


def mark_served_page(request, page):
    """Called by the ``before_serve_page`` hook: the Wagtail page answering the request."""
    request._page_cache_page = page


class Lookup:
    """What the middleware knows about a cacheable request before rendering it."""

    __slots__ = ("key", "edition", "path", "candidate_tags", "versions", "search")

    def __init__(self, key, edition, path, candidate_tags, search):
        self.key = key
        self.edition = edition
        self.path = path
        self.candidate_tags = candidate_tags
        self.search = search
        self.versions = {}


class PageCacheMiddleware:
    """Serve and store anonymous GET and HEAD responses; see the module docstring."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.editions = set(edition_codes())
        admin = "/" + settings.WAGTAILADMIN_PATH.strip("/") + "/"
        # Never cached, whatever the edition prefix says.
        self.excluded_prefixes = (admin, "/django-admin/", "/documents/", "/static/", "/media/")

    def __call__(self, request):
        if not settings.PAGE_CACHE_ENABLED or request.method not in ("GET", "HEAD"):
            return self.get_response(request)

        public, edition = self.classify(request.path)
        if not public:
            return self.get_response(request)

        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            # An editor, or a reader with a session (e.g. a page password): personal pages.
            response = self.get_response(request)
            if "Cache-Control" not in response:
                add_never_cache_headers(response)
            return response

        lookup = self.lookup_for(request, edition)
        if lookup is None:
            response = self.get_response(request)
            self.make_anonymous(response)
            return response

        hit = self.fetch(lookup)
        if hit is not None:
            return hit

        response = self.get_response(request)
        self.make_anonymous(response)
        if self.storable(request, response):
            self.store(request, response, lookup)
            response["X-Cache"] = "MISS"
        return response

    # Which requests

    def classify(self, path):
        """(public, edition): whether `path` is a public address, and its edition."""
        if path in SITE_WIDE_PATHS:
            return True, None
        if path.startswith(self.excluded_prefixes) or path in ("/healthz", "/readyz"):
            return False, None
        edition = path[1:].split("/", 1)[0]
        if edition in self.editions and path.startswith(f"/{edition}/"):
            return True, edition
        return False, None

    def lookup_for(self, request, edition):
        """The cache key and the tags to read for a request, or None to bypass the cache."""
        query = request.GET
        if any(name in query for name in BYPASS_PARAMETERS):
            return None
        path = request.path
        prefixes = path_prefixes(path) if edition else []
        if len(prefixes) > MAX_PATH_DEPTH:
            return None
        kept = "&".join(
            f"{name}={value}" for name in KEY_PARAMETERS for value in query.getlist(name)
        )
        if len(kept) > MAX_QUERY_LENGTH:
            return None
        scheme = "https" if request.is_secure() else "http"
        raw = f"{scheme}://{request.get_host()}|{edition or '-'}|{path}|{kept}"
        key = ENTRY_PREFIX + hashlib.md5(raw.encode(), usedforsecurity=False).hexdigest()
        if edition:
            tags = [chrome_tag(edition), recent_tag(edition)]
            tags += [page_tag(prefix) for prefix in prefixes]
        elif path == "/sitemap.xml":
            tags = [page_tag(f"/{code}/") for code in edition_codes()]
        else:
            tags = []
        search = edition is not None and path == f"/{edition}/search/"
        return Lookup(key, edition, path, tags, search)

    # Hits

    def fetch(self, lookup):
        """The cached response, or None (and the current tag versions kept on `lookup`).

        The tags' versions always come from the shared cache; the entry itself from this
        worker's copy when it has one (a popular page is then one small round trip), else
        from the shared cache in the same round trip."""
        local = _local_entries.get(lookup.key)
        if local is not None and local[0] < time.monotonic():
            local = None
        try:
            lookup.versions, found = cache_tags.read(
                lookup.candidate_tags, also=[] if local else [lookup.key]
            )
        except Exception:  # a cache outage slows the site down, never takes it down
            logger.warning("Page cache unavailable", exc_info=True)
            return None
        if local is not None and self.current(local[1], lookup):
            entry = local[1]
            _local_entries.move_to_end(lookup.key)
        else:
            entry = found.get(lookup.key)
            if entry is None and local is not None:  # the copy is stale: is the shared one?
                entry = self.shared_entry(lookup)
            if entry is None or not self.current(entry, lookup):
                return None
            self.keep_locally(lookup, entry)
        depends_on, status, headers, content = entry
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response["X-Cache"] = "HIT"
        return response

    @staticmethod
    def current(entry, lookup):
        """Whether an entry was built from the tags' current versions."""
        return all(lookup.versions.get(tag) == version for tag, version in entry[0].items())

    @staticmethod
    def shared_entry(lookup):
        try:
            return cache.get(lookup.key)
        except Exception:
            return None

    @staticmethod
    def keep_locally(lookup, entry):
        seconds = (
            settings.PAGE_CACHE_SEARCH_SECONDS if lookup.search else settings.PAGE_CACHE_SECONDS
        )
        _local_entries[lookup.key] = (time.monotonic() + seconds, entry)
        _local_entries.move_to_end(lookup.key)
        while len(_local_entries) > LOCAL_ENTRIES:
            _local_entries.popitem(last=False)

    # Misses

    @staticmethod
    def make_anonymous(response):
        """An anonymous reader's page is the same for everyone: nothing in it depends on a
        cookie (the session was only looked at to find there is no user), so it must not
        tell caches to vary on cookies. Left alone when the response sets a cookie."""
        if response.cookies or "Vary" not in response:
            return
        kept = [
            value.strip()
            for value in response["Vary"].split(",")
            if value.strip() and value.strip().lower() != "cookie"
        ]
        if kept:
            response["Vary"] = ", ".join(kept)
        else:
            del response["Vary"]

    @staticmethod
    def storable(request, response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if "Vary" in response and "cookie" in response["Vary"].lower():
            return False
        cache_control = response.get("Cache-Control", "").lower()
        if any(word in cache_control for word in ("private", "no-store", "no-cache")):
            return False
        template = getattr(response, "template_name", None) or ""
        if "password_required" in str(template):  # a page behind a password
            return False
        return True

    def store(self, request, response, lookup):
        depends_on = self.dependencies(request, lookup)
        if depends_on is None:
            return
        seconds = (
            settings.PAGE_CACHE_SEARCH_SECONDS if lookup.search else settings.PAGE_CACHE_SECONDS
        )
        patch_cache_control(
            response,
            public=True,
            max_age=0,
            s_maxage=seconds,
            stale_while_revalidate=settings.PAGE_CACHE_STALE_SECONDS,
        )
        headers = [(name, value) for name, value in response.items() if name != "X-Cache"]
        try:
            missing = [tag for tag, version in depends_on.items() if version is None]
            if missing:
                # A tag seen for the first time: give it a version now, so that losing it
                # later (eviction) makes the entry stale instead of silently valid.
                depends_on.update(cache_tags.ensure(missing))
                if None in depends_on.values():
                    return
            entry = (depends_on, 200, headers, response.content)
            cache.set(lookup.key, entry, seconds)
            self.keep_locally(lookup, entry)
        except Exception:
            logger.warning("Page cache unavailable", exc_info=True)

    @staticmethod
    def dependencies(request, lookup):
        """{tag: version read before rendering} for the tags this response was built from,
        or None when it cannot be told (then it is not stored)."""
        edition = lookup.edition
        if edition is None:
            tags = list(lookup.candidate_tags)  # the sitemap: every edition's content
        else:
            tags = [chrome_tag(edition)]
            page = getattr(request, "_page_cache_page", None)
            if page is not None:
                path = public_path(page.url_path, edition)
            else:
                path = f"/{edition}/"  # search, and views that show the whole edition
            tags.append(page_tag(path))
            if getattr(request, "_page_cache_recent_posts", False):
                tags.append(recent_tag(edition))
        if any(tag not in lookup.versions for tag in tags):
            return None
        return {tag: lookup.versions[tag] for tag in tags}
