"""What each worker process keeps of the shared cache in its own memory.

A value in the shared cache (Redis in production) costs a network round trip to read; a
copy in the worker's memory costs nothing. Copies are only ever kept of values that cannot
go stale under their key (a value named by, or stored with, the versions of the tags it was
built from, see ``caching.entries``), so a copy is never wrong, only missing.

``CACHE_WORKER_COPIES=off`` switches every copy off (the versions of tags, cached pages,
values and fragments are then read from the shared cache on every request): an operator
whose CDN absorbs the traffic may prefer one less moving part to the gain, which the
README's performance section measures.
"""

import pickle
import time
from collections import OrderedDict

from django.conf import settings

_MISSING = object()
_every_store = []


def enabled():
    return settings.CACHE_WORKER_COPIES


class WorkerCopies:
    """At most ``max_entries`` values, the least recently used dropped first, each for at
    most ``seconds`` (None: until dropped). ``pickled`` copies give every reader its own
    objects (a value a request may change, such as a model instance)."""

    def __init__(self, max_entries, seconds=None, pickled=False):
        self.max_entries = max_entries
        self.seconds = seconds
        self.pickled = pickled
        self._entries = OrderedDict()  # key -> (expires at or None, value)
        _every_store.append(self)

    def get(self, key, default=None):
        found = self._entries.get(key)
        if found is None:
            return default
        expires, value = found
        if expires is not None and expires < time.monotonic():
            self._entries.pop(key, None)
            return default
        self._entries.move_to_end(key)
        return pickle.loads(value) if self.pickled else value

    def set(self, key, value, seconds=None):
        if not enabled():
            return
        if self.pickled:
            try:
                value = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
            except Exception:  # not picklable: kept in the shared cache only
                return
        seconds = seconds if seconds is not None else self.seconds
        expires = time.monotonic() + seconds if seconds is not None else None
        self._entries[key] = (expires, value)
        self._entries.move_to_end(key)
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)

    def delete(self, key):
        self._entries.pop(key, None)

    def clear(self):
        self._entries.clear()


def forget_all():
    """Drop every copy this worker keeps (tests that put the shared cache back in an
    earlier state)."""
    for store in _every_store:
        store.clear()
