"""The one primitive every cached page and value is built on: a value stored with the
versions of the tags it was built from, and current only while those are the tags' current
versions (``caching.versions``).

Nothing is ever deleted to purge: bumping a tag makes every entry built from it stale at
once, in every worker, whatever its key; stale entries are overwritten or expire.
"""

import hashlib
import logging

from django.core.cache import cache

from caching import versions
from caching.worker_copies import WorkerCopies

logger = logging.getLogger(__name__)

MISSING = object()


def is_current(depends_on, current_versions):
    """Whether an entry built from ``depends_on`` ({tag: version}) is still current."""
    return all(current_versions.get(tag) == version for tag, version in depends_on.items())


class VersionedEntries:
    """Entries under ``prefix`` in the shared cache, with this worker's copies of the most
    recently used (``worker_entries`` of them, each kept at most ``worker_seconds``)."""

    def __init__(self, prefix, worker_entries, worker_seconds=None, pickled=False):
        self.prefix = prefix
        self.copies = WorkerCopies(worker_entries, worker_seconds, pickled=pickled)

    def key(self, name):
        # Hashed: names may hold characters a cache backend refuses in keys.
        return self.prefix + hashlib.md5(name.encode(), usedforsecurity=False).hexdigest()

    def has_worker_copy(self, key):
        return self.copies.get(key) is not None

    def worker_copy(self, key, current_versions):
        """This worker's copy of the entry's value if it is current, else MISSING."""
        entry = self.copies.get(key)
        if entry is None or not is_current(entry[0], current_versions):
            return MISSING
        return entry[1]

    def get(self, key, current_versions, fetched=MISSING):
        """The entry's value if it is current, else MISSING: this worker's copy, else the
        shared entry (``fetched``, when the caller read it already in another round trip:
        None when it was not there). Never raises: a cache outage is a miss."""
        value = self.worker_copy(key, current_versions)
        if value is not MISSING:
            return value
        if fetched is MISSING:
            try:
                fetched = cache.get(key, MISSING)
            except Exception:
                logger.warning("Cache unavailable", exc_info=True)
                return MISSING
        if fetched is MISSING or fetched is None:
            return MISSING
        depends_on, value = fetched
        if not is_current(depends_on, current_versions):
            return MISSING
        self.copies.set(key, fetched)
        return value

    def set(self, key, value, depends_on, timeout, worker_seconds=None):
        """Store ``value`` as built from ``depends_on`` ({tag: version}); a tag without a
        version is given its first one now, so losing it later (eviction) makes the entry
        stale instead of silently valid. Returns whether it was stored."""
        try:
            missing = [tag for tag, version in depends_on.items() if version is None]
            if missing:
                depends_on = {**depends_on, **versions.ensure(missing)}
                if None in depends_on.values():
                    return False
            entry = (depends_on, value)
            cache.set(key, entry, timeout)
        except Exception:
            logger.warning("Cache unavailable", exc_info=True)
            return False
        self.copies.set(key, entry, worker_seconds)
        return True
