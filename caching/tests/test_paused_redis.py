"""A stalled Redis (``CLIENT PAUSE``, as a failover or a network partition behaves) must
not hang pages or the readiness probe: the production cache settings, pointed at a Redis
of the test's own that stops answering, bound a page, a cache call and ``/readyz``, and
Redis is then skipped for a few seconds without waiting (caching/redis_breaker.py)."""

import shutil
import socket
import subprocess
import time
import uuid

import pytest
from django.core.cache import cache

from caching import redis_breaker, versions
from config.settings.base import redis_caches

pytestmark = pytest.mark.skipif(
    not (shutil.which("redis-server") and shutil.which("redis-cli")),
    reason="redis-server is not installed",
)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PrivateRedis:
    """A redis-server of this test's own, which it may pause. A pause ends by itself: while
    it lasts, Redis answers no one, not even ``CLIENT UNPAUSE``."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(100):
            if self.cli("PING") == "PONG":
                return
            time.sleep(0.05)
        self.stop()
        pytest.fail("the test's redis-server did not start")

    def cli(self, *command):
        result = subprocess.run(
            ["redis-cli", "-p", str(self.port), *command],
            capture_output=True,
            text=True,
            timeout=10,
        )
        return result.stdout.strip()

    def pause(self, seconds):
        assert self.cli("CLIENT", "PAUSE", str(int(seconds * 1000)), "ALL") == "OK"

    def stop(self):
        self.process.kill()
        self.process.wait(timeout=10)


@pytest.fixture
def private_redis(settings):
    """The production caches on a private Redis; the breaker's interval shortened so a
    test can see it close."""
    server = PrivateRedis()
    settings.CACHES = redis_caches(server.url, "test-" + uuid.uuid4().hex[:8])
    settings.CACHE_BREAKER_SECONDS = 1
    versions._channel = versions._Channel()
    versions.forget()
    redis_breaker.reset_all()
    yield server
    server.stop()
    versions._channel.drop()
    versions._channel = versions._Channel()
    versions.forget()
    redis_breaker.reset_all()


def timed(call):
    started = time.monotonic()
    result = call()
    return result, time.monotonic() - started


def test_a_cache_call_to_a_paused_redis_is_bounded_and_the_next_ones_do_not_wait(
    private_redis,
):
    cache.set("kept", "value")
    private_redis.pause(5)

    found, seconds = timed(lambda: cache.get("kept", "missed"))
    assert found == "missed"
    assert seconds < 1.5  # one socket timeout

    found, seconds = timed(lambda: [cache.get("kept", "missed") for _ in range(20)])
    assert found == ["missed"] * 20
    assert seconds < 0.5  # skipped: no timeout each


def test_a_new_connection_to_a_paused_redis_is_bounded(private_redis):
    private_redis.pause(5)  # before any connection: the handshake meets the pause
    found, seconds = timed(lambda: (cache.get("a"), cache.get("b"), cache.get_many(["c"])))
    assert found == (None, None, {})
    assert seconds < 1.5


def test_redis_is_asked_again_after_the_interval(private_redis):
    cache.set("kept", "value")
    private_redis.pause(1.2)
    assert cache.get("kept") is None  # times out: skipped for CACHE_BREAKER_SECONDS (1)
    time.sleep(1.8)  # the pause is over, and the interval too (1 to 1.5 s)
    assert cache.get("kept") == "value"


def test_readyz_answers_within_two_seconds_while_redis_is_paused(private_redis, client, db):
    assert client.get("/readyz").status_code == 200
    private_redis.pause(5)
    for _ in range(3):
        response, seconds = timed(lambda: client.get("/readyz"))
        assert response.status_code == 503
        assert response.json() == {"database": True, "cache": False}
        assert seconds < 2


def test_known_tag_versions_stand_in_while_redis_is_skipped_and_not_after(private_redis):
    versions.ensure(["page:/en/"])
    remembered = versions.read(["page:/en/"])[0]["page:/en/"]
    assert remembered is not None

    private_redis.pause(1.2)
    cache.get("anything")  # a timeout: Redis is skipped from now on
    found, seconds = timed(lambda: versions.read(["page:/en/", "page:/fa/"])[0])
    # What this worker knew stands in (its copies stay servable); what it did not know is
    # unknown, and nothing is built from it.
    assert found == {"page:/en/": remembered, "page:/fa/": None}
    assert seconds < 0.2
    assert versions.ensure(["page:/fa/"]) == {"page:/fa/": None}

    # Announcements may have been lost during the stall: once Redis answers again, the
    # worker does not trust what it remembered.
    time.sleep(1.8)
    cache.set(versions.tag_key("page:/en/"), "changed unannounced", None)
    assert versions.read(["page:/en/"])[0]["page:/en/"] == "changed unannounced"


@pytest.mark.django_db
def test_a_page_is_served_without_the_cache_while_redis_is_paused(
    private_redis, settings, client, article_index, site_settings
):
    from news.factories import ArticlePageFactory

    settings.PAGE_CACHE_ENABLED = True
    settings.FRAGMENT_CACHE_ENABLED = True
    for number in range(6):
        ArticlePageFactory(parent=article_index, title=f"Letter number {number}")
    assert client.get(article_index.url).status_code == 200
    assert client.get(article_index.url)["X-Cache"] == "HIT"

    private_redis.pause(6)  # longer than a page may take
    for url in (article_index.url, "/en/", article_index.url):
        response, seconds = timed(lambda url=url: client.get(url))
        assert response.status_code == 200
        assert seconds < 3, url
    # The page this worker had a copy of is still served from memory, without Redis.
    response, seconds = timed(lambda: client.get(article_index.url))
    assert response["X-Cache"] == "HIT" and seconds < 0.5
    assert "Letter number 5" in response.content.decode()
