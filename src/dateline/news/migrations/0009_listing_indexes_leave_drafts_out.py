"""An author's and a tag's listing indexes (news/0007) hold only published stories' rows.

A draft's byline or tag row has no publication time. PostgreSQL sorts that last in the
index and so first in a newest-first walk: an author with thousands of imported drafts
had every one of them read, and its story looked up, before page 1's first live story
(75 ms at 100,000 stories, against 18 at 1,000). Listings ask for a publication time
(`news.selectors.article_cards`), which a partial index answers without a draft in it.
"""

from django.db import migrations, models

PUBLISHED = models.Q(published_at__isnull=False)


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0008_page_type_title_index"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="articleauthor", name="news_author_listing_idx"),
        migrations.RemoveIndex(model_name="articletag", name="news_tag_listing_idx"),
        migrations.AddIndex(
            model_name="articleauthor",
            index=models.Index(
                fields=["author", "published_at", "article"],
                name="news_author_listing_idx",
                condition=PUBLISHED,
            ),
        ),
        migrations.AddIndex(
            model_name="articletag",
            index=models.Index(
                fields=["tag", "published_at", "content_object"],
                name="news_tag_listing_idx",
                condition=PUBLISHED,
            ),
        ),
    ]
