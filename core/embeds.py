"""Embeds are fetched from their provider when an editor saves, never while a visitor waits.

Wagtail's EmbedBlock validates a URL by fetching it (which stores the result in the Embed
table); rendering here only reads that table, so a page never blocks on, or breaks because
of, a third-party provider. An embed that was never fetched renders as a plain link.
"""

from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed


def cached_embed(url, max_width=None, max_height=None):
    if not url:
        return None
    embed_hash = get_embed_hash(url, max_width, max_height)
    # A stale cache entry is still better than no player at all.
    return Embed.objects.filter(hash=embed_hash).exclude(html="").first()
