"""What the WordPress importer has brought over, so that running it again updates the same
objects instead of creating duplicates."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


class ImportedObject(models.Model):
    """One WordPress object (post, page, attachment, term, author, comment) and what it
    became here.

    A WordPress id is unique within one WordPress site and kind; a term or an author can
    become one object per edition, hence the locale in the key.
    """

    class Kind(models.TextChoices):
        POST = "post", "post"
        PAGE = "page", "page"
        ATTACHMENT = "attachment", "attachment"
        CATEGORY = "category", "category"
        TAG = "tag", "tag"
        AUTHOR = "author", "author"
        COMMENT = "comment", "comment"

    source = models.CharField(max_length=255, help_text="The WordPress site's base address.")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    wp_id = models.BigIntegerField()
    locale = models.CharField(max_length=10, blank=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.BigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    # A digest of the WordPress item as last imported: an unchanged item is skipped. Empty
    # when the item referred to something not imported yet, so the next run retries it.
    checksum = models.CharField(max_length=64, blank=True)
    imported_at = models.DateTimeField(auto_now=True)
    # Posts and pages: the page revision the importer saved last. When the page's latest
    # revision is another one, an editor has changed it since, and a re-import leaves it.
    import_revision = models.BigIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = "imported WordPress object"
        constraints = [
            models.UniqueConstraint(
                fields=["source", "kind", "wp_id", "locale"], name="unique_imported_object"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="imported_target")]

    def __str__(self):
        return f"{self.source} {self.kind} {self.wp_id} ({self.locale or '-'})"
