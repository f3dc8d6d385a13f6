"""The search index itself: what keeps searching fast on a large archive."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from dateline.news.models import ArticlePage
from dateline.search.selectors import SearchFilters, article_search, section_choices
from tests.news.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the expression index is PostgreSQL's"
)
def test_postgresql_matches_through_the_title_and_body_index(stories):
    """Wagtail matches `title || body`; without an index on that expression every search
    read the whole index table (150 ms at 10,000 articles)."""
    with CaptureQueriesContext(connection) as queries:
        assert article_search(query="ceasefire", filters=SearchFilters()).count() == 2
    search_sql = next(q["sql"] for q in queries.captured_queries if " @@ " in q["sql"])
    assert '("wagtailsearch_indexentry"."title" || "wagtailsearch_indexentry"."body") @@' in (
        search_sql
    )
    assert search_sql.endswith("LIMIT 1001")  # found, ranked and counted in one query
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'dateline_search_title_body_gin'"
        )
        (definition,) = cursor.fetchone()
    assert definition.endswith("USING gin (((title || body)))")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner setting")
def test_postgresql_plans_the_search_for_index_reads_and_sets_that_back(stories):
    """With the default random_page_cost, a common word at 100,000 stories was found by
    reading the whole index table (136 ms) instead of through the GIN index (67 ms)."""
    with connection.cursor() as cursor:  # a caller's own value, in its transaction
        cursor.execute("SET LOCAL random_page_cost = 2.5")
    with CaptureQueriesContext(connection) as queries:
        assert article_search(query="ceasefire", filters=SearchFilters()).count() == 2
    sqls = [query["sql"] for query in queries.captured_queries]
    search_at = next(n for n, sql in enumerate(sqls) if " @@ " in sql)
    set_at = sqls.index("SELECT set_config('random_page_cost', '1.1', true)")
    assert set_at < search_at < sqls.index("SELECT set_config('random_page_cost', '2.5', true)")
    with connection.cursor() as cursor:  # the transaction goes on with the caller's value
        cursor.execute("SHOW random_page_cost")
        assert cursor.fetchone() == ("2.5",)


def test_a_story_is_found_once_published_and_not_once_deleted(home, world):
    """ArticlePage is indexed by dateline.search.indexing, not by Wagtail's handlers."""
    story = ArticleFactory(section=world, title="Quokka census completed")
    assert list(article_search(query="quokka", filters=SearchFilters())) == [story.pk]
    story.delete()
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM wagtailsearch_indexentry WHERE object_id = %s",
                       [str(story.pk)])  # fmt: skip
        assert cursor.fetchone() == (0,)
    assert list(article_search(query="quokka", filters=SearchFilters())) == []


def _plan(sql: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql)
        return [row[-1] for row in cursor.fetchall()]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite FTS5 query plan")
@pytest.mark.parametrize("sort", ["relevance", "newest"])
@pytest.mark.parametrize("by_author", [False, True])
def test_sqlite_finds_ranks_and_counts_in_one_query_from_the_full_text_index(
    stories, ana, sort, by_author
):
    """Letting SQLite join the FTS table freely made it evaluate the MATCH once per
    article (seconds per search at 10,000 articles), and a filter written as "among the
    live articles" listed every one of them (100 ms at 100,000). The query starts from
    the MATCH and reaches everything else by primary key."""
    filters = SearchFilters(author=ana) if by_author else SearchFilters()
    with CaptureQueriesContext(connection) as queries:
        results = article_search(query="ceasefire", filters=filters, sort=sort)
    titles = ArticlePage.objects.in_bulk(results[:10])
    found = [titles[pk].title for pk in results[:10]]
    expected = ["Ceasefire talks resume in Geneva", "Parliament passes budget"]
    if by_author:
        expected = expected[:1]
    assert found == (expected if sort == "relevance" else expected[::-1])
    assert results.count() == len(expected)
    matching = [q["sql"] for q in queries.captured_queries if " MATCH " in q["sql"]]
    assert len(matching) == 1  # a first ranking of the best candidates held every match
    plan = _plan(matching[0])
    assert plan[0] in {"SCAN wagtailsearch_indexentry_fts VIRTUAL TABLE INDEX 0:M3",
                       "MATERIALIZE matched"}, plan  # fmt: skip
    scans = [step for step in plan if step.startswith("SCAN")]
    assert set(scans) <= {"SCAN wagtailsearch_indexentry_fts VIRTUAL TABLE INDEX 0:M3",
                          "SCAN matched"}, plan  # fmt: skip
    assert "SEARCH wagtailcore_page USING INTEGER PRIMARY KEY (rowid=?)" in plan
    assert "LIMIT 1001" in matching[0]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite FTS5 query plan")
def test_sqlite_ranks_the_best_candidates_in_the_full_text_table_alone(stories):
    """bm25 for every match is the expensive part: the first ranking keeps the best few
    thousand inside the FTS5 query, before any row is looked up."""
    with CaptureQueriesContext(connection) as queries:
        article_search(query="ceasefire", filters=SearchFilters()).count()
    (sql,) = [q["sql"] for q in queries.captured_queries if " MATCH " in q["sql"]]
    candidates = sql[sql.index("(") + 1 : sql.index(") SELECT")]
    assert "bm25(" in candidates and "LIMIT 4004" in candidates
    assert "JOIN" not in candidates


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite query plan")
def test_the_section_choices_read_the_sections_not_the_whole_page_tree(stories):
    """In path order alone SQLite walked every page of the tree to find the sections
    (100 ms at 100,000 stories, on every search page)."""
    with CaptureQueriesContext(connection) as queries:
        assert [title for _, title in section_choices()] == ["World", "Sport"]
    (sql,) = [q["sql"] for q in queries.captured_queries if "news_sectionpage" in q["sql"]]
    assert not any(step.startswith("SCAN wagtailcore_page") for step in _plan(sql))


def _total_changes() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT total_changes()")
        return cursor.fetchone()[0]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 trigger")
def test_sqlite_rewrites_a_full_text_row_only_when_its_text_changes(stories):
    """Refreshing the title weights (every rebuild, every newly indexed page) rewrote the
    full text of every row it touched; a change of text still reaches the FTS5 table."""
    from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry

    entries = SQLiteFTSIndexEntry._meta.get_field("index_entry").related_model.objects.all()
    count = entries.count()
    assert count >= 3
    before = _total_changes()
    entries.update(title_norm=F("title_norm") + 0.5)
    assert _total_changes() - before == count  # the entries, no full-text row

    talks = entries.get(object_id=str(stories["talks"].pk))
    before = _total_changes()
    entries.filter(pk=talks.pk).update(body="armistice signed")
    assert _total_changes() - before > 1  # the entry, then its full-text row (FTS5's tables)
    assert article_search(query="armistice", filters=SearchFilters()).ids == [stories["talks"].pk]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's single writer")
def test_sqlite_update_index_writes_each_batch_in_its_own_transaction(stories, monkeypatch):
    """An atomic rebuild held SQLite's one write lock for the whole run (155 s at 100,000
    stories): comments, edits and new pictures waited 20 s, then failed. Without any
    transaction each story's rewrite committed alone. Counted in transactions open
    beyond the test's own (it runs inside one)."""
    from modelsearch.backends.database.sqlite.sqlite import SQLiteIndex

    from dateline.search.backend import SearchBackend

    index_class = SearchBackend({}).index_class
    before_batch, in_batch = [], []
    tests_own = len(connection.atomic_blocks)

    def spy(cls, record):
        add_items = cls.add_items

        def recording(self, model, objs):
            record.append(len(connection.atomic_blocks) - tests_own)
            return add_items(self, model, objs)

        monkeypatch.setattr(cls, "add_items", recording)

    spy(SQLiteIndex, in_batch)  # Wagtail's own writing of a batch
    if index_class is not SQLiteIndex:
        spy(index_class, before_batch)  # where a batch is handed to the index
    call_command("update_index", verbosity=0)
    assert before_batch and set(before_batch) == {0}  # nothing held between batches
    assert in_batch and set(in_batch) == {1}  # a batch in one transaction
    assert article_search(query="ceasefire", filters=SearchFilters()).count() == 2
