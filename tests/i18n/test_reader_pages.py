"""What readers get in each language: the switcher, hreflang, translated strings, RTL."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.news.test_queries import ARTICLE_QUERIES

pytestmark = pytest.mark.django_db


def hreflangs(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def test_hreflang_links_are_reciprocal_with_x_default(client, translated):
    english = client.get(translated["story"].url).content.decode()
    ukrainian = client.get(translated["story_uk"].url).content.decode()
    expected = {
        "en": "http://localhost/world/talks-resume-in-geneva/",
        "uk": "http://localhost/uk/svit/perehovory-v-zhenevi/",
        "x-default": "http://localhost/world/talks-resume-in-geneva/",
    }
    assert hreflangs(english) == hreflangs(ukrainian) == expected


def test_no_hreflang_for_a_page_in_one_language(client, translated):
    from tests.news.factories import ArticleFactory

    alone = ArticleFactory(section=translated["world"], title="Only in English")
    assert hreflangs(client.get(alone.url).content.decode()) == {}


def test_switcher_goes_to_the_translation_or_that_languages_home(client, translated):
    html = client.get(translated["story_uk"].url).content.decode()
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    assert 'href="/world/talks-resume-in-geneva/" hreflang="en"' in switcher
    assert '<span aria-current="true" lang="uk" dir="ltr">Українська</span>' in switcher
    assert 'href="/ar/" hreflang="ar" lang="ar" dir="rtl"' in switcher  # no Arabic version


def test_reader_strings_are_in_the_pages_language(client, translated):
    html = client.get(translated["story_uk"].url).content.decode()
    assert '<html lang="uk" dir="ltr">' in html
    for phrase in ["Опубліковано", "Залишити відповідь", "Електронна пошта", "Надіслати коментар"]:
        assert phrase in html, phrase
    assert "Published on" not in html and "Leave a Reply" not in html
    english = client.get(translated["story"].url).content.decode()
    assert "Published on" in english and "Leave a Reply" in english


def test_arabic_pages_are_right_to_left(client, multilingual):
    html = client.get("/ar/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "انتقل إلى المحتوى" in html


def test_listings_show_only_their_languages_stories(client, translated):
    english = client.get("/").content.decode()
    ukrainian = client.get("/uk/").content.decode()
    assert "Talks resume in Geneva" in english and "Переговори" not in english
    assert "Переговори відновлюються в Женеві" in ukrainian and "Talks resume" not in ukrainian
    assert "Читати далі" in ukrainian
    assert "Світ" in client.get("/uk/svit/").content.decode()


def test_comments_belong_to_one_language_version(client, translated):
    from dateline.comments.models import Comment

    assert not Comment.objects.filter(article=translated["story_uk"]).exists()
    assert translated["story_uk"].pk != translated["story"].pk


def queries_for(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


# With several languages Wagtail's routing looks up the active Locale (one query) and, in
# any language but the first, that locale's home page (one more); the switcher and the
# hreflang links share one query. A fixed ceiling for every language version.
MULTILINGUAL_ARTICLE_QUERIES = ARTICLE_QUERIES + 4


def test_translated_article_stays_within_the_articles_query_ceiling(client, translated):
    english = queries_for(client, translated["story"].url)
    ukrainian = queries_for(client, translated["story_uk"].url)
    assert ukrainian <= MULTILINGUAL_ARTICLE_QUERIES
    assert english <= MULTILINGUAL_ARTICLE_QUERIES
    assert ukrainian - english <= 1  # only the routing to the Ukrainian home page


def test_stored_fragments_are_kept_per_language(client, translated, fragment_store):
    """The sections menu is one stored fragment per language, not the first one rendered."""

    def menu(path):
        html = client.get(path).content.decode()
        return re.search(r'<nav class="sections-nav".*?</nav>', html, re.S).group(0)

    assert "Світ" in menu("/uk/")
    assert "World" in menu("/") and "Світ" not in menu("/")
    assert "Світ" in menu("/uk/") and "World" not in menu("/uk/")
