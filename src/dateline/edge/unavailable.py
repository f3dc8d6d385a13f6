"""The branded "back in a moment" page, built without touching the database."""

from django.conf import settings
from django.http import HttpResponse
from django.template import loader

RETRY_AFTER_SECONDS = 30


def unavailable_html(*, after_write: bool = False) -> bytes:
    # No request and no context processors: they may need the database that is down.
    context = {"site_name": settings.WAGTAIL_SITE_NAME, "retry": after_write}
    return loader.get_template("edge/unavailable.html").render(context).encode()


def unavailable_response(*, after_write: bool = False) -> HttpResponse:
    response = HttpResponse(unavailable_html(after_write=after_write), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
