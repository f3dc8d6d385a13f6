"""The public read endpoints: what they list and what they never show.

The OpenAPI contract of the whole API is checked in tests/api/test_openapi.py.
"""

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dateline.news.builders import demo_image
from tests.news.factories import ArticleFactory, AuthorFactory, SectionFactory

pytestmark = pytest.mark.django_db


def get(client, path, **params):
    response = client.get(path, params)
    assert response["Content-Type"].startswith("application/json")
    return response


def test_an_articles_tags_are_in_name_order_everywhere_it_lists_them(client, world, ana):
    """The database gives a story's tags in no set order (PostgreSQL's changed from run
    to run), so the API, the feed and the page each list them by name."""
    story = ArticleFactory(section=world, authors=[ana], tags=["Zebra crossings", "apple", "Mango"])
    in_order = ["apple", "Mango", "Zebra crossings"]
    assert get(client, "/api/v1/articles/").json()["results"][0]["tags"] == in_order
    assert get(client, f"/api/v1/articles/{story.pk}/").json()["tags"] == in_order
    feed = client.get("/feeds/json/").json()
    assert feed["items"][0]["tags"] == ["World", *in_order]
    page = client.get(story.url).content.decode()
    assert [page.index(f">{name}</a>") for name in in_order] == sorted(
        page.index(f">{name}</a>") for name in in_order
    )


def test_articles_list_newest_first_with_pagination(client, world, ana):
    for number in range(3):
        ArticleFactory(section=world, authors=[ana], title=f"Story {number}")
    data = get(client, "/api/v1/articles/", page_size=2).json()
    assert data["count"] == 3 and data["next_page"] == 2 and data["previous_page"] is None
    assert [a["title"] for a in data["results"]] == ["Story 2", "Story 1"]
    second = get(client, "/api/v1/articles/", page_size=2, page=2).json()
    assert [a["title"] for a in second["results"]] == ["Story 0"]
    assert get(client, "/api/v1/articles/", page=3, page_size=2).status_code == 404


def test_articles_continue_by_cursor_unmoved_by_new_stories(client, world, ana):
    for number in range(5):
        ArticleFactory(section=world, authors=[ana], title=f"Story {number}")
    first = get(client, "/api/v1/articles/", page_size=2).json()
    assert first["next_cursor"]
    ArticleFactory(section=world, authors=[ana], title="Breaking")  # newer than all
    seen, cursor = [a["title"] for a in first["results"]], first["next_cursor"]
    while cursor:
        page = get(client, "/api/v1/articles/", page_size=2, before=cursor).json()
        seen += [a["title"] for a in page["results"]]
        cursor = page["next_cursor"]
    assert seen == [f"Story {number}" for number in (4, 3, 2, 1, 0)]


@pytest.mark.parametrize(
    "params", [{"before": "junk"}, {"before": "1.1", "page": 2}, {"before": "-1.x"}]
)
def test_a_bad_cursor_is_a_400(client, story, params):
    assert get(client, "/api/v1/articles/", **params).status_code == 400


def test_a_tag_with_a_control_character_is_a_400_naming_it(client, story):
    response = get(client, "/api/v1/articles/", tag="europe\x00")  # PostgreSQL: no NUL
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "tag"


def test_article_fields(client, story):
    article = get(client, "/api/v1/articles/").json()["results"][0]
    assert article["url"] == "http://localhost/world/ceasefire-talks-resume-in-geneva/"
    assert article["section"] == {
        "id": story.section.pk,
        "name": "World",
        "url": "http://localhost/world/",
    }
    assert [a["name"] for a in article["authors"]] == ["Ana Ribeiro", "Tom Okafor"]
    assert article["tags"] == ["Diplomacy", "Europe"]
    assert article["image_url"].startswith("http://localhost/media/images/")
    detail = get(client, f"/api/v1/articles/{story.pk}/").json()
    assert "<p>First paragraph of Ceasefire talks resume in Geneva.</p>" in detail["body_html"]
    assert detail["guid"] == article["guid"]


def test_article_filters_match_the_reader_pages(client, world, ana, story):
    sport = SectionFactory(title="Sport", slug="sport")
    other = AuthorFactory(name="Lena Fischer")
    ArticleFactory(section=sport, authors=[other], title="Cup final", tags=["Football"])

    def titles(**params):
        return [a["title"] for a in get(client, "/api/v1/articles/", **params).json()["results"]]

    assert titles(section=sport.pk) == ["Cup final"]
    assert titles(author=ana.pk) == [story.title]
    assert titles(tag="football") == ["Cup final"]
    assert titles(section=world.pk, tag="football") == []
    assert titles(published_before=story.first_published_at.isoformat()) == []
    assert get(client, "/api/v1/articles/", section=999999).status_code == 404
    assert get(client, "/api/v1/articles/", tag="nope").json()["detail"] == "No such tag."
    assert get(client, "/api/v1/articles/", page_size=500).status_code == 400


def test_sections_and_authors(client, story, ana):
    sections = get(client, "/api/v1/sections/").json()["results"]
    assert [s["title"] for s in sections] == ["World"]
    section = get(client, f"/api/v1/sections/{sections[0]['id']}/").json()
    assert section["url"] == "http://localhost/world/" and section["parent_id"] is None
    ana.x_url = "https://x.com/ana"
    ana.photo = demo_image("Ana portrait", size=(400, 400), initials="AR")
    ana.save_revision().publish()
    author = get(client, f"/api/v1/authors/{ana.pk}/").json()
    assert author["name"] == "Ana Ribeiro" and author["links"] == {"X": "https://x.com/ana"}
    assert author["photo_url"].startswith("http://localhost/media/images/")


def test_api_never_shows_drafts_private_pages_or_emails(client, world, ana, django_user_model):
    user = django_user_model.objects.create_user("ana", "ana.private@example.com", "x" * 12)
    ana.user = user
    ana.save_revision().publish()
    draft = ArticleFactory(section=world, authors=[ana], title="Embargoed", publish=False)
    live = ArticleFactory(section=world, authors=[ana], title="Out now")
    assert get(client, f"/api/v1/articles/{draft.pk}/").status_code == 404
    bodies = [
        get(client, path).content.decode()
        for path in (
            "/api/v1/articles/",
            f"/api/v1/articles/{live.pk}/",
            "/api/v1/authors/",
            f"/api/v1/authors/{ana.pk}/",
        )
    ]
    assert not any("Embargoed" in body or "@example.com" in body for body in bodies)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's plan format")
@pytest.mark.parametrize(
    "params, index",
    [({"author": None}, "news_author_listing_idx"), ({"tag": "europe"}, "news_tag_listing_idx")],
)
def test_an_authors_or_tags_article_list_reads_its_own_index_in_order(
    client, world, ana, params, index
):
    """Filtered by author or tag, the API lists (and pages by cursor and by date) from
    that author's or tag's rows of the listing index: no sort of all their stories."""
    stories = [ArticleFactory(section=world, authors=[ana], tags=["Europe"]) for _ in range(3)]
    params = {**params, "author": ana.pk} if "author" in params else params
    first = get(client, "/api/v1/articles/", page_size=2, **params).json()
    for extra in ({}, {"before": first["next_cursor"]},
                  {"published_before": stories[2].first_published_at.isoformat()}):  # fmt: skip
        with CaptureQueriesContext(connection) as queries:
            listed = get(client, "/api/v1/articles/", page_size=2, **params, **extra)
        assert listed.status_code == 200 and listed.json()["results"]
        (listing,) = [q["sql"] for q in queries if "LIMIT" in q["sql"] and "DESC" in q["sql"]]
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN QUERY PLAN {listing}")
            explained = "\n".join(str(row[-1]) for row in cursor.fetchall())
        assert "TEMP B-TREE" not in explained, explained
        assert "CORRELATED" not in explained, explained
        assert index in explained, explained


def test_numbered_pages_list_every_story_once_with_their_links(client, world, ana):
    for number in range(7):
        ArticleFactory(section=world, authors=[ana], title=f"Story {number}")
    seen, page = [], 1
    while page:
        data = get(client, "/api/v1/articles/", page_size=2, page=page).json()
        assert data["page"] == page and data["count"] == 7
        assert data["previous_page"] == (page - 1 or None)
        seen += [a["title"] for a in data["results"]]
        page = data["next_page"]
    assert seen == [f"Story {number}" for number in range(6, -1, -1)]
    assert data["next_cursor"] is None
    assert get(client, "/api/v1/articles/", page_size=2, page=5).status_code == 404
    third = get(client, "/api/v1/articles/", page_size=2, page=3).json()
    after = get(client, "/api/v1/articles/", page_size=2, before=third["next_cursor"]).json()
    assert [a["title"] for a in after["results"]] == ["Story 0"]


def test_a_deep_page_number_loads_no_story_before_it(client, world, ana):
    """Page N of an author's stories: one read of the listing index (two columns) finds
    where it starts, and the page's own query continues from there, as a cursor page
    does: no OFFSET that loads and skips every story before it."""
    for _ in range(9):
        ArticleFactory(section=world, authors=[ana])
    with CaptureQueriesContext(connection) as first:
        get(client, "/api/v1/articles/", page_size=2, page=2, author=ana.pk)
    with CaptureQueriesContext(connection) as deep:
        listed = get(client, "/api/v1/articles/", page_size=2, page=4, author=ana.pk)
    assert listed.status_code == 200
    assert len(deep) == len(first)
    (boundary,) = [q["sql"] for q in deep if "OFFSET" in q["sql"]]
    assert "LIMIT 2 OFFSET 5" in boundary
    assert boundary.startswith('SELECT "news_articleauthor"."published_at"'), boundary
    if connection.vendor == "sqlite":
        explained = explain(boundary)
        assert "TEMP B-TREE" not in explained, explained
        assert "news_author_listing_idx" in explained, explained


def explain(sql: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
        return "\n".join(str(row[-1]) for row in cursor.fetchall())


def monthly_archive(world, ana) -> list[str]:
    """Three stories in each of four months; their titles newest first."""
    for month in (1, 2, 3, 4):
        for day in (1, 2, 3):
            ArticleFactory(
                section=world,
                authors=[ana],
                title=f"2019-{month:02} day {day}",
                published_at=datetime(2019, month, day, tzinfo=UTC),
            )
    return [f"2019-{month:02} day {day}" for month in (4, 3, 2, 1) for day in (3, 2, 1)]


def test_the_whole_lists_deep_pages_skip_months_by_their_counts(client, world, ana):
    """Unfiltered, page N's start is found from the monthly figures: the index is read
    only within the month that holds it, whatever the depth."""
    newest_first = monthly_archive(world, ana)
    seen, page = [], 1
    while page:
        data = get(client, "/api/v1/articles/", page_size=2, page=page).json()
        seen += [a["title"] for a in data["results"]]
        page = data["next_page"]
    assert seen == newest_first
    with CaptureQueriesContext(connection) as queries:
        data = get(client, "/api/v1/articles/", page_size=2, page=5).json()
    assert [a["title"] for a in data["results"]] == newest_first[8:10]
    (seek,) = [q["sql"] for q in queries if "OFFSET" in q["sql"]]
    assert "LIMIT 1 OFFSET 1" in seek  # the 8th story: the 2nd of February's, not the 8th
    assert get(client, "/api/v1/articles/", page_size=2, page=7).status_code == 404


def test_without_monthly_figures_a_deep_page_is_found_from_the_index(client, world, ana):
    from dateline.discovery.models import ArchiveMonth

    newest_first = monthly_archive(world, ana)
    ArchiveMonth.objects.all().delete()
    data = get(client, "/api/v1/articles/", page_size=2, page=5).json()
    assert [a["title"] for a in data["results"]] == newest_first[8:10]
