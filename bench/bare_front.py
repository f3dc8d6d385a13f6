"""The least the server can do with a cached page: hand back stored bytes (issue 16).

bench/edge_front.py runs this beside `dateline serve`, under the same uvicorn options
and protocol (dateline.edge.server), to separate the server's own cost per request from
the page cache's. It answers every request with the page Dateline sent, plain or gzipped
as the request asks, and the same headers.

    BARE_FRONT_DIR=<folder with page.html, page.html.gz, headers.json> \\
        python -m uvicorn --http dateline.edge.server:Protocol bench.bare_front:application
"""

import json
import os
from pathlib import Path

from dateline.edge.answers import HIT_HEADERS

# Where the Accept-Encoding value is in a request's parts (request_parts).
ACCEPT_ENCODING = 4 + HIT_HEADERS.index(b"accept-encoding")
FOLDER = Path(os.environ["BARE_FRONT_DIR"])
HEADERS = json.loads((FOLDER / "headers.json").read_text())


def _lines(headers) -> bytes:
    return "".join(f"{name}: {value}\r\n" for name, value in headers).encode("latin-1")


PLAIN = (200, _lines(HEADERS["plain"]), (FOLDER / "page.html").read_bytes())
GZIPPED = (200, _lines(HEADERS["gzip"]), (FOLDER / "page.html.gz").read_bytes())


class Bare:
    """Answers as the page cache answers a request it has answered before: from the
    request's parts (dateline.edge.answers), which the protocol has taken from the headers."""

    def answer_again(self, parts, request_id):
        accepted = parts[ACCEPT_ENCODING]
        return GZIPPED if accepted and b"gzip" in accepted else PLAIN

    def answer_from_cache(self, scope, parts=None):  # a request with a header sent twice
        for name, value in scope["headers"]:
            if name == b"accept-encoding" and b"gzip" in value:
                return GZIPPED
        return PLAIN

    async def __call__(self, scope, receive, send):  # a request the protocol passes on
        if scope["type"] != "http":
            return
        status, _, body = answer = self.answer_from_cache(scope)
        kind = "gzip" if answer is GZIPPED else "plain"
        headers = [
            (name.encode("latin-1"), value.encode("latin-1")) for name, value in HEADERS[kind]
        ]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


application = Bare()
