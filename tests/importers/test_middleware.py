"""A WordPress archive's page N lands on the same stories of the Dateline listing."""

import re
from datetime import UTC, datetime, timedelta

import pytest

from tests.news.factories import ArticleFactory, AuthorFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr("dateline.news.models.CARDS_PER_PAGE", 2)
    monkeypatch.setattr("dateline.news.pagination.NUMBERED_PAGES", 2)


def titles(response) -> list[str]:
    return re.findall(
        r'class="card-headline"><a href="[^"]*">([^<]+)</a>', response.content.decode()
    )


def test_a_deep_archive_page_lands_on_the_cursor_page_with_the_same_stories(
    client, home, small_pages
):
    world = SectionFactory(title="World", slug="world")
    kate = AuthorFactory(name="Kate Wilson", slug="kate-wilson")
    start = datetime(2020, 1, 1, tzinfo=UTC)
    for number in range(7):
        ArticleFactory(
            section=world,
            authors=[kate],
            tags=["Harbour"],
            title=f"Story {number}",
            published_at=start + timedelta(hours=number),
        )
    for old, listing in (
        ("/author/kate-wilson", kate.url),
        ("/category/world", world.url),
        ("/tag/harbour", "/tags/harbour/"),
    ):
        numbered = client.get(f"{old}/page/2/")
        assert (numbered.status_code, numbered["Location"]) == (301, f"{listing}?page=2")
        deep = client.get(f"{old}/page/4/")
        assert deep.status_code == 302, old  # the story at a position changes
        assert deep["Location"].startswith(f"{listing}?before=")
        assert titles(client.get(deep["Location"])) == ["Story 0"]
        assert titles(client.get(f"{listing}?page=2")) == ["Story 4", "Story 3"]
        assert client.get(f"{old}/page/5/").status_code == 404  # past the last story


def test_a_dateline_page_at_an_archive_address_is_not_shadowed(client, home):
    ArticleFactory(tags=["Harbour"])
    tag = SectionFactory(title="Tag", slug="tag")
    SectionFactory(parent=tag, title="Harbour", slug="harbour")
    response = client.get("/tag/harbour/")
    assert response.status_code == 200  # the section, not a redirect to the tag
