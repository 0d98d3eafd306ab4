"""Shared by the backup_site and restore_site commands: what a backup holds and how its
contents are counted, so a restore can prove it brought everything back.

A backup is a folder:
  data.json.gz   every table except the ones Django or Wagtail rebuild (content types,
                 permissions, sessions, the search index, login-attempt records), as
                 Django fixtures with natural keys for content types and permissions, so
                 it loads into SQLite or PostgreSQL alike
  media.tar.gz   MEDIA_ROOT: original images, renditions, documents, video files
  manifest.json  when and from what it was made, checksums, and the counts below
"""

import hashlib

from django.contrib.auth import get_user_model
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

DATA_FILE = "data.json.gz"
MEDIA_FILE = "media.tar.gz"
MANIFEST_FILE = "manifest.json"

# Rebuilt by migrate/update_index, or not worth restoring.
EXCLUDED = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "wagtailsearch",
    "search.searchentry",  # copied from the search index by update_index
    "axes",
]


def content_counts():
    from wagtailmedia.models import get_media_model

    return {
        "pages": Page.objects.count(),
        "live_pages": Page.objects.live().count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "media": get_media_model().objects.count(),
        "users": get_user_model().objects.count(),
    }


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
