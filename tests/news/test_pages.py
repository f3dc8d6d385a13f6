"""What a reader sees on the home, section, article, tag and author pages."""

import json
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from dateline.core.models import SiteSettings
from dateline.news.models import ArticlePage
from tests.news.factories import ArticleFactory, AuthorFactory, SectionFactory

pytestmark = pytest.mark.django_db


def json_ld(html: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [item for block in blocks for item in json.loads(block)]


@pytest.fixture
def world(home):
    return SectionFactory(title="World", slug="world")


@pytest.fixture
def story(world):
    return ArticleFactory(
        section=world,
        title="Ceasefire talks resume in Geneva",
        standfirst="Negotiators return after a week of shelling.",
        authors=[AuthorFactory(name="Ana Ribeiro"), AuthorFactory(name="Tom Okafor")],
        tags=["Diplomacy", "Europe"],
        dateline_place="GENEVA",
    )


def test_home_page_leads_with_the_newest_story(client, world):
    ArticleFactory(section=world, title="Older story", published_at=timezone.now() - timedelta(1))
    ArticleFactory(section=world, title="Newest story")
    html = client.get("/").content.decode()
    assert html.index("Newest story") < html.index("Older story")
    assert "Continue Reading" in html
    assert '<a href="/world/">World</a>' in html


def test_article_page_shows_what_a_reader_expects(client, story):
    response = client.get("/world/ceasefire-talks-resume-in-geneva/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<p class="article-section"><a href="/world/">World</a></p>' in html
    assert '<h1 id="article-headline">Ceasefire talks resume in Geneva</h1>' in html
    assert "Negotiators return after a week of shelling." in html
    assert re.search(
        r'By <a href="/authors/ana-ribeiro/" rel="author">Ana Ribeiro</a> and '
        r'<a href="/authors/tom-okafor/" rel="author">Tom Okafor</a>',
        html,
    )
    published = story.first_published_at.strftime("%Y-%m-%dT%H:%M:%S%z")  # whole seconds
    assert re.search(rf'Published on <time datetime="{re.escape(published)}">', html)
    assert "Updated" not in html
    assert 'href="/tags/diplomacy/" rel="tag">Diplomacy</a>' in html
    assert "GENEVA" in html


def test_updated_time_is_shown_only_when_the_story_changed_after_publication(client, story):
    story.updated_at = story.first_published_at + timedelta(hours=2)
    story.save_revision().publish()
    html = client.get(story.url).content.decode()
    assert re.search(r'Updated <time datetime="[^"]+">', html)


def test_article_carries_news_article_structured_data(client, story):
    data = json_ld(client.get(story.url).content.decode())
    article = next(item for item in data if item["@type"] == "NewsArticle")
    assert article["headline"] == "Ceasefire talks resume in Geneva"
    assert article["articleSection"] == "World"
    assert [author["name"] for author in article["author"]] == ["Ana Ribeiro", "Tom Okafor"]
    # Canonical URLs use the site's configured host, not whatever host the request named.
    assert article["url"] == "http://localhost/world/ceasefire-talks-resume-in-geneva/"
    assert article["wordCount"] == story.word_count > 5
    for key in ("datePublished", "dateModified", "commentCount", "image"):
        assert key in article
    crumbs = next(item for item in data if item["@type"] == "BreadcrumbList")
    assert [c["name"] for c in crumbs["itemListElement"]] == ["Home", "World", story.title]


def test_structured_data_cannot_break_out_of_its_script_tag(client, world):
    article = ArticleFactory(section=world, title="</script><script>alert(1)</script>")
    html = client.get(article.url).content.decode()
    assert "<script>alert(1)" not in html


def test_connect_with_us_lists_the_social_links_from_site_settings(client, story):
    settings = SiteSettings.for_site(story.get_site())
    settings.x_url = "https://x.com/courier"
    settings.bluesky_url = "https://bsky.app/profile/courier"
    settings.save()
    html = client.get(story.url).content.decode()
    assert "Connect with us" in html
    assert '<a href="https://x.com/courier" rel="me noopener">X</a>' in html
    assert '<a href="https://bsky.app/profile/courier" rel="me noopener">Bluesky</a>' in html


def test_section_page_lists_its_stories_with_pagination(client, world):
    for number in range(14):
        ArticleFactory(section=world, title=f"World story {number}",
                       published_at=timezone.now() - timedelta(hours=number))  # fmt: skip
    first = client.get("/world/").content.decode()
    assert "World story 0" in first and "World story 13" not in first
    assert 'rel="next" href="?page=2"' in first
    second = client.get("/world/?page=2").content.decode()
    assert "World story 13" in second and "World story 0<" not in second


@pytest.mark.parametrize("page", ["99", "abc", "0", "-1"])
def test_a_bad_page_number_is_a_clear_404(client, world, page):
    ArticleFactory(section=world)
    response = client.get(f"/world/?page={page}")
    assert response.status_code == 404
    assert "We can’t find that page" in response.content.decode()


def test_tag_page_lists_tagged_stories_only(client, world, story):
    ArticleFactory(section=world, title="Untagged story")
    html = client.get("/tags/diplomacy/").content.decode()
    assert "Ceasefire talks resume in Geneva" in html and "Untagged story" not in html
    assert client.get("/tags/no-such-tag/").status_code == 404


def test_author_page_shows_profile_and_stories(client, world, story):
    author = story.byline[0]
    author.role = "Diplomatic correspondent"
    author.save_revision().publish()
    html = client.get("/authors/ana-ribeiro/").content.decode()
    assert "Diplomatic correspondent" in html
    assert "Ceasefire talks resume in Geneva" in html


def test_drafts_are_invisible_to_readers(client, world):
    draft = ArticleFactory(section=world, title="Embargoed scoop", publish=False)
    assert client.get("/").content.decode().count("Embargoed scoop") == 0
    assert client.get(f"/world/{draft.slug}/").status_code == 404


def test_unknown_pages_get_the_branded_404(client, home):
    response = client.get("/no/such/story/")
    assert response.status_code == 404
    assert "We can’t find that page" in response.content.decode()


def test_word_count_follows_the_body(world):
    article = ArticleFactory(section=world, body=[
        {"type": "paragraph", "value": "<p>One two three.</p>"},
        {"type": "subheading", "value": "Four five"},
    ])  # fmt: skip
    assert ArticlePage.objects.get(pk=article.pk).word_count == 5


def test_a_standard_page_shows_its_title_and_body(client, home):
    from dateline.news.models import StandardPage

    page = StandardPage(
        title="About us",
        standfirst="Who we are.",
        body=[{"type": "paragraph", "value": "<p>We report the news.</p>"}],
    )
    home.add_child(instance=page)
    html = client.get("/about-us/").content.decode()
    assert '<h1 id="page-title">About us</h1>' in html
    assert "We report the news." in html
