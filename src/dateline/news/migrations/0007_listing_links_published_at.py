"""An author's and a tag's listing in index order: the story's first publication copied
onto its byline and tag rows (kept by ArticlePage.save), indexed after the author or tag,
so "newest first" and a cursor are a range read, not a sort of every story they have."""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def copy_publication_dates(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    for model, story in (("ArticleAuthor", "article"), ("ArticleTag", "content_object")):
        published = Page.objects.filter(pk=OuterRef(f"{story}_id")).values("first_published_at")
        apps.get_model("news", model).objects.update(published_at=Subquery(published[:1]))


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0006_articlepage_comment_count"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.AddField(
            model_name="articleauthor",
            name="published_at",
            field=models.DateTimeField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="articletag",
            name="published_at",
            field=models.DateTimeField(editable=False, null=True),
        ),
        migrations.RunPython(copy_publication_dates, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="articleauthor",
            index=models.Index(
                fields=["author", "published_at", "article"], name="news_author_listing_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="articletag",
            index=models.Index(
                fields=["tag", "published_at", "content_object"], name="news_tag_listing_idx"
            ),
        ),
    ]
