"""Precise purging of the page cache, and of a CDN when one is configured.

When content changes, the tags it feeds (see ``home.page_cache``) get a new version, which
makes every cache entry built from them stale, whatever its query string (``?page=3``, a
search). Only the editions affected are touched; the cache is never cleared.

* A page published, unpublished, moved or deleted (or created live in code): its own
  address and its translations' (their language switchers and hreflang links point at
  it), its ancestors in its edition (the listings, archives and feeds that show it, the
  edition's home, search and the sitemap), the edition's menu when the page is in the
  first two levels, and the "Recent posts" sidebar when an article enters or leaves it.
* A category or author changed: the articles that show it, and their listings.
* A comment approved, rejected or deleted: its article and the listings' comment counts.
* The site identity, social links or site settings: the header and footer of the editions
  concerned.

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
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import cache_tags
from .page_cache import IMAGES_TAG, chrome_tag, edition_codes, page_tag, public_path, recent_tag

logger = logging.getLogger(__name__)

# The edition's home (depth 2) and the two menu levels under it (see navigation_tags).
MENU_MAX_DEPTH = 4
RECENT_IDS_KEY = "pagecache:recent-ids:"
MENU_IDS_KEY = "pagecache:menu-ids:"


def language_codes():
    """{locale id: language code}: one small query, as purges are rare."""
    return dict(Locale.objects.values_list("pk", "language_code"))


class Purge:
    """The tags and addresses one change makes stale; ``commit()`` applies them."""

    def __init__(self):
        self.tags = set()
        self.paths = set()
        self._codes = None

    def code(self, locale_id):
        if self._codes is None:
            self._codes = language_codes()
        return self._codes.get(locale_id)

    def address(self, path):
        self.tags.add(page_tag(path))
        self.paths.add(path)

    def chrome(self, edition):
        self.tags.add(chrome_tag(edition))

    def page(self, page, url_path=None, translations=True):
        """`page` changed (at `url_path`, its address before a move, if given)."""
        edition = self.code(page.locale_id)
        url_path = url_path or page.url_path
        if edition is None or page.depth < 2:
            return
        own = public_path(url_path, edition)
        # The page itself and everything above it in its edition (listings, home).
        for prefix in _prefixes(own):
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
                other_edition = self.code(locale_id)
                if other_edition:
                    self.address(public_path(other_url_path, other_edition))
        self.article_extras(page, own, edition)

    def article_extras(self, page, own, edition):
        """An article also appears in feeds, archives and perhaps "Recent posts"."""
        from news.models import ArticlePage

        if not issubclass(page.specific_class or Page, ArticlePage):
            return
        index_path = own.rsplit("/", 2)[0] + "/"
        self.paths.update({index_path + "feed/", index_path + "feed/atom/"})
        article = ArticlePage.objects.filter(pk=page.pk).select_related("category").first()
        if article is not None:
            if article.category_id:
                category = f"{index_path}category/{article.category.slug}/"
                self.paths.update({category, category + "feed/", category + "feed/atom/"})
            if article.date:
                self.paths.update(
                    {
                        f"{index_path}{article.date.year}/",
                        f"{index_path}{article.date.year}/{article.date.month}/",
                    }
                )
            self.paths.update(
                f"{index_path}tag/{slug}/" for slug in article.tags.values_list("slug", flat=True)
            )
        self.recent_posts(page.pk, page.locale_id, edition)

    def menu(self, page, edition):
        """Bump the edition's chrome when the page is, or was, in its menu (the home and
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
            self.chrome(edition)

    def recent_posts(self, article_id, locale_id, edition):
        """Bump the edition's "Recent posts" tag when the article is, or was, among them."""
        from news.models import ArticlePage
        from news.templatetags.news_tags import RECENT_POSTS_COUNT

        current = list(
            ArticlePage.objects.listed(locale_id).values_list("pk", flat=True)[:RECENT_POSTS_COUNT]
        )
        if _membership_changed(RECENT_IDS_KEY + edition, current, article_id):
            self.tags.add(recent_tag(edition))

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


def _prefixes(path):
    parts = [part for part in path.split("/") if part]
    return ["/" + "/".join(parts[: depth + 1]) + "/" for depth in range(len(parts))]


def bump(tags):
    """Give `tags` new versions: every entry built from them is stale from now on."""
    if not tags:
        return
    try:
        cache_tags.bump(tags)
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
        edition = purge.code(instance.locale_id)
        for url_path in instance.get_descendants().values_list("url_path", flat=True):
            old = url_path_before + url_path[len(url_path_after) :]
            purge.address(public_path(old, edition))
        purge.page(instance, url_path=url_path_before, translations=False)
    purge.page(instance)
    purge.commit()


# Snippets and settings


def articles_changed(articles):
    """Listed articles whose byline, category or comments changed: them and their
    listings (no translations: those show their own snippets and comments)."""
    purge = Purge()
    for article in articles.only("pk", "url_path", "locale_id", "depth", "translation_key"):
        edition = purge.code(article.locale_id)
        if edition:
            for prefix in _prefixes(public_path(article.url_path, edition)):
                purge.address(prefix)
    purge.commit()


def byline_changed(sender, instance, created=None, **kwargs):
    """A category or author: articles showing it, in its edition."""
    from news.models import ArticlePage, Author, Category

    field = {Category: "category", Author: "author"}[sender]
    articles_changed(ArticlePage.objects.live().filter(**{field: instance.pk}))
    # The archives of its edition (even with no article in it yet); when a translation
    # appears or goes (created, or deleted: no `created`), the other editions' archives
    # too, whose language switchers offer it.
    purge = Purge()
    locale_ids = {instance.locale_id}
    if created is not False:
        locale_ids |= set(
            sender.objects.filter(translation_key=instance.translation_key).values_list(
                "locale_id", flat=True
            )
        )
    for url_path, locale_id in _article_indexes(locale_ids):
        edition = purge.code(locale_id)
        if edition:
            for prefix in _prefixes(public_path(url_path, edition)):
                purge.address(prefix)
    purge.commit()


def _article_indexes(locale_ids):
    from news.models import ArticleIndexPage

    return ArticleIndexPage.objects.filter(locale_id__in=locale_ids).values_list(
        "url_path", "locale_id"
    )


def restriction_changed(sender, instance, **kwargs):
    """A page made private (or public again): it and the pages below it, at once, so
    readers are not served a cached copy of a page that now needs a password or login."""
    purge = Purge()
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is None:
        return
    purge.page(page)
    for url_path, locale_id in page.get_descendants().values_list("url_path", "locale_id"):
        edition = purge.code(locale_id)
        if edition:
            purge.address(public_path(url_path, edition))
    purge.commit()


def comments_changed(comments):
    from news.models import ArticlePage

    page_ids = {comment.page_id for comment in comments}
    if page_ids:
        articles_changed(ArticlePage.objects.filter(pk__in=page_ids))


def comment_saved(sender, instance, created=False, **kwargs):
    """Readers see approved comments only: a new comment waiting for moderation changes
    nothing; an approval, a rejection (perhaps of an approved one) or a deletion may."""
    from news.models import Comment

    if created and instance.status != Comment.Status.APPROVED:
        return
    comments_changed([instance])


def chrome_changed_for_locale(sender, instance, **kwargs):
    """Site identity or a social link: the header and footer of its edition."""
    purge = Purge()
    edition = purge.code(instance.locale_id)
    if edition:
        purge.chrome(edition)
    purge.commit()


def chrome_changed_everywhere(sender, instance, **kwargs):
    """Site settings (logo, comments switch, listing sizes): every edition's pages."""
    purge = Purge()
    for edition in edition_codes():
        purge.chrome(edition)
    purge.commit()


def image_changed(sender, instance, created=False, raw=False, **kwargs):
    """An image edited (a new file or focal point) or deleted: fragments showing pictures
    are made again (an image just uploaded is shown nowhere yet)."""
    if created or raw:
        return
    bump_now_and_after_commit({IMAGES_TAG})


def connect():
    from wagtail.images import get_image_model

    from news.models import Author, Category, Comment

    from .models import SiteIdentity, SiteSettings, SocialLink

    page_published.connect(page_changed, dispatch_uid="page_cache_published")
    page_unpublished.connect(page_changed, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(page_moved, dispatch_uid="page_cache_moved")
    pre_delete.connect(page_deleted, sender=Page, dispatch_uid="page_cache_deleted")
    post_save.connect(page_created, dispatch_uid="page_cache_created")
    for model in (Category, Author):
        post_save.connect(byline_changed, sender=model, dispatch_uid=f"page_cache_{model.__name__}")
        post_delete.connect(
            byline_changed, sender=model, dispatch_uid=f"page_cache_{model.__name__}_deleted"
        )
    for signal in (post_save, post_delete):
        signal.connect(
            restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"page_cache_restriction_{id(signal)}",
        )
    for signal in (post_save, post_delete):
        signal.connect(
            image_changed, sender=get_image_model(), dispatch_uid=f"page_cache_image_{id(signal)}"
        )
    post_save.connect(comment_saved, sender=Comment, dispatch_uid="page_cache_comment")
    post_delete.connect(comment_saved, sender=Comment, dispatch_uid="page_cache_comment_deleted")
    for model in (SiteIdentity, SocialLink):
        for signal in (post_save, post_delete):
            signal.connect(
                chrome_changed_for_locale,
                sender=model,
                dispatch_uid=f"page_cache_{model.__name__}_{id(signal)}",
            )
    for signal in (post_save, post_delete):
        signal.connect(
            chrome_changed_everywhere,
            sender=SiteSettings,
            dispatch_uid=f"page_cache_settings_{id(signal)}",
        )
