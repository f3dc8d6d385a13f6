"""An index of Wagtail's page table by page type and title.

The authors index, the authors and sections sitemaps and the API's author list read the
pages of one type in title order. Without this index SQLite scanned the whole page table
(every story of the archive) to find a few dozen authors, and sorted them (decision
0021). SQL both SQLite and PostgreSQL accept, as for news/0006's index.
"""

from django.db import migrations

TYPE_TITLE_INDEX = "dateline_page_type_title_idx"


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0007_listing_links_published_at"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {TYPE_TITLE_INDEX} "
            "ON wagtailcore_page (content_type_id, title)",
            f"DROP INDEX IF EXISTS {TYPE_TITLE_INDEX}",
        ),
    ]
