"""Bylines in the reader's language: a story links to its author's translated page when
there is one, and to the original author page otherwise."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dateline.i18n.services import page_translate
from dateline.news.models import AuthorIndexPage
from tests.news.factories import ArticleFactory, AuthorFactory

pytestmark = pytest.mark.django_db


def bylines(html: str) -> list[tuple[str, str]]:
    return re.findall(r'<a href="([^"]+)" rel="author">([^<]+)</a>', html)


@pytest.fixture
def ana(english_home):
    return AuthorFactory(name="Ana Ribeiro", slug="ana-ribeiro")


def translate_author(author, title: str):
    index = AuthorIndexPage.objects.get(locale__language_code="en")
    page_translate(page=index, language="uk", publish=True, title="Автори", slug="avtory")
    return page_translate(page=author, language="uk", publish=True, title=title)


@pytest.fixture
def stories_by_ana(translated, ana):
    story = ArticleFactory(section=translated["world"], title="Grain deal signed", authors=[ana])
    story_uk = page_translate(
        page=story, language="uk", publish=True, title="Зернову угоду підписано", slug="zerno"
    )
    return {"en": story, "uk": story_uk}


def test_a_translated_story_links_to_its_authors_page_in_its_language(client, stories_by_ana, ana):
    assert bylines(client.get(stories_by_ana["uk"].url).content.decode()) == [
        ("/authors/ana-ribeiro/", "Ana Ribeiro")  # not translated yet: the one profile
    ]
    ana_uk = translate_author(ana, "Ана Рібейро")

    ukrainian = client.get(stories_by_ana["uk"].url).content.decode()
    assert bylines(ukrainian) == [("/uk/avtory/ana-ribeiro/", "Ана Рібейро")]
    assert "http://localhost/uk/avtory/ana-ribeiro/" in ukrainian  # JSON-LD author, head
    section = client.get("/uk/svit/").content.decode()
    assert ("/uk/avtory/ana-ribeiro/", "Ана Рібейро") in bylines(section)
    english = client.get(stories_by_ana["en"].url).content.decode()
    assert bylines(english) == [("/authors/ana-ribeiro/", "Ana Ribeiro")]
    assert client.get(ana_uk.url).status_code == 200


def test_a_listing_finds_every_cards_translated_authors_in_one_query(client, translated):
    authors = [AuthorFactory(name=f"Reporter {n}", slug=f"reporter-{n}") for n in range(4)]

    def add_story(number: int):
        story = ArticleFactory(
            section=translated["world"], title=f"Story {number}", authors=[authors[number]]
        )
        page_translate(
            page=story, language="uk", publish=True, title=f"Історія {number}", slug=f"s{number}"
        )

    def queries() -> int:
        client.get("/uk/svit/")
        with CaptureQueriesContext(connection) as captured:
            client.get("/uk/svit/")
        return len(captured)

    add_story(0)
    untranslated = queries()
    translate_author(authors[0], "Репортер 0")
    one = queries()
    for number in range(1, 4):
        add_story(number)
        translate_author(authors[number], f"Репортер {number}")
    assert one == untranslated + 1
    assert queries() == one
    shown = set(bylines(client.get("/uk/svit/").content.decode()))
    assert {(f"/uk/avtory/reporter-{n}/", f"Репортер {n}") for n in range(4)} <= shown


def test_publishing_an_authors_translation_refreshes_pages_showing_the_original(ana, translated):
    from dateline.edge import keys
    from dateline.edge.invalidation import keys_for_page_change

    ana_uk = translate_author(ana, "Ана Рібейро")
    assert keys.page_key(ana.pk) in keys_for_page_change(ana_uk)


def test_a_translated_byline_keeps_the_article_within_its_query_ceiling(
    client, stories_by_ana, ana
):
    from tests.i18n.test_reader_pages import MULTILINGUAL_ARTICLE_QUERIES, queries_for

    translate_author(ana, "Ана Рібейро")
    assert queries_for(client, stories_by_ana["uk"].url) <= MULTILINGUAL_ARTICLE_QUERIES


def test_with_rows_kept_a_translated_author_replaces_the_original_at_the_next_render(
    client, stories_by_ana, ana, fragment_store, commit
):
    url = stories_by_ana["uk"].url
    for _ in range(2):  # the byline's pages kept between renders from here on
        assert bylines(client.get(url).content.decode()) == [
            ("/authors/ana-ribeiro/", "Ana Ribeiro")
        ]
    commit(translate_author, ana, "Ана Рібейро")
    assert bylines(client.get(url).content.decode()) == [("/uk/avtory/ana-ribeiro/", "Ана Рібейро")]
