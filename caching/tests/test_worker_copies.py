"""Each worker's copies of what it read from the shared cache, and CACHE_WORKER_COPIES=off,
which keeps none."""

import pytest
from django.core.cache import cache

from caching.backends import LocalFirstCache
from caching.entries import MISSING, VersionedEntries
from caching.worker_copies import WorkerCopies, forget_all


@pytest.fixture
def entries():
    return VersionedEntries("test-entries:", worker_entries=10)


def test_a_current_entry_is_read_from_the_workers_copy(entries):
    key = entries.key("front page")
    assert entries.set(key, "<html>", {"page:/en/": "v1"}, timeout=60)
    cache.delete(key)  # gone from the shared cache: only the worker's copy has it
    assert entries.get(key, {"page:/en/": "v1"}) == "<html>"


def test_a_copy_built_from_old_versions_is_never_used(entries):
    key = entries.key("front page")
    entries.set(key, "<html>", {"page:/en/": "v1"}, timeout=60)
    assert entries.get(key, {"page:/en/": "v2"}) is MISSING


def test_without_worker_copies_everything_comes_from_the_shared_cache(entries, settings):
    settings.CACHE_WORKER_COPIES = False
    key = entries.key("front page")
    assert entries.set(key, "<html>", {"page:/en/": "v1"}, timeout=60)
    assert entries.get(key, {"page:/en/": "v1"}) == "<html>"  # read from the shared cache
    cache.delete(key)
    assert entries.get(key, {"page:/en/": "v1"}) is MISSING


def test_fragments_without_worker_copies(settings):
    fragments = LocalFirstCache("test", {"OPTIONS": {"SHARED": "default"}})
    fragments.set("card:1", "<article>")
    cache.delete("card:1")
    assert fragments.get("card:1") == "<article>"  # this worker's copy
    forget_all()
    settings.CACHE_WORKER_COPIES = False
    fragments.set("card:2", "<article>")
    cache.delete("card:2")
    assert fragments.get("card:2") is None


def test_copies_are_dropped_least_recently_used_first_and_expire(monkeypatch):
    copies = WorkerCopies(max_entries=2, seconds=10)
    copies.set("a", 1)
    copies.set("b", 2)
    copies.get("a")
    copies.set("c", 3)  # "b" was used least recently
    assert (copies.get("a"), copies.get("b"), copies.get("c")) == (1, None, 3)
    clock = iter([1000.0])
    monkeypatch.setattr("caching.worker_copies.time.monotonic", lambda: next(clock, 2000.0))
    copies.set("d", 4)
    assert copies.get("d") is None  # kept 10 s, asked for 1,000 s later


def test_pickled_copies_give_each_reader_its_own_object():
    copies = WorkerCopies(max_entries=2, pickled=True)
    copies.set("menu", ["Home"])
    mine = copies.get("menu")
    mine.append("changed by one request")
    assert copies.get("menu") == ["Home"]
