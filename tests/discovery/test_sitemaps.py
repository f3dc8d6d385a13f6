"""Sitemaps, the Google News sitemap and robots.txt."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.utils import timezone
from lxml import etree

from dateline.discovery.selectors import NEWS_SITEMAP_LIMIT, sitemap_tags
from dateline.edge.invalidation import keys_for_page_change
from tests.news.factories import ArticleFactory

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


# The site; the archive's months in one grouped query; one aggregate each for sections,
# authors and tags, and the view restrictions each time Wagtail's `public()` is asked.
INDEX_QUERIES = 9


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
    assert "news_tag_listing_idx (tag_id=?)" in explained, explained
