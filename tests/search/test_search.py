"""Reader search: what a reader gets from /search/."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.news.factories import ArticleFactory, SectionFactory
from tests.search.conftest import PLANNER_SETTING

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [result["article"].title for result in response.context["results"]]


def test_search_finds_headline_and_body_matches_best_first(client, stories):
    response = client.get("/search/", {"q": "ceasefire"})
    assert response.status_code == 200
    assert titles(response) == ["Ceasefire talks resume in Geneva", "Parliament passes budget"]


def test_search_covers_standfirst_tags_and_author_names(client, stories):
    assert titles(client.get("/search/", {"q": "equaliser"})) == ["Cup final goes to extra time"]
    assert titles(client.get("/search/", {"q": "football"})) == ["Cup final goes to extra time"]
    assert titles(client.get("/search/", {"q": "Okafor"})) == ["Parliament passes budget"]


def test_sorting_by_date_puts_the_newest_first(client, stories):
    response = client.get("/search/", {"q": "ceasefire", "sort": "newest"})
    assert titles(response) == ["Parliament passes budget", "Ceasefire talks resume in Geneva"]


def test_filters_narrow_by_section_author_and_date(client, stories, world, ana):
    in_sport = client.get("/search/", {"q": "extra", "section": world.pk})
    assert titles(in_sport) == []
    by_ana = client.get("/search/", {"q": "ceasefire", "author": "ana-ribeiro"})
    assert titles(by_ana) == ["Ceasefire talks resume in Geneva"]
    recent = (timezone.now() - timedelta(days=3)).date().isoformat()
    since = client.get("/search/", {"q": "ceasefire", "published_from": recent})
    assert titles(since) == ["Parliament passes budget"]
    until = client.get("/search/", {"q": "ceasefire", "published_to": recent})
    assert titles(until) == ["Ceasefire talks resume in Geneva"]


def test_matches_are_highlighted_and_everything_else_is_escaped(client, world, ana):
    ArticleFactory(
        section=world,
        authors=[ana],
        title="<b>Bold</b> claims about tariffs",
        standfirst="Tariffs & trade <script>alert(1)</script>",
    )
    html = client.get("/search/", {"q": "tariffs"}).content.decode()
    assert "&lt;b&gt;Bold&lt;/b&gt; claims about <mark>tariffs</mark>" in html
    assert "<mark>Tariffs</mark> &amp; trade &lt;script&gt;" in html
    assert "<script>alert(1)" not in html


def test_snippet_shows_the_body_around_the_match(client, stories):
    response = client.get("/search/", {"q": "debate"})
    snippet = response.context["results"][0]["snippet"]
    assert "mentioned once in the <mark>debate</mark>." in snippet


def test_results_are_paginated(client, world, ana):
    for number in range(12):
        ArticleFactory(section=world, authors=[ana], title=f"Harbour report {number}",
                       published_at=timezone.now() - timedelta(hours=number))  # fmt: skip
    first = client.get("/search/", {"q": "harbour", "sort": "newest"})
    assert len(titles(first)) == 10
    assert "page=2" in first.content.decode()
    second = client.get("/search/", {"q": "harbour", "sort": "newest", "page": 2})
    assert titles(second) == ["Harbour report 10", "Harbour report 11"]


def test_no_results_offers_help(client, stories):
    html = client.get("/search/", {"q": "zeppelin"}).content.decode()
    assert "No stories match “zeppelin”" in html
    assert "Check the spelling" in html
    assert '<a href="/world/">World</a>' in html


def test_search_pages_are_not_indexed(client, stories):
    for params in ({}, {"q": "ceasefire"}, {"q": "zeppelin"}):
        assert (
            '<meta name="robots" content="noindex">'
            in client.get("/search/", params).content.decode()
        )


@pytest.mark.parametrize(
    "params, message",
    [
        ({"q": "x", "section": "999999"}, "Section: Select a valid choice"),
        ({"q": "x", "author": "nobody"}, "Author: Select a valid choice"),
        ({"q": "x", "published_from": "yesterday"}, "Published from: Enter a valid date"),
        ({"q": "x", "sort": "random"}, "Sort by: Select a valid choice"),
        ({"q": "x", "page": "-3"}, "greater than or equal to 1"),
        ({"q": "ceasefire", "page": "99"}, "There are not that many pages of results."),
        (
            {"q": "x", "published_from": "2026-05-02", "published_to": "2026-05-01"},
            "must be on or before",
        ),
        ({"q": "x" * 201}, "at most 200 characters"),
    ],
)
def test_bad_filters_get_a_clear_message_not_an_error(client, stories, params, message):
    response = client.get("/search/", params)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_drafts_never_show_up(client, world, ana):
    ArticleFactory(section=world, authors=[ana], title="Embargoed zeppelin scoop", publish=False)
    assert titles(client.get("/search/", {"q": "zeppelin"})) == []


def test_empty_search_shows_the_form(client, stories):
    response = client.get("/search/", {"q": ""})
    assert response.status_code == 200
    assert 'id="search-page-q"' in response.content.decode()
    assert response.context["results"] == []


@pytest.mark.parametrize(
    "params",
    [
        {"q": '"'},
        {"q": '"unbalanced railway'},
        {"q": 'a* OR "'},
        {"q": "railway", "published_to": "9999-12-31"},
        {"q": "railway", "page": "99999999999999999999"},
    ],
)
def test_odd_input_never_breaks_the_search_page(client, stories, params):
    response = client.get("/search/", params)
    assert response.status_code in {200, 400, 404}


def test_a_search_costs_a_fixed_number_of_queries(client, stories, world, ana):
    client.get("/search/", {"q": "ceasefire"})  # warm Wagtail's per-process caches
    with CaptureQueriesContext(connection) as few:
        assert client.get("/search/", {"q": "ceasefire"}).status_code == 200
    for number in range(5):
        ArticleFactory(section=world, authors=[ana], title=f"Ceasefire update {number}")
    with CaptureQueriesContext(connection) as more:
        client.get("/search/", {"q": "ceasefire"})
    # One query finds, ranks and counts the results, on SQLite and PostgreSQL alike.
    assert len(few) == len(more) == 15 + PLANNER_SETTING


@pytest.mark.parametrize("sort", ["relevance", "newest"])
def test_totals_are_capped_and_said_as_more_than(monkeypatch, client, world, ana, sort):
    monkeypatch.setattr("dateline.search.selectors.MAX_RESULTS", 3)
    for number in range(5):
        ArticleFactory(section=world, authors=[ana], title=f"Harbour report {number}")
    response = client.get("/search/", {"q": "harbour", "sort": sort})
    assert "More than 3 stories found." in response.content.decode()
    assert response.context["page_obj"].paginator.num_pages == 1  # 3 results, 10 a page
    monkeypatch.setattr("dateline.search.selectors.MAX_RESULTS", 5)
    response = client.get("/search/", {"q": "harbour", "sort": sort})
    assert "5 stories found." in response.content.decode()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 query")
def test_an_unfiltered_search_ranks_with_a_limit_in_the_full_text_query(client, stories):
    with CaptureQueriesContext(connection) as queries:
        client.get("/search/", {"q": "ceasefire"})
    ranked = [q["sql"] for q in queries if "bm25" in q["sql"].lower()]
    assert ranked and all("LIMIT 1001" in sql for sql in ranked), ranked


def test_the_limited_ranking_counts_stories_not_other_pages(monkeypatch, client, home, ana):
    # Sections named "Harbour" rank above the stories (short titles): the limited
    # full-text query still finds four stories, so says "more than 3".
    monkeypatch.setattr("dateline.search.selectors.MAX_RESULTS", 3)
    sections = [SectionFactory(title="Harbour", slug=f"harbour-{n}") for n in range(4)]
    for number in range(5):
        ArticleFactory(section=sections[0], authors=[ana], title=f"Harbour report {number}")
    call_command("update_index", verbosity=0)
    response = client.get("/search/", {"q": "harbour"})
    assert "More than 3 stories found." in response.content.decode()
    assert len(titles(response)) == 4


def test_a_page_past_the_cap_is_refused_with_the_reason(monkeypatch, client, world, ana):
    monkeypatch.setattr("dateline.search.selectors.MAX_RESULTS", 3)
    monkeypatch.setattr("dateline.search.views.RESULTS_PER_PAGE", 1)
    for number in range(5):
        ArticleFactory(section=world, authors=[ana], title=f"Harbour report {number}",
                       published_at=timezone.now() - timedelta(hours=number))  # fmt: skip
    last = client.get("/search/", {"q": "harbour", "sort": "newest", "page": 3})
    assert titles(last) == ["Harbour report 2"]
    assert "Page 3 of 3" in last.content.decode()
    past = client.get("/search/", {"q": "harbour", "sort": "newest", "page": 4})
    assert past.status_code == 400
    assert "Search shows the first 3 results: narrow it down." in past.content.decode()


@pytest.mark.parametrize("candidates", [1, 2, 1000])
def test_a_bounded_first_ranking_finds_what_ranking_every_match_finds(
    monkeypatch, client, world, ana, candidates
):
    # Drafts match best ("harbour" over and over): among the first candidates ranked
    # there are too few live stories, so every match is ranked, with the same answer.
    monkeypatch.setattr("dateline.search.selectors.MAX_RESULTS", 3)
    monkeypatch.setattr("dateline.search.selectors.CANDIDATES", candidates)
    for _ in range(3):
        ArticleFactory(section=world, authors=[ana], title="Harbour harbour harbour",
                       standfirst="Harbour harbour.", publish=False)  # fmt: skip
    for number in range(5):
        ArticleFactory(section=world, authors=[ana], title=f"Harbour report {number}")
    response = client.get("/search/", {"q": "harbour"})
    assert "More than 3 stories found." in response.content.decode()
    assert titles(response) == [f"Harbour report {number}" for number in (4, 3, 2, 1)]
