"""Reader search over live, public articles, through Wagtail's search backend.

The backend finds and ranks; the cards shown come from `news.selectors.article_cards()`,
the same selector every other listing uses.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone

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
    if filters.published_to is not None:
        end = _start_of(filters.published_to + timedelta(days=1))
        articles = articles.filter(first_published_at__lt=end)
    if sort == "newest":
        return articles.order_by("-first_published_at").search(
            query, operator="and", order_by_relevance=False
        )
    return articles.search(query, operator="and")


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
