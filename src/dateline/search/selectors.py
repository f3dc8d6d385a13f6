"""Reader search over live, public articles, through Wagtail's search backend.

The backend finds and ranks; the cards shown come from `news.selectors.article_cards()`,
the same selector every other listing uses.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import CharField
from django.db.models.functions import Cast
from django.utils import timezone
from modelsearch.utils import get_descendants_content_types_pks

from dateline.news import selectors as news
from dateline.news.models import ArticleAuthor, ArticlePage, AuthorPage, SectionPage

SORTS = {"relevance": "Most relevant", "newest": "Newest first"}


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
    if sort == "newest":
        return articles.order_by("-first_published_at").search(
            query, operator="and", order_by_relevance=False
        )
    results = articles.search(query, operator="and")
    if type(results.query_compiler).__name__ == "SQLiteSearchQueryCompiler":
        return SQLiteRankedResults(articles, results.query_compiler, backend=results.backend)
    return results


class SQLiteRankedResults:
    """Relevance-ranked results on SQLite in one FTS5 query.

    The SQLite backend of Wagtail's search ranks by a correlated subquery that repeats
    the full-text MATCH for every matching row, which took tens of seconds at 10,000
    articles. This ranks the MATCH rows once (bm25, same weights) and keeps those whose
    article is in the filtered queryset. Sliceable and countable like SearchResults.
    """

    def __init__(self, articles, compiler, *, backend):
        # Only importable where the SQLite backend is in use (its models exist only there).
        from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
        from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry

        config = compiler.get_config(backend)
        normalized = normalize(compiler.query)
        match = MatchExpression(
            compiler.fields or compiler.FTS_TABLE_FIELDS,
            compiler.build_search_query(normalized, config=config),
        )
        candidates = articles.annotate(object_key=Cast("pk", CharField())).values("object_key")
        self._ranked = (
            SQLiteFTSIndexEntry.objects.filter(match)
            .filter(index_entry__content_type__in=get_descendants_content_types_pks(ArticlePage))
            .filter(index_entry__object_id__in=candidates)
            .annotate(score=compiler._build_rank_expression(compiler.get_search_vectors(), config))
            .order_by("score", "-index_entry__object_id")
            .values_list("index_entry__object_id", flat=True)
        )

    def count(self) -> int:
        return self._ranked.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, key):
        ids = [int(pk) for pk in self._ranked[key]]
        found = ArticlePage.objects.in_bulk(ids)
        return [found[pk] for pk in ids if pk in found]


def result_cards(results) -> list:
    """The found articles, in the order found, as teaser cards with their bodies for snippets."""
    ids = [article.pk for article in results]
    cards = news.article_cards(ArticlePage.objects.filter(pk__in=ids)).defer(None)
    by_id = {card.pk: card for card in news.attach_sections(cards)}
    return [by_id[pk] for pk in ids if pk in by_id]


def section_choices() -> list[tuple[str, str]]:
    return [
        (str(section.pk), "— " * (section.depth - 3) + section.title)
        for section in SectionPage.objects.live().public().order_by("path")
    ]


def author_choices() -> list[tuple[str, str]]:
    return [(author.slug, author.title) for author in news.author_profiles()]
