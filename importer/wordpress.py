"""Importing a WordPress export into the editions.

Phases, each streaming the file again (see wxr.py): validate and index every item (nothing
is written if this fails) → attachments → pages (parents first) → posts written in the
source language → their translations → links that pointed at posts imported later →
redirects from every old address → sticky posts featured on the home page.

Every post, page and attachment is imported in its own transaction: one that fails is
reported and skipped, the rest goes on. What each WordPress object became is recorded
(importer.models.ImportedObject), so a second run updates instead of duplicating, and
skips items whose content has not changed.

Translations: WordPress translations (WPML, Polylang) are separate posts with their own
HTML, which rarely has the same structure as the English post, so they cannot be mapped
string by string onto wagtail-localize's segments. Each one becomes the Wagtail
translation of the English page (same ``translation_key``, the edition's locale, under
the edition's copy of the parent) with its fields set from the translated post. The
switcher, hreflang, the translation report and wagtail-localize see it as a translation;
it is edited directly in its edition (wagtail-localize's string editor is not attached to
it, so a later "sync" from English does not overwrite the imported text).
"""

import hashlib
import io
import re
from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from urllib.parse import quote, urlencode, urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, PageViewRestriction, Site
from wagtail.search import index
from wagtail.search.backends import get_search_backends

from core.compat import search_indexing_paused
from home.models import HomePage, HomePageFeaturedArticle, StandardPage
from importer import comments as wp_comments
from importer import html as wp_html
from importer.media import (
    FileNotFetched,
    FileSource,
    file_kind,
    original_media_key,
    original_upload_key,
)
from importer.models import ImportedObject
from importer.wxr import (
    WXRError,
    WXRReader,
    edition_language,
    media_key,
    parse_wp_date,
    upload_key,
    url_path,
)
from news.models import ArticleIndexPage, ArticlePage, Author, Category, Comment

Kind = ImportedObject.Kind
SKIPPED_STATUSES = {"trash", "auto-draft", "inherit"}
# Items are committed in batches (each item still has its own savepoint, so a failing one
# is rolled back alone): one commit per item would make SQLite wait on the disk each time.
BATCH_SIZE = 200


class ImportRefused(Exception):
    """The import cannot start (bad file, no site to import into); nothing was written."""


class DryRunRollback(Exception):
    pass


@dataclass
class Report:
    counts: Counter = field(default_factory=Counter)  # (kind, edition, outcome) → n
    warnings: list = field(default_factory=list)  # (what, message)
    skipped: list = field(default_factory=list)  # (what, reason)
    not_fetched: list = field(default_factory=list)  # (url, reason)

    def count(self, kind, edition, outcome):
        self.counts[(kind, edition or "-", outcome)] += 1

    def warn(self, what, message):
        self.warnings.append((what, message))

    def skip(self, kind, edition, what, reason):
        self.count(kind, edition, "skipped")
        self.skipped.append((what, reason))


POLYLANG_PAIR = re.compile(r's:\d+:"([A-Za-z_-]+)";(?:i:(\d+)|s:\d+:"(\d+)")')


def polylang_group(description):
    """Polylang's translation group, a PHP-serialised array in the term's description
    (``a:2:{s:2:"en";i:4;s:2:"fa";s:1:"2";}``) → {edition language: term id}; languages
    that are not editions are left out."""
    group = {}
    for code, number, text in POLYLANG_PAIR.findall(description or ""):
        language = edition_language(code)
        if language and not language.startswith("?"):
            group[language] = int(number or text)
    return group


def describe(item):
    return f"{item.post_type} {item.post_id} “{(item.title or '')[:60]}”"


def first_error(error):
    if isinstance(error, ValidationError) and hasattr(error, "message_dict"):
        return "; ".join(f"{k}: {' '.join(v)}" for k, v in error.message_dict.items())
    return f"{type(error).__name__}: {error}"


class Resolver(wp_html.LinkResolver):
    """Old addresses → what they became, for the HTML converter."""

    def __init__(self, importer):
        self.importer = importer

    def link(self, href):
        importer = self.importer
        parts = urlsplit(href)
        if parts.scheme in ("mailto", "tel") or href.startswith("#"):
            return None
        # A link to an attachment's file, on whatever host the export keeps it.
        attachment_id = importer.attachment_for(href)
        if parts.netloc and parts.netloc.lower().removeprefix("www.") not in importer.hosts:
            if attachment_id is None:
                return None
        elif attachment_id is None and upload_key(href):
            return ("unresolved", href)
        if attachment_id is not None:
            target = importer.mapping.get((Kind.ATTACHMENT, attachment_id, ""))
            if target is None:
                return ("unresolved", href)
            model, object_id = target
            if model == "document":
                return ("document", object_id)
            url = importer.image_url(object_id)
            return ("url", url) if url else ("unresolved", href)
        post_id = wp_html.query_id(href, "p", "page_id", "attachment_id")
        if post_id is None:
            post_id = importer.paths.get(url_path(href).split("?")[0])
        if post_id is None:
            return None
        summary = importer.items.get(post_id)
        if summary is not None and summary.post_type == "attachment":
            post_id = summary.parent or post_id
        page_id = importer.page_id(post_id)
        if page_id is None:
            return ("unresolved", href)
        return ("page", page_id)

    def image(self, src, attachment_id=None):
        importer = self.importer
        if attachment_id is None or (Kind.ATTACHMENT, attachment_id, "") not in importer.mapping:
            attachment_id = importer.attachment_for(src) or attachment_id
        target = importer.mapping.get((Kind.ATTACHMENT, attachment_id, ""))
        if target and target[0] == "image":
            return target[1]
        return None


class WordPressImporter:
    def __init__(
        self,
        path,
        *,
        media_dir=None,
        download=False,
        default_locale=None,
        dry_run=False,
        progress=None,
        on_conflict="skip",
    ):
        self.path = path
        self.files = FileSource(media_dir, download)
        # The edition of posts without language data (--locale) …
        self.default_language = default_locale or settings.LANGUAGE_CODE
        # … and the source edition: originals are English, WordPress's unprefixed
        # addresses are the English site's.
        self.source_language = settings.LANGUAGE_CODE
        self.dry_run = dry_run
        # A page edited in Wagtail since the last import: left as it is ("skip") or given
        # the imported content as a new draft revision ("draft"), never overwritten.
        self.on_conflict = on_conflict
        self.progress = progress or (lambda label, done, total: None)
        self.report = Report()
        self.reader = WXRReader(path)
        self.uploads = {}  # an attachment's media_key → its post id
        self.resized = {}  # the same without WordPress's size suffix
        self.upload_paths = {}  # below wp-content/uploads, whatever the host (a CDN)
        self.mapping = {}  # (kind, wp_id, locale) → (model label, object id)
        self.written_files = []
        self.retry_links = set()  # posts whose links pointed at items imported later
        self.parents = {}  # (model, locale) → page under which new pages go
        self.snippets = {}  # (kind, wp_id, locale) → Category or Author already fetched
        self.journal = []  # what the item being imported added to the mapping

    # --- entry point --------------------------------------------------------------

    def run(self):
        try:
            self.items = self.reader.validate()
        except WXRError as error:
            raise ImportRefused(str(error)) from error
        for post_id, post_type, title in self.reader.duplicates:
            self.report.skip(
                post_type,
                "-",
                f"{post_type} {post_id} “{(title or '')[:60]}”",
                f"duplicate wp:post_id {post_id}: the export repeats it; the first one is read",
            )
        self.prepare()
        with search_indexing_paused():
            if self.dry_run:
                try:
                    with transaction.atomic():
                        self.import_everything()
                        raise DryRunRollback
                except DryRunRollback:
                    pass
                finally:
                    self.delete_written_files()
            else:
                self.import_everything()
                self.update_search_index()
        return self.report

    def prepare(self):
        """Everything looked up before the first write; refuses an import that cannot
        work (no English home page or Articles page to import into)."""
        self.source = self.reader.base_url or self.reader.header.get("title", "")
        self.hosts = {urlsplit(self.source).netloc.lower().removeprefix("www.")} - {""}
        try:
            self.default_locale = Locale.objects.get(language_code=self.default_language)
        except Locale.DoesNotExist:
            raise ImportRefused(f"There is no {self.default_language!r} edition.") from None
        self.site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
        english_home = HomePage.objects.filter(locale=Locale.get_default(), depth=2).first()
        if self.site is None or english_home is None:
            raise ImportRefused("The site has no home page yet: run migrate and load_demo first.")
        if not ArticleIndexPage.objects.child_of(english_home).exists():
            raise ImportRefused("The home page has no Articles page to import posts into.")
        self.english_home = english_home
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}
        # Look-ups over the whole export (summaries hold no content).
        self.paths = {}
        self.uploads = {}
        self.groups = defaultdict(list)
        for summary in self.items.values():
            if summary.link:
                self.paths.setdefault(url_path(summary.link).split("?")[0], summary.post_id)
            if summary.post_type == "attachment" and media_key(summary.attachment_url):
                url = summary.attachment_url
                self.uploads.setdefault(media_key(url), summary.post_id)
                self.resized.setdefault(original_media_key(url), summary.post_id)
                if original_upload_key(url):
                    self.upload_paths.setdefault(original_upload_key(url), summary.post_id)
            if summary.group:
                self.groups[summary.group].append(summary.post_id)
        self.paths.pop("/", None)
        self.terms = {(t.taxonomy, t.slug): t for t in self.reader.terms}
        self.categories_by_id = {
            t.term_id: t for t in self.reader.terms if t.taxonomy == "category" and t.term_id
        }
        # Polylang's term translations: each category's id → {edition: that edition's id}.
        self.term_translations = {}
        for term in self.reader.terms:
            if term.taxonomy == "term_translations":
                group = polylang_group(term.description)
                for term_id in group.values():
                    self.term_translations[term_id] = group
        self.authors = {a.login: a for a in self.reader.authors}
        # Authors are told apart by login: WordPress.com exports have no wp:author_id
        # (all read 0). Their id stays the key where it is there and unique (as recorded
        # by earlier imports); otherwise a stable number derived from the login.
        ids = Counter(a.author_id for a in self.authors.values())
        self.author_keys = {
            login: author.author_id
            if author.author_id > 0 and ids[author.author_id] == 1
            else -int.from_bytes(hashlib.sha256(login.encode()).digest()[:7], "big")
            for login, author in self.authors.items()
        }
        self.content_types = {
            label: ContentType.objects.get_for_model(model)
            for label, model in self.target_models().items()
        }
        for row in ImportedObject.objects.filter(source=self.source).values_list(
            "kind", "wp_id", "locale", "content_type_id", "object_id"
        ):
            kind, wp_id, locale, content_type_id, object_id = row
            label = next(
                (lbl for lbl, ct in self.content_types.items() if ct.pk == content_type_id), None
            )
            self.mapping[(kind, wp_id, locale)] = (label, object_id)
        # WordPress ids are unique across posts, pages and attachments (one table).
        self.checksums = dict(
            ImportedObject.objects.filter(source=self.source, kind__in=[Kind.POST, Kind.PAGE])
            .exclude(checksum="")
            .values_list("wp_id", "checksum")
        )
        # The revision each post or page got from the last import (see has_conflict).
        self.revisions = dict(
            ImportedObject.objects.filter(source=self.source, kind__in=[Kind.POST, Kind.PAGE])
            .exclude(import_revision=None)
            .values_list("wp_id", "import_revision")
        )
        # Comment ids are another table's: kept apart from the posts'.
        self.comment_checksums = dict(
            ImportedObject.objects.filter(source=self.source, kind=Kind.COMMENT)
            .exclude(checksum="")
            .values_list("wp_id", "checksum")
        )

    @staticmethod
    def target_models():
        return {
            "image": get_image_model(),
            "document": get_document_model(),
            "article": ArticlePage,
            "standard": StandardPage,
            "category": Category,
            "author": Author,
            "comment": Comment,
        }

    def language_of(self, summary):
        return summary.language or self.default_language

    def source_of(self, summary):
        """The post this one is a translation of, or None when it is an original."""
        members = self.groups.get(summary.group, []) if summary.group else []
        if len(members) < 2:
            return None
        languages = {pid: self.language_of(self.items[pid]) for pid in members}
        original = next(
            (pid for pid in members if languages[pid] == self.source_language), members[0]
        )
        return None if original == summary.post_id else self.items[original]

    @staticmethod
    def in_batches(items):
        iterator = iter(items)
        while True:
            with transaction.atomic():
                batch = list(islice(iterator, BATCH_SIZE))
                if not batch:
                    return
                yield from batch

    @contextmanager
    def item_transaction(self):
        """One item's savepoint. When it rolls back, what this run remembered during the
        item is forgotten too (a category created for it no longer exists)."""
        self.journal = []
        try:
            with transaction.atomic():
                yield
        except Exception:
            for key in self.journal:
                self.mapping.pop(key, None)
                self.snippets.pop(key, None)
            self.parents.clear()  # in-memory tree data (numchild, slugs) may be stale
            raise

    def import_everything(self):
        self.import_attachments()
        self.import_pages()
        self.import_posts()
        self.retry_unresolved_links()
        self.import_redirects()
        self.feature_sticky_posts()

    # --- mapping --------------------------------------------------------------------

    def remember(self, kind, wp_id, locale, label, obj, checksum="", revision=None):
        key = (kind, wp_id, locale)
        extra = {"import_revision": revision.pk} if revision is not None else {}
        if revision is not None:
            self.revisions[wp_id] = revision.pk
        if self.mapping.get(key) == (label, obj.pk):
            ImportedObject.objects.filter(
                source=self.source, kind=kind, wp_id=wp_id, locale=locale
            ).update(checksum=checksum, **extra)
        else:
            ImportedObject.objects.update_or_create(
                source=self.source,
                kind=kind,
                wp_id=wp_id,
                locale=locale,
                defaults={
                    "content_type": self.content_types[label],
                    "object_id": obj.pk,
                    "checksum": checksum,
                    **extra,
                },
            )
            self.journal.append(key)
        self.mapping[key] = (label, obj.pk)
        if kind in (Kind.CATEGORY, Kind.AUTHOR):
            self.snippets[key] = obj
        if kind not in (Kind.POST, Kind.PAGE):
            return
        if checksum:
            self.checksums[wp_id] = checksum
        else:
            self.checksums.pop(wp_id, None)

    def mapped(self, kind, wp_id, locale=""):
        # Categories and authors are looked up for every post: kept once fetched.
        if (kind, wp_id, locale) in self.snippets:
            return self.snippets[(kind, wp_id, locale)]
        target = self.mapping.get((kind, wp_id, locale))
        if target is None:
            return None
        label, object_id = target
        model = self.target_models()[label]
        obj = model.objects.filter(pk=object_id).first()
        if obj is None:  # deleted on the site since: import it again
            del self.mapping[(kind, wp_id, locale)]
        return obj

    def page_id(self, post_id):
        summary = self.items.get(post_id)
        kind = Kind.PAGE if summary and summary.post_type == "page" else Kind.POST
        target = self.mapping.get((kind, post_id, ""))
        return target[1] if target else None

    def attachment_for(self, url):
        """The attachment whose file is at ``url`` (its full address, any scheme), or whose
        original a resized copy's address names, or (for ``wp-content/uploads``) with the
        same upload path on another host, e.g. a CDN; None for a file not in the export."""
        key = media_key(url)
        if not key:
            return None
        found = self.uploads.get(key)
        if found is None:
            found = self.resized.get(original_media_key(url))
        if found is None and original_upload_key(url):
            found = self.upload_paths.get(original_upload_key(url))
        return found

    def image_url(self, image_id):
        image = get_image_model().objects.filter(pk=image_id).first()
        return image.file.url if image else None

    # --- attachments ----------------------------------------------------------------

    def import_attachments(self):
        total = sum(1 for s in self.items.values() if s.post_type == "attachment")
        self.captions = {}
        by_upload = {}
        for done, item in enumerate(self.in_batches(self.reader.items({"attachment"})), 1):
            self.progress("attachments", done, total)
            self.captions[item.post_id] = wp_html.plain_text(item.excerpt, 500)
            key = media_key(item.attachment_url) or item.attachment_url
            if key in by_upload:  # the same file attached again (e.g. per language)
                label, obj = by_upload[key]
                self.remember(Kind.ATTACHMENT, item.post_id, "", label, obj, item.checksum())
                self.report.count(label, "-", "shared")
                continue
            try:
                with self.item_transaction():
                    result = self.import_attachment(item)
            except Exception as error:  # noqa: BLE001 - reported, the import goes on
                self.report.skip("attachment", "-", describe(item), first_error(error))
                continue
            if result:
                by_upload[key] = result

    def import_attachment(self, item):
        kind = file_kind(item.attachment_url)
        if not kind:
            self.report.skip(
                "attachment", "-", describe(item), f"file type not kept: {item.attachment_url}"
            )
            return None
        existing = self.mapped(Kind.ATTACHMENT, item.post_id)
        title = wp_html.plain_text(item.title, 255) or item.attachment_url.rsplit("/", 1)[-1]
        if existing is not None:
            if existing.title != title:
                existing.title = title
                existing.save(update_fields=["title"])
                self.report.count(kind, "-", "updated")
            else:
                self.report.count(kind, "-", "unchanged")
            self.remember(Kind.ATTACHMENT, item.post_id, "", kind, existing, item.checksum())
            return kind, existing
        try:
            name, data = self.files.read(item.attachment_url)
        except FileNotFetched as error:
            self.report.not_fetched.append((item.attachment_url, str(error)))
            self.report.skip("attachment", "-", describe(item), f"file not found: {error}")
            return None
        if kind == "image":
            obj = get_image_model()(
                title=title,
                file=ImageFile(io.BytesIO(data), name=name),
                description=wp_html.plain_text(item.meta.get("_wp_attachment_image_alt", ""), 255),
            )
            obj._set_image_file_metadata()
        else:
            obj = get_document_model()(title=title, file=ContentFile(data, name=name))
            obj._set_document_file_metadata()
        obj.save()
        self.written_files.append(obj.file)
        self.remember(Kind.ATTACHMENT, item.post_id, "", kind, obj, item.checksum())
        self.report.count(kind, "-", "created")
        return kind, obj

    def delete_written_files(self):
        for file in self.written_files:
            try:
                file.storage.delete(file.name)
            except OSError:
                pass

    # --- pages and posts -----------------------------------------------------------

    def import_pages(self):
        items = list(self.reader.items({"page"}))
        depth = {}

        def depth_of(post_id, seen=()):
            summary = self.items.get(post_id)
            if summary is None or summary.post_type != "page" or post_id in seen:
                return 0
            if post_id not in depth:
                depth[post_id] = 1 + depth_of(summary.parent, (*seen, post_id))
            return depth[post_id]

        originals = [i for i in items if self.source_of(self.items[i.post_id]) is None]
        translations = [i for i in items if self.source_of(self.items[i.post_id]) is not None]
        ordered = sorted(originals, key=lambda i: depth_of(i.post_id)) + sorted(
            translations, key=lambda i: depth_of(i.post_id)
        )
        for done, item in enumerate(self.in_batches(ordered), 1):
            self.progress("pages", done, len(ordered))
            self.import_item(item)

    def import_posts(self):
        total = sum(1 for s in self.items.values() if s.post_type == "post")
        done = 0
        for translations in (False, True):
            for item in self.in_batches(self.reader.items({"post"})):
                is_translation = self.source_of(self.items[item.post_id]) is not None
                if is_translation != translations:
                    continue
                done += 1
                self.progress("posts", done, total)
                self.import_item(item)

    def import_item(self, item):
        summary = self.items[item.post_id]
        language = self.language_of(summary)
        kind = "article" if item.post_type == "post" else "page"
        if language.startswith("?"):
            self.report.skip(kind, language[1:], describe(item), "language is not an edition")
            return
        if item.status in SKIPPED_STATUSES or not item.status:
            self.report.skip(kind, language, describe(item), f"status {item.status or 'none'}")
            return
        try:
            with self.item_transaction():
                self.import_page(item, summary, language, kind)
        except Exception as error:  # noqa: BLE001 - reported, the import goes on
            self.report.skip(kind, language, describe(item), first_error(error))
            return
        # Also when the post itself is unchanged: a comment may be new or changed.
        self.import_comments(item, language, kind)

    def import_page(self, item, summary, language, kind):
        wp_kind = Kind.POST if kind == "article" else Kind.PAGE
        checksum = item.checksum()
        existing = self.mapped(wp_kind, item.post_id)
        if existing is not None and self.checksums.get(item.post_id) == checksum:
            self.report.count(kind, language, "unchanged")
            return
        locale = self.locales.get(language)
        if locale is None:
            raise LookupError(f"the {language} edition does not exist")
        original = self.source_of(summary)
        source_page = None
        if original is not None:
            source_page = self.mapped(wp_kind, original.post_id)
            if source_page is None:
                raise LookupError(f"its original ({original.post_id}) was not imported")
            source_page = source_page.specific
            if existing is None and source_page.has_translation(locale):
                existing = source_page.get_translation(locale)
        page = existing.specific if existing is not None else None
        if page is not None and self.has_conflict(page, item.post_id):
            self.import_conflict(page, item, summary, language, kind, source_page, checksum)
            return
        conversion = wp_html.convert(item.content, Resolver(self))
        for message in dict.fromkeys(conversion.warnings):
            self.report.warn(describe(item), message)
        model = ArticlePage if kind == "article" else StandardPage
        if page is None:
            page = model(locale=locale)
            if source_page is not None:
                page.translation_key = source_page.translation_key
                page.slug = source_page.slug
            else:
                page.slug = self.unique_slug(item, self.parent_for(item, summary, locale, None))
        self.fill(page, item, conversion, locale, source_page)
        self.set_status(page, item, language)
        if page.pk is None:
            parent = self.parent_for(item, summary, locale, source_page)
            parent.add_child(instance=page)
            self.sibling_slugs(parent).add(page.slug)
            outcome = "created"
        else:
            page.save()
            # No checksum kept: the last run left references unresolved, so it is looked
            # at again whether or not it changed.
            outcome = "updated" if item.post_id in self.checksums else "rechecked"
        if item.status == "future":
            revision = page.save_revision()
            revision.publish()
        else:
            revision = self.save_as_revision(page)
        if item.password:
            self.protect(page, item.password, language)
        self.remember(
            wp_kind,
            item.post_id,
            "",
            "article" if kind == "article" else "standard",
            page,
            "" if conversion.unresolved else checksum,
            revision,
        )
        if conversion.unresolved:
            self.retry_links.add(item.post_id)
        self.report.count(kind, language, outcome)

    @staticmethod
    def save_as_revision(page):
        """The page as just written (with WordPress's status and dates) becomes its latest
        revision, and its live one when it is live: every change the importer makes shows
        in the page's history, and the next run can tell whether an editor came after."""
        revision = page.save_revision(changed=not page.live, clean=False)
        if page.live:
            page.live_revision = revision
            page.save(update_fields=["live_revision"], clean=False)
        return revision

    def has_conflict(self, page, post_id):
        """Whether the page was edited in Wagtail since the importer last wrote it: its
        latest revision is not the importer's (or, for pages imported before revisions
        were recorded, was saved by a user: the importer saves none as a user)."""
        latest = page.latest_revision
        if latest is None:
            return False
        recorded = self.revisions.get(post_id)
        if recorded is not None:
            return latest.pk != recorded
        return latest.user_id is not None

    def import_conflict(self, page, item, summary, language, kind, source_page, checksum):
        """A page edited in Wagtail since the last import: reported and left as it is, or
        (``--on-conflict=draft``) given the imported content as a new draft revision,
        which an editor can compare and publish; the live page is not changed."""
        what = describe(item)
        if self.on_conflict != "draft":
            self.report.skip(
                kind, language, what, "conflict: edited in Wagtail since the last import"
            )
            self.report.count(kind, language, "conflict")
            return
        conversion = wp_html.convert(item.content, Resolver(self))
        for message in dict.fromkeys(conversion.warnings):
            self.report.warn(what, message)
        self.fill(page, item, conversion, page.locale, source_page)
        page.save_revision(clean=False)
        self.report.warn(
            what, "conflict: edited in Wagtail since the last import; imported as a draft"
        )
        self.remember(
            Kind.POST if kind == "article" else Kind.PAGE,
            item.post_id,
            "",
            "article" if kind == "article" else "standard",
            page,
            # The checksum, so that the same content is not drafted again; not the
            # revision: the live page is still the editor's, so a later change in
            # WordPress is a conflict again.
            checksum,
        )
        self.report.count(kind, language, "drafted")

    def fill(self, page, item, conversion, locale, source_page):
        page.title = wp_html.plain_text(item.title, 255)
        if not page.title:
            page.title = wp_html.fallback_title(item.content)
            if not page.title:
                raise ValueError("no title and no text: nothing to show")
            self.report.warn(describe(item), f"no title: titled “{page.title}” to be edited")
        page.body = conversion.blocks
        if isinstance(page, StandardPage):
            page.intro = wp_html.plain_text(item.excerpt)
            return
        page.date = item.date
        page.comments_open = item.comment_status != "closed"
        page.summary = wp_html.plain_text(item.excerpt)
        page.category = self.category_for(item, locale, source_page)
        page.author = self.author_for(item, locale, source_page)
        thumbnail = item.thumbnail_id
        image_target = self.mapping.get((Kind.ATTACHMENT, thumbnail, "")) if thumbnail else None
        page.hero_image_id = (
            image_target[1] if image_target and image_target[0] == "image" else None
        )
        page.hero_caption = self.captions.get(thumbnail, "") if page.hero_image_id else ""
        if thumbnail and not page.hero_image_id:
            self.report.warn(describe(item), f"featured image {thumbnail} not imported")
        primary = self.primary_category(item)
        tags = [name for slug, name in item.tags]
        # A post filed under several categories keeps one (the most specific); the others
        # become tags, so their archives still list it.
        tags += [name for slug, name in item.categories if slug != (primary or ("",))[0]]
        page.tags.set([tag[:100] for tag in dict.fromkeys(tags) if tag.strip()])

    def protect(self, page, password, language):
        """A password-protected post or page (``wp:post_password``) asks for the same
        password here: Wagtail's password view restriction, which also keeps it out of
        search, listings, feeds and the sitemap. A restriction an editor has set on the
        page since is left as it is."""
        restriction = PageViewRestriction.objects.filter(page=page).first()
        if restriction is None:
            PageViewRestriction.objects.create(
                page=page, restriction_type=PageViewRestriction.PASSWORD, password=password
            )
            self.report.count("protected", language, "created")
        elif (
            restriction.restriction_type == PageViewRestriction.PASSWORD
            and restriction.password != password
        ):
            restriction.password = password
            restriction.save(update_fields=["password"])
            self.report.count("protected", language, "updated")

    # --- comments -------------------------------------------------------------------

    def import_comments(self, item, language, kind):
        """The post's comments onto its page in its edition (see importer.comments)."""
        comments = [c for c in item.comments if wp_comments.is_reader_comment(c)]
        for ping in item.comments:
            if ping.comment_type in wp_comments.NOT_COMMENTS:
                self.report.count("pingback", language, "skipped")
        if not comments:
            return
        page = self.mapped(Kind.POST, item.post_id) if kind == "article" else None
        reason = None
        if page is None:
            reason = "only articles take comments" if kind == "page" else "post not imported"
        else:
            outcomes = Counter()
            try:
                with self.item_transaction():
                    self.write_comments(comments, page, outcomes)
            except Exception as error:  # noqa: BLE001 - reported, the import goes on
                reason = first_error(error)
            else:
                for outcome, count in outcomes.items():
                    self.report.counts[("comment", language, outcome)] += count
        if reason is not None:
            self.report.counts[("comment", language, "skipped")] += len(comments)
            self.report.skipped.append((f"{len(comments)} comments on {describe(item)}", reason))

    def write_comments(self, comments, page, outcomes):
        written = {}  # WordPress comment id → the site's comment id
        for comment, top in wp_comments.threads(comments):
            fields = {
                "page_id": page.pk,
                "parent_id": written.get(top.comment_id) if top is not None else None,
                "name": wp_comments.name(comment),
                "email": wp_comments.email(comment),
                "text": wp_comments.text(comment.content),
                "status": wp_comments.status(comment),
                "created_at": comment.created_at or page.first_published_at or timezone.now(),
                "ip_hash": wp_comments.fingerprint(comment),
            }
            checksum = comment.checksum()
            existing = self.mapped(Kind.COMMENT, comment.comment_id)
            if existing is not None and (
                self.comment_checksums.get(comment.comment_id) == checksum
                and existing.page_id == page.pk
            ):
                # Unchanged in WordPress: what moderators did here since is kept.
                written[comment.comment_id] = existing.pk
                outcomes["unchanged"] += 1
                continue
            if existing is not None:
                for name, value in fields.items():
                    setattr(existing, name, value)
                existing.save()
                obj, outcome = existing, "updated"
            else:
                obj, outcome = Comment.objects.create(**fields), "created"
            self.remember(Kind.COMMENT, comment.comment_id, "", "comment", obj, checksum)
            self.comment_checksums[comment.comment_id] = checksum
            written[comment.comment_id] = obj.pk
            outcomes[outcome] += 1

    def set_status(self, page, item, language):
        date = item.date
        modified = parse_wp_date(item.modified_gmt) or date
        if item.status == "publish":
            page.live = True
            page.has_unpublished_changes = False
            page.first_published_at = page.first_published_at or date or timezone.now()
            page.last_published_at = modified or page.first_published_at
        else:
            page.live = False
            page.has_unpublished_changes = True
            if item.status == "future":
                page.go_live_at = date
            elif item.status == "private":
                self.report.warn(describe(item), "private post imported as an unpublished draft")

    def parent_for(self, item, summary, locale, source_page):
        if source_page is not None:
            parent = source_page.get_parent().specific.get_translation_or_none(locale)
            if parent is None:
                raise LookupError(
                    f"the {locale.language_code} edition has no translation of "
                    f"“{source_page.get_parent().title}” to put it under"
                )
            return self.cached_parent(parent)
        if item.post_type == "page":
            parent_summary = self.items.get(summary.parent)
            if parent_summary is not None and parent_summary.post_type == "page":
                parent = self.mapped(Kind.PAGE, summary.parent)
                if parent is None:
                    raise LookupError(f"its parent page {summary.parent} was not imported")
                if parent.locale_id != locale.pk:
                    parent = parent.specific.get_translation_or_none(locale) or parent
                return self.cached_parent(parent)
            return self.cached_parent(self.home_for(locale))
        key = ("articles", locale.pk)
        if key not in self.parents:
            home = self.home_for(locale)
            index = ArticleIndexPage.objects.child_of(home).filter(alias_of__isnull=True).first()
            if index is None:
                raise LookupError(f"the {locale.language_code} edition has no Articles page")
            self.parents[key] = index
        return self.parents[key]

    def cached_parent(self, page):
        return self.parents.setdefault(("page", page.pk), page)

    def home_for(self, locale):
        home = self.english_home.get_translation_or_none(locale)
        if home is None:
            raise LookupError(f"the {locale.language_code} edition has no home page")
        return home

    def sibling_slugs(self, parent):
        key = ("slugs", parent.pk)
        if key not in self.parents:
            self.parents[key] = set(parent.get_children().values_list("slug", flat=True))
        return self.parents[key]

    def unique_slug(self, item, parent):
        base = slugify(item.slug) or slugify(wp_html.plain_text(item.title))
        base = (base or f"{item.post_type}-{item.post_id}")[:200]
        taken = self.sibling_slugs(parent)
        slug = base
        if slug in taken:
            slug = f"{base}-{item.post_id}"
        return slug

    # --- categories and authors -------------------------------------------------------

    def primary_category(self, item):
        """The most specific of the post's categories (a child before its parent)."""

        def depth(slug, seen=()):
            term = self.terms.get(("category", slug))
            if term is None or not term.parent_slug or slug in seen:
                return 0
            return 1 + depth(term.parent_slug, (*seen, slug))

        categories = item.categories
        if not categories:
            return None
        return max(categories, key=lambda c: depth(c[0]))

    def category_for(self, item, locale, source_page):
        primary = self.primary_category(item) or ("uncategorized", "Uncategorized")
        slug, name = primary
        return self.category_for_term(slug, name, locale, source_page)

    def category_for_term(self, slug, name, locale, source_page=None):
        term = self.terms.get(("category", slug))
        # A category missing from the export's term list gets a stable negative id.
        term_id = term.term_id if term else -int(hashlib.sha1(slug.encode()).hexdigest()[:8], 16)
        language = locale.language_code
        found = self.mapped(Kind.CATEGORY, term_id, language)
        if found is not None:
            if found.name != name and name:
                found.name = name[:255]
                found.save()
            return found
        english = None
        english_id = self.term_translations.get(term_id, {}).get(self.source_language)
        if language != self.source_language and english_id and english_id != term_id:
            # Polylang says which English category this one translates, whichever post
            # came first: that one (created now if no English post has used it yet).
            english_term = self.categories_by_id.get(english_id)
            if english_term is not None:
                english = self.category_for_term(
                    english_term.slug, english_term.name, self.locales[self.source_language]
                )
        if english is None and source_page is not None and source_page.category_id:
            english = source_page.category
        if english is None and language != self.source_language:
            english = self.mapped(Kind.CATEGORY, term_id, self.source_language)
        if english is not None:
            category = english.get_translation_or_none(locale)
            if category is None:
                category = english.copy_for_translation(locale)
                category.name = name[:255] or english.name
                category.save()
        else:
            category_slug = slugify(slug) or slugify(name) or f"category-{term_id}"
            category = Category.objects.filter(locale=locale, slug=category_slug[:255]).first()
            if category is None:
                category = Category.objects.create(
                    locale=locale,
                    name=name[:255] or slug,
                    slug=category_slug[:255],
                    description=term.description if term else "",
                )
                self.report.count("category", language, "created")
        self.remember(Kind.CATEGORY, term_id, language, "category", category)
        return category

    def author_for(self, item, locale, source_page):
        wp_author = self.authors.get(item.creator)
        if wp_author is None:
            if item.creator and source_page is None:
                self.report.warn(
                    describe(item),
                    f"no byline: {item.creator!r} is not one of the export's authors",
                )
            return (
                source_page.author.get_translation_or_none(locale)
                if source_page and source_page.author
                else None
            )
        language = locale.language_code
        author_key = self.author_keys[wp_author.login]
        found = self.mapped(Kind.AUTHOR, author_key, language)
        if found is not None:
            return found
        english = self.mapped(Kind.AUTHOR, author_key, self.source_language)
        if english is None and source_page is not None and source_page.author_id:
            english = source_page.author
        if english is None:
            # First met in another edition: the author is one person, so that edition's
            # snippet and this one are translations of each other, whatever the order.
            english = next(
                (
                    other
                    for code in self.locales
                    if code != language
                    and (other := self.mapped(Kind.AUTHOR, author_key, code)) is not None
                ),
                None,
            )
        if english is not None and english.locale_id != locale.pk:
            author = english.get_translation_or_none(locale)
            if author is None:
                author = english.copy_for_translation(locale)
                author.save()
        else:
            author = Author.objects.create(locale=locale, name=wp_author.display_name[:255])
            self.report.count("author", language, "created")
        self.remember(Kind.AUTHOR, author_key, language, "author", author)
        return author

    # --- after every post ----------------------------------------------------------

    def retry_unresolved_links(self):
        """Posts that linked to posts further down the file: convert them again now that
        every post has been imported."""
        if not self.retry_links:
            return
        ids = set(self.retry_links)
        self.retry_links.clear()
        for item in self.in_batches(self.reader.items({"post", "page"}, ids=ids)):
            summary = self.items[item.post_id]
            kind = "article" if item.post_type == "post" else "page"
            page = self.mapped(Kind.POST if kind == "article" else Kind.PAGE, item.post_id)
            if page is None:
                continue
            page = page.specific
            conversion = wp_html.convert(item.content, Resolver(self))
            with transaction.atomic():
                page.body = conversion.blocks
                page.save(update_fields=["body"], clean=False)
                revision = self.save_as_revision(page)
                self.remember(
                    Kind.POST if kind == "article" else Kind.PAGE,
                    item.post_id,
                    "",
                    "article" if kind == "article" else "standard",
                    page,
                    "" if conversion.unresolved else item.checksum(),
                    revision,
                )
            del summary

    def feature_sticky_posts(self):
        """Sticky posts go first among the featured articles of their own edition's home
        page (an English post on the English home, a Persian one on the Persian home),
        before the editors' picks, which are kept. The home page gets a new revision,
        published unless an editor has unpublished changes on it (then it is a draft
        including theirs, for them to publish)."""
        by_home = defaultdict(list)
        for summary in self.items.values():
            if summary.post_type != "post" or not summary.is_sticky:
                continue
            page = self.mapped(Kind.POST, summary.post_id)
            if page is None:
                continue
            try:
                home = self.home_for(page.locale)
            except LookupError as error:
                self.report.warn(describe(summary), f"sticky post not featured: {error}")
                continue
            by_home[home.pk].append(page)
        for home_pk, pages in by_home.items():
            home = HomePage.objects.get(pk=home_pk)
            draft = home.has_unpublished_changes
            if draft:
                home = home.get_latest_revision_as_object()
            links = list(home.featured_article_links.all())
            chosen = set(
                ArticlePage.objects.filter(pk__in=[link.article_id for link in links]).values_list(
                    "translation_key", flat=True
                )
            )
            new = []
            for page in pages:
                if page.translation_key not in chosen:
                    new.append(HomePageFeaturedArticle(article_id=page.pk))
                    chosen.add(page.translation_key)
            if not new:
                continue
            for order, link in enumerate(new + links):
                link.sort_order = order
            home.featured_article_links = new + links
            revision = home.save_revision(clean=False)
            if not draft:
                revision.publish()
            outcome = "drafted" if draft else "created"
            self.report.counts[("featured", home.locale.language_code, outcome)] += len(new)

    # --- redirects ------------------------------------------------------------------

    def import_redirects(self):
        """Old addresses → Wagtail redirects, one row per address the export names: posts'
        and pages' permalinks, ``?p=``/``?page_id=``/``?attachment_id=``, uploads,
        category and tag archives, month and year archives, the main and category feeds and
        author archives, at the site root and under the old site's subdirectory (a
        WordPress installed at ``example.org/wordpress/site`` has ``/wordpress/site/?p=1``).

        Addresses WordPress derives from these without end are not rows but patterns that
        ``importer.middleware.WordPressPatternRedirectMiddleware`` resolves against these
        rows on a 404: day archives and paginated posts and archives (``/2011/12/29/``,
        ``/slug/2/``, ``…/page/2/``), resized copies of uploads (``photo-300x200.jpg``)
        and comment feeds (``/slug/feed/``). A row for every day, every page number and
        every size WordPress ever generated would be thousands of rows nobody can review in
        Settings → Redirects, and would miss the sizes a theme added later.
        """
        wanted = {}  # old path → (page id or None, link or None, edition)
        for summary in self.items.values():
            for old_path, target in self.old_addresses(summary):
                wanted.setdefault(Redirect.normalise_path(old_path), target)
        for old_path, target in self.home_addresses():
            wanted.setdefault(Redirect.normalise_path(old_path), target)
        for path, target in [*self.archive_addresses(), *self.author_addresses()]:
            for old_path in self.under_base(path):
                wanted.setdefault(Redirect.normalise_path(old_path), target)
        existing = {r.old_path: r for r in Redirect.objects.filter(site=self.site)}
        new, changed = [], []
        for old_path, (page_id, link, edition) in wanted.items():
            if len(old_path) > 255 or old_path == "/":
                continue
            redirect = existing.get(old_path)
            if redirect is None:
                new.append(
                    Redirect(
                        old_path=old_path,
                        site=self.site,
                        redirect_page_id=page_id,
                        redirect_link=link or "",
                        is_permanent=True,
                    )
                )
                self.report.count("redirect", edition, "created")
            elif (redirect.redirect_page_id, redirect.redirect_link or "") != (page_id, link or ""):
                redirect.redirect_page_id, redirect.redirect_link = page_id, link or ""
                redirect.is_permanent = True
                changed.append(redirect)
                self.report.count("redirect", edition, "updated")
            else:
                self.report.count("redirect", edition, "unchanged")
        Redirect.objects.bulk_create(new, batch_size=500)
        Redirect.objects.bulk_update(
            changed, ["redirect_page", "redirect_link", "is_permanent"], batch_size=500
        )

    def old_addresses(self, summary):
        language = self.language_of(summary)
        if summary.post_type in ("post", "page"):
            page_id = self.page_id(summary.post_id)
            if page_id is None:
                return
            target = (page_id, None, language)
            if summary.link:
                yield url_path(summary.link), target
            for old_path in self.under_base(f"/?p={summary.post_id}"):
                yield old_path, target
            if summary.post_type == "page":
                for old_path in self.under_base(f"/?page_id={summary.post_id}"):
                    yield old_path, target
        elif summary.post_type == "attachment":
            target_info = self.mapping.get((Kind.ATTACHMENT, summary.post_id, ""))
            parent_page = self.page_id(summary.parent) if summary.parent else None
            file_url = None
            if target_info:
                label, object_id = target_info
                if label == "image":
                    file_url = self.image_url(object_id)
                else:
                    document = get_document_model().objects.filter(pk=object_id).first()
                    file_url = document.url if document else None
            page_target = (parent_page, None, language) if parent_page else None
            file_target = (None, file_url, "-") if file_url else None
            attachment_target = page_target or file_target
            if attachment_target:
                if summary.link:
                    yield url_path(summary.link), attachment_target
                for old_path in self.under_base(f"/?attachment_id={summary.post_id}"):
                    yield old_path, attachment_target
            if file_target and summary.attachment_url:
                yield url_path(summary.attachment_url), file_target

    def under_base(self, path):
        """A root-relative old address, and the same under the old site's subdirectory."""
        yield path
        base = urlsplit(self.source).path.rstrip("/")
        if base:
            yield base + path

    def index_urls(self):
        """Each live edition's Articles page address, by language code."""
        index_urls = {}
        for code, locale in self.locales.items():
            home = self.english_home.get_translation_or_none(locale)
            index = (
                ArticleIndexPage.objects.child_of(home).filter(alias_of__isnull=True).first()
                if home
                else None
            )
            if index is not None and index.live:
                index_urls[code] = index.get_url(None)
        return index_urls

    def archive_addresses(self):
        """Category, tag and date archives and feeds of the old site → the same archives
        and feeds here, in the edition whose posts used them (Polylang and WPML put other
        languages' archives under /<language>/)."""
        index_urls = self.index_urls()
        tag_names = {
            t.slug: t.name for t in self.reader.terms if t.taxonomy in ("category", "post_tag")
        }
        tag_slugs = dict(
            Tag.objects.filter(name__in=tag_names.values()).values_list("name", "slug")
        )

        def tag_link(base, slug):
            tag_slug = tag_slugs.get(tag_names.get(slug, slug))
            return f"{base}tag/{tag_slug}/" if tag_slug else None

        used = defaultdict(Counter)
        months = set()
        for summary in self.items.values():
            if summary.post_type != "post" or self.page_id(summary.post_id) is None:
                continue
            language = self.language_of(summary)
            for slug in summary.categories:
                used[("category", slug)][language] += 1
            for slug in summary.tags:
                used[("post_tag", slug)][language] += 1
            if summary.year_month:
                months.add((language, *summary.year_month))

        def prefixed(language, path):
            return path if language == self.source_language else f"/{language}{path}"

        for (taxonomy, slug), languages in used.items():
            term = self.terms.get((taxonomy, slug))
            for language, _count in languages.most_common():
                base = index_urls.get(language)
                if base is None:
                    continue
                if taxonomy == "category":
                    category = self.mapped(Kind.CATEGORY, term.term_id, language) if term else None
                    if category is not None:
                        link = f"{base}category/{category.slug}/"
                    else:  # only ever a secondary category: a tag here
                        link = tag_link(base, slug)
                    nested = self.category_path(slug)
                    paths = [f"/category/{nested}/", f"/category/{slug}/"]
                    if term:
                        paths.append(f"/?cat={term.term_id}")
                    if category is not None:
                        yield from self.category_feeds(
                            prefixed, language, nested, slug, f"{base}category/{category.slug}/"
                        )
                else:
                    link = tag_link(base, slug)
                    paths = [f"/tag/{slug}/", f"/?tag={slug}"]
                if link is None:
                    continue
                for path in paths:
                    yield prefixed(language, path), (None, link, language)
                    yield path, (None, link, language)  # the first (most used) edition wins
        for language, year, month in sorted(months):
            base = index_urls.get(language)
            if base:
                yield (
                    prefixed(language, f"/{year}/{month:02d}/"),
                    (
                        None,
                        f"{base}{year}/{month}/",
                        language,
                    ),
                )
                yield prefixed(language, f"/{year}/"), (None, f"{base}{year}/", language)
        # The main feeds, per edition (the source language's at the root).
        for language in sorted({language for language, _year, _month in months}):
            base = index_urls.get(language)
            if base:
                for form in ("/feed/", "/feed/rss2/", "/feed/rss/", "/feed/rdf/", "/feed/atom/"):
                    feed = f"{base}feed/" + ("atom/" if "atom" in form else "")
                    yield prefixed(language, form), (None, feed, language)

    def home_addresses(self):
        """A subdirectory install's home pages (``/wordpress/site/``,
        ``/wordpress/site/fa/``) → the edition's home (``/`` and ``/fa/`` are this site's
        own)."""
        base = urlsplit(self.source).path.rstrip("/")
        if not base:
            return
        for code, locale in sorted(self.locales.items()):
            home = self.english_home.get_translation_or_none(locale)
            if home is not None and home.live:
                path = "/" if code == self.source_language else f"/{code}/"
                yield base + path, (home.pk, None, code)

    def author_addresses(self):
        """``/author/<login>/``: this site has no author pages, so a search for the
        author's name in the edition (the search indexes articles' authors) answers it,
        in the edition the author was imported into, the source language's first."""
        index_urls = self.index_urls()
        languages = sorted(index_urls, key=lambda code: code != self.source_language)
        for login in self.authors:
            key = self.author_keys.get(login)
            for language in languages:
                author = self.mapped(Kind.AUTHOR, key, language)
                if author is None:
                    continue
                with translation.override(language):
                    search = reverse("search")
                link = f"{search}?{urlencode({'q': author.name})}"
                path = f"/author/{quote(login)}/"
                if language != self.source_language:
                    yield f"/{language}{path}", (None, link, language)
                yield path, (None, link, language)  # the first edition wins

    @staticmethod
    def category_feeds(prefixed, language, nested, slug, archive):
        """A category's old feeds (RSS 2, its ``rss2`` and Atom forms) → its feeds here."""
        for path in (f"/category/{nested}/feed/", f"/category/{slug}/feed/"):
            for form, feed in (
                (path, f"{archive}feed/"),
                (f"{path}rss2/", f"{archive}feed/"),
                (f"{path}atom/", f"{archive}feed/atom/"),
            ):
                yield prefixed(language, form), (None, feed, language)
                yield form, (None, feed, language)

    def category_path(self, slug):
        chain, seen = [slug], {slug}
        term = self.terms.get(("category", slug))
        while term is not None and term.parent_slug and term.parent_slug not in seen:
            chain.insert(0, term.parent_slug)
            seen.add(term.parent_slug)
            term = self.terms.get(("category", term.parent_slug))
        return "/".join(chain)

    # --- search ---------------------------------------------------------------------

    def update_search_index(self):
        by_label = defaultdict(set)
        for label, object_id in self.mapping.values():
            if label:
                by_label[label].add(object_id)
        for label, ids in by_label.items():
            model = self.target_models()[label]
            if not issubclass(model, index.Indexed):  # comments
                continue
            ids = sorted(ids)
            for start in range(0, len(ids), 500):
                objects = list(model.get_indexed_objects().filter(pk__in=ids[start : start + 500]))
                for backend in get_search_backends():
                    backend.add_bulk(model, objects)
