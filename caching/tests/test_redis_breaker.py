"""The circuit breaker in front of Redis (caching/redis_breaker.py), without a Redis."""

import time

import pytest
import redis
from redis.exceptions import TimeoutError as RedisTimeoutError

from caching.redis_breaker import CircuitBreaker, ConnectionFactory, RedisSkipped, breaker_for


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_the_breaker_opens_on_a_timeout_and_closes_after_its_interval():
    clock = Clock()
    breaker = CircuitBreaker("127.0.0.1:1", seconds=5, clock=clock)
    breaker.check()  # closed: calls go through

    breaker.failed(RedisTimeoutError("Timeout reading from socket"))
    with pytest.raises(RedisSkipped):
        breaker.check()
    clock.now += 4.9
    with pytest.raises(RedisSkipped):
        breaker.check()

    clock.now += 2.6  # at most half as long again, so workers do not all try at once
    breaker.check()  # closed again: the next call tries Redis


def test_another_failure_opens_it_again(settings):
    settings.CACHE_BREAKER_SECONDS = 2
    clock = Clock()
    breaker = CircuitBreaker("127.0.0.1:1", clock=clock)
    breaker.failed(RedisTimeoutError("first"))
    clock.now += 3.1
    breaker.check()
    breaker.failed(RedisTimeoutError("again"))
    clock.now += 1.9
    assert breaker.is_open()


def test_skipped_calls_are_connection_errors_the_cache_ignores():
    assert issubclass(RedisSkipped, redis.ConnectionError)


def test_a_redis_that_refuses_connections_is_skipped_without_trying_again(settings):
    """Nothing listens on the port: the first call fails, the next ones are skipped."""
    settings.CACHE_BREAKER_SECONDS = 30
    factory = ConnectionFactory({"SOCKET_TIMEOUT": 1, "SOCKET_CONNECT_TIMEOUT": 1})
    client = factory.connect("redis://127.0.0.1:9/0")
    with pytest.raises(redis.ConnectionError) as first:
        client.get("key")
    assert not isinstance(first.value, RedisSkipped)
    started = time.monotonic()
    with pytest.raises(RedisSkipped):
        client.get("key")
    assert time.monotonic() - started < 0.1
    breaker_for("127.0.0.1:9").reset()
