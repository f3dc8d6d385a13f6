"""Hot pages cost a fixed number of queries, however many stories, tags or authors they show."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dateline.news.builders import demo_image
from tests.news.factories import ArticleFactory, AuthorFactory, SectionFactory

pytestmark = pytest.mark.django_db


def queries_for(client, url: str) -> int:
    client.get(url)  # warm Wagtail's per-process caches (site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def add_stories(section, count: int, *, authors_each: int = 1, tags_each: int = 1):
    for number in range(count):
        ArticleFactory(
            section=section,
            authors=[AuthorFactory() for _ in range(authors_each)],
            tags=[f"topic-{number}-{tag}" for tag in range(tags_each)],
        )


# Fixed ceilings beside "does not grow": a rise in the fixed cost is caught too. Tests
# render without the page cache's counters, so every fragment is rendered afresh here.
# The home page reads the editors' lineup (one query, dateline.desk) and the view
# restrictions once for all its lists (two fewer); a section page reads its lineup (one);
# a tag page no longer computes the front page it never showed.
LISTING_QUERIES = {"/": 17, "/world/": 16, "/tags/shared/": 12}
# The article's comment region reads the live settings to follow new comments (one query);
# its JSON-LD names the corrections policy page (one query, kept with the JSON-LD fragment).
ARTICLE_QUERIES = 24


@pytest.mark.parametrize("url", LISTING_QUERIES)
def test_listing_pages_do_not_grow_with_the_stories_shown(client, home, url):
    world = SectionFactory(title="World", slug="world")
    for _ in range(2):
        ArticleFactory(section=world, tags=["shared"])
    few = queries_for(client, url)
    assert few == LISTING_QUERIES[url]
    for _ in range(6):
        ArticleFactory(section=world, tags=["shared"], authors=[AuthorFactory(), AuthorFactory()])
    assert queries_for(client, url) == few


def test_article_page_does_not_grow_with_tags_or_authors(client, home):
    world = SectionFactory(title="World", slug="world")
    plain = ArticleFactory(section=world, tags=["one"])
    busy = ArticleFactory(
        section=world,
        tags=[f"tag {number}" for number in range(8)],
        authors=[AuthorFactory() for _ in range(4)],
    )
    add_stories(world, 3, tags_each=2)
    assert queries_for(client, busy.url) == queries_for(client, plain.url) == ARTICLE_QUERIES


def test_the_lead_picture_renditions_are_read_once_for_every_part_that_shows_them(client, home):
    world = SectionFactory(title="World", slug="world")
    story = ArticleFactory(section=world, lead_image=demo_image("Harbour at dawn"))
    client.get(story.url)  # makes the renditions
    with CaptureQueriesContext(connection) as queries:
        response = client.get(story.url)
    html = response.content.decode()
    sizes = ("1200x675", "480x270", "800x450", "1200x630", "1200x900", "1200x1200")
    assert all(f".fill-{size}." in html for size in sizes)  # the body, the head, the JSON-LD
    renditions = [q for q in queries if 'FROM "wagtailimages_rendition"' in q["sql"]]
    assert len(renditions) == 1
