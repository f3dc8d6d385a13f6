"""Request ids and the access log.

Every request gets an id: the X-Request-ID the proxy in front sent (when it looks like
an id), or a new one. The id is echoed in the response, attached to every log line
written while the request runs, and written in one access-log line when it ends.
"""

import contextvars
import logging
import re
import time
import uuid

from dateline.security.client_address import client_address_for

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")
access_log = logging.getLogger("dateline.access")

# Ids from outside end up in logs: accept only short, plain tokens.
ACCEPTABLE_ID = re.compile(r"^[A-Za-z0-9._:-]{8,128}$")


def request_id_for(header_value: str | None) -> str:
    if header_value and ACCEPTABLE_ID.match(header_value):
        return header_value
    return uuid.uuid4().hex


class RequestContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = request_id_for(request.headers.get("X-Request-ID"))
        request.request_id = request_id
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request_id
            access_log.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                    "client": client_address_for(request),
                },
            )
            return response
        finally:
            request_id_var.reset(token)
