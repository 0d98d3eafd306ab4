"""Precise purging of the page cache, and of a CDN when one is configured.

When content changes, the tags it feeds (see ``caching.tags``) get a new version, which
makes every cache entry built from them stale, whatever its query string (``?page=3``, a
search). Only the editions affected are touched; the cache is never cleared.

* A page published, unpublished, moved or deleted (or created live in code): its own
  address and its translations' (their language switchers and hreflang links point at
  it), its ancestors in its edition (the listings, archives and feeds that show it, the
  edition's home, search and the sitemap), the edition's menu when the page is in the
  first two levels, and the "Recent posts" sidebar when an article enters or leaves it.
* Whatever else shows the page, which only its type knows: each page type says in its
  ``purge_also`` method (an article: its feeds, archives and the "Recent posts" sidebar).
* Snippets and settings shown on pages (categories, authors, comments, the site identity):
  the apps that own them connect their signals to ``pages_changed`` (news.signals) and
  ``connect_layout`` (core.apps).

Tags are bumped at once and again when the transaction commits, so a page rendered from
the old content in between cannot stay cached. The CDN (``WAGTAILFRONTENDCACHE``) is told
the addresses after the commit: pages, listings, feeds, archives and the sitemap (other
pages of a listing, ``?page=N``, refresh after ``s-maxage``).
"""

import logging
from functools import partial

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from caching import versions
from caching.tags import (
    IMAGES_TAG,
    RESTRICTIONS_TAG,
    ROUTING_TAG,
    edition_codes,
    layout_tag,
    page_tag,
    path_prefixes,
    public_path,
    recent_tag,
)

logger = logging.getLogger(__name__)

# The edition's home (depth 2) and the two menu levels under it (see navigation_tags).
MENU_MAX_DEPTH = 4
LIST_IDS_KEY = "pagecache:list-ids:"
MENU_IDS_KEY = "pagecache:menu-ids:"


def editions_by_locale_id():
    """{locale id: language code}: one small query, as purges are rare."""
    return dict(Locale.objects.values_list("pk", "language_code"))


class Purge:
    """The tags and addresses one change makes stale; ``commit()`` applies them."""

    def __init__(self):
        self.tags = set()
        self.paths = set()
        self._editions = None

    def edition_of(self, locale_id):
        """The edition (language code) of a locale id."""
        if self._editions is None:
            self._editions = editions_by_locale_id()
        return self._editions.get(locale_id)

    def address(self, path):
        self.tags.add(page_tag(path))
        self.paths.add(path)

    def layout(self, edition):
        self.tags.add(layout_tag(edition))

    def page(self, page, url_path=None, translations=True):
        """`page` changed (at `url_path`, its address before a move, if given)."""
        edition = self.edition_of(page.locale_id)
        url_path = url_path or page.url_path
        if edition is None or page.depth < 2:
            return
        own = public_path(url_path, edition)
        # The page itself and everything above it in its edition (listings, home).
        for prefix in path_prefixes(own):
            self.address(prefix)
        self.paths.add("/sitemap.xml")
        if page.depth <= MENU_MAX_DEPTH:
            self.menu(page, edition)
        if translations:
            others = (
                Page.objects.live()
                .filter(translation_key=page.translation_key)
                .exclude(pk=page.pk)
                .values_list("url_path", "locale_id")
            )
            for other_url_path, locale_id in others:
                other_edition = self.edition_of(locale_id)
                if other_edition:
                    self.address(public_path(other_url_path, other_edition))
        # What else shows the page, which only its type knows (SitePage.purge_also).
        if hasattr(page.specific_class, "purge_also"):
            page.specific.purge_also(self, own)

    def menu(self, page, edition):
        """Bump the edition's layout when the page is, or was, in its menu (the home and
        the two levels below it that are shown in menus)."""
        current = list(
            Page.objects.live()
            .public()
            .in_menu()
            .filter(locale_id=page.locale_id, depth__in=(3, MENU_MAX_DEPTH))
            .order_by("path")
            .values_list("pk", flat=True)
        )
        if page.depth < 3 or _membership_changed(MENU_IDS_KEY + edition, current, page.pk):
            self.layout(edition)

    def list_changed(self, name, current_ids, page_id, tag):
        """Bump ``tag`` when a list shown on many pages (named ``name``; ``current_ids``
        now) may have changed with ``page_id``: it is in the list now, or the list changed
        since the last purge."""
        if _membership_changed(LIST_IDS_KEY + name, current_ids, page_id):
            self.tags.add(tag)

    def commit(self):
        if not self.tags and not self.paths:
            return
        bump(self.tags)
        tags, paths = set(self.tags), set(self.paths)
        transaction.on_commit(partial(_after_commit, tags, paths))


def _membership_changed(key, current, page_id):
    """Whether a list shown on many pages (the menu, "Recent posts") may have changed with
    `page_id`: it is in the list now, or the list (remembered in the cache) changed."""
    try:
        previous = cache.get(key)
        cache.set(key, current, None)
    except Exception:
        previous = None
    return previous is None or previous != current or page_id in current


def bump(tags):
    """Give `tags` new versions: every entry built from them is stale from now on."""
    if not tags:
        return
    try:
        versions.bump(tags)
    except Exception:  # the entries expire anyway; a cache outage must not stop editors
        logger.warning("Page cache purge failed", exc_info=True)


def bump_now_and_after_commit(tags):
    """Bump now, and again once the change is committed: a request in between may have
    kept what it read before the commit."""
    bump(tags)
    transaction.on_commit(partial(bump, set(tags)))


def _after_commit(tags, paths):
    bump(tags)
    purge_frontend_cache(paths)


def purge_frontend_cache(paths):
    """Tell the CDN (``WAGTAILFRONTENDCACHE``, when configured) which addresses changed."""
    if not paths or not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return
    try:
        PurgeBatch(site.root_url + path for path in sorted(paths)).purge()
    except Exception:
        logger.warning("Frontend cache purge failed", exc_info=True)


# Pages


def page_changed(instance, **kwargs):
    purge = Purge()
    purge.page(instance)
    purge.commit()


def page_created(sender, instance, created, raw=False, **kwargs):
    """A live page added in code (importer, demo loader) without a publish signal."""
    if created and not raw and isinstance(instance, Page) and instance.live:
        page_changed(instance)


def page_deleted(sender, instance, **kwargs):
    if instance.live:
        page_changed(instance)


def page_moved(instance, url_path_before, url_path_after, **kwargs):
    purge = Purge()
    if url_path_before != url_path_after:
        # Every address under the old one is gone: the page's and its descendants'.
        edition = purge.edition_of(instance.locale_id)
        for url_path in instance.get_descendants().values_list("url_path", flat=True):
            old = url_path_before + url_path[len(url_path_after) :]
            purge.address(public_path(old, edition))
        purge.page(instance, url_path=url_path_before, translations=False)
    purge.page(instance)
    purge.commit()


# Snippets and settings shown on pages: connected by the apps that own them.


def pages_changed(pages):
    """Pages whose own content did not change but something they show did (a byline,
    a category, their comments): them and their listings, without their translations,
    which show their own."""
    purge = Purge()
    for page in pages.only("pk", "url_path", "locale_id", "depth", "translation_key"):
        edition = purge.edition_of(page.locale_id)
        if edition:
            for prefix in path_prefixes(public_path(page.url_path, edition)):
                purge.address(prefix)
    purge.commit()


def page_addresses():
    """(url_path, locale id) of every page: what ``everything_changed`` needs to know of
    the pages a database held before it was replaced."""
    return list(Page.objects.filter(depth__gte=2).values_list("url_path", "locale_id"))


def everything_changed(addresses_before=()):
    """The whole database was replaced (a backup restored): every tag that anything
    cached was built from, in every edition, for the pages there are now and those there
    were (``addresses_before``, from ``page_addresses()``); the CDN is told every address.

    Bumping, not clearing: the cache may be shared with sessions, and other workers drop
    their copies when the bumps are announced."""
    purge = Purge()
    for url_path, locale_id in [*addresses_before, *page_addresses()]:
        edition = purge.edition_of(locale_id)
        if edition:
            purge.address(public_path(url_path, edition))
    for edition in edition_codes():
        purge.address(f"/{edition}/")
        purge.layout(edition)
        purge.tags.add(recent_tag(edition))
    purge.tags.update({IMAGES_TAG, ROUTING_TAG, RESTRICTIONS_TAG})
    purge.paths.add("/sitemap.xml")
    purge.commit()
    return purge


def restriction_changed(sender, instance, **kwargs):
    """A page made private (or public again): it and the pages below it, at once, so
    readers are not served a cached copy of a page that now needs a password or login."""
    purge = Purge()
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is None:
        return
    purge.page(page)
    for url_path, locale_id in page.get_descendants().values_list("url_path", "locale_id"):
        edition = purge.edition_of(locale_id)
        if edition:
            purge.address(public_path(url_path, edition))
    purge.commit()


def layout_changed_in_edition(sender, instance, **kwargs):
    """A translatable object every page of its edition shows (the site identity, a social
    link): the layout of its edition."""
    purge = Purge()
    edition = purge.edition_of(instance.locale_id)
    if edition:
        purge.layout(edition)
    purge.commit()


def layout_changed_everywhere(sender, instance, **kwargs):
    """Something every page of every edition shows (the site settings)."""
    purge = Purge()
    for edition in edition_codes():
        purge.layout(edition)
    purge.commit()


def image_changed(sender, instance, created=False, raw=False, **kwargs):
    """An image edited (a new file or focal point) or deleted: fragments showing pictures
    are made again (an image just uploaded is shown nowhere yet)."""
    if created or raw:
        return
    bump_now_and_after_commit({IMAGES_TAG})


def connect():
    """Every page type and every image, without naming one (as
    ``wagtail.contrib.frontend_cache`` does)."""
    page_published.connect(page_changed, dispatch_uid="page_cache_published")
    page_unpublished.connect(page_changed, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(page_moved, dispatch_uid="page_cache_moved")
    pre_delete.connect(page_deleted, sender=Page, dispatch_uid="page_cache_deleted")
    post_save.connect(page_created, dispatch_uid="page_cache_created")
    for signal in (post_save, post_delete):
        signal.connect(
            restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"page_cache_restriction_{id(signal)}",
        )
        signal.connect(
            image_changed, sender=get_image_model(), dispatch_uid=f"page_cache_image_{id(signal)}"
        )


def connect_layout(model, every_edition=False):
    """Purge the layout when ``model`` (shown around every page) is saved or deleted: in
    its own edition, or with ``every_edition`` in all of them."""
    handler = layout_changed_everywhere if every_edition else layout_changed_in_edition
    for signal in (post_save, post_delete):
        signal.connect(
            handler, sender=model, dispatch_uid=f"page_cache_layout_{model.__name__}_{id(signal)}"
        )
