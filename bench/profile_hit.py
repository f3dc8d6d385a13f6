"""Where a page-cache hit spends its microseconds inside the server process (issue 16).

Asks `dateline serve`'s front door (``Front.answer_from_cache``, which the server's
protocol calls once a request's headers are parsed) in-process, with the headers wrk and
a browser send, for a page stored in the page cache. Prints the CPU microseconds a hit
takes there, and with --profile the functions it spends them in. What the server
itself adds (parsing, writing) is measured by bench/edge_front.py's bare server.

    DATELINE_DATA_DIR=... .venv/bin/python bench/profile_hit.py /path/ [--repeat N] [--profile]

Needs the site's data (a demo site); renders the page once to store it.
"""

import argparse
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


NEWLINE = b"\n"


def scope_for(path: str, headers: dict[str, str]) -> dict:
    """The ASGI scope uvicorn's protocol has built when it asks the front."""
    return {
        "type": "http", "method": "GET", "scheme": "http", "http_version": "1.1",
        "server": ("127.0.0.1", 8000), "client": ("127.0.0.1", 50000), "path": path,
        "query_string": b"", "headers": [(k.encode(), v.encode()) for k, v in headers.items()],
    }  # fmt: skip


def per_request(front, scope, repeat: int) -> float:
    started = time.process_time()  # CPU time: the machine is shared
    for _ in range(repeat):
        front.answer_from_cache(scope)
    return (time.process_time() - started) / repeat * 1e6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("path")
    parser.add_argument("--repeat", type=int, default=20000)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    config = edge_settings()
    front = Front(WSGIHandler(), page_cache=PageCache(WSGIHandler(), config=config))
    for name, headers in (("wrk (no headers)", {"host": "127.0.0.1:8000"}),
                          ("browser, gzip/br", BROWSER_HEADERS)):  # fmt: skip
        scope = scope_for(args.path, headers)
        # A miss first: Django renders and the page cache stores it.
        front.page_cache(front.environ_for(scope), lambda status, headers, exc_info=None: None)
        status, headers_sent, body = front.answer_from_cache(scope)
        assert status == 200 and b"X-Cache: HIT\r\n" in headers_sent, headers_sent
        hit = sorted(per_request(front, scope, args.repeat) for _ in range(5))[2]
        print(  # noqa: T201
            f"{name}: page-cache hit {hit:.1f} µs CPU ({len(body):,} bytes,"
            f" {headers_sent.count(NEWLINE)} headers)"
        )
        if args.profile:
            profiler = cProfile.Profile()
            profiler.enable()
            per_request(front, scope, args.repeat)
            profiler.disable()
            pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(12)


if __name__ == "__main__":
    main()
