"""Rows a worker keeps between renders while nothing they show has changed.

Some reads repeat on every render although their answer changes only when someone
edits something: the served page's own row, the site settings, which pages a view
restriction covers, the home page tag links start from, a page a setting names. Each is
kept here stamped with the purge counters of what it depends on
(dateline.edge.dependencies), exactly like a page in the page cache: the change signals
that purge pages (dateline.edge.invalidation) also expire these, in every worker and
node.

None of this is asked for by the models. The edge hands the kept values to Wagtail where
Wagtail itself looks first: the site settings go on the request, where `for_request`
finds them (`seed_site_settings`, from EdgeMiddleware), and a served page that no view
restriction covers gets its answer before Wagtail's check asks it
(`answer_view_restrictions`, from a `before_serve_page` hook). Readers' code calls
`view_restrictions` and `site_setting` for the same answers outside a page view.

A kept value is shared by every request of the process: treat it as read-only and
hand callers a copy of anything they might change (``copied``). Where no purge
counters exist (development, tests that install no page cache backend) nothing is
kept and every call loads afresh.
"""

import copy
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from functools import partial
from typing import TypeVar

from django.db.models import Model, Q, Value
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.models import Page, PageViewRestriction, Site

from dateline.core.tree import lineage
from dateline.edge import dependencies
from dateline.edge.dependencies import Depends
from dateline.edge.store import current_backend
from dateline.news.selectors import reader_home as find_reader_home

T = TypeVar("T")

# A story's row holds its whole body: a few hundred of the most read ones are plenty.
MAX_ITEMS = 1_000


class ObjectMemory:
    def __init__(self, max_items: int = MAX_ITEMS) -> None:
        self.max_items = max_items
        self.items: OrderedDict[Hashable, tuple[object, tuple]] = OrderedDict()
        self._lock = threading.Lock()

    def recall(
        self, name: Hashable, depends: Depends | Callable[[T], Depends], load: Callable[[], T]
    ) -> T:
        """The value kept as `name` while nothing it `depends` on was purged, else
        `load()`'s, kept. `depends` may be a rule of the loaded value (which page a
        setting names is known once it is loaded)."""
        generations = _generations()
        if generations is None:
            return load()
        item = self.items.get(name)
        if item is not None and generations.is_current(item[1]):
            return item[0]
        if isinstance(depends, Depends):
            stamps = generations.stamp_now(depends.checked)  # before loading
            value = load()
        else:
            snapshot = generations.snapshot()  # before loading: a change meanwhile is not missed
            value = load()
            stamps = generations.stamp(snapshot, depends(value).checked)
        with self._lock:
            self.items[name] = (value, stamps)
            self.items.move_to_end(name)
            while len(self.items) > self.max_items:
                self.items.popitem(last=False)
        return value


memory = ObjectMemory()


def _generations():
    """The purge counters of the page cache backend; None where none is installed
    (development, most tests): then nothing is kept."""
    return getattr(current_backend(), "generations", None)


def keeps_rows() -> bool:
    """Whether this worker keeps rows between renders: where nothing is kept, a reader that
    would take some rows from here had better load them with the rest in one query."""
    return _generations() is not None


def remembered(
    name: Hashable, depends: Depends | Callable[[T], Depends], load: Callable[[], T]
) -> T:
    return memory.recall(name, depends, load)


def copied(instance: T) -> T:
    """A model instance of one's own: changing it (a form, a cached attribute) changes
    nothing another request sees. Related objects it had loaded are not carried over."""
    if instance is None:
        return None
    duplicate = copy.copy(instance)
    if isinstance(duplicate, Model):
        duplicate._state.fields_cache = {}
    return duplicate


# Pages.


def live_page(page_id: int, model: type[Page] = Page) -> Page | None:
    """The live page `page_id` as a `model` (None when it is not live): a copy of this
    worker's while the page is unchanged, else read again (one query).

    The rows the model says its page shows with its own (`ROWS_SHOWN_WITH_PAGE`, foreign
    keys: a lead picture) come in the same query and with the copy: whatever changes
    them purges the page (a picture changed purges every page that shows it)."""
    shown = getattr(model, "ROWS_SHOWN_WITH_PAGE", ())
    stored = remembered(
        ("page", model, page_id),
        dependencies.page_row(page_id),
        lambda: model.objects.select_related(*shown).filter(pk=page_id, live=True).first(),
    )
    page = copied(stored)
    if page is not None:
        loaded = stored._state.fields_cache
        page._state.fields_cache = {name: copied(loaded[name]) for name in shown if name in loaded}
    return page


def pages_at(model: type[Page], paths) -> list:
    """The `model` pages at these tree paths, outermost first: copies of this worker's
    while none of them changed (a page moved or renamed purges everything), else one
    query."""
    paths = frozenset(paths)
    stored = remembered(
        ("pages-at", model, paths),
        dependencies.page_rows,
        lambda: list(model.objects.filter(path__in=paths).order_by("path")),
    )
    return [copied(page) for page in stored]


def pages_with_ids(model: type[Page], ids) -> list:
    """The `model` pages with these ids, in that order (an article's authors): copies of this
    worker's while none of them changed, else one query."""
    ids = tuple(ids)
    if not ids:
        return []
    stored = remembered(
        ("pages-with-ids", model, ids),
        dependencies.page_rows,
        lambda: list(model.objects.filter(pk__in=ids)),
    )
    by_id = {page.pk: page for page in stored}
    return [copied(by_id[pk]) for pk in ids if pk in by_id]


def reader_home():
    """The home page in the reader's language (news.selectors.reader_home), for the
    addresses that start from it (tag pages): a copy of this worker's while no home page
    was published, unpublished or deleted and nothing moved."""
    return copied(
        remembered(
            ("reader-home", translation.get_language()),
            dependencies.READER_HOME,
            find_reader_home,
        )
    )


# Site settings.


def site_setting(model: type[BaseSiteSetting], site: Site, request=None) -> BaseSiteSetting:
    """The `model` setting of `site` as readers see it: this worker's copy while no setting
    changed, else read again. A copy of one's own, bound to `request` for page links.

    Only readers' paths use it. Wagtail's settings editor calls `for_site`, which reads the
    database: with several nodes a purge takes a moment to arrive, and a form filled from
    an old copy would undo the newer values when saved.
    """
    stored = remembered(
        ("setting", model, site.pk), dependencies.SITE_SETTING, lambda: model.for_site(site)
    )
    setting = copied(stored)
    setting._page_url_cache = {}
    if request is not None:
        setting._request = request
    return setting


def _site_setting_for(model, request):
    site = Site.find_for_request(request)
    if site is None:  # no site answers this host: whatever Wagtail does about it
        delattr(request, model.get_cache_attr_name())
        return model.for_request(request)
    return site_setting(model, site, request)


def seed_site_settings(request) -> None:
    """Put every site setting on the request where Wagtail's `for_request` (and the
    `settings` template variable) look first: loaded from this worker's memory when a
    template or a view first reads it. Nothing is kept without a page cache backend."""
    if current_backend() is None:
        return
    for model in settings_registry:
        if issubclass(model, BaseSiteSetting):
            lazy = SimpleLazyObject(partial(_site_setting_for, model, request))
            setattr(request, model.get_cache_attr_name(), lazy)


# View restrictions.


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
    return remembered(
        ("view-restrictions",), dependencies.VIEW_RESTRICTIONS, _restricted_and_alias_paths
    )


def private_pages() -> Q:
    """What Wagtail's `.public()` excludes, as a filter: every page under a view
    restriction (the restricted page and its descendants)."""
    restricted, _aliases = restricted_and_alias_paths()
    private = Q()
    for path in sorted(restricted):
        private |= Q(path__startswith=path)
    return private or Q(pk__in=[])  # nothing is restricted: exclude nothing


def is_unrestricted(page) -> bool:
    """Whether no view restriction covers the page or an ancestor, known without a query:
    the page is no alias and neither it nor an ancestor is restricted or an alias (an alias
    takes its source's restrictions, which only Wagtail resolves)."""
    restricted, aliases = restricted_and_alias_paths()
    paths = lineage(page)
    return page.alias_of_id is None and paths.isdisjoint(restricted) and paths.isdisjoint(aliases)


def view_restrictions(page):
    """Wagtail's `page.get_view_restrictions()`, without a query for a page nothing
    restricts."""
    if is_unrestricted(page):
        return PageViewRestriction.objects.none()
    return page.get_view_restrictions()


def answer_view_restrictions(page) -> None:
    """Before Wagtail serves `page` (this request's own instance): if nothing restricts
    it, its restriction check gets the empty answer instead of asking the database."""
    if is_unrestricted(page):
        page.get_view_restrictions = PageViewRestriction.objects.none
