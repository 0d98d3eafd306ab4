from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.query import PageQuerySet


def public_pages(queryset):
    """``queryset`` without pages in a private section (under a page view restriction).

    Wagtail's ``PageQuerySet.public()`` first loads every restriction (one query) and then
    filters on their paths; here the restrictions are a NOT EXISTS subquery of the same
    query, so listing public pages costs one query, not two, wherever it is done.
    """
    from wagtail.models import PageViewRestriction

    restricted_ancestor = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return queryset.filter(~Exists(restricted_ancestor))


class EditionPageQuerySet(PageQuerySet):
    def public(self):
        return public_pages(self)

    def in_edition(self, locale):
        """Pages a visitor of one edition may see.

        Alias pages (English content copied into another tree by "sync from") are never
        shown as if they were translations.
        """
        return self.live().public().filter(locale=locale, alias_of__isnull=True)
