"""Reading a WordPress export (WXR 1.0, 1.1 and 1.2) as a stream.

``iterparse`` hands over one ``<item>`` at a time and each is dropped once read, so memory
stays flat however many posts the file holds. The file is read several times (a
validating pass first, then once per import phase); parsing is cheap next to database
writes.
"""

import hashlib
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.utils import timezone

WXR_VERSIONS = {"1.0", "1.1", "1.2"}
NAMESPACE_PREFIXES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://wellformedweb.org/CommentAPI/": "wfw",
}
# Language codes WordPress plugins use for the same edition ("al" is Polylang's default
# slug for Albanian, "pe" turns up for Persian).
LANGUAGE_ALIASES = {"al": "sq", "pe": "fa", "per": "fa", "ara": "ar", "alb": "sq"}


class WXRError(Exception):
    """The file is not a WordPress export this importer can read."""


NOT_WXR = (
    "This is not a WordPress export: it has no WXR version (wp:wxr_version); an RSS feed "
    "is not an export (use WordPress's Tools → Export)."
)


def local_name(tag):
    """``{http://wordpress.org/export/1.2/}post_id`` → ``wp:post_id``; every WXR version's
    namespace reads the same."""
    if not tag.startswith("{"):
        return tag
    uri, name = tag[1:].split("}", 1)
    # WordPress.com binds wp: to https://wordpress.org/export/1.2/: any scheme reads the same.
    uri = re.sub(r"^https?://", "http://", uri, flags=re.I)
    if uri.startswith("http://wordpress.org/export/"):
        return ("excerpt:" if uri.rstrip("/").endswith("excerpt") else "wp:") + name
    prefix = NAMESPACE_PREFIXES.get(uri) or NAMESPACE_PREFIXES.get(uri + "/")
    return f"{prefix}:{name}" if prefix else name


def edition_language(code):
    """A plugin's language code (``fa_IR``, ``en-US``, ``al``) as an edition's, or ``""``."""
    code = (code or "").strip().lower().replace("-", "_").split("_")[0]
    code = LANGUAGE_ALIASES.get(code, code)
    return code if code in dict(settings.LANGUAGES) else ("?" + code if code else "")


def parse_wp_date(value):
    """``2011-12-29 10:15:00`` (UTC) → aware datetime; WordPress writes zeros for "none"."""
    value = (value or "").strip()
    if not value or value.startswith("0000"):
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
    except ValueError:
        return None


@dataclass
class Term:
    taxonomy: str  # category, post_tag, or another taxonomy
    term_id: int
    slug: str
    name: str
    parent_slug: str = ""
    description: str = ""


@dataclass
class Author:
    author_id: int
    login: str
    display_name: str
    email: str = ""


@dataclass
class WPComment:
    """One ``wp:comment`` of an item: a reader's comment, a pingback or a trackback."""

    comment_id: int
    author: str = ""
    author_email: str = ""
    author_url: str = ""
    author_ip: str = ""
    date: str = ""
    date_gmt: str = ""
    content: str = ""
    approved: str = ""  # "1", "0", "spam", "trash"
    comment_type: str = ""  # "" or "comment", "pingback", "trackback"
    parent: int = 0
    user_id: int = 0

    @property
    def created_at(self):
        """When it was posted, in UTC (``comment_date`` is the site's local time)."""
        when = parse_wp_date(self.date_gmt)
        if when is None and parse_wp_date(self.date):
            naive = parse_wp_date(self.date).replace(tzinfo=None)
            when = timezone.make_aware(naive, timezone.get_default_timezone())
        return when

    def checksum(self):
        parts = [
            self.author,
            self.author_email,
            self.date_gmt,
            self.date,
            self.content,
            self.approved,
            self.comment_type,
            str(self.parent),
        ]
        return hashlib.sha256("\x00".join(parts).encode()).hexdigest()


@dataclass
class Item:
    post_id: int
    post_type: str
    title: str = ""
    link: str = ""
    guid: str = ""
    pub_date: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    post_date: str = ""
    post_date_gmt: str = ""
    modified_gmt: str = ""
    slug: str = ""
    status: str = ""
    parent: int = 0
    menu_order: int = 0
    is_sticky: bool = False
    comment_status: str = ""
    attachment_url: str = ""
    password: str = ""  # wp:post_password: the post asks for it before showing itself
    terms: list = field(default_factory=list)  # (domain, nicename, name)
    meta: dict = field(default_factory=dict)
    comments: list = field(default_factory=list)  # WPComment, in the file's order

    @property
    def categories(self):
        return [(nicename, name) for domain, nicename, name in self.terms if domain == "category"]

    @property
    def tags(self):
        return [(nicename, name) for domain, nicename, name in self.terms if domain == "post_tag"]

    @property
    def language(self):
        """The edition the item belongs to: Polylang's ``language`` term, or WPML's
        language meta. ``""`` when the export has no language data for it."""
        for domain, nicename, name in self.terms:
            if domain == "language":
                return edition_language(nicename or name)
        for key in ("_wpml_import_language_code", "_wpml_language", "wpml_language", "_icl_lang"):
            if self.meta.get(key):
                return edition_language(self.meta[key])
        return ""

    @property
    def translation_group(self):
        """What links the translations of one post: Polylang's ``post_translations`` term or
        WPML's translation group (``trid``)."""
        for domain, nicename, _name in self.terms:
            if domain == "post_translations":
                return "pll:" + nicename
        for key in ("_wpml_import_translation_group", "_icl_trid", "wpml_trid"):
            if self.meta.get(key):
                return "wpml:" + self.meta[key]
        return ""

    @property
    def date(self):
        """When it was (or will be) published, in UTC."""
        when = parse_wp_date(self.post_date_gmt)
        if when is None and parse_wp_date(self.post_date):
            naive = parse_wp_date(self.post_date).replace(tzinfo=None)
            when = timezone.make_aware(naive, timezone.get_default_timezone())
        if when is None and self.pub_date:
            try:
                when = parsedate_to_datetime(self.pub_date)
            except (TypeError, ValueError):
                when = None
        return when

    @property
    def thumbnail_id(self):
        value = self.meta.get("_thumbnail_id", "")
        return int(value) if value.strip().isdigit() else None

    def checksum(self):
        parts = [
            self.post_type,
            self.title,
            self.content,
            self.excerpt,
            self.post_date_gmt,
            self.post_date,
            self.slug,
            self.status,
            str(self.parent),
            str(self.is_sticky),
            self.comment_status,
            self.attachment_url,
            self.creator,
            repr(sorted(self.terms)),
            repr(sorted(self.meta.items())),
        ]
        if self.password:  # only then: the checksums of other posts stay what they were
            parts.append("password:" + self.password)
        return hashlib.sha256("\x00".join(parts).encode()).hexdigest()


def url_path(url):
    """The path and query of an address on the old site, for redirects and link matching:
    ``https://old.org/2011/12/x/?a=1`` → ``/2011/12/x?a=1`` (unicode decoded)."""
    parts = urlsplit((url or "").strip())
    path = unquote(parts.path or "/")
    if len(path) > 1:
        path = path.rstrip("/")
    return path + ("?" + parts.query if parts.query else "")


UPLOADS = re.compile(r"/wp-content/uploads/(.+)$")


def upload_key(url):
    """Where an upload lives below ``wp-content/uploads`` (``2019/05/x.jpg``), whatever the
    host; ``""`` when the address is not an upload."""
    match = UPLOADS.search(unquote(urlsplit((url or "").strip()).path))
    return match.group(1) if match else ""


def media_key(url):
    """A file's full address without its scheme (``host/path``, unicode decoded), which
    tells apart files at the same path on different hosts (WordPress.com, a CDN, multisite
    ``/files/``, hot-linked images); ``""`` for no address."""
    parts = urlsplit((url or "").strip())
    path = unquote(parts.path)
    if not path.strip("/"):
        return ""
    return parts.netloc.lower().removeprefix("www.") + path


def _text(element):
    return (element.text or "").strip() if element is not None else ""


def _int(value, default=0):
    try:
        return int((value or "").strip())
    except ValueError:
        return default


class WXRReader:
    """Streams one export file. ``header`` is filled by :meth:`validate`."""

    def __init__(self, path):
        self.path = path
        self.header = {}
        self.authors = []
        self.terms = []
        # Items repeating an earlier item's wp:post_id (WordPress.com exports repeat menu
        # items): (post_id, post_type, title); only the first one is read.
        self.duplicates = []

    def _events(self):
        try:
            context = ET.iterparse(self.path, events=("start", "end"))
            channel = None
            depth = 0
            for event, element in context:
                if event == "start":
                    depth += 1
                    if depth == 1 and local_name(element.tag) != "rss":
                        raise WXRError("This is not a WordPress export: no <rss> element.")
                    if depth == 2 and local_name(element.tag) == "channel":
                        channel = element
                    continue
                depth -= 1
                if depth == 2 and channel is not None:
                    yield local_name(element.tag), element
                    # Dropping what was read keeps memory flat on a large archive.
                    element.clear()
                    channel.remove(element)
        except ET.ParseError as error:
            line, column = error.position
            raise WXRError(
                f"{self.path} is not well-formed XML (line {line}, column {column}): {error}"
            ) from error
        except OSError as error:
            raise WXRError(f"Cannot read {self.path}: {error}") from error

    def validate(self):
        """Read the whole file once; raise WXRError if it cannot be imported. Returns the
        items' summaries (no content) for the importer's look-ups."""
        summaries = {}
        seen_channel = False
        for name, element in self._events():
            seen_channel = True
            if name == "item":
                if "wp:wxr_version" not in self.header:  # written before the items
                    raise WXRError(NOT_WXR)
                item = self._item(element)
                if item.post_id in summaries:
                    self.duplicates.append((item.post_id, item.post_type, item.title))
                    continue
                summaries[item.post_id] = ItemSummary.of(item)
            elif name == "wp:author":
                self.authors.append(self._author(element))
            elif name in ("wp:category", "wp:tag", "wp:term"):
                self.terms.append(self._term(name, element))
            elif name in ("wp:wxr_version", "wp:base_site_url", "wp:base_blog_url", "link"):
                self.header[name] = _text(element)
            elif name == "title":
                self.header["title"] = _text(element)
        if not seen_channel:
            raise WXRError("This is not a WordPress export: no <channel> element.")
        version = self.header.get("wp:wxr_version", "")
        if not version:
            raise WXRError(NOT_WXR)
        if version not in WXR_VERSIONS:
            raise WXRError(
                f"Unsupported or missing WXR version {version!r} (expected 1.0, 1.1 or 1.2)."
            )
        return summaries

    @property
    def base_url(self):
        return (
            self.header.get("wp:base_blog_url")
            or self.header.get("wp:base_site_url")
            or self.header.get("link", "")
        ).rstrip("/")

    def items(self, post_types=None, ids=None):
        seen = set()
        for name, element in self._events():
            if name != "item":
                continue
            item = self._item(element)
            if item.post_id in seen:  # a repeated item (see ``duplicates``)
                continue
            seen.add(item.post_id)
            if post_types is not None and item.post_type not in post_types:
                continue
            if ids is not None and item.post_id not in ids:
                continue
            yield item

    def _item(self, element):
        values = {}
        terms = []
        meta = {}
        comments = []
        for child in element:
            name = local_name(child.tag)
            if name == "wp:comment":
                comments.append(self._comment(child))
            elif name == "category":
                terms.append(
                    (child.get("domain", ""), unquote(child.get("nicename", "")), _text(child))
                )
            elif name == "wp:postmeta":
                key = value = ""
                for part in child:
                    if local_name(part.tag) == "wp:meta_key":
                        key = _text(part)
                    elif local_name(part.tag) == "wp:meta_value":
                        value = part.text or ""
                if key:
                    meta[key] = value
            elif name in ("content:encoded", "excerpt:encoded"):
                values[name] = child.text or ""
            else:
                values[name] = _text(child)
        post_id = _int(values.get("wp:post_id"), None)
        if post_id is None:
            raise WXRError(f"An item has no numeric wp:post_id (title {values.get('title')!r}).")
        return Item(
            post_id=post_id,
            post_type=values.get("wp:post_type", "post"),
            title=values.get("title", ""),
            link=values.get("link", ""),
            guid=values.get("guid", ""),
            pub_date=values.get("pubDate", ""),
            creator=values.get("dc:creator", ""),
            content=values.get("content:encoded", ""),
            excerpt=values.get("excerpt:encoded", ""),
            post_date=values.get("wp:post_date", ""),
            post_date_gmt=values.get("wp:post_date_gmt", ""),
            modified_gmt=values.get("wp:post_modified_gmt", ""),
            slug=unquote(values.get("wp:post_name", "")),
            status=values.get("wp:status", ""),
            parent=_int(values.get("wp:post_parent")),
            menu_order=_int(values.get("wp:menu_order")),
            is_sticky=values.get("wp:is_sticky", "0") == "1",
            comment_status=values.get("wp:comment_status", ""),
            attachment_url=values.get("wp:attachment_url", ""),
            password=values.get("wp:post_password", ""),
            terms=terms,
            meta=meta,
            comments=comments,
        )

    def _comment(self, element):
        values = {}
        for child in element:
            name = local_name(child.tag)
            if name == "wp:comment_content":
                values[name] = child.text or ""
            else:
                values[name] = _text(child)
        return WPComment(
            comment_id=_int(values.get("wp:comment_id")),
            author=values.get("wp:comment_author", ""),
            author_email=values.get("wp:comment_author_email", ""),
            author_url=values.get("wp:comment_author_url", ""),
            author_ip=values.get("wp:comment_author_IP", ""),
            date=values.get("wp:comment_date", ""),
            date_gmt=values.get("wp:comment_date_gmt", ""),
            content=values.get("wp:comment_content", ""),
            approved=values.get("wp:comment_approved", ""),
            comment_type=values.get("wp:comment_type", ""),
            parent=_int(values.get("wp:comment_parent")),
            user_id=_int(values.get("wp:comment_user_id")),
        )

    def _author(self, element):
        values = {local_name(child.tag): _text(child) for child in element}
        return Author(
            author_id=_int(values.get("wp:author_id")),
            login=values.get("wp:author_login", ""),
            display_name=values.get("wp:author_display_name") or values.get("wp:author_login", ""),
            email=values.get("wp:author_email", ""),
        )

    def _term(self, name, element):
        values = {local_name(child.tag): _text(child) for child in element}
        if name == "wp:category":
            return Term(
                "category",
                _int(values.get("wp:term_id")),
                unquote(values.get("wp:category_nicename", "")),
                values.get("wp:cat_name", ""),
                unquote(values.get("wp:category_parent", "")),
                values.get("wp:category_description", ""),
            )
        if name == "wp:tag":
            return Term(
                "post_tag",
                _int(values.get("wp:term_id")),
                unquote(values.get("wp:tag_slug", "")),
                values.get("wp:tag_name", ""),
                "",
                values.get("wp:tag_description", ""),
            )
        return Term(
            values.get("wp:term_taxonomy", ""),
            _int(values.get("wp:term_id")),
            unquote(values.get("wp:term_slug", "")),
            values.get("wp:term_name", ""),
            unquote(values.get("wp:term_parent", "")),
            values.get("wp:term_description", ""),
        )


@dataclass
class ItemSummary:
    """What the importer needs to know about every item before importing any: kept for the
    whole run, so it holds no content."""

    post_id: int
    post_type: str
    status: str
    slug: str
    link: str
    parent: int
    language: str
    group: str
    attachment_url: str
    is_sticky: bool
    categories: tuple
    tags: tuple
    year_month: tuple | None

    @classmethod
    def of(cls, item):
        date = item.date
        return cls(
            post_id=item.post_id,
            post_type=item.post_type,
            status=item.status,
            slug=item.slug,
            link=item.link,
            parent=item.parent,
            language=item.language,
            group=item.translation_group,
            attachment_url=item.attachment_url,
            is_sticky=item.is_sticky,
            categories=tuple(slug for slug, _name in item.categories),
            tags=tuple(slug for slug, _name in item.tags),
            year_month=(date.year, date.month) if date else None,
        )
