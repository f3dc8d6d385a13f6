"""Feeds, sitemaps, structured data, search and the read API, each in its language."""

import json
import re

import pytest
from lxml import etree

pytestmark = pytest.mark.django_db

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}


def test_feeds_are_per_language(client, translated):
    english = client.get("/feeds/rss/").content.decode()
    ukrainian = client.get("/uk/feeds/rss/").content.decode()
    assert "Talks resume in Geneva" in english and "Переговори" not in english
    assert "Переговори відновлюються в Женеві" in ukrainian and "Talks resume" not in ukrainian
    assert "<language>uk</language>" in ukrainian
    assert "<link>http://localhost/uk/</link>" in ukrainian
    feed = json.loads(client.get("/uk/feeds/json/section/svit/").content)
    assert feed["language"] == "uk"
    assert [item["title"] for item in feed["items"]] == ["Переговори відновлюються в Женеві"]
    atom = client.get("/ar/feeds/atom/")
    assert atom.status_code == 200 and b"<entry>" not in atom.content  # nothing in Arabic yet


def test_sitemap_lists_every_language_with_reciprocal_alternates(client, translated):
    from django.utils import timezone

    month = timezone.now().strftime("%Y-%m")
    urlset = etree.fromstring(client.get(f"/sitemap-articles-{month}.xml").content)
    entries = {
        url.findtext("sm:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href")
            for link in url.findall("xhtml:link", namespaces=NS)
        }
        for url in urlset.findall("sm:url", namespaces=NS)
    }
    english = "http://localhost/world/talks-resume-in-geneva/"
    ukrainian = "http://localhost/uk/svit/perehovory-v-zhenevi/"
    assert set(entries) == {english, ukrainian}
    expected = {"en": english, "uk": ukrainian, "x-default": english}
    assert entries[english] == entries[ukrainian] == expected
    sections = etree.fromstring(client.get("/sitemap-sections.xml").content)
    assert sections.xpath("//sm:loc/text()", namespaces=NS) == [
        "http://localhost/world/",
        "http://localhost/uk/svit/",
    ]


def test_news_sitemap_gives_each_story_its_language(client, translated):
    urlset = etree.fromstring(client.get("/news-sitemap.xml").content)
    languages = {
        url.findtext("sm:loc", namespaces=NS): url.findtext(
            "news:news/news:publication/news:language", namespaces=NS
        )
        for url in urlset.findall("sm:url", namespaces=NS)
    }
    assert languages == {
        "http://localhost/world/talks-resume-in-geneva/": "en",
        "http://localhost/uk/svit/perehovory-v-zhenevi/": "uk",
    }


def test_json_ld_names_the_language(client, translated):
    html = client.get(translated["story_uk"].url).content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    article = next(
        item
        for block in blocks
        for item in (json.loads(block) if block.strip().startswith("[") else [json.loads(block)])
        if item.get("@type") == "NewsArticle"
    )
    assert article["inLanguage"] == "uk"
    assert article["headline"] == "Переговори відновлюються в Женеві"


def test_search_finds_stories_in_the_readers_language(client, translated):
    from django.core.management import call_command

    from dateline.i18n.services import page_translate

    page_translate(page=translated["world"], language="ar", publish=True, title="العالم")
    page_translate(
        page=translated["story"],
        language="ar",
        publish=True,
        title="استئناف المحادثات في جنيف",
        slug="mufawadat",
    )
    call_command("update_index", verbosity=0)
    arabic = client.get("/ar/search/", {"q": "جنيف"}).content.decode()
    assert "/ar/world/mufawadat/" in arabic and "1 story found" in arabic
    ukrainian = client.get("/uk/search/", {"q": "Женеві"}).content.decode()
    assert 'href="/uk/svit/perehovory-v-zhenevi/"' in ukrainian
    assert "1 story found" in ukrainian
    # The Ukrainian copy still has the English body, yet an English search shows only the
    # English story, and a Ukrainian one only the Ukrainian.
    english = client.get("/search/", {"q": "Geneva"}).content.decode()
    assert 'href="/world/talks-resume-in-geneva/"' in english and "/uk/svit/" not in english
    in_ukrainian = client.get("/uk/search/", {"q": "Geneva"}).content.decode()
    assert "/uk/svit/perehovory-v-zhenevi/" in in_ukrainian
    assert "/world/talks-resume-in-geneva/" not in in_ukrainian


def test_read_api_filters_by_language(client, translated):
    everything = client.get("/api/v1/articles/").json()
    titles = {item["title"] for item in everything["results"]}
    assert titles == {"Talks resume in Geneva", "Переговори відновлюються в Женеві"}
    ukrainian = client.get("/api/v1/articles/", {"language": "uk"}).json()
    assert [item["title"] for item in ukrainian["results"]] == ["Переговори відновлюються в Женеві"]
    assert ukrainian["results"][0]["language"] == "uk"
    assert client.get("/api/v1/articles/", {"language": "xx"}).status_code == 400
