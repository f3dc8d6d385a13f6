"""Sitemaps, the Google News sitemap and robots.txt."""

from datetime import timedelta

import pytest
from django.utils import timezone
from lxml import etree

from dateline.discovery.selectors import NEWS_SITEMAP_LIMIT
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


def test_sitemap_index_lists_articles_sections_authors_and_tags(client, story):
    index = xml(client, "/sitemap.xml")
    locations = index.xpath("//sm:sitemap/sm:loc/text()", namespaces=NS)
    assert locations == [
        f"http://localhost/sitemap-{name}.xml"
        for name in ("articles", "sections", "authors", "tags")
    ]
    assert len(index.xpath("//sm:sitemap/sm:lastmod", namespaces=NS)) == 4


def test_article_sitemap_has_lastmod_and_lead_image(client, story, world, ana):
    ArticleFactory(section=world, authors=[ana], title="Unpublished", publish=False)
    urlset = xml(client, "/sitemap-articles.xml")
    urls = urlset.xpath("//sm:url", namespaces=NS)
    assert len(urls) == 1
    assert urls[0].findtext("sm:loc", namespaces=NS) == (
        "http://localhost/world/ceasefire-talks-resume-in-geneva/"
    )
    assert urls[0].findtext("sm:lastmod", namespaces=NS).startswith(str(timezone.now().year))
    image = urls[0].findtext("image:image/image:loc", namespaces=NS)
    assert image.startswith("http://localhost/media/original_images/")


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
