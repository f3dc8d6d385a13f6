"""Rendered pieces of a page kept between requests, fresh exactly as long as the page cache.

A template tag says what it renders and for which object::

    fragment(context, "article-header", article, render)

and dateline.edge.dependencies says what that fragment shows. The rendered HTML is kept
in Django's cache with the purge counters ("generations", dateline.edge.store) of those
keys, read *before* it rendered; the change signals that purge cached pages bump them,
so a fragment is served only while nothing it shows has changed, in every worker and,
with Redis, on every node. The keys it shows are added to the response's
``Surrogate-Key`` whether it came from the store or not.

A fragment may be rendered inside another (the related box: which stories, then their
cards). The outer one then shows what the inner one shows: it keeps the inner one's keys
and stamps with its own, whether the inner one came from the store or was rendered. So an
outer fragment that must render again (an edit changed what it depends on) can still take
an inner one whose own dependencies did not move.

Previews (unsaved content) are never kept, and where no generations exist (development,
tests that install no page cache backend) every fragment is rendered afresh.
"""

from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import Site

from dateline.edge import keys
from dateline.edge.dependencies import FRAGMENTS
from dateline.edge.store import current_backend

TIMEOUT = 86_400
PREFIX = "dateline:fragment:"


@dataclass(frozen=True)
class _Stored:
    html: str
    sent: tuple[str, ...]
    stamps: tuple[tuple[int, int], ...]


@dataclass
class _Shown:
    """What the fragments served while an outer one renders show, for the outer one."""

    sent: set[str] = field(default_factory=set)
    stamps: set[tuple[int, int]] = field(default_factory=set)

    def add(self, sent, stamps) -> None:
        self.sent.update(sent)
        self.stamps.update(stamps)


_rendering: ContextVar[_Shown | None] = ContextVar("dateline_fragment_rendering", default=None)


def fragment(
    context, name: str, obj, render: Callable[[], str], *, variant: tuple = ()
) -> SafeString:
    """The fragment `name` of `obj` (one of dependencies.FRAGMENTS) from the store while
    nothing it shows has changed, else `render()`'s HTML, kept.

    `variant` names what else the HTML varies with (a sort order, a page number).
    """
    rule = FRAGMENTS[name]
    request = context.get("request")
    generations = getattr(current_backend(), "generations", None)
    if request is None or getattr(request, "is_preview", False):
        return mark_safe(render())  # the bare 500 page; a preview's unsaved content
    if generations is None:
        html = render()
        keys.add(*rule(obj).sent)
        return mark_safe(html)
    site = Site.find_for_request(request)
    parts = (name, site.pk if site else "-", getattr(obj, "pk", "-"), *variant)
    if settings.WAGTAIL_I18N_ENABLED:
        # The same menu or sign-up box reads differently in each language (decision 0022).
        parts += (translation.get_language(),)
    key = PREFIX + ":".join(map(str, parts))
    stored = cache.get(key)
    enclosing = _rendering.get()
    if stored is not None and generations.is_current(stored.stamps):
        keys.add(*stored.sent)
        if enclosing is not None:
            enclosing.add(stored.sent, stored.stamps)
        return mark_safe(stored.html)
    snapshot = generations.snapshot()  # before rendering: a change meanwhile is not missed
    inner = _Shown()
    token = _rendering.set(inner)
    try:
        html = str(render())
    finally:
        _rendering.reset(token)
    depends = rule(obj)  # after rendering: what it shows is loaded by now
    keys.add(*depends.sent)
    sent = tuple(depends.sent | inner.sent)
    stamps = tuple(sorted(set(generations.stamp(snapshot, depends.checked)) | inner.stamps))
    if enclosing is not None:
        enclosing.add(sent, stamps)
    cache.set(key, _Stored(html, sent, stamps), TIMEOUT)
    return mark_safe(html)
