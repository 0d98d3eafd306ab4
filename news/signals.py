"""What a change to a category, an author or a comment purges from the page cache.

Articles show their category, author and approved comments, and the archives list the
categories: these are not pages, so publishing does not purge them (``caching.purge``).
"""

from django.db.models.signals import post_delete, post_save

from caching.purge import Purge, pages_changed
from caching.tags import path_prefixes, public_path
from news.models import ArticleIndexPage, ArticlePage, Author, Category, Comment


def byline_changed(sender, instance, created=None, **kwargs):
    """A category or author: the articles showing it, in its edition, and its edition's
    archives (even with no article in them yet); when a translation appears or goes
    (created, or deleted: no ``created``), the other editions' archives too, whose
    language switchers offer it."""
    field = {Category: "category", Author: "author"}[sender]
    pages_changed(ArticlePage.objects.live().filter(**{field: instance.pk}))
    purge = Purge()
    locale_ids = {instance.locale_id}
    if created is not False:
        locale_ids |= set(
            sender.objects.filter(translation_key=instance.translation_key).values_list(
                "locale_id", flat=True
            )
        )
    indexes = ArticleIndexPage.objects.filter(locale_id__in=locale_ids)
    for url_path, locale_id in indexes.values_list("url_path", "locale_id"):
        edition = purge.edition_of(locale_id)
        if edition:
            for prefix in path_prefixes(public_path(url_path, edition)):
                purge.address(prefix)
    purge.commit()


def comments_changed(comments):
    """Comments approved, rejected or deleted: their articles and the listings' counts."""
    page_ids = {comment.page_id for comment in comments}
    if page_ids:
        pages_changed(ArticlePage.objects.filter(pk__in=page_ids))


def comment_saved(sender, instance, created=False, **kwargs):
    """Readers see approved comments only: a new comment waiting for moderation changes
    nothing; an approval, a rejection (perhaps of an approved one) or a deletion may."""
    if created and instance.status != Comment.Status.APPROVED:
        return
    comments_changed([instance])


def connect():
    for model in (Category, Author):
        post_save.connect(byline_changed, sender=model, dispatch_uid=f"news_{model.__name__}")
        post_delete.connect(
            byline_changed, sender=model, dispatch_uid=f"news_{model.__name__}_deleted"
        )
    post_save.connect(comment_saved, sender=Comment, dispatch_uid="news_comment")
    post_delete.connect(comment_saved, sender=Comment, dispatch_uid="news_comment_deleted")
