"""/api/v1/search/: the reader search for API clients, bounded like the page.

The same selector as /search/ finds, ranks and counts at most MAX_RESULTS + 1 stories
in one query; `count` stops at MAX_RESULTS and `more` says there are others. A page
past the first MAX_RESULTS results is a 404, as past the end of any list here.
"""

from typing import Literal

from ninja import Query, Router
from ninja.errors import HttpError
from pydantic import Field

from dateline.api.errors import READ_ERRORS
from dateline.api.fields import Text
from dateline.api.pagination import MAX_ID, PageParams, Paginated, paginate
from dateline.discovery.api import ArticleOut, _article_out, _root
from dateline.news import selectors as news
from dateline.news.models import ArticlePage, AuthorPage, SectionPage
from dateline.search import selectors
from dateline.search.forms import search_words

router = Router(tags=["search"])


class SearchParams(PageParams):
    q: Text(200, min_length=1) = Field(description="The words to find, all of them.")
    sort: Literal["relevance", "newest"] = "relevance"
    section: int | None = Field(
        None, ge=1, le=MAX_ID, description="A section id; includes subsections."
    )
    author: int | None = Field(None, ge=1, le=MAX_ID, description="An author id.")


class SearchList(Paginated):
    results: list[ArticleOut]
    more: bool = Field(
        description="More stories match than `count`: a search lists the first "
        f"{selectors.MAX_RESULTS:,} (narrow it with `section` or `author`)."
    )


@router.get("/", response={200: SearchList, **READ_ERRORS})
def search(request, params: Query[SearchParams]):
    """Published articles matching every word of `q`, best or newest first."""
    words = search_words(params.q)
    if not words:
        raise HttpError(400, "q: give some words to search for.")
    found = selectors.article_search(query=words, filters=_filters(params), sort=params.sort)
    listed = selectors.FoundArticles(found.ids[: selectors.MAX_RESULTS])  # the one past: `more`
    page = paginate(listed, params, count=listed.count())
    ids = page.pop("items")
    cards = news.article_cards(ArticlePage.objects.filter(pk__in=ids), language=None)
    cards = cards.select_related("locale").prefetch_related("tags")
    root = _root(request)
    found_cards = news.in_order(news.attach_sections(cards), ids)
    results = [_article_out(card, request, root) for card in found_cards]
    return {**page, "results": results, "more": found.count() > listed.count()}


def _filters(params: SearchParams) -> selectors.SearchFilters:
    section = author = None
    if params.section is not None:
        section = SectionPage.objects.live().public().filter(pk=params.section).first()
        if section is None:
            raise HttpError(404, "No such section.")
    if params.author is not None:
        author = AuthorPage.objects.live().public().filter(pk=params.author).first()
        if author is None:
            raise HttpError(404, "No such author.")
    return selectors.SearchFilters(section=section, author=author)
