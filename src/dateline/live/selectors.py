"""Reads for live pages: entries a page at a time, key events, the pinned entry, the log."""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from dateline.live.models import ENTRIES_PER_PAGE, LiveBlogPage, LiveChannel, LiveEntry, LiveEvent
from dateline.news.models import AuthorPage

# What a poll answer carries: the tail of the log. A reader further behind reloads.
POLL_WINDOW = 100
# What a (re)connecting stream is sent at most; further behind, it is told to reload.
RESUME_LIMIT = 500


def visible_entries(blog: LiveBlogPage) -> QuerySet:
    """The entries readers see (not deleted), newest first, with what they show loaded."""
    return (
        LiveEntry.objects.filter(blog=blog, deleted_at__isnull=True)
        .prefetch_related(Prefetch("authors", queryset=AuthorPage.objects.order_by("title")))
        .select_related("posted_by")
        .order_by("-pk")
    )


def key_events(blog: LiveBlogPage) -> list[LiveEntry]:
    return list(
        LiveEntry.objects.filter(blog=blog, deleted_at__isnull=True, key_event=True)
        .only("pk", "title", "posted_at", "blog_id", "body")
        .order_by("-pk")
    )


def pinned_entry(blog: LiveBlogPage) -> LiveEntry | None:
    return visible_entries(blog).filter(pinned=True).first()


def last_seq(page_id: int) -> int:
    return LiveChannel.objects.filter(pk=page_id).values_list("last_seq", flat=True).first() or 0


def events_after(page_id: int, after: int, *, limit: int = RESUME_LIMIT) -> list[LiveEvent]:
    """The page's events numbered after `after`, in order (at most `limit`)."""
    return list(
        LiveEvent.objects.filter(channel_id=page_id, seq__gt=after)
        .only("seq", "kind", "data")
        .order_by("seq")[:limit]
    )


def latest_events(page_id: int, *, count: int = POLL_WINDOW) -> list[LiveEvent]:
    events = list(
        LiveEvent.objects.filter(channel_id=page_id)
        .only("seq", "kind", "data")
        .order_by("-seq")[:count]
    )
    events.reverse()
    return events


@dataclass(frozen=True)
class EntriesPage:
    entries: list[LiveEntry]
    from_id: int | None
    older_from: int | None


def entries_page(blog: LiveBlogPage, *, from_id: int | None = None) -> EntriesPage:
    """The newest entries, or (``from_id``) the entry with that id and those older than it."""
    entries = visible_entries(blog)
    if from_id is not None:
        entries = entries.filter(pk__lte=from_id)
    shown = list(entries[: ENTRIES_PER_PAGE + 1])
    older_from = None
    if len(shown) > ENTRIES_PER_PAGE:
        older_from = shown[ENTRIES_PER_PAGE].pk
        shown = shown[:ENTRIES_PER_PAGE]
    return EntriesPage(entries=shown, from_id=from_id, older_from=older_from)


def entry_location(*, blog: LiveBlogPage, entry: LiveEntry) -> str:
    """Where the page shows this entry: the latest page if it is there, else a page of
    older entries that starts with it."""
    newer = visible_entries(blog).filter(pk__gt=entry.pk).count()
    if newer < ENTRIES_PER_PAGE:
        return f"{blog.url}#{entry.anchor}"
    return f"{blog.url}?from={entry.pk}#{entry.anchor}"


def parse_from(request) -> int | None:
    value = request.GET.get("from")
    if value is None:
        return None
    if not value.isdigit() or len(value) > 12:
        raise Http404("No such entry.")
    return int(value)


def live_blog_page(*, blog: LiveBlogPage, request) -> dict:
    """Everything the live blog page shows besides the article parts."""
    from dateline.live.conf import reading_for

    cursor = last_seq(blog.pk)  # read first: the page may show more, never less, than it says
    page = entries_page(blog, from_id=parse_from(request))
    return {
        "entries": page,
        "pinned": pinned_entry(blog) if page.from_id is None else None,
        "key_events": key_events(blog),
        "cursor": cursor,
        "live": reading_for(blog, request) if blog.is_open else None,
    }
