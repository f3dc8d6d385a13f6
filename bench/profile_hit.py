"""Where a page-cache hit spends its microseconds inside the server process (issue 16).

Asks `dateline serve`'s front door (``Front.answer_from_cache``, which the server's
protocol calls once a request's headers are parsed) in-process, with the headers wrk and
a browser send, for a page stored in the page cache. Prints the CPU microseconds a hit
takes there, and a hit answered again from the request's raw parts
(``Front.answer_again``, what the protocol asks first), and with --profile the functions
the first spends them in. What the server
itself adds (parsing, writing) is measured by bench/edge_front.py's bare server.

    DATELINE_DATA_DIR=... .venv/bin/python bench/profile_hit.py /path/ [--repeat N] [--profile]
        [--server]

With --server, the request's bytes are also fed to the server's protocol
(dateline.edge.server.Protocol, on a uvloop loop that turns every 32 requests, writing to
a stand-in for the socket): the Python a hit takes from the bytes read to the bytes
written, once with the page cache answering and once with an application that hands back
the same answer at once, which separates the protocol's share from the page cache's.

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

from dateline.edge.answers import request_parts  # noqa: E402
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


def per_request_again(front, scope, repeat: int) -> float:
    """The same request answered again from its raw parts (dateline.edge.answers), the
    parts taken from the headers each time as the server's protocol does."""
    raw = (scope["method"].encode(), scope["path"].encode(), scope["headers"], scope["scheme"],
           scope["server"])  # fmt: skip
    front.answer_from_cache(scope, request_parts(*raw)[0])  # remembered
    started = time.process_time()
    for _ in range(repeat):
        front.answer_again(*request_parts(*raw))
    return (time.process_time() - started) / repeat * 1e6


class Socket:
    """The transport the protocol writes to: it counts answers and sends nothing."""

    answers = 0

    def get_extra_info(self, name, default=None):
        return {"sockname": ("127.0.0.1", 8000), "peername": ("127.0.0.1", 50000)}.get(name)

    def writelines(self, pieces):
        self.answers += 1

    def write(self, data):
        self.answers += 1

    def is_closing(self):
        return False

    def close(self):
        pass

    def pause_reading(self):
        pass

    def resume_reading(self):
        pass


class Constant:
    """An application whose every answer is the one given, at once."""

    def __init__(self, answer):
        self.answer = answer

    def answer_from_cache(self, scope, parts=None):
        return self.answer

    def answer_again(self, parts, request_id):
        return self.answer

    async def __call__(self, scope, receive, send):
        raise AssertionError("every request should have been answered from the cache")


def per_request_on_the_wire(application, request: bytes, repeat: int) -> float:
    """CPU µs per request fed to the server's protocol, all answered inline."""
    import asyncio

    import uvloop
    from uvicorn.config import Config
    from uvicorn.server import ServerState

    from dateline.edge.server import Protocol

    loop = uvloop.new_event_loop()
    asyncio.set_event_loop(loop)
    config = Config(app=application, http=Protocol, lifespan="off", proxy_headers=False)
    config.load()
    protocol = Protocol(config=config, server_state=ServerState(), app_state={}, _loop=loop)
    socket = Socket()
    protocol.connection_made(socket)
    started = time.process_time()
    for done in range(repeat):
        protocol.data_received(request)
        if done % 32 == 31:  # let the loop turn, as it does between reads from sockets:
            loop.run_until_complete(asyncio.sleep(0))  # closed timers are freed there
    spent = time.process_time() - started
    loop.close()
    assert socket.answers == repeat, f"{repeat - socket.answers} requests were not answered"
    return spent / repeat * 1e6


def on_the_wire(front, path: str, headers: dict[str, str], repeat: int) -> None:
    lines = [f"GET {path} HTTP/1.1", *(f"{name}: {value}" for name, value in headers.items())]
    request = ("\r\n".join(lines) + "\r\n\r\n").encode()
    answer = Constant(front.answer_from_cache(scope_for(path, headers)))
    for label, application in (("page cache", front), ("constant answer", answer)):
        spent = sorted(per_request_on_the_wire(application, request, repeat) for _ in range(5))
        print(f"  server's protocol + {label}: {spent[2]:.1f} µs CPU")  # noqa: T201


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("path")
    parser.add_argument("--repeat", type=int, default=20000)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--server", action="store_true", help="also through the protocol")
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
        again = sorted(per_request_again(front, scope, args.repeat) for _ in range(5))[2]
        print(  # noqa: T201
            f"{name}: page-cache hit {hit:.1f} µs CPU, answered again from the request's"
            f" parts {again:.1f} µs ({len(body):,} bytes, {headers_sent.count(NEWLINE)} headers)"
        )
        if args.server:
            on_the_wire(front, args.path, headers, args.repeat)
        if args.profile:
            profiler = cProfile.Profile()
            profiler.enable()
            per_request(front, scope, args.repeat)
            profiler.disable()
            pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(12)


if __name__ == "__main__":
    main()
