"""Pages whose cost grew with the archive at 100,000 stories (docs/benchmarks.md): the
front page with editors' picks, the authors index, a section's feed, the sections and
authors sitemaps. Each reads an index in order; none scans the page table (which holds
every story) or sorts the archive.

SQLite's planner has no statistics here, so its plan is the one a 100,000-story archive
gets; PostgreSQL's is checked at 3,000 stories with statistics (ANALYZE).
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dateline.discovery import selectors as discovery
from dateline.news import selectors
from dateline.news.models import ArticlePage
from tests.news.factories import ArticleFactory, AuthorFactory, SectionFactory
from tests.news.test_pagination import clone_stories

pytestmark = pytest.mark.django_db


@pytest.fixture
def newsroom(home):
    world = SectionFactory(title="World", slug="world")
    authors = [AuthorFactory(name=name) for name in ("Ana Ribeiro", "Tom Okafor")]
    stories = [
        ArticleFactory(section=world, authors=[authors[n % 2]], tags=["Europe"]) for n in range(4)
    ]
    return world, authors, stories


def explain(sql: str, params=None) -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            return "\n".join(str(row[-1]) for row in cursor.fetchall())
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def plans_of(read) -> list[tuple[str, str]]:
    """(sql, plan) of every query `read()` asks that touches the page table; at least one,
    or there would be no plan to check."""
    with CaptureQueriesContext(connection) as queries:
        read()
    plans = [
        (query["sql"], explain(query["sql"]))
        for query in queries
        if "wagtailcore_page" in query["sql"] and "pageviewrestriction" not in query["sql"]
    ]
    assert plans, "the read asked nothing of the page table"
    return plans


def whole_reads(explained: str) -> list[str]:
    """Tables a plan reads whole: SQLite's `SCAN t` without an index, PostgreSQL's
    `Seq Scan on t`."""
    return re.findall(r"SCAN (\w+)$", explained, flags=re.MULTILINE) + re.findall(
        r"Seq Scan on (\w+)", explained
    )


ARCHIVE_TABLES = {"wagtailcore_page", "news_articlepage", "news_articleauthor"}


def front_with_picks(stories):
    picks = [stories[0].pk, stories[2].pk]
    return lambda: selectors.front_page(picks=picks)


def reads(newsroom):
    world, _authors, stories = newsroom
    return {
        "front page with picks": front_with_picks(stories),
        "authors index": lambda: list(selectors.author_profiles()),
        "section feed's section": lambda: discovery.feed_scope(
            site=discovery.Site.objects.get(), kind="section", key="world"
        ),
        "sections sitemap": lambda: list(discovery.sitemap_sections()),
        "authors sitemap": lambda: list(discovery.sitemap_authors()),
    }


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's plan format")
@pytest.mark.parametrize(
    "name",
    [
        "front page with picks",
        "authors index",
        "section feed's section",
        "sections sitemap",
        "authors sitemap",
    ],
)
def test_no_read_of_the_archive_whole_on_sqlite(newsroom, name):
    for sql, explained in plans_of(reads(newsroom)[name]):
        assert not ARCHIVE_TABLES & set(whole_reads(explained)), (sql, explained)
        assert "TEMP B-TREE" not in explained or few_rows_sorted(sql), (sql, explained)


def few_rows_sorted(sql: str) -> bool:
    """A sort that stays small whatever the archive: of rows named by id (the cards
    shown, their bylines by position)."""
    return bool(re.search(r'"(article_id|id|page_ptr_id)" IN \(\d', sql))


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's plan format")
def test_the_front_page_reads_ids_in_index_order_then_loads_only_the_cards_it_shows(newsroom):
    _world, _authors, stories = newsroom
    plans = plans_of(front_with_picks(stories))
    id_reads = [
        (sql, plan)
        for sql, plan in plans
        if sql.startswith('SELECT "news_articlepage"."page_ptr_id"') and " IN (" not in sql
    ]
    assert len(id_reads) == 2, id_reads  # the newest stories, the World block's newest
    for _sql, in_order in id_reads:
        assert "dateline_page_published_idx" in in_order and "TEMP B-TREE" not in in_order
    card_reads = [(sql, plan) for sql, plan in plans if '"news_articlepage"."standfirst"' in sql]
    assert len(card_reads) == 1, card_reads  # every card shown, loaded once
    ((cards, explained),) = card_reads
    assert few_rows_sorted(cards), cards  # named by id
    assert "SCAN" not in explained, explained
    front = selectors.front_page(picks=[stories[0].pk, stories[2].pk])
    assert [front["lead"], *front["top_stories"]][:2] == [stories[0], stories[2]]
    newest = sorted(stories, key=lambda s: (s.first_published_at, s.pk), reverse=True)
    assert [story.pk for story in front["top_stories"][1:]] == [
        s.pk for s in newest if s.pk not in (stories[0].pk, stories[2].pk)
    ]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's plan format")
def test_authors_are_read_in_title_order_from_the_type_index(newsroom):
    ((sql, explained),) = plans_of(lambda: list(selectors.author_profiles()[:50]))[:1]
    assert "dateline_page_type_title_idx (content_type_id=?)" in explained, explained
    assert "TEMP B-TREE" not in explained, explained


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's plan format")
def test_no_read_of_the_archive_whole_on_postgresql(newsroom):
    """At 3,000 stories with statistics, PostgreSQL reads the same pages through
    indexes: no sequential scan of the page, story or byline tables."""
    _world, _authors, stories = newsroom
    clone_stories(stories[0], 3000)
    assert ArticlePage.objects.count() == 3004
    for name, read in reads(newsroom).items():
        for sql, explained in plans_of(read):
            assert not ARCHIVE_TABLES & set(whole_reads(explained)), (name, sql, explained)
