"""Surrogate keys: the names of what a response depends on, collected while it renders.

A cached page records its keys; a change purges a key and with it every page that
showed the changed thing. The vocabulary:

- ``page-<id>``: the page itself and every page that showed it (as a card, a byline,
  a related story, a breadcrumb).
- ``article-<id>``, ``section-<id>``, ``author-<id>``...: the page a response *is*.
- ``listing``: every response that lists content (home, sections, tags, authors,
  feeds, sitemaps, not-found pages): publishing anything changes what they list.
- ``settings``: the site chrome every page shows (site name, tagline, sections menu).
- ``all``: every stored response.
- ``content-<id>``: never sent. Purged with ``page-<id>`` by every change to the page
  except to its comments; what a worker keeps of a page that shows none of its comments
  (its route and row, its body and footer fragments) is stamped with it, so a comment
  approved re-renders only the parts that show comments.
- ``live-<id>``: never sent either. Bumped by every event in a page's live event log
  (dateline.live): each server process watches the counters of the pages its readers
  follow and reads new events once for all of them.
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.paginator import Page as PaginatorPage
from django.db.models import QuerySet
from wagtail.models import Page

LISTING = "listing"
SETTINGS = "settings"
ALL = "all"
PAGE_PREFIX = "page-"
CONTENT_PREFIX = "content-"
LIVE_PREFIX = "live-"

_collected: ContextVar[set[str] | None] = ContextVar("dateline_surrogate_keys", default=None)


def page_key(page_id: int) -> str:
    return f"{PAGE_PREFIX}{page_id}"


def content_key(page_id: int) -> str:
    return f"{CONTENT_PREFIX}{page_id}"


def live_key(page_id: int) -> str:
    return f"{LIVE_PREFIX}{page_id}"


def with_content_keys(keys: Iterable[str]) -> set[str]:
    """These keys, plus ``content-<id>`` for each ``page-<id>``: a change beyond comments."""
    keys = set(keys)
    return keys | as_content_keys(key for key in keys if key.startswith(PAGE_PREFIX))


def as_content_keys(keys: Iterable[str]) -> set[str]:
    """These keys with ``content-<id>`` in place of each ``page-<id>``: for what shows a
    page but none of its comments."""
    return {
        CONTENT_PREFIX + key.removeprefix(PAGE_PREFIX) if key.startswith(PAGE_PREFIX) else key
        for key in keys
    }


def kind_key(page: Page) -> str:
    """``article-12`` for an ArticlePage with id 12: what this response is."""
    name = type(page).__name__.lower()
    kind = name.removesuffix("page") or name
    return f"{kind}-{page.pk}"


def add(*keys: str) -> None:
    """Record that the response being rendered depends on these keys (no-op outside one)."""
    collected = _collected.get()
    if collected is not None:
        collected.update(keys)


@contextmanager
def collecting() -> Iterator[set[str]]:
    """Collect the keys added while the block runs (one request)."""
    keys: set[str] = set()
    token = _collected.set(keys)
    try:
        yield keys
    finally:
        _collected.reset(token)


def pages_in(value, depth: int = 0) -> Iterator[Page]:
    """Pages found in a template context value: itself, a list of them, a paginated page,
    a dict of them, and the pages they carry in their cached properties (section, byline)."""
    if depth > 3:
        return
    if isinstance(value, Page):
        yield value
        if depth < 2:
            for cached in value.__dict__.values():
                if isinstance(cached, Page | list | tuple):
                    yield from pages_in(cached, depth + 2)
    elif isinstance(value, PaginatorPage):
        yield from pages_in(value.object_list, depth + 1)
    elif isinstance(value, QuerySet):
        # Only what the template actually evaluated; never run a query here.
        if value._result_cache is not None:
            yield from pages_in(value._result_cache, depth + 1)
    elif isinstance(value, dict):
        for item in value.values():
            yield from pages_in(item, depth + 1)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from pages_in(item, depth + 1)


def keys_for_context(context: dict) -> set[str]:
    """``page-<id>`` for every page a template context shows."""
    return {page_key(page.pk) for value in context.values() for page in pages_in(value) if page.pk}


PAGE_URL_ARGUMENTS = ("article_id", "page_id")


def keys_for_url_arguments(request) -> set[str]:
    """``page-<id>`` for a view addressed by a page's id (``/comments/article/12/``)."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        return set()
    found = set()
    for name in PAGE_URL_ARGUMENTS:
        value = match.kwargs.get(name)
        if isinstance(value, int) or (isinstance(value, str) and value.isdigit()):
            found.add(page_key(int(value)))
    return found


def header_value(keys: Iterable[str]) -> str:
    return " ".join(sorted(set(keys)))
