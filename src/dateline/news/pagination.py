"""Pages of teaser cards that cost the same at page 1 and at the end of a ten-year archive.

The first pages are numbered (``?page=2``), counted only as far as they go. Past them a
page is addressed by the story it continues from: ``?before=<cursor>`` lists the stories
published before that one, ``?after=<cursor>`` the ones after it (the way back). A
cursor is the story's publication time (microseconds since 1970, UTC) and id, the two
columns every listing is ordered by and that news/0006 indexes together, so a deep page
is an index range read, not an OFFSET that skips 10,000 rows. A story published or
removed between two page views shifts no keyset page: each continues from a story, not
from a position.

Links to deeper numbered pages outlive the numbering (bookmarks, search engines, a
WordPress site's archive links, this site before issue 19): ``?page=838`` redirects to
the cursor page that starts where page 838 starts today, found by one read of the same
index; a number past the last story is a 404.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.db.models import F, Q, QuerySet
from django.http import Http404

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
NUMBERED_PAGES = 10  # ?page=1..10; deeper pages are reached by cursor
MAX_CURSOR_ID = 2**63 - 1


@dataclass(frozen=True)
class Cursor:
    published_at: datetime
    id: int

    def __str__(self) -> str:
        delta = self.published_at - EPOCH
        microseconds = (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds
        return f"{microseconds}.{self.id}"

    @classmethod
    def parse(cls, value: str) -> "Cursor":
        """The cursor a link carries; anything else is a 404 (never a 500)."""
        try:
            microseconds, _, page_id = value.partition(".")
            published_at = EPOCH + timedelta(microseconds=int(microseconds))
            page_id = int(page_id)
        except (ValueError, OverflowError) as error:
            raise Http404("No such page of results.") from error
        if not 0 < page_id <= MAX_CURSOR_ID:
            raise Http404("No such page of results.")
        return cls(published_at, page_id)

    @classmethod
    def of(cls, article) -> "Cursor":
        return cls(article.first_published_at, article.pk)


class Renumbered(Exception):
    """A numbered page deeper than the numbered pages go, now at ``query`` (a cursor)."""

    def __init__(self, query: str):
        super().__init__(query)
        self.query = query


def page_boundary(cards: QuerySet, number: int, per_page: int) -> QuerySet:
    """The last story of page `number - 1` and the first of page `number`, publication
    time and id only: an index read that skips the pages before, loading no row."""
    start = (number - 1) * per_page
    ends = cards.prefetch_related(None).values_list(F("listed_at"), F("listed_id"))
    return ends[start - 1 : start + 1]


def page_query(cards: QuerySet, number: int, per_page: int) -> str:
    """The query string of page `number` today: ``page=N`` for a numbered page, else the
    cursor of the page that starts where page N starts (one read of the index). A page
    past the last story is a 404."""
    if number <= NUMBERED_PAGES:
        return f"page={number}"
    ends = list(page_boundary(cards, number, per_page))
    if len(ends) < 2:
        raise Http404("No such page of results.")
    return f"before={Cursor(*ends[0])}"


@dataclass
class CardPage:
    """One page of cards and the links around it (``rel=prev`` / ``rel=next``)."""

    object_list: list
    number: int | None  # the page number, for a numbered page
    num_pages: int | None  # known when the numbered pages hold every story
    previous_query: str | None  # "page=2", "after=<cursor>" or None
    next_query: str | None

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self) -> int:
        return len(self.object_list)

    def __bool__(self) -> bool:
        return bool(self.object_list)

    @property
    def has_other_pages(self) -> bool:
        return bool(self.previous_query or self.next_query)


def older_than(cards: QuerySet, cursor: Cursor) -> QuerySet:
    """The cards published before the cursor's story (same time: a lower id), on the
    columns the listing is ordered by (`listed_at`, `listed_id`: news.selectors)."""
    return cards.filter(listed_at__lte=cursor.published_at).filter(
        Q(listed_at__lt=cursor.published_at) | Q(listed_id__lt=cursor.id)
    )


def _newer_than(cards: QuerySet, cursor: Cursor) -> QuerySet:
    return cards.filter(listed_at__gte=cursor.published_at).filter(
        Q(listed_at__gt=cursor.published_at) | Q(listed_id__gt=cursor.id)
    )


def card_page(query, cards: QuerySet, per_page: int) -> CardPage:
    """The page of `cards` (newest first, `news.selectors.NEWEST_FIRST`) that the query
    string names: ``page``, ``before`` or ``after``. Junk or a page past the end is a 404;
    a page number past the numbered pages raises `Renumbered` with its cursor."""
    if before := query.get("before"):
        rows = list(older_than(cards, Cursor.parse(before))[: per_page + 1])
        shown = rows[:per_page]
        if not shown:
            raise Http404("No such page of results.")
        return CardPage(
            shown,
            None,
            None,
            previous_query=f"after={Cursor.of(shown[0])}",
            next_query=f"before={Cursor.of(shown[-1])}" if len(rows) > per_page else None,
        )
    if after := query.get("after"):
        oldest_first = _newer_than(cards, Cursor.parse(after)).reverse()
        rows = list(oldest_first[: per_page + 1])
        shown = rows[:per_page][::-1]
        if not shown:
            raise Http404("No such page of results.")
        return CardPage(
            shown,
            None,
            None,
            previous_query=f"after={Cursor.of(shown[0])}" if len(rows) > per_page else None,
            next_query=f"before={Cursor.of(shown[-1])}",
        )
    try:
        number = int(query.get("page", "1"))
    except ValueError as error:
        raise Http404("No such page of results.") from error
    if number < 1:
        raise Http404("No such page of results.")
    if number > NUMBERED_PAGES:
        raise Renumbered(page_query(cards, number, per_page))
    start = (number - 1) * per_page
    rows = list(cards[start : start + per_page + 1])
    shown = rows[:per_page]
    if not shown and number > 1:
        raise Http404("No such page of results.")
    has_next = len(rows) > per_page
    num_pages = None
    if not has_next:
        num_pages = number
    elif number < NUMBERED_PAGES:
        # Counted only as far as the numbered pages go: a bounded count, never COUNT(*).
        counted = cards.values("pk")[: NUMBERED_PAGES * per_page + 1].count()
        if counted <= NUMBERED_PAGES * per_page:
            num_pages = -(-counted // per_page)
    if not has_next:
        next_query = None
    elif number < NUMBERED_PAGES:
        next_query = f"page={number + 1}"
    else:
        next_query = f"before={Cursor.of(shown[-1])}"
    return CardPage(
        shown,
        number,
        num_pages,
        previous_query=f"page={number - 1}" if number > 1 else None,
        next_query=next_query,
    )
