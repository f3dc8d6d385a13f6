"""The server's front door under `dateline serve`: an ASGI application for uvicorn.

Three kinds of request share one port:

- A page-cache hit is answered by the server's protocol (dateline.edge.server) as soon
  as the request's headers are parsed, through ``answer_from_cache``: the same lookup
  as the WSGI page cache (``PageCache.hit``), in the event loop, before any task or
  thread is involved.
- A live stream (``/live/<id>/stream/``) is held in the event loop by the live hub
  (dateline.live.hub): thousands of idle readers cost a coroutine each, not a thread.
- Everything else (misses, posts, the admin, uploaded media) runs Django's WSGI
  handler, wrapped in the page cache, on a small thread pool.
"""

import asyncio
import io
import logging
import re
import sys
from concurrent.futures import ThreadPoolExecutor

logger = logging.getLogger(__name__)

STREAM_PATH = re.compile(r"/live/(\d{1,12})/stream/")
# The server's protocol hands the connection's transport to the live hub under this key
# of the scope's extensions (dateline.edge.server).
TRANSPORT = "dateline.transport"
# A file Django answers with (an uploaded image, a backup download) is read and sent in
# pieces of this size, each read on the thread pool.
FILE_CHUNK = 256 * 1024
# How long the end of a live stream may wait for its reader to take what is queued
# before the connection is dropped (a reader who stopped reading).
STREAM_END_SECONDS = 10.0
_DONE = object()
_NO_BODY = io.BytesIO(b"")


def _wsgi_path(path: str) -> str:
    """PEP 3333: PATH_INFO is the decoded path's UTF-8 bytes, as a latin-1 string."""
    return path.encode("utf-8", "surrogateescape").decode("latin-1")


# Header names as WSGI environ keys (b"accept-encoding" -> "HTTP_ACCEPT_ENCODING"): the
# same few dozen names arrive on every request, and building each key anew was a fifth
# of a page-cache hit's time in this module (bench/profile_hit.py).
_ENVIRON_KEYS: dict[bytes, str] = {
    b"content-type": "CONTENT_TYPE",
    b"content-length": "CONTENT_LENGTH",
}
MAX_ENVIRON_KEYS = 1024


def _environ_key(name: bytes) -> str:
    """The environ key of a header name; "" for a name with an underscore, which would
    pass for its hyphenated twin (X_Forwarded_Proto for X-Forwarded-Proto) and is dropped,
    as nginx and Django's own server drop it."""
    key = _ENVIRON_KEYS.get(name)
    if key is None:
        key = "" if b"_" in name else "HTTP_" + name.decode("latin-1").upper().replace("-", "_")
        if len(_ENVIRON_KEYS) < MAX_ENVIRON_KEYS:
            _ENVIRON_KEYS[name] = key
    return key


def _encoded(headers) -> list[tuple[bytes, bytes]]:
    return [(name.encode("latin-1"), value.encode("latin-1")) for name, value in headers]


class FileToSend:
    """``wsgi.file_wrapper``: Django hands back a file to send rather than reading it
    here in 4 KB pieces, each a trip to the thread pool."""

    def __init__(self, filelike, block_size: int = FILE_CHUNK) -> None:
        self.filelike = filelike

    def __iter__(self):  # what a plain WSGI caller would do with it
        return iter(lambda: self.filelike.read(FILE_CHUNK), b"")

    def close(self) -> None:
        self.filelike.close()


# What every request's environ holds before its own values are filled in.
_ENVIRON = {
    "SCRIPT_NAME": "",
    "wsgi.version": (1, 0),
    "wsgi.input": _NO_BODY,
    "wsgi.errors": sys.stderr,
    "wsgi.multithread": True,
    "wsgi.multiprocess": True,
    "wsgi.run_once": False,
    "wsgi.file_wrapper": FileToSend,
}


class Front:
    """uvicorn calls the instance for every request, and for the worker's start and end."""

    def __init__(self, wsgi_application, *, page_cache=None, hub=None, render_threads: int = 2):
        self.wsgi_application = wsgi_application
        self.page_cache = page_cache
        if page_cache is not None:
            # What the protocol asks first for every GET and HEAD: the page cache's own,
            # not a call through this class on every hit.
            self.answer_again = page_cache.hit_again
        self.hub = hub
        self.render_threads = render_threads
        self.pool: ThreadPoolExecutor | None = None

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http":
            await self._http(scope, receive, send)
        elif scope["type"] == "lifespan":
            await self._lifespan(receive, send)

    async def _lifespan(self, receive, send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                self.pool = ThreadPoolExecutor(self.render_threads, thread_name_prefix="render")
                if self.hub is not None:
                    self.hub.start(asyncio.get_running_loop())
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                if self.hub is not None:
                    self.hub.stop()
                if self.pool is not None:
                    self.pool.shutdown(wait=False, cancel_futures=True)
                await send({"type": "lifespan.shutdown.complete"})
                return

    # --- the page cache, asked by the protocol before anything else -------------------

    def answer_from_cache(self, scope, parts: tuple | None = None):
        """(status code, header lines encoded, body) when the page cache holds a current
        copy, else None. The answer is remembered under the request's `parts`
        (dateline.edge.answers) for `answer_again`."""
        if self.page_cache is None:
            return None
        return self.page_cache.hit_encoded(self.environ_for(scope), parts)

    def answer_again(self, parts: tuple, request_id: bytes | None):
        """The answer given to a request with these parts, if its page is still current,
        without building an environ; else None. Without a page cache, always None;
        with one, `__init__` puts `PageCache.hit_again` here."""
        return None

    # --- everything else ----------------------------------------------------------------

    async def _http(self, scope, receive, send) -> None:
        path = scope["path"]
        if self.hub is not None and path.startswith("/live/") and scope["method"] == "GET":
            match = STREAM_PATH.fullmatch(path)
            transport = scope.get("extensions", {}).get(TRANSPORT)
            if match is not None and transport is not None:
                exchange = Exchange(scope, receive, send, transport)
                await self.hub.serve(exchange, int(match.group(1)))
                return
        environ = self.environ_for(scope)
        if scope["method"] not in ("GET", "HEAD"):  # GET and HEAD keep the empty body
            body = await _read_body(receive)
            if body is None:
                return  # the client went away while sending it
            environ["wsgi.input"] = io.BytesIO(body)
            environ["CONTENT_LENGTH"] = str(len(body))  # also when it came chunked
        await self._through_django(scope, send, environ)

    def environ_for(self, scope) -> dict:
        server_name, server_port = scope.get("server") or ("", 80)
        remote_addr, remote_port = scope.get("client") or ("", 0)
        environ = _ENVIRON.copy()
        environ["REQUEST_METHOD"] = scope["method"]
        environ["PATH_INFO"] = _wsgi_path(scope["path"])
        environ["QUERY_STRING"] = scope["query_string"].decode("latin-1")
        environ["SERVER_NAME"] = server_name
        environ["SERVER_PORT"] = str(server_port)
        environ["SERVER_PROTOCOL"] = f"HTTP/{scope['http_version']}"
        environ["REMOTE_ADDR"] = remote_addr
        environ["REMOTE_PORT"] = str(remote_port)
        environ["wsgi.url_scheme"] = scope["scheme"]
        for name, value in scope["headers"]:
            key = _environ_key(name)
            if key:
                value = value.decode("latin-1")
                environ[key] = f"{environ[key]},{value}" if key in environ else value
        return environ

    def _call_wsgi(self, environ):
        """In a render thread: run Django; a whole body, or an iterator to stream."""
        captured = []

        def start_response(status, headers, exc_info=None):
            captured[:] = [status, headers]
            return lambda data: None  # Django never uses write()

        result = self.wsgi_application(environ, start_response)
        if isinstance(result, FileToSend) or getattr(result, "streaming", False):
            return captured[0], captured[1], None, result
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        return captured[0], captured[1], body, None

    async def _through_django(self, scope, send, environ) -> None:
        loop = asyncio.get_running_loop()
        try:
            status, headers, body, stream = await loop.run_in_executor(
                self.pool, self._call_wsgi, environ
            )
        except Exception:
            logger.exception("The application failed on %s %s", scope["method"], scope["path"])
            await send({"type": "http.response.start", "status": 500,
                        "headers": [(b"content-type", b"text/plain; charset=utf-8")]})  # fmt: skip
            await send({"type": "http.response.body", "body": b"Server error"})
            return
        start = {"type": "http.response.start", "status": int(status[:3]),
                 "headers": _encoded(headers)}  # fmt: skip
        if stream is None:
            await send(start)
            await send({"type": "http.response.body", "body": body})
            return
        if isinstance(stream, FileToSend):
            next_piece, args = stream.filelike.read, (FILE_CHUNK,)
        else:
            next_piece, args = next, (iter(stream), _DONE)
        # uvicorn's send drops the bytes of a reader who left without a word: stop
        # reading the file (or running the generator) when the connection closes.
        transport = scope.get("extensions", {}).get(TRANSPORT)
        try:
            await send(start)
            while scope["method"] != "HEAD" and not (transport and transport.is_closing()):
                chunk = await loop.run_in_executor(self.pool, next_piece, *args)
                if chunk is _DONE or chunk == b"":
                    break
                if chunk:
                    await send({"type": "http.response.body", "body": chunk, "more_body": True})
            await send({"type": "http.response.body", "body": b""})
        except Exception:  # noqa: S110 - the reader went away; nothing to tell anyone
            pass
        finally:
            await loop.run_in_executor(self.pool, stream.close)


async def _read_body(receive) -> bytes | None:
    parts = []
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return None
        parts.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(parts)


class Exchange:
    """One live reader's request and response, as the live hub uses them.

    The stream's bytes are written to the connection's transport as they come, not
    through ASGI's ``send``: ``send`` waits for a slow reader's buffer to drain, and the
    hub hands each change to every reader of a page in one loop, where one slow reader
    must not hold up the rest (dateline.live.hub bounds what each reader may queue).
    """

    def __init__(self, scope, receive, send, transport) -> None:
        self.query_string = scope["query_string"].decode("latin-1")
        self._headers = scope["headers"]
        self._receive = receive
        self._send = send
        self._transport = transport

    def header(self, name: str) -> str | None:
        wanted = name.encode("latin-1")
        for key, value in self._headers:
            if key == wanted:
                return value.decode("latin-1")
        return None

    async def reply(self, status: int, headers, text: str = "") -> None:
        await self._send({"type": "http.response.start", "status": status,
                          "headers": _encoded(headers)})  # fmt: skip
        await self._send({"type": "http.response.body", "body": text.encode("utf-8")})

    async def open_stream(self, status: int, headers) -> "Exchange":
        """Start a response whose body follows in ``send_bytes`` calls (chunked)."""
        await self._send({"type": "http.response.start", "status": status,
                          "headers": _encoded(headers)})  # fmt: skip
        return self

    async def send_bytes(self, data: bytes) -> None:
        """Queue `data` on the connection and return at once."""
        if self._transport.is_closing():
            raise ConnectionResetError("the reader's connection is gone")
        if data:  # an empty chunk would end the response
            self._transport.write(b"%x\r\n%b\r\n" % (len(data), data))

    async def end_stream(self) -> None:
        """End the response; a reader who stopped reading loses the connection instead
        of holding it (and its place among the live readers) until it reads again."""
        try:
            await asyncio.wait_for(
                self._send({"type": "http.response.body", "body": b""}), STREAM_END_SECONDS
            )
        except TimeoutError:
            self._transport.abort()

    async def disconnected(self) -> None:
        """Wait until the reader hangs up."""
        while (await self._receive())["type"] != "http.disconnect":
            pass
