"""Remembered page routes: a miss loads its page in one query instead of one per segment.

Wagtail finds the page for /science/the-village/ by asking the database for the site,
then each path segment's child page and its specific type. This process remembers,
per site and path, which page (and site) answered, stamped with the same purge counters
as the page cache (dependencies.PAGE_ROUTE): moving or renaming anything, saving a
site or publishing a top-level page (the site's root page is kept with it) invalidates
the route. The page's row is kept apart (dateline.edge.memory,
dependencies.page_row): a render of an unchanged page needs no query to find it, the
first render after an edit one, and a page unpublished or deleted since is routed by
Wagtail afresh. Wagtail's own checks (live, view restrictions) still run.
"""

from dataclasses import dataclass
from types import MethodType

from wagtail.models import Page, Site

from dateline.edge.dependencies import PAGE_ROUTE
from dateline.edge.memory import copied, live_page
from dateline.edge.sites import REFUSED, site_keys
from dateline.edge.store import current_backend

MAX_ROUTES = 20_000
ROOT_PAGE = Site._meta.get_field("root_page")


@dataclass(frozen=True)
class Route:
    model: type
    page_id: int
    args: tuple
    kwargs: dict
    site: Site
    root_page: Page | None  # the site's, as the route loaded it: its depth and address
    stamps: tuple


class RouteCache:
    def __init__(self) -> None:
        self.routes: dict[tuple[str, str], Route] = {}

    def prime(self, request, generations, site_key: str) -> bool:
        """Give the request its page route from memory, if still current, and its page:
        from this worker's memory while unchanged, else in one query."""
        route = self.routes.get((site_key, request.path_info))
        if route is None or not generations.is_current(route.stamps):
            return False
        page = live_page(route.page_id, route.model)
        if page is None:
            return False
        site = request._wagtail_site = copied(route.site)
        if route.root_page is not None:
            site.root_page = copied(route.root_page)
        request._wagtail_route_for_request = (page, _bound_to(page, route.args), route.kwargs)
        return True

    def remember(self, request, generations, snapshot, site_key: str) -> None:
        result = getattr(request, "_wagtail_route_for_request", None)
        site = getattr(request, "_wagtail_site", None)
        if not result or site is None:
            return
        page, args, kwargs = result
        if not isinstance(page, Page) or not page.pk:
            return
        if len(self.routes) >= MAX_ROUTES:
            self.routes.clear()
        self.routes[(site_key, request.path_info)] = Route(
            model=type(page),
            page_id=page.pk,
            args=tuple(args or ()),
            kwargs=dict(kwargs or {}),
            site=site,
            root_page=site.root_page if ROOT_PAGE.is_cached(site) else None,
            stamps=generations.stamp(snapshot, PAGE_ROUTE.checked),
        )


def _bound_to(page, args: tuple) -> tuple:
    """The route's arguments for this request's copy of the page: a routable page's view
    (a tag page) is a method bound to the page that answered first; bind it to the copy."""
    return tuple(
        MethodType(arg.__func__, page)
        if isinstance(arg, MethodType) and isinstance(arg.__self__, Page)
        else arg
        for arg in args
    )


_routes = RouteCache()


class RouteMemory:
    """Used by EdgeMiddleware around one request."""

    __slots__ = ("generations", "primed", "site_key", "snapshot")

    def __init__(self, request):
        backend = current_backend()
        self.generations = backend.generations if backend is not None else None
        self.primed = False
        self.snapshot = None
        if self.generations is None or request.method not in ("GET", "HEAD"):
            self.generations = None
            return
        self.site_key = site_keys().key_for(request.META, self.generations, request)
        if self.site_key == REFUSED:
            self.generations = None  # Django answers 400
            return
        self.primed = _routes.prime(request, self.generations, self.site_key)
        if not self.primed:
            self.snapshot = self.generations.snapshot()

    def finish(self, request, response) -> None:
        if self.generations is not None and not self.primed and response.status_code == 200:
            _routes.remember(request, self.generations, self.snapshot, self.site_key)
