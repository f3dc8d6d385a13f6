"""Moving a WordPress site: what an editor and a reader find after `import-wordpress`.

The exports are real (newsroom.xml from WordPress 6.1's exporter) or hand-damaged
(broken.xml, malformed.xml); see tests/fixtures/wordpress/.
"""

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django_tasks import default_task_backend
from taggit.models import Tag
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry, Revision

from dateline.comments.models import Comment, ModerationDecision
from dateline.comments.signals import comments_changed
from dateline.importers import services
from dateline.importers.languages import LanguageMap
from dateline.importers.models import ImportedObject
from dateline.importers.services import wordpress_import
from dateline.importers.wxr import WxrError
from dateline.news.models import (
    ArticleAuthor,
    ArticlePage,
    ArticleTag,
    AuthorPage,
    SectionPage,
    StandardPage,
)
from dateline.search.selectors import SearchFilters, article_search
from dateline.search.tasks import index_objects
from tests.news.factories import ArticleFactory

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "wordpress"
NEWSROOM = FIXTURES / "newsroom.xml"
BROKEN = FIXTURES / "broken.xml"
MALFORMED = FIXTURES / "malformed.xml"
UPLOADS = FIXTURES / "uploads"
PRIVATE_EMAILS = [
    "marie.lefevre@news.example.org",
    "kenji.sato@news.example.org",
    "lea.fontaine@example.com",
]


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """This folder's conftest turns the project fixture off for the pure tests; on again."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def imported(home):
    return wordpress_import(source=NEWSROOM, media_dir=UPLOADS)


def article(slug: str) -> ArticlePage:
    return ArticlePage.objects.get(slug=slug)


def written_rows() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "comments": Comment.objects.count(),
        "redirects": Redirect.objects.count(),
        "images": get_image_model().objects.count(),
        "tags": Tag.objects.count(),
        "users": get_user_model().objects.count(),
        "mapping": ImportedObject.objects.count(),
    }


# -- what the editor finds ------------------------------------------------------------


def test_categories_become_sections_and_subsections(imported, home):
    news = SectionPage.objects.child_of(home).get(slug="news")
    world = SectionPage.objects.child_of(news).get(slug="world")
    assert world.title == "World"
    assert set(SectionPage.objects.child_of(world).values_list("title", flat=True)) == {
        "Asia",
        "Europe",
    }
    assert SectionPage.objects.get(slug="economie").title == "Économie"
    assert SectionPage.objects.get(slug="europe").intro == "From Lisbon to Helsinki."
    assert imported.counts["category"].created == 7


def test_articles_are_filed_into_the_page_tree_as_treebeard_would(imported, home):
    # The importer writes tree paths itself (services._add_child), beside existing pages.
    assert all(not problems for problems in Page.find_problems())
    economie = SectionPage.objects.get(slug="economie")
    assert economie.numchild == economie.get_children().count() > 0
    story = article("harbour-strike-ends")
    assert story.url_path == economie.url_path + "harbour-strike-ends/"
    assert story.locale_id == economie.locale_id
    assert story.draft_title == story.title


def test_a_new_articles_revision_holds_what_wagtail_would_serialise(imported):
    # services._serializable_data_of_new serialises the byline and tags from memory.
    story = article("harbour-strike-ends")
    stored = story.latest_revision.content
    fresh = json.loads(json.dumps(story.serializable_data(), cls=DjangoJSONEncoder))
    set_after = {"latest_revision", "live_revision", "latest_revision_created_at"}
    for content in (stored, fresh):
        # The body is JSON text; PostgreSQL's jsonb hands it back with its keys reordered.
        content["body"] = json.loads(content["body"])
    assert {k: v for k, v in stored.items() if k not in set_after} == {
        k: v for k, v in fresh.items() if k not in set_after
    }
    assert stored["authors"] and stored["tagged_items"]


def test_a_published_post_is_a_live_article_in_its_first_category(imported):
    story = article("harbour-strike-ends")
    assert story.live
    assert story.get_parent().slug == "economie"
    assert story.title == "Harbour strike ends after twelve days"
    assert story.standfirst == "Dockers vote to return to work; ferries resume on Friday."
    assert story.first_published_at == datetime(2024, 3, 14, 17, 5, tzinfo=UTC)
    assert story.last_published_at == datetime(2024, 3, 14, 17, 5, tzinfo=UTC)
    assert [author.name for author in story.byline] == ["Marie Lefèvre"]
    assert set(story.tags.values_list("name", flat=True)) == {"Elections", "Ports & shipping"}


def test_the_body_is_blocks_with_the_image_and_its_caption(imported):
    story = article("harbour-strike-ends")
    kinds = [block.block_type for block in story.body]
    assert kinds[:3] == ["paragraph", "paragraph", "subheading"]
    assert {"pull_quote", "image", "embed"} <= set(kinds)
    image_block = next(block for block in story.body if block.block_type == "image")
    assert image_block.value["caption"].startswith("Fishing boats leave the harbour at dawn")
    assert image_block.value["image"].file.name.endswith(".png")
    quote = next(block for block in story.body if block.block_type == "pull_quote")
    assert quote.value["attribution"] == "Hélène Marchand, owner of Le Café du Port"


def test_the_featured_image_is_the_lead_image(imported):
    story = article("harbour-strike-ends")
    assert story.lead_image is not None
    assert get_image_model().objects.count() == 1  # used twice, stored once


def test_a_post_without_excerpt_gets_its_first_sentence_as_standfirst(imported):
    assert article("polls-open-for-the-regional-election").standfirst == (
        "Polling stations open at 8am."
    )


def test_drafts_stay_drafts_and_scheduled_posts_are_scheduled(imported):
    draft = ArticlePage.objects.get(title__startswith="DRAFT: Council budget")
    assert not draft.live
    assert draft.first_published_at is None
    scheduled = article("polls-open-for-the-regional-election")
    assert not scheduled.live
    assert scheduled.go_live_at == datetime(2030, 3, 15, 6, 0, tzinfo=UTC)
    assert scheduled.status_string == "scheduled"


def test_a_scheduled_post_goes_live_when_its_time_comes(home, tmp_path):
    # Exported while the story was scheduled for a time that has passed since.
    overdue = tmp_path / "overdue.xml"
    overdue.write_text(NEWSROOM.read_text().replace("2030-03-15", "2025-03-15"))
    wordpress_import(source=overdue)
    assert not article("polls-open-for-the-regional-election").live
    call_command("publish_scheduled")
    story = article("polls-open-for-the-regional-election")
    assert story.live
    assert story.first_published_at is not None


def test_unicode_titles_and_slugs_survive(imported):
    story = ArticlePage.objects.get(title="東京の夜市、再開へ 🌃")
    assert story.slug == "tokyo-night-market"
    assert story.get_parent().slug == "asia"


def test_pages_are_plain_pages_under_the_home_page_with_their_children(imported, home):
    about = StandardPage.objects.child_of(home).get(slug="about")
    assert about.live
    assert "covered the waterfront since 1887" in str(about.body)
    assert StandardPage.objects.child_of(about).get().title == "Corrections policy"


def test_authors_get_profiles_and_private_inactive_accounts(imported):
    marie = AuthorPage.objects.get(title="Marie Lefèvre")
    assert marie.live
    assert marie.user.email == "marie.lefevre@news.example.org"
    assert not marie.user.is_active
    assert not marie.user.has_usable_password()
    assert AuthorPage.objects.filter(title="佐藤 健二").exists()


# -- comments --------------------------------------------------------------------------


def test_comments_keep_their_threads_dates_and_writers(imported):
    story = article("harbour-strike-ends")
    first = Comment.objects.get(article=story, author_name="Léa Fontaine", parent=None)
    reply = Comment.objects.get(parent=first)
    reply_to_reply = Comment.objects.get(parent=reply)
    deepest = Comment.objects.get(parent=reply_to_reply)
    assert (first.depth, reply.depth, reply_to_reply.depth, deepest.depth) == (0, 1, 2, 3)
    assert deepest.root_id == first.pk
    assert first.author_email == "lea.fontaine@example.com"
    assert first.created_at.year == 2024
    assert "<" not in first.text


def test_a_staff_reply_is_linked_to_the_writers_account(imported):
    reply = Comment.objects.get(parent__author_name="Léa Fontaine", parent__parent=None)
    assert reply.user == AuthorPage.objects.get(title="Marie Lefèvre").user


def test_comment_states_are_kept_and_trash_is_rejected(imported):
    statuses = set(
        Comment.objects.filter(article=article("harbour-strike-ends")).values_list(
            "status", flat=True
        )
    )
    assert statuses == {"approved", "pending", "spam", "rejected"}
    assert ModerationDecision.objects.filter(phase="import").count() == Comment.objects.count()


def test_commenter_addresses_are_stored_truncated(imported):
    prefixes = set(Comment.objects.exclude(ip_prefix=None).values_list("ip_prefix", flat=True))
    assert prefixes
    assert all(p.endswith(".0") or p.endswith("::") for p in prefixes)


def test_pingbacks_are_not_comments(imported):
    assert imported.counts["comment"].skipped == 1
    assert any("pingback" in problem for problem in imported.problems)


# -- what a reader sees ----------------------------------------------------------------


def test_old_permalinks_answer_301_to_the_new_address(imported, client):
    story = article("harbour-strike-ends")
    response = client.get("/2024/03/harbour-strike-ends/")
    assert response.status_code == 301
    assert response["Location"] == story.url


def test_old_links_by_id_answer_301_to_the_new_address(imported, client):
    story = article("harbour-strike-ends")
    response = client.get("/?p=5")
    assert response.status_code == 301
    assert response["Location"] == story.url
    about = StandardPage.objects.get(slug="about")
    assert client.get("/?page_id=10")["Location"] == about.url
    assert client.get("/?p=999999").status_code == 200  # unknown ids: the home page


def test_old_author_category_and_tag_archives_answer_301_to_their_listings(imported, client):
    europe = SectionPage.objects.get(slug="europe")
    for old, new in (
        ("/author/mlefevre/", AuthorPage.objects.get(slug="mlefevre").url),
        ("/category/news/world/europe/", europe.url),
        ("/category/europe/", europe.url),
        ("/category/europe/page/2/", f"{europe.url}?page=2"),
        ("/tag/climate/", "/tags/climate/"),
    ):
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, new), old
    for unknown in ("/author/nobody/", "/category/nowhere/", "/tag/never-used/"):
        assert client.get(unknown).status_code == 404


def test_the_imported_article_renders_with_comments_and_no_email(imported, client):
    story = article("harbour-strike-ends")
    html = client.get(story.url).content.decode()
    assert "Harbour strike ends after twelve days" in html
    assert "Fishing boats leave the harbour at dawn" in html
    for page in [story, AuthorPage.objects.get(title="Marie Lefèvre")]:
        page_html = client.get(page.url).content.decode()
        for email in PRIVATE_EMAILS:
            assert email not in page_html


# -- running it again ------------------------------------------------------------------


def test_a_second_run_creates_nothing(imported):
    before = written_rows()
    again = wordpress_import(source=NEWSROOM, media_dir=UPLOADS)
    assert written_rows() == before
    assert all(counts.created == 0 for _, counts in again.rows())
    assert again.counts["post"].unchanged == 5
    assert again.counts["comment"].unchanged == imported.counts["comment"].created


def test_a_changed_post_is_updated_in_place(imported, tmp_path):
    changed = tmp_path / "changed.xml"
    changed.write_text(
        NEWSROOM.read_text().replace(
            "Harbour strike ends after twelve days", "Harbour strike ends after 12 days"
        )
    )
    before = written_rows()
    again = wordpress_import(source=changed, media_dir=UPLOADS)
    assert again.counts["post"].updated == 1
    story = article("harbour-strike-ends")
    assert story.title == "Harbour strike ends after 12 days"
    assert story.live
    assert story.first_published_at == datetime(2024, 3, 14, 17, 5, tzinfo=UTC)
    assert written_rows() == before


def test_a_run_that_stopped_halfway_is_finished_by_the_next(home, tmp_path):
    # The first half of the site: the export cut after the first story.
    text = NEWSROOM.read_text()
    cut = text.index("<item>", text.index("<wp:post_id>5</wp:post_id>"))
    half = tmp_path / "half.xml"
    half.write_text(text[:cut] + "</channel></rss>")
    wordpress_import(source=half, media_dir=UPLOADS)
    assert ArticlePage.objects.count() == 1
    report = wordpress_import(source=NEWSROOM, media_dir=UPLOADS)
    assert report.counts["post"].unchanged == 1
    assert report.counts["post"].created == 4
    assert ArticlePage.objects.count() == 5


def test_a_dry_run_reports_everything_and_writes_nothing(home, settings):
    before = written_rows()
    report = wordpress_import(source=NEWSROOM, media_dir=UPLOADS, dry_run=True)
    assert report.counts["post"].created == 5
    assert report.counts["comment"].created > 0
    assert written_rows() == before
    assert not Path(settings.MEDIA_ROOT).exists() or not any(
        Path(settings.MEDIA_ROOT).rglob("*.png")
    )


def test_every_imported_story_has_its_created_entry_in_the_page_history(imported):
    for story in ArticlePage.objects.all():
        entries = PageLogEntry.objects.filter(page=story)
        assert list(entries.values_list("action", "label")) == [("wagtail.create", story.title)]


def test_a_story_that_fails_after_it_was_written_leaves_nothing_behind(home, monkeypatch):
    """The failure comes last, after its page, byline, tags and comments were written
    (in a batch on PostgreSQL, some only when the batch ends): none of them stay, and
    the other stories of its batch are imported whole."""
    record_language = LanguageMap.post

    def fails_on_the_strike(self, post):
        if post.slug == "harbour-strike-ends":
            raise RuntimeError("the disk is full")
        record_language(self, post)

    monkeypatch.setattr(LanguageMap, "post", fails_on_the_strike)
    report = wordpress_import(source=NEWSROOM, media_dir=UPLOADS)

    assert any("the disk is full" in problem for problem in report.problems)
    assert not ArticlePage.objects.filter(slug="harbour-strike-ends").exists()
    stories = ArticlePage.objects.all()
    assert stories.count() == report.counts["post"].created - 1 > 0
    assert not Comment.objects.exclude(article__in=stories).exists()
    assert not ModerationDecision.objects.exclude(comment__article__in=stories).exists()
    assert Comment.objects.filter(article__slug="tokyo-night-market").exists()
    assert not ArticleAuthor.objects.exclude(article__in=stories).exists()
    assert ArticleAuthor.objects.filter(article__in=stories).count() == stories.count()
    assert not PageLogEntry.objects.filter(label__icontains="strike").exists()
    assert not PageLogEntry.objects.exclude(page__in=Page.objects.all()).exists()
    pages = [str(pk) for pk in Page.objects.values_list("pk", flat=True)]
    assert not Revision.objects.exclude(object_id__in=pages).exists()
    # Nothing the failed story made (its pictures, tags...) is given to the next ones.
    images = get_image_model().objects.all()
    assert not stories.exclude(lead_image=None).exclude(lead_image__in=images).exists()
    assert not ArticleTag.objects.exclude(tag__in=Tag.objects.all()).exists()
    assert all(not problems for problems in Page.find_problems())


def test_the_planners_statistics_are_refreshed_as_the_archive_doubles(home, monkeypatch):
    """PostgreSQL plans from statistics; an import makes the tables many times the size
    they were analysed at, and a plan chosen for a few rows reads thousands."""
    sizes = []
    monkeypatch.setattr(services, "BATCH_SIZE", 1)
    monkeypatch.setattr(
        services, "refresh_planner_statistics", lambda: sizes.append(ArticlePage.objects.count())
    )
    wordpress_import(source=NEWSROOM, media_dir=UPLOADS)
    # After the 2nd, 4th and 8th item of the export (posts, pages, pictures), and at the end.
    assert sizes == sorted(sizes) and len(sizes) >= 3
    assert sizes[-1] == ArticlePage.objects.count()


# -- damaged exports -------------------------------------------------------------------


def test_a_damaged_export_imports_the_good_items_and_lists_the_bad(home):
    report = wordpress_import(source=BROKEN)
    titles = set(ArticlePage.objects.values_list("title", flat=True))
    assert {"Good story before the damage", "Good story after the damage"} <= titles
    assert "Story with an impossible date" not in titles
    problems = "\n".join(report.problems)
    assert "Story without an id" in problems
    assert "impossible date" in problems or "not a date" in problems
    assert "liveblog_entry" in problems
    assert report.counts["post"].skipped >= 2


def test_a_reply_to_a_missing_comment_becomes_a_top_level_comment(home):
    report = wordpress_import(source=BROKEN)
    assert Comment.objects.filter(parent=None).count() == Comment.objects.count()
    assert any("999" in warning for warning in report.warnings)


def test_an_export_that_repeats_a_comment_id_loses_only_that_story(home, tmp_path):
    """A hand-merged export gives a comment of the Montréal story the id of one of the
    strike story's: the second story is reported, everything else is imported."""
    damaged = tmp_path / "export.xml"
    text = NEWSROOM.read_text()
    assert text.count("<wp:comment_id>11</wp:comment_id>") == 1
    damaged.write_text(text.replace("<wp:comment_id>11<", "<wp:comment_id>2<"))
    report = wordpress_import(source=damaged, media_dir=UPLOADS)
    assert any("post 6: not imported" in problem for problem in report.problems)
    assert ArticlePage.objects.filter(slug="harbour-strike-ends").exists()
    assert Comment.objects.filter(article__slug="harbour-strike-ends").count() == 7
    assert Comment.objects.filter(article__slug="tokyo-night-market").exists()


def test_a_post_given_twice_in_one_export_is_the_later_version(home, tmp_path):
    """A hand-merged export repeats the strike story, edited, in the same batch: the
    story made from its first copy is updated from the second (its revision and page
    row must already be whole when that happens)."""
    text = NEWSROOM.read_text()
    start = text.index("<item>", text.index("</item>"))  # the strike story's item
    item = text[start : text.index("</item>", start) + len("</item>")]
    edited = item.replace("Harbour strike ends after twelve days", "Harbour strike over")
    repeated = tmp_path / "export.xml"
    repeated.write_text(text.replace("</channel>", edited + "</channel>"))
    report = wordpress_import(source=repeated, media_dir=UPLOADS)
    assert not [problem for problem in report.problems if "not imported" in problem]
    assert report.counts["post"].updated == 1
    story = article("harbour-strike-ends")
    assert story.title == "Harbour strike over"
    assert story.latest_revision.content["title"] == "Harbour strike over"
    assert ArticlePage.objects.filter(title__startswith="Harbour strike").count() == 1


def test_a_malformed_export_stops_before_writing_anything(home):
    before = written_rows()
    with pytest.raises(WxrError) as error:
        wordpress_import(source=MALFORMED)
    assert error.value.line == 12
    assert written_rows() == before


def test_missing_image_files_are_listed(home, tmp_path):
    empty_uploads = tmp_path / "uploads"
    empty_uploads.mkdir()
    report = wordpress_import(source=NEWSROOM, media_dir=empty_uploads)
    assert report.missing_media == ["2024/03/harbour-at-dawn.png"]
    story = article("harbour-strike-ends")
    assert story.lead_image is None
    # The picture stays in the body as a link to its old address (tests/importers/test_media.py).
    [picture] = [block.value for block in story.body if block.block_type == "image"]
    assert picture["image"] is None and picture["original_url"].endswith("harbour-at-dawn.png")


def test_an_image_path_cannot_leave_the_media_folder(home, tmp_path):
    secret = tmp_path / "secret.png"
    secret.write_bytes((UPLOADS / "2024/03/harbour-at-dawn.png").read_bytes())
    inside = tmp_path / "uploads"
    inside.mkdir()
    export = tmp_path / "escape.xml"
    export.write_text(
        NEWSROOM.read_text().replace(
            "/wp-content/uploads/2024/03/harbour-at-dawn.png",
            "/wp-content/uploads/../secret.png",
        )
    )
    report = wordpress_import(source=export, media_dir=inside)
    assert get_image_model().objects.count() == 0
    assert report.missing_media


def test_imported_comments_are_counted_and_announced_by_the_comments_app_once_per_batch(
    home, django_capture_on_commit_callbacks
):
    """A batch of stories is one recount and one `comments_changed` naming all of them,
    not one of each per story."""
    announced = []

    def receiver(sender, article_id=None, article_ids=(), **kwargs):
        announced.append([article_id] if article_id is not None else list(article_ids))

    comments_changed.connect(receiver, dispatch_uid="test-importer-announced")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            wordpress_import(source=NEWSROOM, media_dir=UPLOADS)
    finally:
        comments_changed.disconnect(dispatch_uid="test-importer-announced")
    with_approved = set(
        Comment.objects.filter(status=Comment.Status.APPROVED).values_list("article", flat=True)
    )
    assert len(announced) == 1  # the fixture's five stories are one batch
    assert sorted(announced[0]) == sorted(with_approved)
    for story in ArticlePage.objects.all():
        assert story.comment_count == story.comments.filter(status="approved").count()
    assert ModerationDecision.objects.filter(phase="import").count() == Comment.objects.count()


def test_imported_stories_are_indexed_for_search_by_one_task_per_batch(home, settings):
    """Wagtail queues a task per saved page: 100,000 task rows for an import of 100,000
    stories. An import's batch queues one, naming its stories, which readers then find."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    wordpress_import(source=NEWSROOM, media_dir=UPLOADS)
    stories = set(ArticlePage.objects.values_list("pk", flat=True))
    queued = [r for r in default_task_backend.results if r.task.name == "index_objects"]
    assert [r.args[0] for r in queued] == ["news.ArticlePage"]  # the fixture is one batch
    assert set(map(int, queued[0].args[1])) == stories
    assert not [r for r in default_task_backend.results if r.args[:2] == ["news", "articlepage"]]

    assert article_search(query="harbour", filters=SearchFilters()).count() == 0
    assert index_objects.call(*queued[0].args) == len(stories)
    found = article_search(query="harbour", filters=SearchFilters())
    assert ArticlePage.objects.get(pk=found[0]).slug == "harbour-strike-ends"


def test_a_story_saved_outside_an_import_is_queued_for_the_index_on_its_own(home, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    story = ArticleFactory()
    # Wagtail's own task, once per save (a story is saved a few times as it is made).
    queued = [r.args for r in default_task_backend.results if "articlepage" in r.args]
    assert queued and all(args == ["news", "articlepage", str(story.pk)] for args in queued)
    assert not [r for r in default_task_backend.results if r.task.name == "index_objects"]


def test_an_imported_story_keeps_one_revision_through_a_second_run(imported):
    stories = ArticlePage.objects.all()
    assert stories.exists()
    assert all(story.revisions.count() == 1 for story in stories)
    wordpress_import(source=NEWSROOM, media_dir=UPLOADS)
    assert all(story.revisions.count() == 1 for story in ArticlePage.objects.all())


def test_a_story_whose_address_is_taken_in_its_section_gets_a_numbered_one(home, tmp_path):
    # Post 7 filed under Économie with post 5's slug.
    export = tmp_path / "same-slug.xml"
    export.write_text(
        NEWSROOM.read_text()
        .replace("<![CDATA[tokyo-night-market]]>", "<![CDATA[harbour-strike-ends]]>")
        .replace('nicename="asia"><![CDATA[Asia]]>', 'nicename="economie"><![CDATA[Économie]]>')
    )
    report = wordpress_import(source=export, media_dir=UPLOADS)
    first, second = (
        ArticlePage.objects.get(pk=ImportedObject.objects.get(kind="post", wp_id=wp_id).object_id)
        for wp_id in (5, 7)
    )
    assert first.get_parent().pk == second.get_parent().pk
    assert (first.slug, second.slug) == ("harbour-strike-ends", "harbour-strike-ends-2")
    assert "the address 'harbour-strike-ends' was taken; used harbour-strike-ends-2" in (
        report.warnings
    )


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner statistics")
def test_the_import_leaves_postgresql_statistics_that_count_its_stories(imported):
    """Without them PostgreSQL planned a 100,000-story archive as an empty one: the home
    page took 176 ms and a search by date 3.8 s (67 and 96 ms once analysed)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'news_articlepage'")
        (estimated,) = cursor.fetchone()
    assert estimated == ArticlePage.objects.count()


def test_a_post_whose_date_changed_moves_on_its_authors_and_tags_pages(imported, tmp_path):
    """The author's and tag's listings order by a copy of the publication time on the
    byline and tag rows (news/0007): a re-import that moves a story's date moves it
    there too, not only on its own page."""
    changed = tmp_path / "redated.xml"
    changed.write_text(
        NEWSROOM.read_text()
        .replace("<wp:post_date_gmt><![CDATA[2024-03-14 17:05:00]]>",
                 "<wp:post_date_gmt><![CDATA[2023-02-01 08:00:00]]>")
        .replace("<wp:post_date><![CDATA[2024-03-14 18:05:00]]>",
                 "<wp:post_date><![CDATA[2023-02-01 09:00:00]]>")
    )  # fmt: skip
    again = wordpress_import(source=changed, media_dir=UPLOADS)
    assert again.counts["post"].updated == 1
    story = article("harbour-strike-ends")
    moved = datetime(2023, 2, 1, 8, 0, tzinfo=UTC)
    assert story.first_published_at == moved
    assert {link.published_at for link in story.authors.all()} == {moved}
    assert {link.published_at for link in story.tagged_items.all()} == {moved}
