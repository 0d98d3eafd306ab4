"""The current versions of the cache's tags, and each worker's copy of them.

Cached pages, fragments and shared values are named by the versions of the tags they were
built from (see ``caching.pages``), so nearly every request needs a few versions. Asking
Redis for them is a round trip that costs as much as the rest of serving a cached page.
So each worker keeps the versions it has read, and Redis tells it when one changes:
``bump`` gives tags new versions and publishes their keys on a channel that every worker
subscribes to; before it trusts its copy, a worker reads whatever has arrived on that
channel (without waiting: the messages are already in its socket). Redis sends the message
before it answers the bump, so by the time an editor's publish has returned, every worker
has it in hand.

A worker trusts its copy only while its subscription is confirmed and Redis answers on
it: it pings Redis there every PING_SECONDS, and a ping left unanswered at the next one
ends its trust (a connection can die without either side being told, and announcements
would then stop silently). Without Redis, during an outage, and after a reconnection
until Redis confirms the new subscription (messages sent meanwhile are lost), it keeps
nothing and reads every version from Redis, as if this module did not exist.

While Redis is being skipped after a timeout (``caching.redis_breaker``), it does not ask
Redis at all. The versions this worker knew when Redis stopped answering stand in for the
current ones ("stale if error"), so its copies of pages and values built from them are
still served, from memory, instead of every request being rendered afresh on a server that
has just lost its cache; tags it did not know are unknown, and nothing is built from them.
Nobody can give a tag a new version while Redis is away anyway (a publish then is purged
from this worker only, and from the shared cache when its entries expire). Once Redis
answers and confirms a new subscription, those stand-ins are dropped.
"""

import hashlib
import logging
import os
import secrets
import threading
import time

from django.core.cache import cache
from redis.client import PubSub

from caching import redis_breaker, worker_copies

logger = logging.getLogger(__name__)

TAG_PREFIX = "pagecache:tag:"
# After losing Redis, a worker tries to subscribe again at most this often: each attempt
# may wait for the connection timeout.
RETRY_SECONDS = 5
# How long subscribing waits for Redis to confirm.
CONFIRM_SECONDS = 1
# How often a worker checks that Redis still answers on its subscription.
PING_SECONDS = 1
# A few hundred bytes each; a worker that has seen more tags than this starts afresh.
MAX_VERSIONS = 20_000

_versions = {}  # tag key -> version, trusted only while the subscription is confirmed
# What _versions held when Redis stopped answering: used only while Redis is skipped.
_last_known = {}
# Counts the announcements applied (and copies forgotten): a version read from Redis is
# remembered only if none arrived while it was read (another thread may have applied one
# that it predates).
_applied = 0


def tag_key(tag):
    # Hashed: paths may hold characters a cache backend refuses in keys.
    return TAG_PREFIX + hashlib.md5(tag.encode(), usedforsecurity=False).hexdigest()


def new_version():
    return secrets.token_hex(6)


def read(tags, also=()):
    """``({tag: version or None}, {key: value})``: the current versions of ``tags``, and
    the values of the cache keys ``also``, fetched in the same round trip (none at all
    when this worker knows every version and ``also`` is empty). Raises when the cache is
    unavailable."""
    if _channel.skipping():
        return {tag: _last_known.get(tag_key(tag)) for tag in tags}, {}
    trusted = worker_copies.enabled() and _channel.sync()
    applied = _applied
    keys = {tag: tag_key(tag) for tag in tags}
    known = _versions if trusted else {}
    wanted = [key for key in keys.values() if key not in known]
    found = cache.get_many([*also, *wanted]) if wanted or also else {}
    if trusted and applied == _applied:
        # A tag without a version is remembered as such: giving it one is announced too.
        _remember({key: found.get(key) for key in wanted})
    versions = {tag: known[key] if key in known else found.get(key) for tag, key in keys.items()}
    return versions, {key: found[key] for key in also if key in found}


def ensure(tags):
    """{tag: version} for ``tags``, giving those that have none their first version (so
    that losing one later, by eviction, makes what was built from it stale). Raises when
    the cache is unavailable."""
    versions, _ = read(tags)
    if _channel.skipping():  # a tag without a known version cannot be given one now
        return versions
    for tag in [tag for tag, version in versions.items() if version is None]:
        key, version = tag_key(tag), new_version()
        if cache.add(key, version, None):
            _channel.publish([key])
        else:  # another worker was first
            version = cache.get(key)
        versions[tag] = version
    return versions


def bump(tags):
    """Give ``tags`` new versions, and tell every worker. Raises when the cache is
    unavailable."""
    keys = [tag_key(tag) for tag in tags]
    if not keys:
        return
    for key in keys:
        _versions.pop(key, None)
        _last_known.pop(key, None)
    cache.set_many({key: new_version() for key in keys}, None)
    _channel.publish(keys)


def forget():
    """Drop this worker's copy (tests that put the cache back in an earlier state)."""
    _forget_versions()
    _last_known.clear()


def _forget_versions():
    global _applied
    _applied += 1
    _versions.clear()


def _remember(versions):
    if len(_versions) + len(versions) > MAX_VERSIONS:
        _versions.clear()
    _versions.update(versions)


class _Channel:
    """This worker's subscription to the channel on which bumps are announced."""

    def __init__(self):
        self.pid = None
        self.pubsub = None
        self.redis = None
        self.name = None
        self.retry_at = 0.0
        self.ping_at = 0.0
        # Threaded servers (runserver, gthread workers) share one subscription.
        self.lock = threading.Lock()

    def sync(self):
        """Apply the announcements that have arrived; whether this worker's copy of the
        versions may be trusted."""
        with self.lock:
            return self._sync()

    def skipping(self):
        """Whether Redis is being skipped after a timeout (``caching.redis_breaker``); if
        so, the subscription is dropped (announcements may be lost while Redis stalls) and
        not tried again before the breaker closes."""
        with self.lock:
            return self._skipping()

    def _skipping(self):
        if self.pid != os.getpid():
            self.start()
        if not redis_breaker.skipping(self.redis):
            return False
        if self.pubsub is not None:
            self.drop()
        return True

    def _sync(self):
        if self._skipping():
            return False
        if self.pubsub is None:
            if self.redis is None or time.monotonic() < self.retry_at:
                return False
            self.subscribe()
            if self.pubsub is None:
                return False
        try:
            while (message := self.pubsub.get_message(timeout=0)) is not None:
                self.pubsub.handle(message)
            self.check_alive()
        except Exception:
            logger.warning("Lost the tag versions channel; reading versions from Redis")
            self.drop()
            return False
        return self.pubsub.confirmed

    def check_alive(self):
        """Ping Redis on the subscription now and then; raise if the last ping is still
        unanswered."""
        now = time.monotonic()
        if now < self.ping_at:
            return
        if self.pubsub.awaiting_pong:
            raise ConnectionError("Redis did not answer a ping on the tag versions channel")
        self.pubsub.ping()
        self.pubsub.awaiting_pong = True
        self.ping_at = now + PING_SECONDS

    def start(self):
        """In a new process (a forked worker): the parent's connection is not ours."""
        self.pid = os.getpid()
        self.pubsub = None
        forget()
        self.redis = _redis_client()
        if self.redis is not None:
            db = self.redis.connection_pool.connection_kwargs.get("db", 0)
            # Channels are server-wide: named after the cache's prefix and database.
            self.name = f"{cache.make_key('tag-versions')}:{db}"

    def subscribe(self):
        try:
            pubsub = BumpSubscription(self.redis.connection_pool)
            pubsub.subscribe(self.name)
            # Versions read before Redis confirms may miss an announcement: wait for it.
            message = pubsub.get_message(timeout=CONFIRM_SECONDS)
            if message is not None:
                pubsub.handle(message)
            self.pubsub = pubsub
            self.ping_at = time.monotonic() + PING_SECONDS
            _last_known.clear()  # Redis is back: its versions are the current ones
        except Exception:
            logger.warning("Could not subscribe to the tag versions channel", exc_info=True)
            self.drop()

    def drop(self):
        # Redis may have stopped answering: what this worker knew stands in while Redis is
        # skipped, until a new subscription is confirmed.
        if _versions:
            _last_known.clear()
            _last_known.update(_versions)
        _forget_versions()
        self.retry_at = time.monotonic() + RETRY_SECONDS
        pubsub, self.pubsub = self.pubsub, None
        if pubsub is not None:
            try:
                pubsub.close()
            except Exception:
                pass

    def publish(self, keys):
        with self.lock:
            if self.pid != os.getpid():
                self.start()
        if self.redis is not None:
            self.redis.publish(self.name, " ".join(keys))


def _redis_client():
    """The default cache's Redis client, or None when the default cache is not Redis."""
    try:
        from django_redis import get_redis_connection

        return get_redis_connection("default")
    except Exception:  # NotImplementedError: another cache backend
        return None


class BumpSubscription(PubSub):
    """The subscription, which forgets the versions it vouched for whenever its connection
    is made again: announcements sent while it was down are lost."""

    confirmed = False
    awaiting_pong = False

    def on_connect(self, connection):
        self.confirmed = False
        forget()
        super().on_connect(connection)

    def handle(self, message):
        global _applied
        if message["type"] == "subscribe":
            self.confirmed = True
        elif message["type"] == "pong":
            self.awaiting_pong = False
        elif message["type"] == "message":
            _applied += 1
            for key in message["data"].split():
                _versions.pop(key.decode(), None)


_channel = _Channel()
