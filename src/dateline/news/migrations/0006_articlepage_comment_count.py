"""The comment counter listings read, filled from the comments; an index for "newest first".

Wagtail indexes no publication date; every listing, feed and archive sitemap orders or
ranges by (first_published_at, id), so that index is added to Wagtail's page table here
(SQL both SQLite and PostgreSQL accept).
"""

from django.db import migrations, models
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce

PUBLISHED_INDEX = "dateline_page_published_idx"


def fill_comment_counts(apps, schema_editor):
    ArticlePage = apps.get_model("news", "ArticlePage")
    Comment = apps.get_model("comments", "Comment")
    approved = (
        Comment.objects.filter(article=OuterRef("pk"), status="approved")
        .order_by()
        .values("article")
        .annotate(count=Count("pk"))
        .values("count")
    )
    ArticlePage.objects.update(
        comment_count=Coalesce(Subquery(approved, output_field=IntegerField()), 0)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0004_image_block_alt_and_original_url"),
        ("comments", "0004_comment_receipt_pending"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="articlepage",
            name="comment_count",
            field=models.PositiveIntegerField(
                default=0,
                editable=False,
                help_text="Approved comments, kept by the comment services for listings "
                "(`dateline comments recount` reconciles it).",
            ),
        ),
        migrations.RunPython(fill_comment_counts, migrations.RunPython.noop),
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {PUBLISHED_INDEX} "
            "ON wagtailcore_page (first_published_at, id)",
            f"DROP INDEX IF EXISTS {PUBLISHED_INDEX}",
        ),
    ]
