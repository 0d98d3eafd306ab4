"""RSS 2.0 and Atom feeds of an edition's newest articles, whole or by category."""

import mimetypes

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.images.models import SourceImageIOError

from core.templatetags.navigation_tags import get_site_identity

FEED_LENGTH = 20
ENCLOSURE_FILTER = "fill-720x405"  # the "feed" role: prefetched with the feed's articles


class ArticleFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index, request, category=None):
        super().__init__()
        self.index = index
        self.request = request
        self.category = category

    def get_object(self, request, *args, **kwargs):
        return None

    def title(self):
        identity = get_site_identity({"request": self.request, "page": self.index})
        site_name = identity.site_name if identity else self.index.get_site().site_name
        if self.category is not None:
            return f"{self.category.name} – {site_name}"
        return f"{self.index.title} – {site_name}"

    def link(self):
        if self.category is not None:
            return self.request.build_absolute_uri(self.index.category_url(self.category))
        return self.index.get_full_url(self.request)

    def description(self):
        if self.category is not None and self.category.description:
            return self.category.description
        return _("The newest articles from %(title)s.") % {"title": self.title()}

    subtitle = description

    def items(self):
        articles = self.index.articles(renditions="article_feed")
        if self.category is not None:
            articles = articles.filter(category=self.category)
        # Feeds name each article's author and list its tags as categories; listings show
        # neither.
        return articles.select_related("author").prefetch_related("tags")[:FEED_LENGTH]

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.summary

    def item_link(self, article):
        return article.get_full_url(self.request)

    def item_guid(self, article):
        return article.get_full_url(self.request)

    def item_pubdate(self, article):
        return article.date

    def item_updateddate(self, article):
        return article.last_published_at or article.date

    def item_author_name(self, article):
        return article.author.name if article.author else None

    def item_categories(self, article):
        names = [article.category.name] if article.category else []
        return names + [tag.name for tag in article.tags.all()]

    def item_enclosures(self, article):
        if article.hero_image is None:
            return []
        try:
            rendition = article.hero_image.get_rendition(ENCLOSURE_FILTER)
            length = rendition.file.size
        except (SourceImageIOError, OSError):
            return []
        mime_type = mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg"
        return [Enclosure(self.request.build_absolute_uri(rendition.url), str(length), mime_type)]


class AtomArticleFeed(ArticleFeed):
    feed_type = Atom1Feed
