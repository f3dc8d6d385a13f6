"""Which HTTP methods reader-facing URLs answer, and how the others are refused.

Reader pages, feeds, search and the comment endpoints each allow only what they use:
GET and HEAD, and POST where a form posts. OPTIONS answers 200 with the same `Allow`
list; any other method gets 405 with it (RFC 9110, 15.5.6), before the view renders
anything, so a PUT or DELETE never renders a page or touches a form. Wagtail allows
every method on a page unless told; Dateline's pages tell it (READER_HTTP_METHODS).
"""

from collections.abc import Callable, Sequence
from functools import wraps
from http import HTTPMethod

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed

READER_METHODS = ("GET", "HEAD")
# Wagtail pages say it with `allowed_http_methods`, which Wagtail's own before_serve_page
# hook checks (405 with Allow; OPTIONS answered from the same list).
READER_HTTP_METHODS = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS]


def _allow_list(methods: Sequence[str]) -> list[str]:
    allowed = {method.upper() for method in methods}
    if "GET" in allowed:
        allowed.add("HEAD")
    allowed.add("OPTIONS")
    return sorted(allowed)


def refuse_other_methods(request: HttpRequest, methods: Sequence[str]) -> HttpResponse | None:
    """None when `request.method` is one of `methods` (HEAD goes with GET); otherwise the
    answer: 200 with `Allow` to OPTIONS, 405 with `Allow` to anything else."""
    allowed = _allow_list(methods)
    if request.method == "OPTIONS":
        response = HttpResponse(status=200)
        response["Allow"] = ", ".join(allowed)
        response["Content-Length"] = "0"
        return response
    if request.method not in allowed:
        return HttpResponseNotAllowed(allowed)
    return None


def allow_methods(*methods: str) -> Callable:
    """A view decorator: `@allow_methods("GET")`, `@allow_methods("GET", "POST")`."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            refusal = refuse_other_methods(request, methods)
            return refusal if refusal is not None else view(request, *args, **kwargs)

        return wrapped

    return decorator


allow_reading = allow_methods(*READER_METHODS)
