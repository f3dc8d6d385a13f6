"""The least an RSGI application can do under granian: hand back stored bytes (issue 16).

bench/edge_front.py runs this beside `dateline serve`, with the same granian options, to
separate granian's own cost per request from the page cache's. It answers every request
with the page Dateline sent, plain or gzipped as the request asks, and the same headers.

    BARE_RSGI_DIR=<folder with page.html, page.html.gz, headers.json> \
        python -m granian --interface rsgi bench.bare_rsgi:application
"""

import json
import os
from pathlib import Path

FOLDER = Path(os.environ["BARE_RSGI_DIR"])
HEADERS = json.loads((FOLDER / "headers.json").read_text())
PLAIN = (200, [tuple(pair) for pair in HEADERS["plain"]], (FOLDER / "page.html").read_bytes())
GZIPPED = (200, [tuple(pair) for pair in HEADERS["gzip"]], (FOLDER / "page.html.gz").read_bytes())


class Bare:
    def __rsgi_init__(self, loop):
        pass

    async def __rsgi__(self, scope, proto):
        accepts = scope.headers.get("accept-encoding") or ""
        proto.response_bytes(*(GZIPPED if "gzip" in accepts else PLAIN))


application = Bare()
