"""Rendered pieces of a page kept between requests, fresh exactly as long as the page cache.

A fragment is stored with the purge counters ("generations", see dateline.edge.store)
of the surrogate keys it depends on, read *before* it rendered. The change signals
that purge cached pages bump those counters, so a fragment is served only while
nothing it shows has changed since, in every worker, with or without the page cache.

Where no generations exist (development, tests that do not install a page cache
backend) every fragment is rendered afresh. The keys a fragment shows are added to
the response's Surrogate-Key whether it came from the store or not, so a page cache
in front still learns what the page depends on.
"""

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.core.cache import cache
from django.utils.safestring import SafeString, mark_safe

from dateline.edge import keys as surrogate
from dateline.edge.store import current_backend

TIMEOUT = 86_400


@dataclass(frozen=True)
class Rendered:
    """What a fragment's render function returns."""

    html: str
    # The pages it shows, sent in Surrogate-Key (what EdgeMiddleware would have found).
    shows: frozenset[str] = frozenset()
    # Anything else whose change must re-render it (stamped, never sent).
    depends_on: frozenset[str] = frozenset()
    # False for a fragment that shows pages but none of their comments: a comment
    # approved or removed does not re-render it (it is stamped with their content keys).
    shows_comments: bool = True


@dataclass(frozen=True)
class _Stored:
    html: str
    shows: tuple[str, ...]
    stamps: tuple[tuple[int, int], ...]


_namespace: tuple[object, str] | None = None


def _namespace_for(backend) -> str:
    """A key prefix per page cache backend: a test's fresh backend never sees old fragments."""
    global _namespace
    if _namespace is None or _namespace[0] is not backend:
        _namespace = (backend, uuid.uuid4().hex[:12])
    return _namespace[1]


def cached_fragment(name: str, render: Callable[[], Rendered]) -> SafeString:
    """The fragment `name` from the store if still current, else `render()`'s, stored."""
    backend = current_backend()
    generations = getattr(backend, "generations", None)
    if generations is None:
        rendered = render()
        surrogate.add(*rendered.shows)
        return mark_safe(rendered.html)
    key = f"dateline:fragment:{_namespace_for(backend)}:{name}"
    stored = cache.get(key)
    if stored is not None and generations.is_current(stored.stamps):
        surrogate.add(*stored.shows)
        return mark_safe(stored.html)
    snapshot = generations.snapshot()  # before rendering: a change meanwhile is not missed
    rendered = render()
    surrogate.add(*rendered.shows)
    shown = rendered.shows if rendered.shows_comments else surrogate.as_content_keys(rendered.shows)
    keys = {surrogate.ALL, *shown, *rendered.depends_on}
    stored = _Stored(str(rendered.html), tuple(rendered.shows), generations.stamp(snapshot, keys))
    cache.set(key, stored, TIMEOUT)
    return mark_safe(stored.html)


def page_keys(pages: Iterable) -> frozenset[str]:
    return frozenset(surrogate.page_key(page.pk) for page in pages if page is not None and page.pk)
