"""Each edition's findable pages, in a table of their own (PostgreSQL only)."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from wagtail.models import Page


class SearchEntry(models.Model):
    """A page readers' search can find, with its edition (PostgreSQL only).

    Wagtail's search index has no edition, so finding one edition's matches there meant
    joining every page of the edition: at 50,000 articles a search cost three times what
    it did at 1,000. These rows copy the page's weighted text from Wagtail's index
    (``search.backend`` keeps them in step with it) for live, public-type pages only,
    so one query finds, ranks and counts an edition's matches.
    """

    page = models.OneToOneField(Page, primary_key=True, on_delete=models.CASCADE, related_name="+")
    # Indexed with the text, in one GIN index (search/migrations/0001), not on its own: a b-tree
    # the planner might combine with the text's index would read every entry of the edition.
    locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    title = SearchVectorField()
    body = SearchVectorField()
    title_norm = models.FloatField(default=1.0)

    class Meta:
        verbose_name_plural = "search entries"

    def __str__(self):
        return f"Search entry for page {self.page_id}"
