"""Rendered pieces of a page kept between requests, fresh exactly as long as the page cache.

A template tag says what it renders and for which object::

    fragment(context, "article-header", article, render)

and dateline.edge.dependencies says what that fragment shows. The rendered HTML is kept
in Django's cache with the purge counters ("generations", dateline.edge.store) of those
keys, read *before* it rendered; the change signals that purge cached pages bump them,
so a fragment is served only while nothing it shows has changed, in every worker and,
with Redis, on every node. The keys it shows are added to the response's
``Surrogate-Key`` whether it came from the store or not.

Previews (unsaved content) are never kept, and where no generations exist (development,
tests that install no page cache backend) every fragment is rendered afresh.
"""

from collections.abc import Callable
from dataclasses import dataclass

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
    if stored is not None and generations.is_current(stored.stamps):
        keys.add(*stored.sent)
        return mark_safe(stored.html)
    snapshot = generations.snapshot()  # before rendering: a change meanwhile is not missed
    html = str(render())
    depends = rule(obj)  # after rendering: what it shows is loaded by now
    keys.add(*depends.sent)
    stamps = generations.stamp(snapshot, depends.checked)
    cache.set(key, _Stored(html, tuple(depends.sent), stamps), TIMEOUT)
    return mark_safe(html)
