"""Who is sending, as far as the site may know it, and how often: a small rate limiter on
Django's cache, used by the reader forms (contact messages, comments).

The site never stores a reader's network address. ``sender_fingerprint(request)`` is a
keyed hash of it (HMAC with SECRET_KEY: IPv4 has few enough addresses that a plain hash
could be reversed by trying them all), stable so moderators can spot a repeat sender, and
the key the rate limits count under.

Behind a reverse proxy REMOTE_ADDR is the proxy, and every reader would share one limit:
set ``TRUSTED_PROXY_COUNT`` to the number of proxies in front of the site that append to
X-Forwarded-For (see config/settings). Entries further left are the client's own claim
and are never trusted.
"""

import ipaddress
import logging

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac

logger = logging.getLogger(__name__)


def client_ip(request):
    """The reader's address: REMOTE_ADDR, or the address the outermost trusted proxy saw."""
    address = request.META.get("REMOTE_ADDR", "")
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            address = forwarded[-proxies]
    return address


def network_of(address):
    """What one sender controls: the address itself for IPv4, the /64 network for IPv6
    (providers give each customer at least a /64, so one person has billions of them)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address or "unknown"
    if ip.version == 6:
        if ip.ipv4_mapped:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def client_network_address(request):
    """The sender's address as django-axes counts failed admin sign-ins (its
    AXES_CLIENT_IP_CALLABLE): an IPv4 address as it is, an IPv6 address as the first
    address of its /64 network, so that one sender's billions of addresses count as one.
    An address, not ``network_of``'s "/64" form: django-axes stores it in an IP field."""
    address = client_ip(request)
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6:
        if ip.ipv4_mapped:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False).network_address)
    return str(ip)


def sender_fingerprint(request):
    """A keyed hash of the sender's network (64 hex characters); never the address."""
    return address_fingerprint(client_ip(request))


def address_fingerprint(address):
    """The fingerprint of a sender known by its address only (comments imported from the
    old site): the same as ``sender_fingerprint`` for a request from that address."""
    return salted_hmac(
        "reader_input.rate_limits.sender", network_of(address), algorithm="sha256"
    ).hexdigest()


class RateLimit:
    """At most ``limit`` actions per ``period`` seconds per sender, counted in the cache.

    The window opens at a sender's first action and closes ``period`` seconds later (the
    counter expires with it), so a limit is never reset early by a wall-clock boundary.
    ``cache.add`` and ``cache.incr`` are atomic in Redis and the local-memory cache, so
    concurrent requests cannot both slip under the limit. Best effort by design: if the
    cache is unavailable, readers are let through (the other spam rules and moderation
    still apply) rather than locked out.
    """

    def __init__(self, scope, limit, period):
        self.scope = scope
        self.limit = limit
        self.period = period

    def key(self, sender):
        return f"ratelimit:{self.scope}:{sender}"

    def count(self, sender):
        try:
            return int(cache.get(self.key(sender)) or 0)
        except Exception:  # a cache outage must not stop readers
            logger.warning("Rate limit %s: cache unavailable", self.scope, exc_info=True)
            return 0

    def is_exceeded(self, sender):
        return self.count(sender) >= self.limit

    def hit(self, sender):
        """Count one action by ``sender``."""
        key = self.key(sender)
        try:
            if not cache.add(key, 1, self.period):
                try:
                    cache.incr(key)
                except ValueError:  # expired between add() and incr()
                    cache.add(key, 1, self.period)
        except Exception:
            logger.warning("Rate limit %s: cache unavailable", self.scope, exc_info=True)

    def reset(self, sender):
        cache.delete(self.key(sender))
