"""Request ids and the access log.

Every request gets an id: the X-Request-ID the proxy in front sent (when it looks like
an id), or a new one. The id is echoed in the response, attached to every log line
written while the request runs, and written in one access-log line when it ends.
"""

import contextvars
import itertools
import logging
import os
import re
import time

from dateline.security.client_address import client_address_for

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")
access_log = logging.getLogger("dateline.access")

# Ids from outside end up in logs: accept only short, plain tokens.
_ID_PATTERN = r"[A-Za-z0-9._:-]{8,128}"
ACCEPTABLE_ID = re.compile(_ID_PATTERN)  # the whole value: fullmatch
ACCEPTABLE_ID_BYTES = re.compile(_ID_PATTERN.encode())  # the same, for raw header values


# New ids: a random prefix per process and a counter, 32 hex characters like a UUID's,
# but without reading the system's random source on every request (a tenth of the cost).
_id_counter = itertools.count()
_id_prefix = b""


def _new_id_prefix() -> None:
    global _id_prefix
    _id_prefix = os.urandom(8).hex().encode()


_new_id_prefix()
os.register_at_fork(after_in_child=_new_id_prefix)


def new_request_id() -> str:
    return request_id_bytes_for(None).decode()


def request_id_for(header_value: str | None) -> str:
    if header_value and ACCEPTABLE_ID.fullmatch(header_value):
        return header_value
    return new_request_id()


def request_id_bytes_for(header_value: bytes | None) -> bytes:
    """`request_id_for` on the header's raw bytes, for answers written without decoding
    the request (dateline.edge.answers)."""
    if header_value and ACCEPTABLE_ID_BYTES.fullmatch(header_value):
        return header_value
    return b"%s%016x" % (_id_prefix, next(_id_counter))  # 16 digits for 2**64 ids


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
