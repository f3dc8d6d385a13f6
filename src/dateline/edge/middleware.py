"""Django's side of the edge: name what each response depends on; 503 when the DB is down."""

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError

from dateline.edge import keys as surrogate
from dateline.edge.routing import RouteMemory
from dateline.edge.unavailable import unavailable_response

logger = logging.getLogger(__name__)


class EdgeMiddleware:
    """Collects surrogate keys while a response renders and sends them as ``Surrogate-Key``.

    Keys come from the page served (a Wagtail hook), from every page in the template
    context (cards, bylines, related stories), from a view's ``article_id``/``page_id``
    URL argument (a page of an article's comments) and from ``keys.add()`` anywhere in
    the render. A response that shows no page of its own (feeds, sitemaps, not-found pages)
    lists content, so it carries ``listing``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        routes = RouteMemory(request)
        with surrogate.collecting() as collected:
            response = self.get_response(request)
            routes.finish(request, response)
            context = getattr(response, "context_data", None)
            if isinstance(context, dict):
                collected |= surrogate.keys_for_context(context)
            collected |= surrogate.keys_for_url_arguments(request)
        if not any(key.startswith(surrogate.PAGE_PREFIX) for key in collected):
            collected.add(surrogate.LISTING)
        collected.add(surrogate.SETTINGS)
        if existing := response.get("Surrogate-Key"):
            collected.update(existing.split())
        response["Surrogate-Key"] = surrogate.header_value(collected)
        return response

    def process_exception(self, request, exception):
        if settings.DEBUG or not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.error("Database unavailable for %s %s: %s", request.method, request.path, exception)
        return unavailable_response(after_write=request.method not in ("GET", "HEAD"))
