"""Reader search over live, public articles, through Wagtail's search backend.

The database finds and ranks, at most MAX_RESULTS + 1 stories in one query with its
LIMIT (SQLite FTS5: `SQLiteFullText`; PostgreSQL: Wagtail's ranking query, ids only);
the count is that list's length, and the cards shown come from
`news.selectors.article_cards()`, the same selector every other listing uses.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.core.paginator import Paginator
from django.db import connection, transaction
from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.functional import cached_property
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.models import Locale, Page

from dateline.i18n.languages import is_multilingual, reader_language
from dateline.i18n.selectors import in_language
from dateline.news import selectors as news
from dateline.news.models import ArticleAuthor, ArticlePage, AuthorPage, SectionPage
from dateline.search.backend import search_backend

SORTS = {"relevance": "Most relevant", "newest": "Newest first"}
# A search finds, ranks and counts at most this many stories (and says "more than"):
# nobody reads page 101, and a word in every story of a 100,000-story archive would
# otherwise be ranked and counted in full for every page.
MAX_RESULTS = 1000
# On SQLite, an unfiltered search ranks this many of the best full-text matches before
# it looks up which are live stories (SQLiteFullText.best).
CANDIDATES = 4 * (MAX_RESULTS + 1)


@dataclass(frozen=True)
class SearchFilters:
    section: SectionPage | None = None
    author: AuthorPage | None = None
    published_from: date | None = None
    published_to: date | None = None


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=timezone.get_current_timezone())


def article_search(*, query: str, filters: SearchFilters, sort: str = "relevance"):
    """The live public articles matching `query`, best (or newest) first: at most
    MAX_RESULTS + 1 of them, found and ranked by the database in one bounded query."""
    newest_first = sort == "newest"
    backend = search_backend(language=reader_language())
    if backend.query_compiler_class.__name__ == "SQLiteSearchQueryCompiler":
        # Wagtail's compiler only parses the query here; SQLiteFullText runs it, with
        # the filters on the page table alone (the article's own table holds nothing
        # they read, and every row looked up there costs at 20,000 matches).
        compiler = backend.search(query, ArticlePage.objects.all(), operator="and").query_compiler
        full_text = SQLiteFullText(compiler, backend=backend)
        pages = _narrowed(Page.objects.live().public(), filters)
        if newest_first:
            return FoundArticles(full_text.newest(pages))
        # Without filters the best matches are mostly results: rank a bounded number of
        # them first, and every match only when those do not make the thousand.
        return FoundArticles(full_text.best(pages, first_try=filters == SearchFilters()))
    articles = _narrowed(ArticlePage.objects.live().public(), filters)
    results = backend.search(
        query,
        articles.order_by("-first_published_at") if newest_first else articles,
        operator="and",
        order_by_relevance=not newest_first,
    )
    return FoundArticles(_ids_found_by(results))


def _narrowed(pages: QuerySet, filters: SearchFilters) -> QuerySet:
    """`pages` in the reader's language, narrowed by the reader's filters: conditions on
    the page table's own columns."""
    if is_multilingual():
        # Only the reader's language: by locale id, the field the search index filters on.
        pages = pages.filter(locale=Locale.objects.get(language_code=reader_language()))
    if filters.section is not None:
        pages = pages.descendant_of(filters.section, inclusive=False)
    if filters.author is not None:
        ids = ArticleAuthor.objects.filter(author=filters.author).values_list(
            "article_id", flat=True
        )
        pages = pages.filter(id__in=list(ids))
    if filters.published_from is not None:
        pages = pages.filter(first_published_at__gte=_start_of(filters.published_from))
    if filters.published_to is not None and filters.published_to < date.max:
        end = _start_of(filters.published_to + timedelta(days=1))
        pages = pages.filter(first_published_at__lt=end)
    return pages


def _ids_found_by(results) -> list[int]:
    """The ids of the first MAX_RESULTS + 1 results of another backend's search."""
    first = results[: MAX_RESULTS + 1]
    if hasattr(first, "get_queryset"):
        # PostgreSQL's (and any database backend's): the ranking query with its LIMIT,
        # selecting ids only; the cards of a page load what they show.
        with _index_reads_priced_as_in_memory():
            return list(first.get_queryset().values_list("pk", flat=True))
    return [article.pk for article in first]


# PostgreSQL's default (4) prices a page read out of order as on a spinning disk; 1.1 is
# the usual setting for SSDs and for tables held in memory.
RANDOM_PAGE_COST = "1.1"


@contextmanager
def _index_reads_priced_as_in_memory() -> Iterator[None]:
    """The search query planned with RANDOM_PAGE_COST, for that query alone.

    With the default, PostgreSQL found a common word's matches by reading the whole index
    table (all 100,000 entries' text: 84 ms of a 136 ms search at 100,000 stories), not
    through the GIN index on the text (20,000 entries: 33 ms), the two plans priced
    within 1% of each other. A local setting lasts to the end of the transaction, so the
    value before is put back once the query has run (a caller's transaction may go on).
    `set_config()`, not `SET`: a function takes its value as a bound parameter."""
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('random_page_cost')")
        (before,) = cursor.fetchone()
        cursor.execute("SELECT set_config('random_page_cost', %s, true)", [RANDOM_PAGE_COST])
        yield
        cursor.execute("SELECT set_config('random_page_cost', %s, true)", [before])


class SQLiteFullText:
    """A search in the FTS5 table of Wagtail's SQLite backend, in one query per answer.

    The query starts from the full-text MATCH and reaches each matching story by primary
    key: the FTS5 table, its index entry, the page (CROSS JOIN keeps SQLite to that order).
    Every filter (live, public, language, section, author, dates) is a condition on the
    page's own columns, so the ranking, the ORDER BY and the LIMIT all run inside that one
    query, which returns at most MAX_RESULTS + 1 ids. Left to choose, SQLite walked every
    article and evaluated the MATCH once per row (seconds at 10,000 stories), or listed
    every live article to intersect with the matches (100 ms at 100,000).

    Relevance is Wagtail's: bm25, weighted by the title's length (`title_norm`), ties
    newest id first. Scoring every match is the expensive part (a word in 20,000 stories:
    about 20,000 bm25 evaluations and two row lookups each), so `best()` first scores
    the matches in the FTS5 table alone and keeps the CANDIDATES best before it looks
    anything up: when those hold more than MAX_RESULTS live stories, the results are the
    best of them; otherwise every match is ranked.
    """

    def __init__(self, compiler, *, backend):
        # Only importable where the SQLite backend is in use (its models exist only there).
        from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
        from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry

        expression = MatchExpression(
            compiler.fields or compiler.FTS_TABLE_FIELDS,
            compiler.build_search_query(
                normalize(compiler.query), config=compiler.get_config(backend)
            ),
        )
        self._matches = SQLiteFTSIndexEntry.objects.filter(expression)
        self._entries = SQLiteFTSIndexEntry._meta.get_field("index_entry").related_model

    def newest(self, pages) -> list[int]:
        """The ids of the newest MAX_RESULTS + 1 matching articles among `pages`."""
        matched = self._matches.values("index_entry_id")
        return self._found(matched, pages, order="a.published DESC, a.pk DESC")

    def best(self, pages, *, first_try: bool = True) -> list[int]:
        """The ids of the best MAX_RESULTS + 1 matching articles among `pages`."""
        from modelsearch.backends.database.sqlite.query import BM25

        scored = self._matches.annotate(score=BM25()).values("index_entry_id", "score")
        order = "matched.score * (entry.title_norm + 1.0), a.pk DESC"
        if first_try:
            # The best by bm25 alone (ties to the newest entry), scored in the FTS5 table
            # before any lookup.
            candidates = scored.order_by("score", "-index_entry_id")[:CANDIDATES]
            rows = self._found(candidates, pages, order=order, counted=True)
            # Enough stories among them, or they were every match: that is the answer.
            if len(rows) > MAX_RESULTS or (rows and rows[0][1] < CANDIDATES):
                return [pk for pk, _ in rows]
        return self._found(scored, pages, order=order)

    def _found(self, matched, pages, *, order: str, counted: bool = False) -> list:
        """The ids of the articles among `pages` that `matched` reaches, in `order`,
        MAX_RESULTS + 1 at most; `counted`: rows of (id, how many rows `matched` holds)."""
        matched_sql, matched_params = matched.query.sql_with_params()
        pages_sql, pages_params = (
            pages.order_by().values("pk", published=F("first_published_at")).query
        ).sql_with_params()
        types = get_descendants_content_types_pks(ArticlePage)
        # The ORM's SQL and parameters for `matched` and `pages`, not text from the
        # reader; a CTE keeps the FTS table's own name, which its MATCH clause uses.
        count = ", (SELECT count(*) FROM matched)" if counted else ""
        sql = (
            f"WITH matched AS {'MATERIALIZED' if counted else ''} ({matched_sql}) "  # noqa: S608
            f"SELECT a.pk{count} FROM matched "
            f"CROSS JOIN {self._entries._meta.db_table} AS entry "
            "ON entry.id = matched.index_entry_id "
            f"CROSS JOIN ({pages_sql}) AS a ON a.pk = CAST(entry.object_id AS integer) "
            f"WHERE entry.content_type_id IN ({', '.join(['%s'] * len(types))}) "
            f"ORDER BY {order} LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*matched_params, *pages_params, *types, MAX_RESULTS + 1])
            rows = cursor.fetchall()
        return rows if counted else [pk for (pk,) in rows]


class FoundArticles:
    """The ids of the articles a search found, in order, sliceable and countable for a
    paginator: at most MAX_RESULTS + 1 of them, so the count stops there too."""

    def __init__(self, ids: list[int]):
        self.ids = ids

    def count(self) -> int:
        return len(self.ids)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, key):
        return self.ids[key]  # ids only: result_cards() loads what a page shows


class CappedPaginator(Paginator):
    """Pages of search results counted only up to MAX_RESULTS + 1: past it, the page
    says "more than 1,000" and offers no page beyond the first thousand results."""

    @cached_property
    def count(self) -> int:
        return min(self.object_list.count(), MAX_RESULTS + 1)  # FoundArticles stop there

    @property
    def capped(self) -> bool:
        return self.count > MAX_RESULTS

    @property
    def cap_label(self) -> str:
        return f"{MAX_RESULTS:,}"

    @cached_property
    def num_pages(self) -> int:
        return max(1, -(-min(self.count, MAX_RESULTS) // self.per_page))


def result_cards(ids) -> list:
    """The found articles (their ids, in the order found) as teaser cards with their bodies
    for snippets."""
    cards = news.article_cards(ArticlePage.objects.filter(pk__in=ids)).defer(None)
    return news.in_order(news.attach_sections(cards), ids)


def section_choices() -> list[tuple[str, str]]:
    # By content type, which SQLite reads from its index: with the path order alone it
    # walked every page of the tree in path order (100 ms at 100,000 stories).
    sections = in_language(SectionPage.objects.live().public().type(SectionPage)).order_by("path")
    return [
        (str(pk), "— " * (depth - 3) + title)
        for pk, depth, title in sections.values_list("pk", "depth", "title")
    ]


def author_choices() -> list[tuple[str, str]]:
    authors = AuthorPage.objects.live().public().order_by("title")
    return list(authors.values_list("slug", "title"))
