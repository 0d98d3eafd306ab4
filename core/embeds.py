"""Embeds are fetched from their provider when an editor saves, never while a visitor waits.

Wagtail's EmbedBlock validates a URL by fetching it (which stores the result in the Embed
table); rendering here only reads that table, so a page never blocks on, or breaks because
of, a third-party provider. An embed that was never fetched renders as a plain link.
"""

import requests
from wagtail.embeds.embeds import get_embed, get_embed_hash
from wagtail.embeds.exceptions import EmbedNotFoundException
from wagtail.embeds.models import Embed


def cached_embed(url, max_width=None, max_height=None):
    if not url:
        return None
    embed_hash = get_embed_hash(url, max_width, max_height)
    # A stale cache entry is still better than no player at all.
    return Embed.objects.filter(hash=embed_hash).exclude(html="").first()


def provider_unreachable(error):
    """Whether an embed could not be fetched because its provider could not be reached
    (no network, a timeout, a server error), rather than because the provider said the
    address is not something it can embed."""
    cause = error.__cause__
    if not isinstance(cause, requests.RequestException):
        return False
    response = getattr(cause, "response", None)
    return response is None or response.status_code >= 500


def fetch_for_editor(url, max_width=None, max_height=None):
    """Fetch an embed while an editor saves, into the Embed table that pages render from.

    Raises ``EmbedException`` when no provider knows the address, or its provider says it
    cannot embed it (a deleted video, a typing error). A provider that cannot be reached
    is not the editor's mistake: the address is kept, the page shows it as a link, and a
    later save fetches the player. (An imported archive is full of embeds saved on a
    machine that could not reach their providers.)"""
    try:
        get_embed(url, max_width, max_height)
    except EmbedNotFoundException as error:
        if not provider_unreachable(error):
            raise
