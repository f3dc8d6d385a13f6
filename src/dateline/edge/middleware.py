"""Django's side of the edge: name what each response depends on; 503 when the DB is down."""

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError

from dateline.edge import keys
from dateline.edge.dependencies import response_keys
from dateline.edge.memory import seed_site_settings
from dateline.edge.routing import RouteMemory
from dateline.edge.unavailable import unavailable_response

logger = logging.getLogger(__name__)


class EdgeMiddleware:
    """Collects surrogate keys while a response renders and sends them as ``Surrogate-Key``
    (what they are: dateline.edge.dependencies.response_keys).

    Around the view it also hands Wagtail what this worker keeps: the page's route and
    row (dateline.edge.routing) and the site settings (dateline.edge.memory).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        routes = RouteMemory(request)
        seed_site_settings(request)
        with keys.collecting() as collected:
            response = self.get_response(request)
            routes.finish(request, response)
            found = response_keys(collected, request, response)
        response["Surrogate-Key"] = keys.header_value(found)
        return response

    def process_exception(self, request, exception):
        if settings.DEBUG or not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.error("Database unavailable for %s %s: %s", request.method, request.path, exception)
        return unavailable_response(after_write=request.method not in ("GET", "HEAD"))
