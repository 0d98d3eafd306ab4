"""Each worker's copy of the cache tags' versions (home/versions.py), against the real
Redis that production uses: trusted only while the announcement channel is confirmed."""

import os
import time
import uuid

import pytest
import redis
from django.core.cache import caches

from caching import versions

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/13")


def redis_cache(prefix):
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": prefix,
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
    }


@pytest.fixture
def redis_caches(settings):
    """The default cache in Redis, as in production, and a second connection to the same
    keys standing for another worker."""
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.ConnectionError:
        if os.environ.get("CI"):
            raise
        pytest.skip("Redis is not answering on " + REDIS_URL)
    prefix = "test-" + uuid.uuid4().hex[:8]
    settings.CACHES = {"default": redis_cache(prefix), "other_worker": redis_cache(prefix)}
    versions._channel = versions._Channel()
    versions.forget()
    yield caches["default"], caches["other_worker"]
    versions._channel.drop()
    versions._channel = versions._Channel()
    versions.forget()


def version_of(tag):
    found, _ = versions.read([tag])
    return found[tag]


def count_round_trips(monkeypatch):
    calls = []
    original = redis.connection.AbstractConnection.send_packed_command

    def counting(self, command, check_health=True):
        calls.append(command)
        return original(self, command, check_health)

    monkeypatch.setattr(redis.connection.AbstractConnection, "send_packed_command", counting)
    return calls


def test_known_versions_cost_no_round_trip(redis_caches, monkeypatch):
    versions.ensure(["page:/en/"])
    first = version_of("page:/en/")
    calls = count_round_trips(monkeypatch)
    assert version_of("page:/en/") == first
    assert calls == []


def test_a_bump_in_any_worker_is_seen_at_once(redis_caches):
    _, other_worker = redis_caches
    before = versions.ensure(["page:/en/articles/"])["page:/en/articles/"]
    assert version_of("page:/en/articles/") == before

    # Another worker writes a version without announcing it: this worker keeps its copy
    # (which is how it saves the round trip) ...
    other_worker.set(versions.tag_key("page:/en/articles/"), "unannounced", None)
    assert version_of("page:/en/articles/") == before

    # ... and a bump, from whichever worker, is announced and seen on the next read.
    versions.bump(["page:/en/articles/"])
    after = version_of("page:/en/articles/")
    assert after not in (before, "unannounced")
    assert other_worker.get(versions.tag_key("page:/en/articles/")) == after


def test_an_announcement_from_another_process_is_applied(redis_caches):
    default, other_worker = redis_caches
    key = versions.tag_key("layout:fa")
    versions.ensure(["layout:fa"])
    version_of("layout:fa")
    other_worker.set(key, "from-elsewhere", None)
    channel = versions._channel.name
    redis.Redis.from_url(REDIS_URL).publish(channel, key)
    assert version_of("layout:fa") == "from-elsewhere"


def test_a_first_version_given_elsewhere_replaces_a_remembered_absence(redis_caches):
    _, other_worker = redis_caches
    assert version_of("recent:sq") is None  # remembered as having no version
    # What ensure() does in another worker: add the first version, announce it.
    other_worker.add(versions.tag_key("recent:sq"), "first", None)
    versions._channel.publish([versions.tag_key("recent:sq")])
    assert version_of("recent:sq") == "first"


def test_a_lost_connection_means_no_copy_is_trusted(redis_caches, monkeypatch):
    _, other_worker = redis_caches
    versions.ensure(["page:/ar/"])
    version_of("page:/ar/")
    # The subscription drops (Redis restarted, a network blip): announcements sent now are
    # lost, so nothing this worker remembers may be used.
    redis.Redis.from_url(REDIS_URL).client_kill_filter(_type="pubsub")
    other_worker.set(versions.tag_key("page:/ar/"), "changed-while-deaf", None)
    assert version_of("page:/ar/") == "changed-while-deaf"
    assert versions._channel.pubsub is None

    # It subscribes again (after RETRY_SECONDS), and trusts its copy once confirmed.
    monkeypatch.setattr(versions, "RETRY_SECONDS", 0)
    versions._channel.retry_at = 0
    assert version_of("page:/ar/") == "changed-while-deaf"
    assert versions._channel.pubsub is not None and versions._channel.pubsub.confirmed
    other_worker.set(versions.tag_key("page:/ar/"), "unannounced", None)
    assert version_of("page:/ar/") == "changed-while-deaf"


def test_without_redis_every_version_is_read_from_the_cache(settings):
    from django.core.cache import cache

    versions._channel = versions._Channel()
    try:
        cache.set(versions.tag_key("page:/en/"), "one", None)
        assert version_of("page:/en/") == "one"
        cache.set(versions.tag_key("page:/en/"), "two", None)
        assert version_of("page:/en/") == "two"
    finally:
        versions._channel = versions._Channel()


@pytest.mark.django_db
def test_a_cached_page_is_served_without_a_round_trip_and_purged_by_a_publish(
    redis_caches, settings, client, article_index, site_settings, monkeypatch
):
    from news.factories import ArticlePageFactory

    settings.PAGE_CACHE_ENABLED = True
    article = ArticlePageFactory(parent=article_index, title="Harvest season begins")
    assert client.get(article.url)["X-Cache"] == "MISS"
    assert client.get(article.url)["X-Cache"] == "HIT"

    calls = count_round_trips(monkeypatch)
    response = client.get(article.url)
    assert response["X-Cache"] == "HIT"
    assert calls == []

    article.title = "Harvest season ends"
    article.save_revision().publish()
    response = client.get(article.url)
    assert response["X-Cache"] == "MISS"
    assert "Harvest season ends" in response.content.decode()


def test_a_subscription_redis_stops_answering_on_is_not_trusted(redis_caches, monkeypatch):
    """A connection can die without either side being told: announcements would stop
    without an error. A ping left unanswered ends the trust."""
    _, other_worker = redis_caches
    monkeypatch.setattr(versions, "PING_SECONDS", 0)
    versions.ensure(["page:/sq/"])
    version_of("page:/sq/")
    assert versions._channel.pubsub.awaiting_pong  # pinged, and Redis answers ...
    time.sleep(0.2)  # (well within PING_SECONDS in production)
    assert version_of("page:/sq/") is not None
    assert versions._channel.pubsub is not None

    monkeypatch.setattr(versions.BumpSubscription, "ping", lambda self: None)  # ... not now
    version_of("page:/sq/")  # sends (nothing), awaits the pong
    other_worker.set(versions.tag_key("page:/sq/"), "changed-unheard", None)
    assert version_of("page:/sq/") == "changed-unheard"
    assert versions._channel.pubsub is None


def test_a_version_read_while_an_announcement_arrives_is_not_kept(redis_caches, monkeypatch):
    """In a threaded server another thread may apply an announcement while this one waits
    for Redis: the version it then gets may be the one just replaced."""
    default, other_worker = redis_caches
    key = versions.tag_key("page:/fa/")
    other_worker.set(key, "old", None)
    version_of("page:/en/")  # subscribed and confirmed

    class SlowRead:
        def get_many(self, keys):
            found = default.get_many(keys)  # "old" is on its way back ...
            other_worker.set(key, "new", None)  # ... when the page is published,
            redis.Redis.from_url(REDIS_URL).publish(versions._channel.name, key)
            time.sleep(0.1)
            versions._channel.sync()  # and another thread applies the announcement
            return found

        def __getattr__(self, name):
            return getattr(default, name)

    monkeypatch.setattr(versions, "cache", SlowRead())
    assert version_of("page:/fa/") == "old"
    monkeypatch.undo()
    assert version_of("page:/fa/") == "new"


def test_a_page_not_in_the_cache_is_looked_up_in_one_round_trip(
    redis_caches, settings, rf, monkeypatch
):
    """The page cache asks for the tags' versions and the entry together: a page that is
    not cached costs one round trip before it is rendered, not two."""
    from caching.pages import PageCacheMiddleware

    settings.PAGE_CACHE_ENABLED = True
    middleware = PageCacheMiddleware(lambda request: None)
    monkeypatch.setattr(versions, "PING_SECONDS", 3600)
    middleware.fetch(middleware.lookup_for(rf.get("/en/articles/"), "en"))  # subscribes

    calls = count_round_trips(monkeypatch)
    assert middleware.fetch(middleware.lookup_for(rf.get("/en/articles/?page=2"), "en")) is None
    assert len(calls) == 1
