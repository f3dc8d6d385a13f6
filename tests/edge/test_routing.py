"""A page's route is remembered: a cache miss finds its page in one query, never a stale one."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.news.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(home):
    world = SectionFactory(title="World", slug="world")
    return ArticleFactory(section=world, title="Harbour reopens", slug="harbour-reopens")


def render_queries(client, path: str) -> tuple[int, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        status = client.get(path).status_code
    return status, [query["sql"] for query in queries]


def test_a_remembered_route_skips_the_site_and_per_segment_lookups(client, backend, story):
    status, first = render_queries(client, "/world/harbour-reopens/")
    assert status == 200
    status, second = render_queries(client, "/world/harbour-reopens/")
    assert status == 200
    assert any("wagtailcore_site" in sql for sql in first)
    assert not any("wagtailcore_site" in sql for sql in second)
    assert len(second) <= len(first) - 3


def test_without_a_backend_routes_are_not_remembered(client, story):
    render_queries(client, "/world/harbour-reopens/")
    _status, second = render_queries(client, "/world/harbour-reopens/")
    assert any("wagtailcore_site" in sql for sql in second)


def test_an_unpublished_page_is_not_found_even_with_its_route_remembered(
    client, backend, story, commit
):
    client.get("/world/harbour-reopens/")
    commit(story.unpublish)
    assert client.get("/world/harbour-reopens/").status_code == 404


def test_a_renamed_section_moves_its_articles(client, backend, story, commit):
    client.get("/world/harbour-reopens/")
    section = story.get_parent().specific
    section.slug = "planet"
    commit(lambda: section.save_revision().publish())
    assert client.get("/planet/harbour-reopens/").status_code == 200
    assert client.get("/world/harbour-reopens/").status_code in (301, 404)


def test_after_an_edit_the_route_stands_and_the_page_is_read_once(client, backend, story, commit):
    client.get("/world/harbour-reopens/")
    story.title = "Harbour reopens after storm repairs"
    commit(lambda: story.save_revision().publish())
    status, sql = render_queries(client, "/world/harbour-reopens/")
    assert status == 200
    assert not any("wagtailcore_site" in query for query in sql)
    assert not any('"wagtailcore_page"."slug" =' in query for query in sql)  # no segment look-up
    assert "Harbour reopens after storm repairs" in client.get("/world/harbour-reopens/").text


def test_a_page_deleted_and_replaced_at_its_path_is_the_new_one(client, backend, story, commit):
    client.get("/world/harbour-reopens/")
    section = story.get_parent()
    commit(story.delete)
    replacement = commit(
        ArticleFactory, section=section.specific, title="Harbour stays shut", slug="harbour-reopens"
    )
    response = client.get("/world/harbour-reopens/")
    assert response.status_code == 200
    assert replacement.title in response.content.decode()
