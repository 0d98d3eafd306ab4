"""Finding an attachment's file: in the copy of ``wp-content/uploads`` given with
``--media-dir``, or (only with ``--download``) at its address on the old site."""

import posixpath
import re
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit, urlunsplit
from urllib.request import Request, urlopen

from django.conf import settings

from importer.wxr import media_key, upload_key

IMAGE_EXTENSIONS = {"jpg", "jpeg", "png", "gif", "webp", "avif", "bmp", "tif", "tiff"}
DOWNLOAD_TIMEOUT = 20  # seconds
MAX_DOWNLOAD_BYTES = 50 * 1024 * 1024
# WordPress's resized copies: photo-300x200.jpg, and photo-scaled.jpg for big originals.
SIZE_SUFFIX = re.compile(r"-(\d+x\d+|scaled|rotated)(?=\.\w+$)", re.I)


class FileNotFetched(Exception):
    """Why an attachment's file could not be found or fetched."""


def extension(url_or_name):
    return posixpath.splitext(unquote(urlsplit(url_or_name).path))[1].lower().lstrip(".")


def file_kind(url):
    """ "image", "document" or "" (a file type the site does not keep, e.g. audio)."""
    ext = extension(url)
    if ext in IMAGE_EXTENSIONS:
        return "image"
    if ext in getattr(settings, "WAGTAILDOCS_EXTENSIONS", []) or []:
        return "document"
    return ""


def original_upload_key(url):
    """The upload key of the original file behind a resized copy's address."""
    return SIZE_SUFFIX.sub("", upload_key(url))


def original_media_key(url):
    """The :func:`media_key` of the original file behind a resized copy's address."""
    return SIZE_SUFFIX.sub("", media_key(url))


class FileSource:
    def __init__(self, media_dir=None, download=False):
        self.media_dir = Path(media_dir).resolve() if media_dir else None
        self.download = download

    def read(self, url):
        """The file's name and bytes; raises FileNotFetched with the reason."""
        key = upload_key(url)
        address_path = unquote(urlsplit(url).path).lstrip("/")
        name = posixpath.basename(key or address_path) or "file"
        # Outside wp-content/uploads (WordPress.com's files host, a CDN, multisite
        # /files/): the same year/month path below --media-dir, then the bare name.
        candidates = [key, address_path.removeprefix("files/"), name]
        reasons = []
        if self.media_dir is not None:
            for candidate in filter(None, candidates):
                path = (self.media_dir / candidate).resolve()
                # An upload path in the export must not read files outside --media-dir.
                if self.media_dir not in path.parents:
                    continue
                if path.is_file():
                    return name, path.read_bytes()
            reasons.append(f"not in {self.media_dir}")
        else:
            reasons.append("no --media-dir given")
        if self.download:
            try:
                return name, self.fetch(url)
            except (OSError, ValueError) as error:
                reasons.append(f"download failed: {error}")
        else:
            reasons.append("downloading not allowed (--download)")
        raise FileNotFetched("; ".join(reasons))

    def fetch(self, url):
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise ValueError(f"not a web address: {url}")
        safe_url = urlunsplit(parts._replace(path=quote(unquote(parts.path))))
        request = Request(safe_url, headers={"User-Agent": "nejat-wordpress-import"})
        with urlopen(request, timeout=DOWNLOAD_TIMEOUT) as response:
            data = response.read(MAX_DOWNLOAD_BYTES + 1)
        if len(data) > MAX_DOWNLOAD_BYTES:
            raise ValueError("larger than 50 MB")
        return data
