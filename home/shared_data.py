"""What every page of an edition shows around its content (site settings, site identity,
menu, edition homes, the "Recent posts" sidebar), kept in the cache between requests.

Without it, each page would spend a dozen queries on its header, footer and sidebar before
its own content. The values live in Django's cache (Redis in production) under the
current versions of the page cache's tags (``home.page_cache``): ``chrome:<edition>``
(bumped when the menu, the site identity, social links or site settings change) and
``recent:<edition>`` (bumped when an article enters, leaves or changes in the sidebar). A
change gives the tag a new version, so the next request computes the value afresh; nothing
is ever stale for longer than a purge takes. Each value is also kept on the request, so it
is computed or fetched at most once per request.
"""

import hashlib
import logging
import pickle
from collections import OrderedDict

from django.core.cache import cache

from . import cache_tags
from .page_cache import chrome_tag, edition_codes, forget_local_entries, recent_tag

logger = logging.getLogger(__name__)

# Bumped whenever a kept value changes shape, so a deploy never reads the old shape.
KEY_PREFIX = "shared:2:"
# A safety net only: purges make values stale long before this.
TIMEOUT = 60 * 60
_MISSING = object()
# Each worker also keeps the values it has read (pickled, so every request gets its own
# objects), the most recently used first: a value is named by its tags' versions, which
# every worker learns of at once when they change (home/cache_tags.py), so a purge reaches
# every worker's copy at once.
LOCAL_ENTRIES = 500
_local = OrderedDict()


def host(request):
    """The host part of a shared value's name (URLs and settings differ between sites)."""
    return request.get_host() if request is not None else "-"


def _memo(request):
    return request.__dict__.setdefault("_shared_data", {})


def _versions(request, tags):
    """The current version of each tag (at most one cache round trip per request for all),
    giving a tag seen for the first time its first version."""
    known = request.__dict__.setdefault("_shared_tag_versions", {})
    wanted = [tag for tag in tags if tag not in known]
    if wanted:
        try:
            known.update(cache_tags.ensure(wanted))
        except Exception:  # a cache outage slows the site down, never takes it down
            logger.warning("Shared data cache unavailable", exc_info=True)
            for tag in wanted:
                known[tag] = None
    return [known[tag] for tag in tags]


def tag_versions(request, tags):
    """The current versions of ``tags`` (None for each when the cache is unavailable),
    fetched once per request."""
    if request is None:
        return [None for _tag in tags]
    return _versions(request, tags)


def shared(request, name, compute, tags):
    """``compute()``, kept while ``tags`` keep their versions; once per request."""
    if request is None:
        return compute()
    memo = _memo(request)
    if name in memo:
        return memo[name]
    versions = _versions(request, tags)
    if None in versions:  # no cache: compute, and keep it for this request only
        memo[name] = compute()
        return memo[name]
    digest = hashlib.md5(repr((name, versions)).encode(), usedforsecurity=False).hexdigest()
    value = _local_get(digest)
    if value is _MISSING:
        key = KEY_PREFIX + digest
        try:
            value = cache.get(key, _MISSING)
        except Exception:
            value = _MISSING
        if value is _MISSING:
            value = compute()
            try:
                cache.set(key, value, TIMEOUT)
            except Exception:
                logger.warning("Shared data cache unavailable", exc_info=True)
        _local_set(digest, value)
    memo[name] = value
    return value


def forget_local_copies():
    """Drop this worker's copies, of shared values and of cached pages (tests that roll the
    database and the cache back)."""
    _local.clear()
    forget_local_entries()
    cache_tags.forget()


def _local_get(digest):
    pickled = _local.get(digest)
    if pickled is None:
        return _MISSING
    _local.move_to_end(digest)
    return pickle.loads(pickled)


def _local_set(digest, value):
    try:
        _local[digest] = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
    except Exception:  # not picklable: kept in the shared cache only
        return
    while len(_local) > LOCAL_ENTRIES:
        _local.popitem(last=False)


def edition_chrome(request, name, edition, compute):
    """A value of one edition's header and footer."""
    return shared(request, f"{name}:{edition}", compute, [chrome_tag(edition)])


def every_edition_chrome(request, name, compute):
    """A value that depends on every edition's header (such as each edition's home)."""
    return shared(request, name, compute, [chrome_tag(code) for code in edition_codes()])


def edition_recent_posts(request, name, edition, compute):
    return shared(request, f"{name}:{edition}", compute, [recent_tag(edition)])


def site_settings(request):
    """The site's settings (with their logo), kept between requests, and put where
    ``SiteSettings.for_request`` looks first, so later calls in the request cost nothing."""
    from wagtail.models import Site

    from .models import SiteSettings

    attr_name = SiteSettings.get_cache_attr_name()
    if request is None or hasattr(request, attr_name):
        return SiteSettings.for_request(request)

    def compute():
        value = SiteSettings.for_site(Site.find_for_request(request))
        value.logo  # noqa: B018 - fetched now, to be kept with the settings
        value.identity  # noqa: B018
        return value

    value = every_edition_chrome(request, f"site-settings:{host(request)}", compute)
    value._request = request
    setattr(request, attr_name, value)
    return value
