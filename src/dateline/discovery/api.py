"""The public read endpoints of the API: /api/v1/articles, /sections, /authors.

Only public facts leave through here, and the schemas below name every field that
does: no emails, no user accounts, no drafts or private pages. Article lists come
from the same selectors as the reader pages and feeds (`news.selectors`).
"""

from datetime import UTC, datetime

from django.db.models import F
from django.http import Http404
from django.utils.html import strip_tags
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field
from taggit.models import Tag

from dateline.api.errors import READ_ERRORS
from dateline.api.fields import Text
from dateline.api.pagination import (
    MAX_ID,
    PageParams,
    Paginated,
    known_id,
    page_answer,
    paginate,
)
from dateline.discovery import selectors as discovery
from dateline.edge import dependencies
from dateline.edge.memory import remembered
from dateline.i18n.languages import codes as language_codes
from dateline.news import selectors as news
from dateline.news.models import ArticlePage, AuthorPage, SectionPage
from dateline.news.pagination import Cursor, older_than, page_boundary
from dateline.news.text import stream_text

router = Router()


class Link(Schema):
    id: int
    name: str
    url: str


class SectionOut(Schema):
    id: int
    title: str
    slug: str
    url: str
    intro: str
    parent_id: int | None


class AuthorOut(Schema):
    id: int
    name: str
    slug: str
    url: str
    role: str
    bio_text: str
    photo_url: str | None
    links: dict[str, str]


class ArticleOut(Schema):
    id: int
    guid: str
    title: str
    url: str
    standfirst: str
    section: Link
    authors: list[Link]
    tags: list[str]
    published_at: datetime | None
    updated_at: datetime | None
    word_count: int
    image_url: str | None
    language: str


class CorrectionOut(Schema):
    id: int
    kind: str = Field(description="correction, clarification or editors_note.")
    text: str
    published_at: datetime


class ArticleDetailOut(ArticleOut):
    corrections: list[CorrectionOut] = Field(
        description="Its corrections, clarifications and editor's notes, oldest first."
    )
    dateline: str
    body_html: str
    body_text: str
    image_caption: str
    image_credit: str


class ArticleList(Paginated):
    results: list[ArticleOut]
    next_cursor: str | None = Field(
        None,
        description="Pass as `before` for the next page: a page deep in the archive costs "
        "what the first one does, and stories published meanwhile shift nothing.",
    )


class SectionList(Paginated):
    results: list[SectionOut]


class AuthorList(Paginated):
    results: list[AuthorOut]


class ArticleFilters(PageParams):
    section: int | None = Field(
        None, ge=1, le=MAX_ID, description="A section id; includes subsections."
    )
    author: int | None = Field(None, ge=1, le=MAX_ID, description="An author id.")
    tag: Text(100) | None = Field(None, description="A tag slug.")
    published_after: datetime | None = None
    published_before: datetime | None = None
    before: str | None = Field(
        None,
        max_length=60,
        description="A `next_cursor`: the stories published before that one (`page` is then 1).",
    )
    page: int = Field(
        1,
        ge=1,
        le=1_000_000,
        description="1 for the first page. A later page starts after the last story of the "
        "page before, found by one read of the listing's index (no OFFSET that loads every "
        "story before it). To walk the whole list, follow `next_cursor`: the same cost at "
        "any depth, and stories published meanwhile do not shift it.",
    )
    language: str | None = Field(
        None, max_length=20, description="A language code (DATELINE_LANGUAGES); all by default."
    )


def _root(request) -> str:
    return discovery.site_for(request).root_url


def _section_out(section, root: str) -> dict:
    parent_id = None
    if section.depth > 3:
        parent_id = (
            SectionPage.objects.filter(path=section.path[: -section.steplen])
            .values_list("pk", flat=True)
            .first()
        )
    return {
        "id": section.pk,
        "title": section.title,
        "slug": section.slug,
        "url": root + section.url,
        "intro": section.intro,
        "parent_id": parent_id,
    }


def _author_out(author, root: str) -> dict:
    photo = author.photo.get_rendition(news.AUTHOR_PHOTO).url if author.photo else None
    return {
        "id": author.pk,
        "name": author.title,
        "slug": author.slug,
        "url": root + author.url,
        "role": author.role,
        "bio_text": strip_tags(author.bio).strip(),
        "photo_url": (root + photo if photo and photo.startswith("/") else photo),
        "links": dict(author.profile_links),
    }


def _article_out(article, request, root: str) -> dict:
    image = article.lead_image.get_rendition(news.CARD_IMAGE).url if article.lead_image else None
    return {
        "id": article.pk,
        "guid": discovery.article_guid(article, discovery.site_for(request)),
        "title": article.title,
        "url": root + article.url,
        "standfirst": article.standfirst,
        "section": {
            "id": article.section.pk,
            "name": article.section.title,
            "url": root + article.section.url,
        },
        "authors": [
            {"id": link.author.pk, "name": link.author.title, "url": root + link.author.url}
            for link in article.authors.all()
        ],
        "tags": [tag.name for tag in article.tag_list],
        "published_at": article.first_published_at,
        "updated_at": discovery.article_modified_at(article),
        "word_count": article.word_count,
        "image_url": (root + image if image and image.startswith("/") else image),
        "language": article.locale.language_code,
    }


def _utc(value: datetime) -> datetime:
    """An aware UTC datetime (naive input is taken as UTC); out-of-range input is a 400."""
    try:
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC)
    except (OverflowError, ValueError) as error:
        raise HttpError(400, "That date is out of range.") from error


def filtered_articles(filters: ArticleFilters):
    """Articles for the API: the reader pages' selectors, combined by intersection.

    Every language unless `language` names one (the API has no language prefix)."""
    if filters.language is not None and filters.language not in language_codes():
        raise HttpError(400, f"language: one of {', '.join(language_codes())}.")
    articles = ArticlePage.objects.all()
    listed_by = news.BY_PUBLICATION  # an author's or tag's own index when one is named
    if filters.section is not None:
        section = SectionPage.objects.live().public().filter(pk=filters.section).first()
        if section is None:
            raise HttpError(404, "No such section.")
        articles = articles.descendant_of(section)
    if filters.author is not None:
        author = AuthorPage.objects.live().public().filter(pk=filters.author).first()
        if author is None:
            raise HttpError(404, "No such author.")
        articles = articles.filter(authors__author=author)
        listed_by = news.BY_BYLINE
    if filters.tag is not None:
        tag = Tag.objects.filter(slug=filters.tag).first()
        if tag is None:
            raise HttpError(404, "No such tag.")
        articles = articles.filter(tagged_items__tag=tag)
        listed_by = news.BY_TAGGING
    articles = news.article_cards(
        articles, language=filters.language, listed_by=listed_by
    ).select_related("locale")
    # On the listing's own columns (the first publication, or its copy in the index
    # read): a range of that index.
    if filters.published_after is not None:
        articles = articles.filter(listed_at__gte=_utc(filters.published_after))
    if filters.published_before is not None:
        articles = articles.filter(listed_at__lt=_utc(filters.published_before))
    return articles.prefetch_related("tags")


# What narrows the article list (all but the paging): any of them set, the list is not
# the whole archive that `whole_archive_seek` counts by month. Derived, so a filter
# added later is one here too.
_FILTERS = tuple(
    name
    for name in ArticleFilters.model_fields
    if name not in PageParams.model_fields and name != "before"
)


@router.get("/articles/", response={200: ArticleList, **READ_ERRORS}, tags=["articles"])
def article_list(request, filters: Query[ArticleFilters]):
    """Published articles, newest first: by `page`, or after a `next_cursor` (`before`)."""
    articles = filtered_articles(filters)
    count = listing_count(articles, filters)
    if filters.before is not None:
        if filters.page != 1:
            raise HttpError(400, "Give either page or before, not both.")
        try:
            cursor = Cursor.parse(filters.before)
        except Http404 as error:
            raise HttpError(400, "before: not a cursor this API gave.") from error
        rows = list(older_than(articles, cursor)[: filters.page_size + 1])
        page = {
            "count": count,
            "page": 1,
            "page_size": filters.page_size,
            "next_page": None,
            "previous_page": None,
            "items": rows[: filters.page_size],
        }
        more = len(rows) > filters.page_size
    else:
        page, more = numbered_page(articles, filters, count)
    root = _root(request)
    cards = news.attach_sections(page.pop("items"))
    next_cursor = str(Cursor.of(cards[-1])) if more and cards else None
    results = [_article_out(article, request, root) for article in cards]
    return {**page, "results": results, "next_cursor": next_cursor}


def numbered_page(articles, filters: ArticleFilters, count: int) -> tuple[dict, bool]:
    """Page `page` of the articles, and whether another follows. Not an OFFSET that loads
    and skips every story before the page (98 ms for page 2,702 of a 100,000-story
    archive): the page continues from the last story of the page before, as a `before`
    cursor page does. That story is found by one read of the listing's index
    (publication time and id, no row loaded: `news.pagination.page_boundary`), and for
    the unfiltered list by the monthly figures and a read within one month
    (`whole_archive_seek`). Past the end: a 404."""
    size = filters.page_size
    if filters.page > 1:
        last_before = (
            whole_archive_seek(articles, filters)
            or list(page_boundary(articles, filters.page, size))[:1]
        )
        if not last_before:
            raise HttpError(404, "No such page of results.")
        articles = older_than(articles, Cursor(*last_before[0]))
    rows = list(articles[: size + 1])
    if not rows and filters.page > 1:
        raise HttpError(404, "No such page of results.")
    more = len(rows) > size
    return page_answer(filters, count=count, items=rows[:size], more=more), more


def whole_archive_seek(articles, filters: ArticleFilters) -> list[tuple] | None:
    """For the list of every story (no filter), the last story of the page before, from
    the whole archive's monthly figures (`discovery.ArchiveMonth`): months newer than
    its own are skipped by their counts, and the index is read only within its month.
    None for a filtered list (its stories are not counted by month) or past the end."""
    if any(getattr(filters, name) is not None for name in _FILTERS):
        return None
    found = discovery.archive_position((filters.page - 1) * filters.page_size - 1)
    if found is None:
        return None
    month_end, within = found
    ends = articles.filter(listed_at__lt=month_end).prefetch_related(None)
    return list(ends.values_list(F("listed_at"), F("listed_id"))[within : within + 1])


def listing_count(articles, filters: ArticleFilters) -> int:
    """How many articles the filters find, kept by this worker until a story is published
    or removed anywhere (dateline.edge.dependencies.LISTING_COUNT): a COUNT over a
    100,000-story archive on every page of every client is most of a deep page's cost."""
    scope = filters.model_dump(exclude={"page", "page_size", "before"})
    key = ("api-article-count", *scope.items())
    return remembered(key, dependencies.LISTING_COUNT, articles.count)


@router.get(
    "/articles/{article_id}/", response={200: ArticleDetailOut, **READ_ERRORS}, tags=["articles"]
)
def article_detail(request, article_id: int):
    """One published article with its body."""
    if not known_id(article_id):
        raise HttpError(404, "No such article.")
    article = (
        news.article_cards(ArticlePage.objects.filter(pk=article_id), language=None)
        .select_related("locale")
        .defer(None)
        .prefetch_related("tags")
        .first()
    )
    if article is None:
        raise HttpError(404, "No such article.")
    root = _root(request)
    return {
        **_article_out(news.attach_sections([article])[0], request, root),
        "dateline": article.dateline_place,
        "body_html": str(article.body),
        "body_text": stream_text(article.body),
        "image_caption": article.lead_image_caption,
        "image_credit": article.lead_image_credit,
        "corrections": [
            {"id": c.pk, "kind": c.kind, "text": c.text, "published_at": c.published_at}
            for c in article.correction_list
        ],
    }


@router.get("/sections/", response={200: SectionList, **READ_ERRORS}, tags=["sections"])
def section_list(request, params: Query[PageParams]):
    """Every public section, in menu order."""
    page = paginate(discovery.section_queryset(), params)
    root = _root(request)
    return {**page, "results": [_section_out(s, root) for s in page.pop("items")]}


@router.get("/sections/{section_id}/", response={200: SectionOut, **READ_ERRORS}, tags=["sections"])
def section_detail(request, section_id: int):
    sections = discovery.section_queryset()
    section = sections.filter(pk=section_id).first() if known_id(section_id) else None
    if section is None:
        raise HttpError(404, "No such section.")
    return _section_out(section, _root(request))


@router.get("/authors/", response={200: AuthorList, **READ_ERRORS}, tags=["authors"])
def author_list(request, params: Query[PageParams]):
    """Everyone with a public author page, by name."""
    page = paginate(news.author_profiles(), params)
    root = _root(request)
    return {**page, "results": [_author_out(a, root) for a in page.pop("items")]}


@router.get("/authors/{author_id}/", response={200: AuthorOut, **READ_ERRORS}, tags=["authors"])
def author_detail(request, author_id: int):
    authors = news.author_profiles()
    author = authors.filter(pk=author_id).first() if known_id(author_id) else None
    if author is None:
        raise HttpError(404, "No such author.")
    return _author_out(author, _root(request))
