"""Surrogate keys: the names of what a response depends on, collected while it renders.

A cached page records its keys; a change purges a key and with it every page that
showed the changed thing. The vocabulary (which kept thing uses which key is decided in
one place, dateline.edge.dependencies; which change purges which key in
dateline.edge.invalidation):

- ``page-<id>``: the page itself and every page that showed it (as a card, a byline,
  a related story, a breadcrumb).
- ``article-<id>``, ``section-<id>``, ``author-<id>``...: the page a response *is*.
- ``tag-<id>``: every article whose related stories are the newest sharing this tag:
  a story published with the tag may take a place in all of them.
- ``listing``: every response that lists content (home, sections, tags, authors,
  feeds, sitemaps, not-found pages): publishing anything changes what they list.
- ``settings``: the site chrome every page shows (site name, tagline, sections menu).
- ``corrections``: the corrections log (/corrections/ and its feeds, dateline.desk).
- ``front-<id>``: the curated part of a front (the home page or a section page): its
  lead, top stories and section blocks (dateline.desk).
- ``all``: every stored response.
- ``content-<id>``: never sent. Purged with ``page-<id>`` by every change to the page
  except to its comments; what is kept of a page that shows none of its comments
  is stamped with it, so a comment approved re-renders only the parts that show comments.
- ``comments-<id>``: never sent either. Purged with ``page-<id>`` by every change to the
  page's comments (and its live entries) and by nothing else: what shows a page's
  comments and nothing else of it (the threads, the count) is stamped with it, so an edit
  of the story leaves them.
- ``archive-<yyyy-mm>``: a month of the story archive's sitemap; publishing, changing or
  removing a story first published that month changes it (and nothing else changes it,
  so it carries no ``listing``).
- ``restrictions``: never sent either. Which pages carry a view restriction and which are
  aliases (an alias takes its source's restrictions): an alias saved or removed purges
  it; a restriction changed or a page moved purges everything.
- ``live-<id>``: never sent either. Bumped by every event in a page's live event log
  (dateline.live): each server process watches the counters of the pages its readers
  follow and reads new events once for all of them.
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

LISTING = "listing"
SETTINGS = "settings"
ALL = "all"
CORRECTIONS = "corrections"
FRONT_PREFIX = "front-"
PAGE_PREFIX = "page-"
CONTENT_PREFIX = "content-"
COMMENTS_PREFIX = "comments-"
LIVE_PREFIX = "live-"
TAG_PREFIX = "tag-"
ARCHIVE_PREFIX = "archive-"
RESTRICTIONS = "restrictions"

_collected: ContextVar[set[str] | None] = ContextVar("dateline_surrogate_keys", default=None)


def page_key(page_id: int) -> str:
    return f"{PAGE_PREFIX}{page_id}"


def tag_key(tag_id: int) -> str:
    return f"{TAG_PREFIX}{tag_id}"


def content_key(page_id: int) -> str:
    return f"{CONTENT_PREFIX}{page_id}"


def front_key(page_id: int) -> str:
    return f"{FRONT_PREFIX}{page_id}"


def archive_key(month: str) -> str:
    """``archive-2026-12``: the archive's sitemap file(s) for that UTC month."""
    return f"{ARCHIVE_PREFIX}{month}"


def live_key(page_id: int) -> str:
    return f"{LIVE_PREFIX}{page_id}"


def comments_key(page_id: int) -> str:
    return f"{COMMENTS_PREFIX}{page_id}"


def page_parts(keys: Iterable[str], prefix: str) -> set[str]:
    """For each ``page-<id>`` of these keys, the key of one part of that page: `prefix`
    ``CONTENT_PREFIX`` (everything but its comments) or ``COMMENTS_PREFIX`` (its comments)."""
    return {prefix + key.removeprefix(PAGE_PREFIX) for key in keys if key.startswith(PAGE_PREFIX)}


def kind_key(page) -> str:
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


def header_value(keys: Iterable[str]) -> str:
    return " ".join(sorted(set(keys)))
