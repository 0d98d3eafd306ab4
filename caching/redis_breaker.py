"""Redis connections that stop waiting for a Redis that has stopped answering.

Every Redis call is bounded by the socket timeouts (``SOCKET_CONNECT_TIMEOUT``,
``SOCKET_TIMEOUT``: one second each), but a page makes dozens of cache calls, and the
cache ignores errors (``IGNORE_EXCEPTIONS``) so that a page carries on without it. With
Redis stalled (``CLIENT PAUSE``, a failover, a network partition), each of those calls
opened a new connection and waited its own second in the handshake: a page waited for as
long as the stall lasted (38 s for a 40 s pause).

So every connection to Redis the site makes goes through a circuit breaker, one per Redis
address and process. A timeout or connection error opens it: for ``CACHE_BREAKER_SECONDS``
(default 5) every call to that Redis fails at once with ``RedisSkipped`` (a
``ConnectionError``, which the cache treats as a miss and ``/readyz`` as "cache: false"),
without touching the network. Then it closes, and the next call tries Redis again; if it
times out too, the breaker opens again. Each opening lasts up to half as long again, at
random, so that a server's workers, which all meet a stall at once, do not all try Redis
again (and wait for its timeout) at the same moment. A stalled Redis thus costs a worker
one timeout per interval, and a request at most about one.

``ConnectionFactory`` (django-redis's ``CONNECTION_FACTORY`` option) gives the cache's
connection pool these connections, no retries, no health-check pings, and no maintenance
notifications (which would relax the socket timeouts to ten seconds during a Redis
Enterprise maintenance). ``caching.versions`` and ``operations.health`` use the same pool.
"""

import logging
import random
import threading
import time

from django.conf import settings
from django_redis.pool import ConnectionFactory as DjangoRedisConnectionFactory
from redis.backoff import NoBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from redis.maint_notifications import MaintNotificationsConfig
from redis.retry import Retry

logger = logging.getLogger(__name__)

DEFAULT_SECONDS = 5
# Each opening lasts between the interval and this many times it.
JITTER = 1.5
# Used when the cache's OPTIONS do not set SOCKET_CONNECT_TIMEOUT / SOCKET_TIMEOUT.
DEFAULT_SOCKET_TIMEOUT = 1


class RedisSkipped(RedisConnectionError):
    """Raised instead of calling a Redis that did not answer a moment ago."""


def breaker_seconds():
    try:
        seconds = float(getattr(settings, "CACHE_BREAKER_SECONDS", DEFAULT_SECONDS))
    except (TypeError, ValueError):
        return DEFAULT_SECONDS
    return max(seconds, 0.0)


class CircuitBreaker:
    """Open for ``seconds`` (default: the ``CACHE_BREAKER_SECONDS`` setting) to
    ``JITTER`` times that after a failure; closed otherwise."""

    def __init__(self, address="redis", seconds=None, clock=time.monotonic):
        self.address = address
        self.seconds = seconds
        self.clock = clock
        self.open_until = 0.0
        self._lock = threading.Lock()

    def is_open(self):
        return self.clock() < self.open_until

    def failed(self, error):
        """Open the breaker (again) after ``error``."""
        seconds = self.seconds if self.seconds is not None else breaker_seconds()
        seconds *= random.uniform(1.0, JITTER)
        with self._lock:
            was_open = self.is_open()
            self.open_until = self.clock() + seconds
        if not was_open:
            logger.warning(
                "Redis at %s did not answer (%s): skipped for %.1f s", self.address, error, seconds
            )

    def reset(self):
        self.open_until = 0.0

    def check(self):
        """Raise ``RedisSkipped`` while the breaker is open."""
        if self.is_open():
            raise RedisSkipped(f"Redis at {self.address} skipped after a timeout")


_breakers = {}
_breakers_lock = threading.Lock()


def breaker_for(address):
    """The breaker of the Redis at ``address`` ("host:port", or a socket's path)."""
    found = _breakers.get(address)
    if found is None:
        with _breakers_lock:
            found = _breakers.setdefault(address, CircuitBreaker(address))
    return found


def address_of(connection_kwargs):
    if connection_kwargs.get("path"):
        return connection_kwargs["path"]
    return f"{connection_kwargs.get('host', 'localhost')}:{connection_kwargs.get('port', 6379)}"


def skipping(client):
    """Whether calls to the Redis of ``client`` (a redis-py client, or None) are being
    skipped."""
    if client is None:
        return False
    return breaker_for(address_of(client.connection_pool.connection_kwargs)).is_open()


def reset_all():
    """Close every breaker (tests)."""
    for breaker in list(_breakers.values()):
        breaker.reset()


class BreakerConnectionMixin:
    """A redis-py connection that fails at once while its Redis's breaker is open, and
    opens it on a timeout or connection error (connecting, handshake, sending, reading)."""

    @property
    def breaker(self):
        return breaker_for(self._host_error())

    def _failed(self, error):
        if not isinstance(error, RedisSkipped):
            self.breaker.failed(error)

    def connect_check_health(self, *args, **kwargs):
        if self._sock is None:
            self.breaker.check()
        try:
            return super().connect_check_health(*args, **kwargs)
        except (RedisConnectionError, RedisTimeoutError) as error:
            self._failed(error)
            raise

    def send_packed_command(self, *args, **kwargs):
        self.breaker.check()
        try:
            return super().send_packed_command(*args, **kwargs)
        except (RedisConnectionError, RedisTimeoutError) as error:
            self._failed(error)
            raise

    def read_response(self, *args, **kwargs):
        try:
            return super().read_response(*args, **kwargs)
        except (RedisConnectionError, RedisTimeoutError) as error:
            self._failed(error)
            raise


_connection_classes = {}


def with_breaker(connection_class):
    """``connection_class`` (TCP, TLS or Unix socket) behind the breaker."""
    if issubclass(connection_class, BreakerConnectionMixin):
        return connection_class
    if connection_class not in _connection_classes:
        _connection_classes[connection_class] = type(
            f"Breaker{connection_class.__name__}",
            (BreakerConnectionMixin, connection_class),
            {},
        )
    return _connection_classes[connection_class]


class ConnectionFactory(DjangoRedisConnectionFactory):
    """django-redis's connection factory, whose pools make breaker connections, bounded
    by the socket timeouts and never retried."""

    # Pools of their own: django-redis's are keyed by URL alone, and one made by the plain
    # factory for the same URL must not be handed out here.
    _pools = {}

    def make_connection_params(self, url):
        params = super().make_connection_params(url)
        params.setdefault("socket_timeout", DEFAULT_SOCKET_TIMEOUT)
        params.setdefault("socket_connect_timeout", params["socket_timeout"])
        params["retry"] = Retry(NoBackoff(), 0)
        params["health_check_interval"] = 0
        params["maint_notifications_config"] = MaintNotificationsConfig(enabled=False)
        return params

    def get_connection_pool(self, params):
        pool = super().get_connection_pool(params)
        pool.connection_class = with_breaker(pool.connection_class)
        return pool
