"""Rows a worker keeps between renders while nothing they show has changed.

Some reads repeat on every render although their answer changes only when someone
edits something: the served page's own row, the site settings, whether any view
restriction covers a page. Each is kept here stamped with the purge counters of its
surrogate keys, exactly like a page in the page cache: the change signals that purge
pages (dateline.edge.invalidation) also expire these, in every worker and node.

A kept value is shared by every request of the process: treat it as read-only and
hand callers a copy of anything they might change (``copied``). Where no purge
counters exist (development, tests that install no page cache backend) nothing is
kept and every call loads afresh.
"""

import copy
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

from django.db.models import Model, Value
from wagtail.models import Page, PageViewRestriction, Site

from dateline.edge import keys as surrogate
from dateline.edge.store import current_backend

T = TypeVar("T")

# A story's row holds its whole body: a few hundred of the most read ones are plenty.
MAX_ITEMS = 1_000


class ObjectMemory:
    def __init__(self, max_items: int = MAX_ITEMS) -> None:
        self.max_items = max_items
        self.items: OrderedDict[Hashable, tuple[object, tuple]] = OrderedDict()
        self._generations = None
        self._lock = threading.Lock()

    def recall(self, name: Hashable, keys: Iterable[str], load: Callable[[], T]) -> T:
        """The value kept as `name` if none of `keys` (or ``all``) was purged since, else
        `load()`'s, kept."""
        generations = getattr(current_backend(), "generations", None)
        if generations is None:
            return load()
        if generations is not self._generations:
            # A new set of counters (tests install one per test) repeats old values.
            with self._lock:
                self.items.clear()
                self._generations = generations
        item = self.items.get(name)
        if item is not None and generations.is_current(item[1]):
            return item[0]
        stamps = generations.stamp_now({surrogate.ALL, *keys})
        value = load()
        with self._lock:
            self.items[name] = (value, stamps)
            self.items.move_to_end(name)
            while len(self.items) > self.max_items:
                self.items.popitem(last=False)
        return value


memory = ObjectMemory()


def remembered(name: Hashable, keys: Iterable[str], load: Callable[[], T]) -> T:
    return memory.recall(name, keys, load)


def copied(instance: T) -> T:
    """A model instance of one's own: changing it (a form, a cached attribute) changes
    nothing another request sees. Related objects it had loaded are not carried over."""
    if instance is None:
        return None
    duplicate = copy.copy(instance)
    if isinstance(duplicate, Model):
        duplicate._state.fields_cache = {}
    return duplicate


class RememberedSiteSetting:
    """For a BaseSiteSetting model: readers' pages get the settings from memory while no
    setting changed (a save of any of them purges ``settings``).

    Only the reader path (``for_request``, the `settings` template variable) and
    ``remembered_for_site`` use the memory. ``for_site``, which Wagtail's settings editor
    uses, still reads the database: a form must never start from a copy that another
    node's purge has not reached yet, or saving it would undo the newer values.
    """

    @classmethod
    def remembered_for_site(cls, site):
        stored = remembered(
            ("setting", cls, site.pk), {surrogate.SETTINGS}, lambda: cls.for_site(site)
        )
        setting = copied(stored)
        setting._page_url_cache = {}
        return setting

    @classmethod
    def for_request(cls, request):
        attribute = cls.get_cache_attr_name()
        if hasattr(request, attribute):
            return getattr(request, attribute)
        site = Site.find_for_request(request)
        if site is None:
            return super().for_request(request)  # Wagtail's own error
        setting = cls.remembered_for_site(site)
        setting._request = request
        setattr(request, attribute, setting)
        return setting


def _restricted_and_alias_paths() -> tuple[frozenset[str], frozenset[str]]:
    restricted = PageViewRestriction.objects.annotate(alias=Value(False)).order_by()
    aliases = Page.objects.filter(alias_of__isnull=False).annotate(alias=Value(True)).order_by()
    rows = restricted.values_list("alias", "page__path").union(
        aliases.values_list("alias", "path"), all=True
    )  # one query
    paths: dict[bool, set[str]] = {False: set(), True: set()}
    for alias, path in rows:
        paths[bool(alias)].add(path)
    return frozenset(paths[False]), frozenset(paths[True])


def restricted_and_alias_paths() -> tuple[frozenset[str], frozenset[str]]:
    """The paths of the pages that carry a view restriction, and of the alias pages."""
    return remembered(("view-restrictions",), {surrogate.LISTING}, _restricted_and_alias_paths)


def lineage(page) -> set[str]:
    """The paths of the page and of each of its ancestors (none for an unsaved page)."""
    path, step = page.path or "", page.steplen
    return {path[:end] for end in range(step, len(path) + 1, step)}


class RestrictionsFromMemory:
    """For a page model: no view-restriction queries for a page nothing restricts.

    Wagtail asks the database, on every serve, for the restrictions on the page and its
    ancestors (resolving aliases to their source pages). Which paths carry a restriction,
    and which pages are aliases, are kept instead: a restriction saved or deleted purges
    ``all``, a page published (the only way a new page starts being served) purges
    ``listing``. A page under a restriction or an alias still asks Wagtail.
    """

    def get_view_restrictions(self):
        restricted, aliases = restricted_and_alias_paths()
        paths = lineage(self)
        if self.alias_of_id is None and paths.isdisjoint(restricted) and paths.isdisjoint(aliases):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
