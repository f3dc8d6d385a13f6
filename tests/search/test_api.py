"""/api/v1/search/: the reader search for API clients, bounded like the page."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.news.factories import ArticleFactory
from tests.search.conftest import PLANNER_SETTING

pytestmark = pytest.mark.django_db


def search(client, **params):
    response = client.get("/api/v1/search/", params)
    assert response["Content-Type"].startswith("application/json")
    return response


def titles(response) -> list[str]:
    return [article["title"] for article in response.json()["results"]]


def test_finds_the_stories_the_search_page_finds_in_the_same_order(client, stories):
    answer = search(client, q="ceasefire")
    assert answer.status_code == 200
    assert titles(answer) == ["Ceasefire talks resume in Geneva", "Parliament passes budget"]
    assert answer.json()["count"] == 2 and answer.json()["more"] is False
    newest = search(client, q="ceasefire", sort="newest")
    assert titles(newest) == ["Parliament passes budget", "Ceasefire talks resume in Geneva"]
    by_ana = search(client, q="ceasefire", author=stories["talks"].authors.first().author_id)
    assert titles(by_ana) == ["Ceasefire talks resume in Geneva"]
    elsewhere = search(client, q="ceasefire", section=stories["cup"].get_parent().pk)
    assert titles(elsewhere) == []


def test_a_story_found_has_the_fields_of_the_article_list(client, stories):
    (found,) = search(client, q="equaliser").json()["results"]
    listed = client.get("/api/v1/articles/").json()["results"]
    assert found == next(a for a in listed if a["id"] == found["id"])


def test_the_count_stops_at_the_cap_and_pages_past_it_are_404(monkeypatch, client, world, ana):
    monkeypatch.setattr("dateline.search.selectors.MAX_RESULTS", 3)
    for number in range(5):
        ArticleFactory(section=world, authors=[ana], title=f"Harbour report {number}",
                       published_at=timezone.now() - timedelta(hours=number))  # fmt: skip
    first = search(client, q="harbour", sort="newest", page_size=2).json()
    assert (first["count"], first["more"], first["next_page"]) == (3, True, 2)
    second = search(client, q="harbour", sort="newest", page_size=2, page=2).json()
    assert [a["title"] for a in second["results"]] == ["Harbour report 2"]
    assert second["next_page"] is None
    assert search(client, q="harbour", page_size=2, page=3).status_code == 404


@pytest.mark.parametrize(
    "params",
    [{}, {"q": ""}, {"q": '"'}, {"q": "x" * 201}, {"q": "x", "sort": "random"},
     {"q": "x", "section": 0}, {"q": "x", "page": 0}, {"q": "x\x00"}],
)  # fmt: skip
def test_bad_input_is_a_400(client, stories, params):
    assert search(client, **params).status_code == 400


def test_an_unknown_section_or_author_is_a_404(client, stories):
    assert search(client, q="x", section=999_999).status_code == 404
    assert search(client, q="x", author=999_999).status_code == 404


def test_a_search_costs_a_fixed_number_of_queries(client, stories, world, ana):
    search(client, q="ceasefire")  # warm Wagtail's per-process caches
    with CaptureQueriesContext(connection) as few:
        search(client, q="ceasefire")
    for number in range(5):
        ArticleFactory(section=world, authors=[ana], title=f"Ceasefire update {number}",
                       tags=["Diplomacy"])  # fmt: skip
    with CaptureQueriesContext(connection) as more:
        search(client, q="ceasefire")
    # One finds, ranks and counts; the cards the rest (and PostgreSQL's planner setting).
    assert len(few) == len(more) == 8 + PLANNER_SETTING
