"""Listings page by number first, then by cursor, and stay right while the archive changes."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dateline.news import selectors
from dateline.news.models import ArticleAuthor, ArticlePage
from dateline.news.pagination import NUMBERED_PAGES, Cursor, older_than, page_boundary
from tests.news.factories import ArticleFactory, AuthorFactory, SectionFactory

pytestmark = pytest.mark.django_db

PER_PAGE = 2
START = datetime(2020, 1, 1, tzinfo=UTC)


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr("dateline.news.models.CARDS_PER_PAGE", PER_PAGE)
    monkeypatch.setattr("dateline.news.pagination.NUMBERED_PAGES", 2)


@pytest.fixture
def world(home):
    return SectionFactory(title="World", slug="world")


def archive(section, count: int, *, author=None) -> list[ArticlePage]:
    """`count` stories an hour apart, oldest first; two share a publication time."""
    author = author or AuthorFactory()
    stories = []
    for number in range(count):
        at = START + timedelta(hours=number if number != 1 else 0)
        stories.append(ArticleFactory(section=section, authors=[author], published_at=at))
    return stories


def newest_first(stories) -> list[str]:
    ordered = sorted(stories, key=lambda story: (story.first_published_at, story.pk))
    return [story.title for story in reversed(ordered)]


def titles(response) -> list[str]:
    return re.findall(
        r'class="card-headline"><a href="[^"]*">([^<]+)</a>', response.content.decode()
    )


def link(response, rel: str) -> str | None:
    found = re.search(rf'<a rel="{rel}" href="\?([^"]+)"', response.content.decode())
    return found.group(1).replace("&amp;", "&") if found else None


def walk(client, url: str) -> list[str]:
    """Every title from the first page to the last, following rel=next."""
    seen, query = [], "page=1"
    while query:
        response = client.get(f"{url}?{query}")
        assert response.status_code == 200, query
        seen += titles(response)
        query = link(response, "next")
    return seen


def test_numbered_pages_then_cursors_list_every_story_once_newest_first(client, world, small_pages):
    listed = newest_first(archive(world, 7))
    assert walk(client, "/world/") == listed
    third = client.get("/world/?page=2")
    assert link(third, "next").startswith("before=")
    assert link(third, "prev") == "page=1"


def test_a_new_story_is_in_its_authors_and_tags_listings_from_its_first_save(world):
    """The byline and tag rows carry the publication time the listings order by; a
    story saved new with them writes them dated, with no second write."""
    reporter = AuthorFactory()
    story = ArticlePage(
        title="Harbour reopens", slug="harbour-reopens", standfirst="Ships are back.",
        live=True, first_published_at=START,
    )  # fmt: skip
    story.authors.add(ArticleAuthor(author=reporter))
    story.tags.add("harbour")
    with CaptureQueriesContext(connection) as queries:
        world.add_child(instance=story)
    dated = [
        q["sql"] for q in queries if q["sql"].startswith("UPDATE") and "published_at" in q["sql"]
    ]
    assert not dated
    assert [s.pk for s in selectors.articles_by(reporter)] == [story.pk]
    assert [s.pk for s in selectors.articles_tagged(story.tags.get())] == [story.pk]


def test_a_cursor_page_links_back_to_the_newer_stories(client, world, small_pages):
    archive(world, 7)
    page_2 = client.get("/world/?page=2")
    deep = client.get(f"/world/?{link(page_2, 'next')}")
    back = client.get(f"/world/?{link(deep, 'prev')}")
    assert titles(back) == titles(page_2)


def test_a_deep_page_stays_put_when_stories_are_published_or_removed(client, world, small_pages):
    stories = archive(world, 9)
    deep_query = link(client.get("/world/?page=2"), "next")
    before = titles(client.get(f"/world/?{deep_query}"))
    ArticleFactory(section=world, title="Breaking news")  # newer than all
    stories[-1].unpublish()  # the newest one goes away
    assert titles(client.get(f"/world/?{deep_query}")) == before
    # Removing the story a cursor continues from leaves the cursor working.
    anchor = ArticlePage.objects.get(title=before[0])
    cursor_of_anchor = f"before={Cursor.of(anchor)}"
    following = titles(client.get(f"/world/?{cursor_of_anchor}"))
    anchor.unpublish()
    assert titles(client.get(f"/world/?{cursor_of_anchor}")) == following


@pytest.mark.parametrize(
    "query",
    ["page=3", "page=0", "page=x", "before=junk", "before=1.0", "after=12.x", "before=9" * 40,
     "before=-99999999999999999999.3", "before=1.99999999999999999999999"],
)  # fmt: skip
def test_junk_and_pages_past_the_numbered_ones_are_404(client, world, small_pages, query):
    archive(world, 3)
    assert client.get(f"/world/?{query}").status_code == 404


def test_a_cursor_past_the_oldest_story_is_404(client, world, small_pages):
    stories = archive(world, 3)
    oldest = min(stories, key=lambda story: (story.first_published_at, story.pk))
    assert client.get(f"/world/?before={Cursor.of(oldest)}").status_code == 404


def test_page_numbers_count_only_as_far_as_the_numbered_pages(client, world, small_pages):
    archive(world, 3)
    assert "Page 1 of 2" in client.get("/world/").content.decode()
    archive(world, 4)
    body = client.get("/world/").content.decode()
    assert "Page 1</span>" in body and "Page 1 of" not in body


def by_ana_tagged_europe(section, count: int):
    """Ana's author page and the Europe tag page, each listing `count` stories."""
    ana = AuthorFactory(name="Ana Ribeiro")
    stories = archive(section, count, author=ana)
    for story in stories:
        story.tags.add("Europe")
        story.save_revision().publish()
    return stories, (ana.url, "/tags/europe/")


def test_author_and_tag_pages_page_by_cursor_too(client, world, small_pages):
    _, urls = by_ana_tagged_europe(world, 6)
    for url in urls:
        assert len(walk(client, url)) == 6


def test_an_old_page_number_redirects_to_the_page_with_the_same_stories(client, world, small_pages):
    """Links to ?page=N made before deep pages went by cursor (bookmarks, search
    engines, a WordPress archive) still reach the stories page N holds today."""
    listed = newest_first(archive(world, 9))
    for number in (3, 4, 5):
        response = client.get(f"/world/?page={number}")
        assert response.status_code == 302
        assert response["Location"].startswith("/world/?before=")
        shown = titles(client.get(response["Location"]))
        assert shown == listed[(number - 1) * PER_PAGE : number * PER_PAGE], number
    assert client.get("/world/?page=6").status_code == 404
    assert client.get("/world/?page=838").status_code == 404


def test_a_page_number_just_past_the_last_story_is_404(client, world, small_pages):
    archive(world, 8)  # pages 1-4 full
    assert client.get("/world/?page=4").status_code == 302
    assert client.get("/world/?page=5").status_code == 404


def test_author_and_tag_pages_list_by_first_publication_however_the_story_got_there(
    client, world, small_pages
):
    """The author's and tag's listings order by copies of the publication time (news/0007):
    a draft published later, a tag added after publication and a story backdated on
    import each take the place their first publication gives them."""
    stories, urls = by_ana_tagged_europe(world, 3)
    ana = stories[0].authors.get().author
    draft = ArticleFactory(
        section=world, authors=[ana], tags=["Europe"], publish=False, title="Late draft"
    )
    assert "Late draft" not in walk(client, urls[1])
    draft.get_latest_revision().publish()
    tagged_later = ArticleFactory(section=world, authors=[ana], title="Tagged later")
    tagged_later.tags.add("Europe")
    tagged_later.save_revision().publish()
    backdated = ArticleFactory(section=world, authors=[ana], tags=["Europe"], title="Old one")
    backdated.first_published_at = START - timedelta(days=365)
    backdated.save()
    listed = newest_first(ArticlePage.objects.filter(authors__author=ana))
    assert listed[0] == "Tagged later" and listed[-1] == "Old one"
    for url in urls:
        assert walk(client, url) == listed


def test_old_page_numbers_of_authors_and_tags_redirect_too(client, world, small_pages):
    stories, urls = by_ana_tagged_europe(world, 7)
    listed = newest_first(stories)
    for url in urls:
        response = client.get(f"{url}?page=4")
        assert response.status_code == 302
        assert response["Location"].startswith(f"{url}?before=")
        assert titles(client.get(response["Location"])) == listed[6:7]
        assert client.get(f"{url}?page=5").status_code == 404


def test_an_old_page_number_is_found_with_one_read_of_the_index(client, world, small_pages):
    archive(world, 9)
    with CaptureQueriesContext(connection) as page_one:
        client.get("/world/")
    with CaptureQueriesContext(connection) as redirect:
        assert client.get("/world/?page=5").status_code == 302
    assert len(redirect) <= len(page_one)
    (boundary,) = [query["sql"] for query in redirect if "OFFSET" in query["sql"]]
    assert "LIMIT 2 OFFSET 7" in boundary
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN QUERY PLAN {boundary}")
            explained = "\n".join(str(row[-1]) for row in cursor.fetchall())
        assert "TEMP B-TREE" not in explained, explained
        assert "CORRELATED" not in explained, explained
        assert "dateline_page_published_idx" in explained, explained


def test_cursors_round_trip():
    cursor = Cursor(datetime(2019, 3, 1, 12, 0, 0, 123456, tzinfo=UTC), 42)
    assert str(cursor) == "1551441600123456.42"
    assert Cursor.parse(str(cursor)) == cursor
    assert NUMBERED_PAGES == 10


# Plans (SQLite, whose planner uses no statistics here, so the plan is the one a
# 100,000-story archive gets): newest-first pages and cursor pages read the
# (first_published_at, id) index in order; none sorts in a temporary B-tree or runs
# a subquery per row.


def plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        return "\n".join(str(row[-1]) for row in cursor.fetchall())


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's plan format")
def test_listing_plans_use_the_publication_index(world):
    archive(world, 3)
    cursor = Cursor(START + timedelta(hours=2), 10**6)
    for cards in (
        selectors.article_cards(),
        selectors.section_articles(world),
        selectors.article_cards()[1000:1012],
        selectors.section_articles(world).filter(first_published_at__lte=cursor.published_at),
    ):
        explained = plan(cards)
        assert "TEMP B-TREE" not in explained, explained
        assert "CORRELATED" not in explained, explained
        assert "dateline_page_published_idx" in explained, explained


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's plan format")
def test_author_and_tag_listings_read_their_own_index_in_order(world):
    """Page 1, a cursor page and an old page number's boundary of an author's or a
    tag's stories read that author's or tag's rows of the listing index (news/0007)
    from the cursor on: no sort of all their stories, no subquery per row."""
    stories, _ = by_ana_tagged_europe(world, 3)
    cursor = Cursor.of(stories[1])
    author = stories[0].authors.get().author
    tag = stories[0].tags.get()
    for cards, index in (
        (selectors.articles_by(author), "news_author_listing_idx (author_id=?"),
        (selectors.articles_tagged(tag), "news_tag_listing_idx (tag_id=?"),
    ):
        for query in (cards[:13], older_than(cards, cursor)[:13], page_boundary(cards, 50, 12)):
            explained = plan(query)
            assert "TEMP B-TREE" not in explained, explained
            assert "CORRELATED" not in explained, explained
            assert index in explained, explained
        assert "published_at<?" in plan(older_than(cards, cursor))


def test_a_deep_page_costs_what_the_first_page_costs(client, world, small_pages):
    archive(world, 9)
    client.get("/world/")

    def count(url):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    first = count("/world/?page=2")
    deep = link(client.get("/world/?page=2"), "next")
    assert count(f"/world/?{deep}") <= first


def clone_stories(story: ArticlePage, count: int, *, drafts: bool = False) -> None:
    """`count` copies of `story` a minute apart, by the same author with the same tag,
    written in SQL (PostgreSQL's generate_series): a few thousand rows in a second.
    `drafts`: never published, as an import's drafts are (no publication time)."""
    from wagtail.models import Page

    page_columns = [f.column for f in Page._meta.concrete_fields if f.column != "id"]
    made = {
        "path": "p.path || chr(65 + g / 1000) || lpad((g %% 1000)::text, 3, '0')",
        "slug": "'clone-' || g",
        "url_path": "p.url_path || 'clone-' || g || '/'",
        "translation_key": "gen_random_uuid()",
        "first_published_at": "p.first_published_at - g * interval '1 minute'",
    }
    if drafts:
        made |= {"first_published_at": "NULL", "last_published_at": "NULL", "live": "false"}
    selected = ", ".join(made.get(column, f"p.{column}") for column in page_columns)
    article_columns = [f.column for f in ArticlePage._meta.local_concrete_fields]
    copied = ", ".join("new.id" if c == "page_ptr_id" else f"a.{c}" for c in article_columns)
    author, tag = story.authors.get().author_id, story.tagged_items.get().tag_id
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH new AS (INSERT INTO wagtailcore_page ({', '.join(page_columns)}) "  # noqa: S608
            f"SELECT {selected} FROM wagtailcore_page p, generate_series(1, %s) g "
            f"WHERE p.id = %s RETURNING id, first_published_at), "
            f"articles AS (INSERT INTO news_articlepage ({', '.join(article_columns)}) "
            f"SELECT {copied} FROM new, news_articlepage a WHERE a.page_ptr_id = %s), "
            "bylines AS (INSERT INTO news_articleauthor (sort_order, article_id, author_id, "
            "published_at) SELECT 0, id, %s, first_published_at FROM new) "
            "INSERT INTO news_articletag (content_object_id, tag_id, published_at) "
            "SELECT id, %s, first_published_at FROM new",
            [count, story.pk, story.pk, author, tag],
        )
        cursor.execute("ANALYZE")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's plan format")
def test_author_and_tag_listings_on_postgresql_read_their_index_in_order(world):
    """At a few thousand stories, PostgreSQL too reads an author's or a tag's stories
    from their listing index in order (news/0007): no Sort node, no SubPlan per row."""
    stories, _ = by_ana_tagged_europe(world, 2)
    clone_stories(stories[0], 3000)
    author = stories[0].authors.get().author
    tag = stories[0].tags.get()
    for cards, index in (
        (selectors.articles_by(author), "news_author_listing_idx"),
        (selectors.articles_tagged(tag), "news_tag_listing_idx"),
    ):
        assert cards.count() == 3002
        cursor = Cursor.of(list(cards[1500:1501])[0])
        for query in (cards[:13], older_than(cards, cursor)[:13], page_boundary(cards, 50, 12)):
            sql, params = query.query.sql_with_params()
            with connection.cursor() as db:
                db.execute(f"EXPLAIN {sql}", params)
                explained = "\n".join(row[0] for row in db.fetchall())
            assert "Sort" not in explained, explained
            assert "SubPlan" not in explained, explained
            assert index in explained, explained


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's plan format")
def test_a_sections_newest_first_walk_on_postgresql_starts_past_the_drafts(world):
    """Drafts were never published: no time, which PostgreSQL puts first in a newest-first
    walk of the publication index. A 100,000-story import with 40,000 drafts read them
    all before the first live story of every section (home 67 ms, now 33)."""
    stories, _ = by_ana_tagged_europe(world, 2)
    clone_stories(stories[0], 3000, drafts=True)
    newest = sorted(stories, key=lambda s: (s.first_published_at, s.pk), reverse=True)
    assert [card.pk for card in selectors.section_articles(world)] == [s.pk for s in newest]
    sql, params = selectors.section_articles(world)[:13].query.sql_with_params()
    with connection.cursor() as db:
        db.execute(f"EXPLAIN {sql}", params)
        explained = "\n".join(row[0] for row in db.fetchall())
    assert "first_published_at IS NOT NULL" in explained, explained


def index_rows_read(queryset) -> dict[str, int]:
    """Rows each index of `queryset`'s plan handed on when it ran, by index name
    (PostgreSQL's EXPLAIN ANALYZE)."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as db:
        # Earlier tests' rolled-back rows stay in the tables and indexes until a VACUUM,
        # which cannot run inside a test's transaction, and at a few thousand rows they
        # tip the planner to reading the table and sorting it. At 100,000 stories it
        # walks the listing index in order; that walk, and what it reads, is the point.
        db.execute("SET LOCAL enable_seqscan = off")
        db.execute("SET LOCAL enable_sort = off")
        db.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}", params)
        (plan,) = db.fetchone()[0]
    read: dict[str, int] = {}
    nodes = [plan["Plan"]]
    while nodes:
        node = nodes.pop()
        if "Index Name" in node:
            rows = node["Actual Rows"] * node["Actual Loops"]
            read[node["Index Name"]] = read.get(node["Index Name"], 0) + rows
        nodes += node.get("Plans", [])
    return read


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's plan format")
def test_an_authors_and_a_tags_first_page_read_none_of_their_drafts_on_postgresql(world):
    """A draft's byline and tag rows have no publication time, which PostgreSQL would
    put first in a newest-first walk: an author with thousands of imported drafts had
    them all read before page 1's first story (75 ms at 100,000 stories). Their listing
    indexes leave drafts out (news/0009)."""
    stories, _ = by_ana_tagged_europe(world, 2)
    clone_stories(stories[0], 3000, drafts=True)
    newest = [s.pk for s in sorted(stories, key=lambda s: (s.first_published_at, s.pk))][::-1]
    author = stories[0].authors.get().author
    tag = stories[0].tags.get()
    for cards, index in (
        (selectors.articles_by(author), "news_author_listing_idx"),
        (selectors.articles_tagged(tag), "news_tag_listing_idx"),
    ):
        read = index_rows_read(cards[:13])
        assert [card.pk for card in cards] == newest
        assert read.get(index) == 2, read  # the two published stories, no draft
