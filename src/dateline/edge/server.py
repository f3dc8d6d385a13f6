"""The HTTP protocol `dateline serve` runs: uvicorn's, with page-cache hits answered inline.

uvicorn parses each request (httptools), keeps connections alive, times them out, queues
pipelined requests, pauses a reader that sends faster than it reads and shuts down
gracefully; Dateline's ASGI application (dateline.edge.front) answers what reaches it.

One thing is done here instead: when a GET or HEAD's headers are parsed and nothing is
ahead of it on the connection, the page cache is asked at once, from the parser's
callback, and a current copy is written out with the stored bytes. No task, no ASGI
messages and no thread is involved, which is what puts a cache hit within reach of
nginx serving the same bytes from a file (docs/decisions/0026-server.md has the
figures). Everything else (misses, posts, live streams, a hit behind a slow reader) goes
the ordinary ASGI way, where the page cache is asked again.
"""

import asyncio
import logging
import urllib.parse
from types import SimpleNamespace

import httptools
from uvicorn.protocols.http.httptools_impl import STATUS_LINE, HttpToolsProtocol

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
        super().on_message_begin()
        self.scope["extensions"] = {TRANSPORT: self.transport}  # for live streams
        # A request that follows a cached answer in the same read makes the connection
        # busy again: the keep-alive timer that answer armed must not close it under it.
        self._unset_keepalive_if_required()

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
            super().on_headers_complete()

    def _answer_from_cache(self) -> bool:
        """Fill in the scope as uvicorn's `on_headers_complete` does (no root path: `dateline
        serve` sets none), and write the cached answer if there is one. Answering later,
        from `_start_asgi_task` where uvicorn has filled the scope itself, costs the
        request cycle uvicorn builds first: 7.0 against 5.6-5.8 µs a hit, measured."""
        parser, scope = self.parser, self.scope
        scope["method"] = parser.get_method().decode("ascii")
        http_version = parser.get_http_version()
        if http_version != "1.1":
            scope["http_version"] = http_version
        url = httptools.parse_url(self.url)
        path = url.path.decode("ascii")
        scope["path"] = urllib.parse.unquote(path) if "%" in path else path
        scope["raw_path"] = url.path
        scope["query_string"] = url.query or b""
        try:
            answer = self.answer_from_cache(scope)
        except Exception:  # inside the parser's callback it would read as a bad request
            logger.exception("The page cache failed on %s %s", scope["method"], scope["path"])
            return False
        if answer is None:
            return False
        status, header_lines, body = answer
        keep_alive = http_version != "1.0" and parser.should_keep_alive()
        head = (
            STATUS_LINE[status]
            + self._server_lines()
            + header_lines
            + (b"\r\n" if keep_alive else b"connection: close\r\n\r\n")
        )
        # Head and body in one vectored write: the body is not copied into a new string.
        self.transport.writelines((head, body))
        # As uvicorn ends a response: close, or start the next pipelined request, or arm
        # the idle connection's keep-alive timer.
        self.cycle = ANSWERED
        if not keep_alive:
            self.transport.close()
        self.on_response_complete()
        return True
