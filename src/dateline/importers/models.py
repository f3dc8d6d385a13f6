"""What an import brought in: one row per imported thing, keyed by where it came from.

The key is (source, kind, wp_id): the exporting site, the kind of thing ("post",
"comment", ...) and its id over there. A second run finds the row and updates the
Dateline object instead of making another one; a run that stopped halfway finds
the rows of everything already done.
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


class ImportedObject(models.Model):
    class Kind(models.TextChoices):
        CATEGORY = "category", "Category"
        TAG = "tag", "Tag"
        AUTHOR = "author", "Author"
        POST = "post", "Post"
        PAGE = "page", "Page"
        ATTACHMENT = "attachment", "Attachment"
        COMMENT = "comment", "Comment"

    source = models.CharField(
        max_length=200, help_text="The exporting site's address, as its export names it."
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    wp_id = models.BigIntegerField("WordPress id")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.BigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    # A digest of the source record: an unchanged record is skipped on the next run.
    fingerprint = models.CharField(max_length=64, blank=True)
    # Authors only. Private: kept for the newsroom, never shown on a public page.
    email = models.EmailField(max_length=254, blank=True)
    imported_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["source", "kind", "wp_id"], name="unique_imported_object"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.source} {self.kind} {self.wp_id}"
