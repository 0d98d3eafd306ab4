"""A cache backend for template fragments: this worker's copies in front of the shared
cache.

Fragment keys name everything the fragment shows, including the versions of the tags it
was built from (``caching.templatetags.caching_tags``): a key, once written, always means
the same HTML, so a worker's copy can never be stale, only missing. A page of twenty cards
then costs twenty look-ups in memory instead of twenty round trips to Redis.
"""

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache

from caching.worker_copies import WorkerCopies

_MISSING = object()


class LocalFirstCache(BaseCache):
    """``OPTIONS``: ``SHARED`` (the alias of the shared cache, default "default"),
    ``LOCAL_TIMEOUT`` (seconds a worker keeps its copy, default 60: a fragment that shows
    something its key does not name, such as an article's related articles, is then at most
    a minute older than the shared one) and ``LOCAL_MAX_ENTRIES`` (default 5000)."""

    def __init__(self, location, params):
        super().__init__(params)
        options = params.get("OPTIONS", {})
        self._shared_alias = options.get("SHARED", "default")
        self._local = WorkerCopies(
            options.get("LOCAL_MAX_ENTRIES", 5000), seconds=options.get("LOCAL_TIMEOUT", 60)
        )

    @property
    def _shared(self):
        return caches[self._shared_alias]

    def get(self, key, default=None, version=None):
        full_key = self.make_and_validate_key(key, version=version)
        value = self._local.get(full_key, _MISSING)
        if value is not _MISSING:
            return value
        value = self._shared.get(key, _MISSING, version=version)
        if value is _MISSING:
            return default
        self._local.set(full_key, value)
        return value

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._shared.set(key, value, timeout, version=version)
        self._local.set(self.make_and_validate_key(key, version=version), value)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        added = self._shared.add(key, value, timeout, version=version)
        if added:
            self._local.set(self.make_and_validate_key(key, version=version), value)
        return added

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._shared.touch(key, timeout, version=version)

    def delete(self, key, version=None):
        self._local.delete(self.make_and_validate_key(key, version=version))
        return self._shared.delete(key, version=version)

    def clear(self):
        self._local.clear()
        self._shared.clear()
