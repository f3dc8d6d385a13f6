"""Sitemaps, the Google News sitemap and robots.txt."""

import importlib
import re
from datetime import UTC, datetime, timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from lxml import etree
from wagtail.models import Page, Site

from dateline.discovery.models import ArchiveMonth
from dateline.discovery.selectors import (
    NEWS_SITEMAP_LIMIT,
    archive_files,
    sitemap_authors,
    sitemap_sections,
    sitemap_tags,
)
from dateline.edge.invalidation import keys_for_page_change
from dateline.news.models import HomePage
from tests.news.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "image": "http://www.google.com/schemas/sitemap-image/1.1",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}


def xml(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    assert response["Content-Type"].startswith("application/xml")
    return etree.fromstring(response.content)


def month_of(article) -> str:
    return f"{article.first_published_at.astimezone(UTC):%Y-%m}"


def test_sitemap_index_lists_a_file_per_month_then_sections_authors_and_tags(
    client, story, world, ana
):
    old = ArticleFactory(
        section=world, authors=[ana], published_at=datetime(2019, 3, 9, tzinfo=UTC)
    )
    index = xml(client, "/sitemap.xml")
    locations = index.xpath("//sm:sitemap/sm:loc/text()", namespaces=NS)
    assert locations == [
        f"http://localhost/sitemap-articles-{month_of(story)}.xml",
        "http://localhost/sitemap-articles-2019-03.xml",
        *(f"http://localhost/sitemap-{name}.xml" for name in ("sections", "authors", "tags")),
    ]
    lastmods = index.xpath("//sm:sitemap/sm:lastmod/text()", namespaces=NS)
    assert len(lastmods) == 5
    assert lastmods[1] == w3c(old.last_published_at)


def w3c(value) -> str:
    return value.astimezone(UTC).isoformat(timespec="seconds")


def test_a_month_file_has_lastmod_and_lead_image(client, story, world, ana):
    ArticleFactory(section=world, authors=[ana], title="Unpublished", publish=False)
    urlset = xml(client, f"/sitemap-articles-{month_of(story)}.xml")
    urls = urlset.xpath("//sm:url", namespaces=NS)
    assert len(urls) == 1
    assert urls[0].findtext("sm:loc", namespaces=NS) == (
        "http://localhost/world/ceasefire-talks-resume-in-geneva/"
    )
    assert urls[0].findtext("sm:lastmod", namespaces=NS) == w3c(story.last_published_at)
    image = urls[0].findtext("image:image/image:loc", namespaces=NS)
    assert image.startswith("http://localhost/media/original_images/")


def test_a_month_holds_only_its_own_stories_oldest_first(client, world, ana):
    march = [
        ArticleFactory(
            section=world, authors=[ana], published_at=datetime(2019, 3, day, tzinfo=UTC)
        )
        for day in (20, 1, 31)
    ]
    ArticleFactory(section=world, authors=[ana], published_at=datetime(2019, 4, 1, tzinfo=UTC))
    ArticleFactory(section=world, authors=[ana], published_at=datetime(2019, 2, 28, 23, tzinfo=UTC))
    urlset = xml(client, "/sitemap-articles-2019-03.xml")
    locations = urlset.xpath("//sm:loc/text()", namespaces=NS)
    assert locations == [
        f"http://localhost{article.url}" for article in (march[1], march[0], march[2])
    ]


def test_a_big_month_is_split_in_pages(monkeypatch, client, world, ana):
    monkeypatch.setattr("dateline.discovery.selectors.ARCHIVE_FILE_URLS", 2)
    for day in (1, 2, 3):
        ArticleFactory(
            section=world, authors=[ana], published_at=datetime(2019, 3, day, tzinfo=UTC)
        )
    index = xml(client, "/sitemap.xml").xpath("//sm:sitemap/sm:loc/text()", namespaces=NS)
    assert index[:2] == [
        "http://localhost/sitemap-articles-2019-03.xml",
        "http://localhost/sitemap-articles-2019-03.xml?p=2",
    ]
    assert len(xml(client, "/sitemap-articles-2019-03.xml").xpath("//sm:url", namespaces=NS)) == 2
    assert (
        len(xml(client, "/sitemap-articles-2019-03.xml?p=2").xpath("//sm:url", namespaces=NS)) == 1
    )
    assert client.get("/sitemap-articles-2019-03.xml?p=3").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/sitemap-articles-2019-05.xml",  # no story that month
        "/sitemap-articles-2019-13.xml",
        "/sitemap-articles-0000-01.xml",
        "/sitemap-articles-2019-03.xml?p=0",
        "/sitemap-articles-2019-03.xml?p=x",
        "/sitemap-articles-2019-03.xml?p=99999999999999999999999",
    ],
)
def test_months_and_pages_that_do_not_exist_are_404(client, world, ana, path):
    ArticleFactory(section=world, authors=[ana], published_at=datetime(2019, 3, 1, tzinfo=UTC))
    assert client.get(path).status_code == 404


def test_the_old_single_article_sitemap_sends_to_the_index(client, story):
    response = client.get("/sitemap-articles.xml")
    assert response.status_code == 301
    assert response["Location"] == "/sitemap.xml"


def test_a_month_file_is_built_from_values_in_a_fixed_number_of_queries(
    client, world, ana, django_assert_num_queries
):
    for day in range(1, 4):
        ArticleFactory(
            section=world, authors=[ana], published_at=datetime(2019, 3, day, tzinfo=UTC)
        )
    client.get("/sitemap-articles-2019-03.xml")  # warm the site and restriction memory
    # The site, the view restrictions (kept in memory when the page cache is on), whether
    # the file exists, then its rows.
    with django_assert_num_queries(4):
        client.get("/sitemap-articles-2019-03.xml")
    for day in range(4, 20):
        ArticleFactory(
            section=world, authors=[ana], published_at=datetime(2019, 3, day, tzinfo=UTC)
        )
    with django_assert_num_queries(4):
        assert client.get("/sitemap-articles-2019-03.xml").status_code == 200


def test_the_index_costs_a_fixed_number_of_queries(client, world, ana, django_assert_num_queries):
    for month in range(1, 4):
        ArticleFactory(
            section=world, authors=[ana], published_at=datetime(2019, month, 1, tzinfo=UTC)
        )
    client.get("/sitemap.xml")
    with django_assert_num_queries(INDEX_QUERIES):
        client.get("/sitemap.xml")
    for month in range(4, 12):
        ArticleFactory(
            section=world, authors=[ana], published_at=datetime(2019, month, 1, tzinfo=UTC)
        )
    with django_assert_num_queries(INDEX_QUERIES):
        assert client.get("/sitemap.xml").status_code == 200


# The site; the archive's months from their kept figures (one read); one aggregate each
# for sections, authors and tags, and the view restrictions each time Wagtail's
# `public()` is asked.
INDEX_QUERIES = 8


def test_a_month_file_names_only_its_month_for_the_edge(client, world, ana):
    ArticleFactory(section=world, authors=[ana], published_at=datetime(2019, 3, 1, tzinfo=UTC))
    keys = client.get("/sitemap-articles-2019-03.xml")["Surrogate-Key"].split()
    assert "archive-2019-03" in keys
    assert "listing" not in keys
    assert "listing" in client.get("/sitemap.xml")["Surrogate-Key"].split()


def test_publishing_a_story_purges_its_month_not_the_others(world, ana):
    article = ArticleFactory(
        section=world, authors=[ana], published_at=datetime(2019, 3, 1, tzinfo=UTC)
    )
    keys = keys_for_page_change(article)
    assert "archive-2019-03" in keys
    assert not any(key.startswith("archive-") and key != "archive-2019-03" for key in keys)
    assert not any(key.startswith("archive-") for key in keys_for_page_change(world))


def test_section_author_and_tag_sitemaps(client, story):
    sections = xml(client, "/sitemap-sections.xml").xpath("//sm:loc/text()", namespaces=NS)
    assert sections == ["http://localhost/world/"]
    authors = xml(client, "/sitemap-authors.xml").xpath("//sm:loc/text()", namespaces=NS)
    assert "http://localhost/authors/ana-ribeiro/" in authors
    tags = xml(client, "/sitemap-tags.xml")
    assert tags.xpath("//sm:loc/text()", namespaces=NS) == [
        "http://localhost/tags/diplomacy/",
        "http://localhost/tags/europe/",
    ]
    assert len(tags.xpath("//sm:lastmod", namespaces=NS)) == 2


def test_tags_of_drafts_only_stay_out_of_the_sitemap(client, world, ana):
    ArticleFactory(section=world, authors=[ana], tags=["Secret"], publish=False)
    assert xml(client, "/sitemap-tags.xml").xpath("//sm:loc", namespaces=NS) == []


def test_unknown_sitemap_is_404(client, story):
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_news_sitemap_lists_the_last_48_hours(client, story, world, ana):
    ArticleFactory(section=world, authors=[ana], title="Old news",
                   published_at=timezone.now() - timedelta(hours=49))  # fmt: skip
    urlset = xml(client, "/news-sitemap.xml")
    urls = urlset.xpath("//sm:url", namespaces=NS)
    assert [url.findtext("sm:loc", namespaces=NS) for url in urls] == [
        "http://localhost/world/ceasefire-talks-resume-in-geneva/"
    ]
    news = urls[0].find("news:news", namespaces=NS)
    assert news.findtext("news:publication/news:name", namespaces=NS) == "Dateline"
    assert news.findtext("news:publication/news:language", namespaces=NS) == "en"
    assert news.findtext("news:title", namespaces=NS) == "Ceasefire talks resume in Geneva"
    published = news.findtext("news:publication_date", namespaces=NS)
    assert published == story.first_published_at.isoformat(timespec="seconds")


def test_news_sitemap_is_capped_at_1000(monkeypatch, client, world, ana):
    monkeypatch.setattr("dateline.discovery.selectors.NEWS_SITEMAP_LIMIT", 2)
    for _ in range(3):
        ArticleFactory(section=world, authors=[ana])
    assert len(xml(client, "/news-sitemap.xml").xpath("//sm:url", namespaces=NS)) == 2
    assert NEWS_SITEMAP_LIMIT == 1000


def test_robots_txt_points_at_both_sitemaps(client, home):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Sitemap: http://localhost/sitemap.xml" in body
    assert "Sitemap: http://localhost/news-sitemap.xml" in body
    assert "Disallow: /admin/" in body


def test_a_tags_lastmod_is_its_newest_storys_last_change(client, world, ana):
    old = ArticleFactory(
        section=world,
        authors=[ana],
        tags=["Harbour"],
        published_at=datetime(2019, 3, 1, tzinfo=UTC),
    )
    lastmod = "//sm:url[sm:loc='http://localhost/tags/harbour/']/sm:lastmod/text()"
    assert xml(client, "/sitemap-tags.xml").xpath(lastmod, namespaces=NS) == [
        old.last_published_at.isoformat(timespec="seconds")
    ]
    newer = ArticleFactory(
        section=world,
        authors=[ana],
        tags=["Harbour"],
        published_at=datetime(2020, 5, 1, tzinfo=UTC),
    )
    newer.unpublish()
    assert xml(client, "/sitemap-tags.xml").xpath(lastmod, namespaces=NS) == [
        old.last_published_at.isoformat(timespec="seconds")
    ]
    newer.save_revision().publish()
    newer.refresh_from_db()
    assert xml(client, "/sitemap-tags.xml").xpath(lastmod, namespaces=NS) == [
        newer.last_published_at.isoformat(timespec="seconds")
    ]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's plan format")
def test_the_tags_sitemap_reads_each_tags_newest_story_from_its_listing_index(world, ana):
    """Not a grouping of every tagged story in the archive: one index probe per tag."""
    ArticleFactory(section=world, authors=[ana], tags=["Harbour", "Strike"])
    sql, params = sitemap_tags().query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        explained = "\n".join(str(row[-1]) for row in cursor.fetchall())
    assert "TEMP B-TREE" not in explained, explained
    assert "news_tag_listing_idx (tag_id=?" in explained, explained


# The index's figures (discovery.models.ArchiveMonth) follow the stories.


def archive_index(client) -> dict[str, str]:
    """The index's month files and their lastmod."""
    index = xml(client, "/sitemap.xml")
    return {
        entry.findtext("sm:loc", namespaces=NS).removeprefix("http://localhost/"): entry.findtext(
            "sm:lastmod", namespaces=NS
        )
        for entry in index.xpath("//sm:sitemap", namespaces=NS)
        if "sitemap-articles-" in entry.findtext("sm:loc", namespaces=NS)
    }


def month_urls(client, month: str) -> list[str]:
    response = client.get(f"/sitemap-articles-{month}.xml")
    if response.status_code == 404:
        return []
    return etree.fromstring(response.content).xpath("//sm:loc/text()", namespaces=NS)


def test_the_index_and_month_files_follow_publishing_unpublishing_and_deleting(
    client, world, ana, commit
):
    march = datetime(2019, 3, 1, tzinfo=UTC)
    first = ArticleFactory(section=world, authors=[ana], published_at=march)
    second = ArticleFactory(section=world, authors=[ana], published_at=march + timedelta(days=1))
    assert archive_index(client) == {"sitemap-articles-2019-03.xml": w3c(second.last_published_at)}
    assert len(month_urls(client, "2019-03")) == 2

    second.unpublish()
    assert archive_index(client) == {"sitemap-articles-2019-03.xml": w3c(first.last_published_at)}
    assert month_urls(client, "2019-03") == [f"http://localhost{first.url}"]

    second.save_revision().publish()  # back, changed today
    second.refresh_from_db()
    assert archive_index(client) == {"sitemap-articles-2019-03.xml": w3c(second.last_published_at)}

    commit(first.delete)
    commit(second.delete)
    assert archive_index(client) == {}
    assert month_urls(client, "2019-03") == []


def test_a_month_past_2000_stories_gets_its_second_file_when_it_grows(
    monkeypatch, client, world, ana
):
    monkeypatch.setattr("dateline.discovery.selectors.ARCHIVE_FILE_URLS", 2)
    stories = [
        ArticleFactory(
            section=world, authors=[ana], published_at=datetime(2019, 3, day, tzinfo=UTC)
        )
        for day in (1, 2)
    ]
    assert list(archive_index(client)) == ["sitemap-articles-2019-03.xml"]
    ArticleFactory(section=world, authors=[ana], published_at=datetime(2019, 3, 3, tzinfo=UTC))
    assert list(archive_index(client)) == [
        "sitemap-articles-2019-03.xml",
        "sitemap-articles-2019-03.xml?p=2",
    ]
    stories[0].unpublish()
    assert list(archive_index(client)) == ["sitemap-articles-2019-03.xml"]


def test_a_story_moved_to_another_site_leaves_this_sites_index(client, world, ana):
    story = ArticleFactory(
        section=world, authors=[ana], published_at=datetime(2019, 3, 1, tzinfo=UTC)
    )
    other_home = Page.get_first_root_node().add_child(
        instance=HomePage(title="The other paper", slug="other-paper")
    )
    other_site = Site.objects.create(hostname="other.example", root_page=other_home)
    other_section = SectionFactory(parent=other_home, title="Metro", slug="metro")
    assert [f.month for f in archive_files(other_site)] == []

    Page.objects.get(pk=story.pk).move(other_section, pos="last-child")

    assert archive_index(client) == {}
    assert [f.month for f in archive_files(other_site)] == ["2019-03"]


def test_a_view_restriction_takes_its_stories_out_of_the_index(client, world, ana):
    from wagtail.models import PageViewRestriction

    ArticleFactory(section=world, authors=[ana], published_at=datetime(2019, 3, 1, tzinfo=UTC))
    restriction = PageViewRestriction.objects.create(
        page=world, restriction_type=PageViewRestriction.LOGIN
    )
    assert archive_index(client) == {}
    restriction.delete()
    assert list(archive_index(client)) == ["sitemap-articles-2019-03.xml"]


def test_recount_repairs_the_figures(client, world, ana):
    for day in (1, 2):
        ArticleFactory(
            section=world, authors=[ana], published_at=datetime(2019, 3, day, tzinfo=UTC)
        )
    ArticleFactory(section=world, authors=[ana], published_at=datetime(2020, 7, 1, tzinfo=UTC))
    counted = archive_index(client)
    ArchiveMonth.objects.update(stories=0, lastmod=None)
    ArchiveMonth.objects.create(site=Site.objects.get(), month="1999-01", stories=5)

    call_command("sitemaps", "recount")

    assert archive_index(client) == counted
    for site in (Site.objects.get(), None):  # the site's, and the whole archive's (API)
        assert sorted(ArchiveMonth.objects.filter(site=site).values_list("month", "stories")) == [
            ("2019-03", 2),
            ("2020-07", 1),
        ]


def test_the_upgrade_counts_an_archive_already_there_and_a_new_database_has_nothing_to_count(
    client, world, ana, monkeypatch
):
    from django.apps import apps

    from dateline.discovery import services

    upgrade = importlib.import_module("dateline.discovery.migrations.0002_archive_month")
    recount = services.archive_months_recount

    def not_on_a_new_database():
        raise AssertionError("today's recount ran on a database with no story")

    monkeypatch.setattr(services, "archive_months_recount", not_on_a_new_database)
    upgrade.count_the_archive(apps, None)  # no story yet: today's code is not asked
    monkeypatch.setattr(services, "archive_months_recount", recount)

    ArticleFactory(section=world, authors=[ana], published_at=datetime(2019, 3, 1, tzinfo=UTC))
    ArchiveMonth.objects.all().delete()  # as before the upgrade: stories, no figures
    upgrade.count_the_archive(apps, None)
    assert list(archive_index(client)) == ["sitemap-articles-2019-03.xml"]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's plan format")
def test_no_query_of_the_sitemap_index_or_the_section_and_author_files_reads_the_archive(
    client, world, ana
):
    """At any archive size: the months from their figures, sections and authors through
    the page table's type index (news/0008), never a scan of the page table (every
    story) or a sort of a section's or an author's stories."""
    for month in (1, 2, 3):
        ArticleFactory(
            section=world, authors=[ana], published_at=datetime(2019, month, 1, tzinfo=UTC)
        )
    for path in ("/sitemap.xml", "/sitemap-sections.xml", "/sitemap-authors.xml"):
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        for query in queries:
            if "pageviewrestriction" in query["sql"]:
                continue  # the restrictions and aliases: kept by a worker (edge.memory)
            explained = explain(query["sql"])
            # A table read whole, not through an index (a walk of an index in order,
            # stopped by a LIMIT, is "SCAN ... USING INDEX").
            scans = re.findall(r"SCAN (\w+)$", explained, flags=re.MULTILINE)
            assert not any(
                re.fullmatch(r"wagtailcore_page|news_\w+|U\d", table) for table in scans
            ), (path, explained)
    for rows, index in (
        (sitemap_sections, "dateline_page_type_title_idx (content_type_id=?)"),
        (sitemap_authors, "dateline_page_type_title_idx (content_type_id=?)"),
    ):
        with CaptureQueriesContext(connection) as queries:
            list(rows())
        explained = explain(queries[-1]["sql"])
        assert "TEMP B-TREE" not in explained, explained
        assert index in explained, explained


def explain(sql: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
        return "\n".join(str(row[-1]) for row in cursor.fetchall())
