"""The HTTP protocol `dateline serve` runs: uvicorn's, with page-cache hits answered inline.

uvicorn parses each request (httptools), keeps connections alive, times them out, queues
pipelined requests, pauses a reader that sends faster than it reads and shuts down
gracefully; Dateline's ASGI application (dateline.edge.front) answers what reaches it.

One thing is done here instead: when a GET or HEAD's headers are parsed and nothing is
ahead of it on the connection, the page cache is asked at once, from the parser's
callback, and a current copy is written out with the stored bytes. No task, no ASGI
messages and no thread is involved, and a request like one answered before is matched
from its raw parts without a scope or a WSGI environ (dateline.edge.answers): that is
what puts a cache hit within reach of nginx serving the same bytes from a file
(docs/decisions/0026-server.md has the figures). Everything else (misses, posts, live
streams, a hit behind a slow reader) goes the ordinary ASGI way, where the page cache is
asked again.
"""

import asyncio
import logging
import urllib.parse
from types import SimpleNamespace

import httptools
from uvicorn.protocols.http.httptools_impl import STATUS_LINE, HttpToolsProtocol

from dateline.edge.answers import request_parts
from dateline.edge.front import TRANSPORT

logger = logging.getLogger(__name__)


# Stands for a request answered from the cache where uvicorn looks at the request in
# progress (its body callbacks, a lost connection, a shutdown).
ANSWERED = SimpleNamespace(
    response_complete=True, disconnected=False, message_event=asyncio.Event()
)


class Protocol(HttpToolsProtocol):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # dateline.edge.front.Front's, unless uvicorn wrapped the application (it does
        # when logging every ASGI message): then every request goes the ASGI way.
        self.answer_from_cache = getattr(self.app, "answer_from_cache", None)
        self.answer_again = getattr(self.app, "answer_again", None)

    _defaults: list | None = None
    _default_lines = b""

    def _server_lines(self) -> bytes:
        """uvicorn's own header lines (Date, any --header): a new list once a second."""
        defaults = self.server_state.default_headers
        if defaults is not self._defaults:
            self._defaults = defaults
            self._default_lines = b"".join(b"%s: %s\r\n" % pair for pair in defaults)
        return self._default_lines

    def on_message_begin(self) -> None:
        # uvicorn's, but the scope is built only for a request that goes the ASGI way
        # (`_new_scope`): a cached answer needs none.
        self.url = b""
        self.expect_100_continue = False
        self.headers = []
        self.scope = None
        # A request that follows a cached answer in the same read makes the connection
        # busy again: the keep-alive timer that answer armed must not close it under it.
        self._unset_keepalive_if_required()

    def _new_scope(self) -> dict:
        """The scope uvicorn's `on_message_begin` starts, with the connection's transport
        for live streams."""
        return {
            "type": "http",
            "asgi": {"version": self.asgi_version, "spec_version": "2.3"},
            "http_version": "1.1",
            "server": self.server,
            "client": self.client,
            "scheme": self.scheme,
            "root_path": self.root_path,
            "headers": self.headers,
            "state": self.app_state.copy(),
            "extensions": {TRANSPORT: self.transport},
        }

    # --- keep-alive: one timer per connection, not one per response -------------------
    # uvicorn arms a new timer after every response and cancels it when the next request
    # arrives: a libuv timer made and closed per request, 2-6 µs of a cached answer's
    # CPU in the running server (docs/benchmarks.md). Here the connection notes when it
    # fell idle; its one timer, when it fires, closes the connection only if it has been
    # idle since long enough, and otherwise waits for the rest of the time.

    _idle_since: float | None = None

    def _unset_keepalive_if_required(self) -> None:
        """uvicorn calls this whenever the connection gets busy (data arrived, it closed)."""
        self._idle_since = None

    def on_response_complete(self) -> None:
        """uvicorn's, but for the timer: start the next pipelined request, or fall idle."""
        self.server_state.total_requests += 1
        if self.transport.is_closing():
            return
        self.flow.resume_reading()
        if self.pipeline:
            self._idle_since = None
            cycle, app = self.pipeline.pop()
            self._start_asgi_task(cycle, app)
            return
        self._idle_since = self.loop.time()
        if self.timeout_keep_alive_task is None:
            self.timeout_keep_alive_task = self.loop.call_later(
                self.timeout_keep_alive, self._keep_alive_expired
            )

    def _keep_alive_expired(self) -> None:
        self.timeout_keep_alive_task = None
        if self._idle_since is None or self.transport.is_closing():
            return  # busy: the response that ends it arms the timer again
        left = self._idle_since + self.timeout_keep_alive - self.loop.time()
        if left > 0:
            self.timeout_keep_alive_task = self.loop.call_later(left, self._keep_alive_expired)
        else:
            self.transport.close()

    def connection_lost(self, exc: Exception | None) -> None:
        super().connection_lost(exc)
        if self.timeout_keep_alive_task is not None:
            self.timeout_keep_alive_task.cancel()
            self.timeout_keep_alive_task = None

    def on_headers_complete(self) -> None:
        parser = self.parser
        if (
            self.answer_from_cache is None
            or parser.get_method() not in (b"GET", b"HEAD")
            or (self.cycle is not None and not self.cycle.response_complete)  # one ahead
            or self.flow.write_paused  # a reader not reading: the ASGI way waits for it
            or parser.should_upgrade()
            or not self._answer_from_cache()
        ):
            if self.scope is None:
                self.scope = self._new_scope()
            super().on_headers_complete()

    def _filled_scope(self, method: bytes) -> dict:
        """A new scope as uvicorn's `on_headers_complete` fills it in (no root path: `dateline
        serve` sets none). Asking the page cache later, from `_start_asgi_task` where
        uvicorn has filled it itself, costs the request cycle uvicorn builds first: 7.0
        against 5.6-5.8 µs a hit, measured."""
        self.scope = scope = self._new_scope()
        scope["method"] = method.decode("ascii")
        http_version = self.parser.get_http_version()
        if http_version != "1.1":
            scope["http_version"] = http_version
        url = httptools.parse_url(self.url)
        path = url.path.decode("ascii")
        scope["path"] = urllib.parse.unquote(path) if "%" in path else path
        scope["raw_path"] = url.path
        scope["query_string"] = url.query or b""
        return scope

    def _answer_from_cache(self) -> bool:
        """Write the cached answer if there is one: the answer given to a request with the
        same parts, if its page is still current (dateline.edge.answers), else the page
        cache's."""
        method = self.parser.get_method()
        parts, request_id = request_parts(method, self.url, self.headers, self.scheme, self.server)
        try:
            answer = None if parts is None else self.answer_again(parts, request_id)
            if answer is None:
                answer = self.answer_from_cache(self._filled_scope(method), parts)
        except Exception:  # inside the parser's callback it would read as a bad request
            logger.exception("The page cache failed on %s", self.url)
            return False
        if answer is None:
            return False
        status, header_lines, body = answer
        parser = self.parser
        keep_alive = parser.should_keep_alive() and parser.get_http_version() != "1.0"
        # One vectored write: neither the head's pieces nor the body are copied together.
        self.transport.writelines(
            (
                STATUS_LINE[status],
                self._server_lines(),
                header_lines,
                b"\r\n" if keep_alive else b"connection: close\r\n\r\n",
                body,
            )
        )
        # As uvicorn ends a response: close, or start the next pipelined request, or arm
        # the idle connection's keep-alive timer.
        self.cycle = ANSWERED
        if not keep_alive:
            self.transport.close()
        self.on_response_complete()
        return True
