from django.db.models import Exists, OuterRef, Window
from django.db.models.functions import Length, RowNumber, Substr
from wagtail.query import PageQuerySet


def public_pages(queryset, *, restricted_paths=None):
    """``queryset`` without pages in a private section (under a page view restriction).

    Wagtail's ``PageQuerySet.public()`` first loads every restriction (one query) and then
    filters on their paths; here the restrictions are a NOT EXISTS subquery of the same
    query, so listing public pages costs one query, not two, wherever it is done. When the
    tree paths of the restricted pages are known already (``restricted_paths``, kept in
    the cache by core.routing for the page being served), they are excluded directly: on
    most sites there are none, and the query is simpler to build and to run.
    """
    from wagtail.models import PageViewRestriction

    if restricted_paths is not None:
        for path in restricted_paths:
            queryset = queryset.exclude(path__startswith=path)
        return queryset

    restricted_ancestor = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return queryset.filter(~Exists(restricted_ancestor))


class EditionPageQuerySet(PageQuerySet):
    def public(self, *, restricted_paths=None):
        return public_pages(self, restricted_paths=restricted_paths)

    def in_edition(self, locale, *, restricted_paths=None):
        """Pages a visitor of one edition may see (``restricted_paths``: see
        ``public_pages``).

        Alias pages (English content copied into another tree by "sync from") are never
        shown as if they were translations.
        """
        return (
            self.live()
            .public(restricted_paths=restricted_paths)
            .filter(locale=locale, alias_of__isnull=True)
        )


def newest_per_section(items, sections, count, order_by):
    """[(section, its ``count`` newest items)] for the ``sections`` (sibling pages) from
    ``items`` (a listing queryset of their children) in one query, whatever the number of
    sections: the items are ranked within their section by a window function."""
    from wagtail.models import Page

    sections = list(sections)
    if not sections:
        return []
    depth = sections[0].depth
    parent_path = sections[0].path[: -Page.steplen]
    section_path = Substr("path", 1, depth * Page.steplen)
    ranked = (
        items.filter(depth=depth + 1, path__startswith=parent_path)
        .annotate(
            section_path=section_path,
            position=Window(RowNumber(), partition_by=[section_path], order_by=order_by),
        )
        .filter(position__lte=count)
    )
    by_section = {}
    for item in ranked:
        by_section.setdefault(item.section_path, []).append(item)
    return [(section, by_section.get(section.path, [])) for section in sections]
