"""Reader search over live, public articles, through Wagtail's search backend.

The backend finds and ranks; the cards shown come from `news.selectors.article_cards()`,
the same selector every other listing uses.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.core.paginator import Paginator
from django.db.models import IntegerField, QuerySet
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.functional import cached_property
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.models import Locale

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


@dataclass(frozen=True)
class SearchFilters:
    section: SectionPage | None = None
    author: AuthorPage | None = None
    published_from: date | None = None
    published_to: date | None = None


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=timezone.get_current_timezone())


def article_search(*, query: str, filters: SearchFilters, sort: str = "relevance"):
    """Search results (lazy, sliceable, countable) of live public articles matching `query`."""
    articles = ArticlePage.objects.live().public()
    if is_multilingual():
        # Only the reader's language: by locale id, the field the search index filters on.
        articles = articles.filter(locale=Locale.objects.get(language_code=reader_language()))
    if filters.section is not None:
        articles = articles.descendant_of(filters.section, inclusive=False)
    if filters.author is not None:
        ids = ArticleAuthor.objects.filter(author=filters.author).values_list(
            "article_id", flat=True
        )
        articles = articles.filter(id__in=list(ids))
    if filters.published_from is not None:
        articles = articles.filter(first_published_at__gte=_start_of(filters.published_from))
    if filters.published_to is not None and filters.published_to < date.max:
        end = _start_of(filters.published_to + timedelta(days=1))
        articles = articles.filter(first_published_at__lt=end)
    newest_first = sort == "newest"
    # The language is a filter too: the limit inside the full-text query would rank
    # every language's stories and keep the reader's from what is left.
    unfiltered = filters == SearchFilters() and not is_multilingual()
    backend = search_backend(language=reader_language())
    results = backend.search(query, articles, operator="and", order_by_relevance=not newest_first)
    if type(results.query_compiler).__name__ == "SQLiteSearchQueryCompiler":
        # Without filters the best matches are the best results: rank only those, with
        # the limit in the full-text query itself.
        limit = MAX_RESULTS + 1 if unfiltered and not newest_first else None
        match = SQLiteMatch(results.query_compiler, backend=results.backend, limit=limit)
        if newest_first:
            return articles.filter(pk__in=match.article_ids()).order_by(
                "-first_published_at", "-pk"
            )
        return SQLiteRankedResults(articles, match)
    if newest_first:
        return backend.search(
            query,
            articles.order_by("-first_published_at"),
            operator="and",
            order_by_relevance=False,
        )
    return results


class SQLiteMatch:
    """One full-text MATCH against the FTS5 table of Wagtail's SQLite search backend.

    Wagtail's backend joins the FTS table to its index entries and lets SQLite pick the
    join order. For a COUNT, or when ordering by date, SQLite walks every article's
    entry and evaluates the MATCH once per row: about 0.7 s for a common word at
    10,000 articles, 5 s for a word in every story. Here the MATCH only ever runs as
    an uncorrelated query of the FTS table alone (under 20 ms for a word in every
    story): on its own for the scores, or as a subquery SQLite runs once, whose rowids
    the entries are looked up by.
    """

    def __init__(self, compiler, *, backend, limit: int | None = None):
        # Only importable where the SQLite backend is in use (its models exist only there).
        from modelsearch.backends.database.sqlite.query import BM25, MatchExpression, normalize
        from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry

        IndexEntry = SQLiteFTSIndexEntry._meta.get_field("index_entry").related_model
        normalized = normalize(compiler.query)
        expression = MatchExpression(
            compiler.fields or compiler.FTS_TABLE_FIELDS,
            compiler.build_search_query(normalized, config=compiler.get_config(backend)),
        )
        rows = SQLiteFTSIndexEntry.objects.filter(expression)
        scored = rows.annotate(score=BM25())
        if limit is not None:
            # ORDER BY bm25 LIMIT n over the articles' rows only (sections and authors
            # share the index): no full ranking, and the n best are all stories.
            articles_only = get_descendants_content_types_pks(ArticlePage)
            scored = scored.filter(index_entry__content_type__in=articles_only)
            scored = scored.order_by("score")[:limit]
        self._scored = scored.values_list("index_entry_id", "score")
        self._limit = limit
        # As a nested queryset the FTS table gets an alias that the MATCH clause does not
        # use, and SQLite re-runs the MATCH per row; the top-level SQL has no alias.
        # The ORM's own SQL and parameters for `rows`, not text from the reader.
        matched = (
            scored.values("index_entry_id") if limit is not None else rows.values("index_entry_id")
        )
        rowids = RawSQL(*matched.query.sql_with_params())  # noqa: S611
        self.entries = IndexEntry.objects.filter(
            id__in=rowids,
            content_type__in=get_descendants_content_types_pks(ArticlePage),
        )

    def article_ids(self):
        """A subquery of the ids of the matching articles."""
        return self.entries.values(article_id=Cast("object_id", IntegerField()))

    def scores(self) -> dict[int, float]:
        """bm25 of every matching index entry, by entry id (lower is better, as in FTS5)."""
        return dict(self._scored)


class SQLiteRankedResults:
    """Relevance-ranked results on SQLite, sliceable and countable like SearchResults.

    The ranking is Wagtail's (bm25, the title weighted by its length), computed once
    per search: the scores, then the matching entries of the articles that pass the
    filters (two queries, each running the MATCH once), then sorted here.
    """

    def __init__(self, articles, match: SQLiteMatch):
        self._articles = articles
        self._match = match
        self._ids: list[int] | None = None
        self._stopped_at_limit = False

    def _ranked_ids(self) -> list[int]:
        if self._ids is None:
            scores = self._match.scores()
            # The full-text query stopped at its limit: there are more matches than the
            # limit, though fewer articles among them (other pages share the index).
            limit = self._match._limit
            self._stopped_at_limit = limit is not None and len(scores) >= limit
            # Filter on the cast id, not object_id itself: SQLite would otherwise probe
            # the (content type, object id) index once per candidate per match.
            entries = (
                self._match.entries.annotate(article_id=Cast("object_id", IntegerField()))
                .filter(article_id__in=self._articles.values("pk"))
                .values_list("id", "article_id", "title_norm")
            )
            ranked = sorted(
                (scores[entry] * (title_norm + 1.0), -article_id)
                for entry, article_id, title_norm in entries
                if entry in scores  # not indexed between the two queries
            )
            self._ids = [-negated for _, negated in ranked]
        return self._ids

    def count(self) -> int:
        found = len(self._ranked_ids())
        return max(found, MAX_RESULTS + 1) if self._stopped_at_limit else found

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, key):
        ids = self._ranked_ids()[key]  # past the ranked ones (a count said "more"): none
        # Only the ids: result_cards() loads what the page shows.
        found = ArticlePage.objects.only("pk").in_bulk(ids)
        return [found[pk] for pk in ids if pk in found]


class CappedPaginator(Paginator):
    """Pages of search results counted only up to MAX_RESULTS + 1: past it, the page
    says "more than 1,000" and offers no page beyond the first thousand results."""

    @cached_property
    def count(self) -> int:
        items = self.object_list
        if isinstance(items, QuerySet):
            return items.values("pk")[: MAX_RESULTS + 1].count()
        return min(items.count(), MAX_RESULTS + 1)  # ranked results' or a backend's own count

    @property
    def capped(self) -> bool:
        return self.count > MAX_RESULTS

    @property
    def cap_label(self) -> str:
        return f"{MAX_RESULTS:,}"

    @cached_property
    def num_pages(self) -> int:
        return max(1, -(-min(self.count, MAX_RESULTS) // self.per_page))


def result_cards(results) -> list:
    """The found articles, in the order found, as teaser cards with their bodies for snippets."""
    ids = [article.pk for article in results]
    cards = news.article_cards(ArticlePage.objects.filter(pk__in=ids)).defer(None)
    by_id = {card.pk: card for card in news.attach_sections(cards)}
    return [by_id[pk] for pk in ids if pk in by_id]


def section_choices() -> list[tuple[str, str]]:
    sections = in_language(SectionPage.objects.live().public()).order_by("path")
    return [
        (str(pk), "— " * (depth - 3) + title)
        for pk, depth, title in sections.values_list("pk", "depth", "title")
    ]


def author_choices() -> list[tuple[str, str]]:
    authors = AuthorPage.objects.live().public().order_by("title")
    return list(authors.values_list("slug", "title"))
