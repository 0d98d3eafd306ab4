from wagtail.query import PageQuerySet


class EditionPageQuerySet(PageQuerySet):
    def in_edition(self, locale):
        """Pages a visitor of one edition may see.

        Alias pages (English content copied into another tree by "sync from") are never
        shown as if they were translations.
        """
        return self.live().public().filter(locale=locale, alias_of__isnull=True)
