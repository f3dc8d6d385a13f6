"""Where a page-cache hit spends its microseconds inside the server process (issue 16).

Drives `dateline serve`'s front door (dateline.edge.front.Front, the RSGI application
granian calls) in-process with the headers wrk and a browser send, for a page stored
in the page cache, and compares it with the least an RSGI application can do: hand
granian the same bytes and headers. Prints microseconds per request for both, and with
--profile the functions a hit spends its time in.

    DATELINE_DATA_DIR=... .venv/bin/python bench/profile_hit.py /path/ [--repeat N] [--profile]

Needs the site's data (a demo site); renders the page once to store it.
"""

import argparse
import asyncio
import cProfile
import os
import pstats
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings")
os.environ.pop("DATELINE_DEBUG", None)
os.environ.setdefault("DATELINE_SECRET_KEY", "profile-hit-" + "x" * 50)
os.environ.setdefault("DATELINE_ALLOWED_HOSTS", "127.0.0.1")

import django

django.setup()

from django.core.handlers.wsgi import WSGIHandler  # noqa: E402

from dateline.edge.conf import edge_settings  # noqa: E402
from dateline.edge.front import Front  # noqa: E402
from dateline.edge.wsgi import PageCache  # noqa: E402

BROWSER_HEADERS = {
    "host": "127.0.0.1:8000",
    "user-agent": "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
    "accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "accept-language": "en-GB,en;q=0.5",
    "accept-encoding": "gzip, deflate, br, zstd",
    "connection": "keep-alive",
    "upgrade-insecure-requests": "1",
}


class Scope:
    proto = "http"
    method = "GET"
    scheme = "http"
    http_version = "1.1"
    server = "127.0.0.1:8000"
    client = "127.0.0.1:50000"
    query_string = ""

    def __init__(self, path: str, headers: dict[str, str]):
        self.path = path
        self.headers = headers


class Proto:
    def __init__(self):
        self.sent = None

    def response_bytes(self, status, headers, body):
        self.sent = (status, headers, body)


class Bytes:
    """The least an RSGI application does: the same stored bytes and headers."""

    def __init__(self, status, headers, body):
        self.answer = (status, headers, body)

    async def __rsgi__(self, scope, proto):
        proto.response_bytes(*self.answer)


async def per_request(app, scope, repeat: int) -> float:
    proto = Proto()
    started = time.process_time()  # CPU time: the machine is shared
    for _ in range(repeat):
        await app.__rsgi__(scope, proto)
    return (time.process_time() - started) / repeat * 1e6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("path")
    parser.add_argument("--repeat", type=int, default=20000)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    config = edge_settings()
    front = Front(WSGIHandler(), page_cache=PageCache(WSGIHandler(), config=config))
    loop = asyncio.new_event_loop()
    for name, headers in (("wrk (no headers)", {"host": "127.0.0.1:8000"}),
                          ("browser, gzip/br", BROWSER_HEADERS)):  # fmt: skip
        scope = Scope(args.path, headers)
        # A miss first: Django renders and the page cache stores it.
        environ = front.environ_for(scope)
        front.page_cache(environ, lambda status, headers, exc_info=None: None)
        proto = Proto()
        loop.run_until_complete(front.__rsgi__(scope, proto))
        status, headers_sent, body = proto.sent
        assert status == 200 and any(v == "HIT" for _, v in headers_sent), headers_sent
        bare = Bytes(status, headers_sent, body)
        rounds = []
        for _ in range(5):  # alternating
            rounds.append(
                (
                    loop.run_until_complete(per_request(front, scope, args.repeat)),
                    loop.run_until_complete(per_request(bare, scope, args.repeat)),
                )
            )
        hit = sorted(r[0] for r in rounds)[2]
        least = sorted(r[1] for r in rounds)[2]
        print(  # noqa: T201
            f"{name}: page-cache hit {hit:.1f} µs, bare RSGI {least:.2f} µs"
            f" ({len(body):,} bytes, {len(headers_sent)} headers)"
        )
        if args.profile:
            profiler = cProfile.Profile()
            profiler.enable()
            loop.run_until_complete(per_request(front, scope, args.repeat))
            profiler.disable()
            pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(12)


if __name__ == "__main__":
    main()
