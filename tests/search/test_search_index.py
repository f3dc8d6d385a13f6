"""The search index itself: what keeps searching fast on a large archive."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dateline.search.selectors import SearchFilters, article_search

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the expression index is PostgreSQL's"
)
def test_postgresql_matches_through_the_title_and_body_index(stories):
    """Wagtail matches `title || body`; without an index on that expression every search
    read the whole index table (150 ms at 10,000 articles)."""
    with CaptureQueriesContext(connection) as queries:
        assert article_search(query="ceasefire", filters=SearchFilters()).count() == 2
    count_sql = next(q["sql"] for q in queries.captured_queries if "COUNT(*)" in q["sql"])
    assert '("wagtailsearch_indexentry"."title" || "wagtailsearch_indexentry"."body") @@' in (
        count_sql
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'dateline_search_title_body_gin'"
        )
        (definition,) = cursor.fetchone()
    assert definition.endswith("USING gin (((title || body)))")


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite FTS5 query plan")
def test_sqlite_runs_the_full_text_match_once_per_search(stories):
    """Letting SQLite join the FTS table freely made it evaluate the MATCH once per
    article: seconds per search at 10,000 articles."""
    with CaptureQueriesContext(connection) as queries:
        results = article_search(query="ceasefire", filters=SearchFilters())
        assert results.count() == 2
        assert [article.title for article in results[:10]] == [
            "Ceasefire talks resume in Geneva",
            "Parliament passes budget",
        ]
    matching = [q["sql"] for q in queries.captured_queries if " MATCH " in q["sql"]]
    assert len(matching) == 2  # the scores, and the entries of the filtered articles
    for sql in matching:
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN QUERY PLAN " + sql)
            plan = [row[-1] for row in cursor.fetchall()]
        assert not any("VIRTUAL TABLE INDEX 0:=" in step for step in plan), plan
