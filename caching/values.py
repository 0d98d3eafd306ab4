"""Values kept for one request, and values kept between requests under the versions of
the tags they were built from.

Every page of an edition shows the same things around its content (site settings, site
identity, menu, edition homes, the "Recent posts" sidebar); computed afresh, they would
cost a dozen queries per page. ``versioned_value`` keeps such a value in the shared cache
(Redis in production) with the versions of its tags (``caching.tags``), and in each
worker's memory: a change bumps a tag, and the next request computes the value again.
Nothing is ever stale for longer than a purge takes.

``on_request`` is the one way a value is kept for the rest of a request: the header, the
``<head>`` links and the footer ask for the same few things.
"""

import logging

from caching import versions, worker_copies
from caching.entries import MISSING, VersionedEntries
from caching.tags import edition_codes, layout_tag, recent_tag

logger = logging.getLogger(__name__)

# A safety net only: purges make values stale long before this.
TIMEOUT = 60 * 60
# The prefix changes whenever a kept value changes shape, so a deploy never reads the old.
ENTRIES = VersionedEntries("values:3:", worker_entries=500, pickled=True)


def on_request(request, key, compute):
    """``compute()``, worked out at most once per request (every time without a request)."""
    if request is None:
        return compute()
    kept = request.__dict__.setdefault("_kept_for_request", {})
    if key not in kept:
        kept[key] = compute()
    return kept[key]


def request_host(request):
    """The host part of a kept value's name (URLs and settings differ between sites)."""
    return request.get_host() if request is not None else "-"


def tag_versions(request, tags):
    """The current versions of ``tags`` (None for each when the cache is unavailable),
    read at most once per request (``core.routing`` reads those of every page at once),
    giving a tag seen for the first time its first version."""
    if request is None:
        return [None for _tag in tags]
    known = on_request(request, "tag-versions", dict)
    wanted = [tag for tag in tags if tag not in known]
    if wanted:
        try:
            known.update(versions.ensure(wanted))
        except Exception:  # a cache outage slows the site down, never takes it down
            logger.warning("Cache unavailable: values are computed afresh", exc_info=True)
            for tag in wanted:
                known[tag] = None
    return [known[tag] for tag in tags]


def versioned_value(request, name, compute, tags):
    """``compute()``, kept while ``tags`` keep their versions; once per request."""
    if request is None:
        return compute()

    def current_or_computed():
        depends_on = dict(zip(tags, tag_versions(request, tags), strict=True))
        if None in depends_on.values():  # no cache: computed for this request only
            return compute()
        key = ENTRIES.key(name)
        value = ENTRIES.get(key, depends_on)
        if value is MISSING:
            value = compute()
            ENTRIES.set(key, value, depends_on, TIMEOUT)
        return value

    return on_request(request, ("value", name), current_or_computed)


def layout_value(request, name, compute, edition=None):
    """A value of one edition's layout (menu, header, footer), or with ``edition`` None, of
    every edition's (each edition's home, the site settings)."""
    if edition is None:
        return versioned_value(request, name, compute, [layout_tag(e) for e in edition_codes()])
    return versioned_value(request, f"{name}:{edition}", compute, [layout_tag(edition)])


def recent_posts_value(request, name, edition, compute):
    """A value of one edition's "Recent posts" sidebar."""
    return versioned_value(request, f"{name}:{edition}", compute, [recent_tag(edition)])


def forget_worker_copies():
    """Drop what this worker keeps: values, pages, fragments and tag versions (tests that
    put the shared cache back in an earlier state)."""
    worker_copies.forget_all()
    versions.forget()
