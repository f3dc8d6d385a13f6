"""PostgreSQL full text in each story's language: stems by its language's rules.

SQLite's FTS5 has one tokenizer for every language (words found as written; covered in
test_discovery.py), so these run on PostgreSQL only.
"""

import pytest
from django.db import connection

from dateline.i18n.services import page_translate
from dateline.search.backend import text_search_config

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="PostgreSQL's text-search configurations; SQLite FTS5 has no per-language stemming",
    ),
]


@pytest.fixture
def elections(translated):
    """An election story in English, Ukrainian and Arabic, each published."""
    from tests.news.factories import ArticleFactory

    page_translate(page=translated["world"], language="ar", publish=True, title="العالم")
    story = ArticleFactory(
        section=translated["world"],
        title="Parliament votes on the election date",
        standfirst="Deputies argued for six hours.",
    )
    ukrainian = page_translate(
        page=story,
        language="uk",
        publish=True,
        title="Парламент голосує за дату виборів у Києві",
        standfirst="Депутати сперечалися шість годин.",
        slug="vybory",
    )
    arabic = page_translate(
        page=story,
        language="ar",
        publish=True,
        title="البرلمان يصوت على موعد الانتخابات",
        standfirst="جادل النواب ست ساعات.",
        slug="alintikhabat",
    )
    return {"en": story, "uk": ukrainian, "ar": arabic}


def found(client, path: str, query: str) -> str:
    return client.get(path, {"q": query}).content.decode()


def test_each_language_has_its_configuration(multilingual):
    assert {code: text_search_config(code) for code in ("en", "uk", "ar", "en-gb")} == {
        "en": "english",
        "uk": "simple",  # PostgreSQL ships no Ukrainian stemmer
        "ar": "arabic",
        "en-gb": "english",
    }


def test_arabic_words_are_found_by_their_stem(client, elections):
    # "الانتخابات" (the elections) is stored as its stem: "انتخاب" (election) finds it.
    html = found(client, "/ar/search/", "انتخاب")
    assert "/ar/world/alintikhabat/" in html and "1 story found" in html
    assert "/ar/world/alintikhabat/" in found(client, "/ar/search/", "الانتخابات")


def test_ukrainian_words_are_found_as_written_in_any_inflection(client, elections):
    for word in ("Києві", "виборів", "ГОЛОСУЄ"):
        html = found(client, "/uk/search/", word)
        assert "/uk/svit/vybory/" in html and "1 story found" in html, word


def test_english_searches_still_stem(client, elections):
    html = found(client, "/search/", "voting elections")
    assert "/world/parliament-votes-on-the-election-date/" in html and "1 story found" in html


def test_a_search_in_no_language_finds_every_language_by_its_own_rules(elections):
    """The admin searches every locale at once: each story matches by its language's stems."""
    from wagtail.models import Page

    def titles(query: str) -> set[str]:
        return {page.title for page in Page.objects.live().search(query)}

    assert titles("انتخاب") == {"البرلمان يصوت على موعد الانتخابات"}
    assert titles("elections") == {"Parliament votes on the election date"}
    assert titles("виборів") == {"Парламент голосує за дату виборів у Києві"}


def test_reindexing_keeps_each_language_stemmed_by_its_rules(client, elections):
    from django.core.management import call_command

    call_command("update_index", verbosity=0)
    assert "/ar/world/alintikhabat/" in found(client, "/ar/search/", "انتخاب")
    assert "/world/parliament-votes-on-the-election-date/" in found(client, "/search/", "voting")


def test_an_operators_configuration_named_after_the_language_is_used(multilingual):
    """PostgreSQL has no Ukrainian stemmer; one the operator installs as "ukrainian" is
    picked up by its name (after `dateline update_index`)."""
    from dateline.search.backend import installed_text_search_configs

    with connection.cursor() as cursor:
        cursor.execute("CREATE TEXT SEARCH CONFIGURATION ukrainian (COPY = simple)")
    installed_text_search_configs.cache_clear()
    try:
        assert text_search_config("uk") == "ukrainian"
    finally:
        installed_text_search_configs.cache_clear()  # the test's transaction drops it
