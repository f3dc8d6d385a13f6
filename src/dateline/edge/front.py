"""The server's front door under `dateline serve`: an RSGI application for granian.

Three kinds of request share one port:

- A page-cache hit is answered in the event loop, before any thread is involved: the
  same lookup as the WSGI page cache (``PageCache.hit``), and the stored header list is
  handed to granian as it is.
- A live stream (``/live/<id>/stream/``) is held in the event loop by the live hub
  (dateline.live.hub): thousands of idle readers cost a coroutine each, not a thread.
- Everything else (misses, posts, the admin) runs Django's WSGI handler, wrapped in
  the page cache, on a small thread pool, exactly as it ran under granian's WSGI
  interface.

RSGI rather than ASGI: granian takes the response status, headers and body in one call
with plain ``str`` headers, which is what the page cache stores, so a hit costs no
per-request conversion (docs/decisions/0015-live-push.md has the figures).
"""

import asyncio
import io
import logging
import re
import sys
from concurrent.futures import ThreadPoolExecutor

logger = logging.getLogger(__name__)

STREAM_PATH = re.compile(r"/live/(\d{1,12})/stream/")
_DONE = object()
_NO_BODY = io.BytesIO(b"")


def _wsgi_path(path: str) -> str:
    """PEP 3333: PATH_INFO is the decoded path's UTF-8 bytes, as a latin-1 string."""
    return path.encode("utf-8", "surrogateescape").decode("latin-1")


# Header names as WSGI environ keys ("accept-encoding" -> "HTTP_ACCEPT_ENCODING"): the
# same few dozen names arrive on every request, and building each key anew was a fifth
# of a page-cache hit's time in this module (bench/profile_hit.py).
_ENVIRON_KEYS: dict[str, str] = {}
MAX_ENVIRON_KEYS = 1024


def _environ_key(name: str) -> str:
    key = _ENVIRON_KEYS.get(name)
    if key is None:
        key = "HTTP_" + name.upper().replace("-", "_")
        if len(_ENVIRON_KEYS) < MAX_ENVIRON_KEYS:
            _ENVIRON_KEYS[name] = key
    return key


def _host_port(address: str | None, default_port: str) -> tuple[str, str]:
    if not address:
        return "", default_port
    host, _, port = address.rpartition(":")
    return (host.strip("[]"), port) if host else (address, default_port)


class Front:
    """granian calls ``__rsgi__`` for every request; ``__rsgi_init__`` once per worker."""

    def __init__(self, wsgi_application, *, page_cache=None, hub=None, render_threads: int = 2):
        self.wsgi_application = wsgi_application
        self.page_cache = page_cache
        self.hub = hub
        self.render_threads = render_threads
        self.pool: ThreadPoolExecutor | None = None
        self.loop: asyncio.AbstractEventLoop | None = None
        self._servers: dict[str, tuple[str, str]] = {}

    # --- granian's hooks --------------------------------------------------------------

    def __rsgi_init__(self, loop) -> None:
        self.loop = loop
        self.pool = ThreadPoolExecutor(self.render_threads, thread_name_prefix="render")
        if self.hub is not None:
            self.hub.start(loop)

    def __rsgi_del__(self, loop) -> None:
        if self.hub is not None:
            self.hub.stop()
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)

    async def __rsgi__(self, scope, proto) -> None:
        if scope.proto != "http":
            return
        path = scope.path
        if self.hub is not None and path.startswith("/live/"):
            match = STREAM_PATH.fullmatch(path)
            if match is not None and scope.method == "GET":
                await self.hub.serve(scope, proto, int(match.group(1)))
                return
        # The whole WSGI environ, headers included: the page cache keys pages by the site
        # that answers the host (and port, and forwarded headers), as on the miss path.
        environ = self.environ_for(scope)
        cache = self.page_cache
        if cache is not None:
            captured = []
            answer = cache.hit(environ, lambda status, headers: captured.extend((status, headers)))
            if answer is not None:
                status, response_headers = captured
                proto.response_bytes(int(status[:3]), response_headers, b"".join(answer))
                return
        await self._through_django(scope, proto, environ)

    # --- everything Django answers ----------------------------------------------------

    def environ_for(self, scope) -> dict:
        server = self._servers.get(scope.server)  # one or two per worker: its listeners
        if server is None:
            server = _host_port(scope.server, "443" if scope.scheme == "https" else "80")
            if len(self._servers) < 64:
                self._servers[scope.server] = server
        server_name, server_port = server
        remote_addr, remote_port = _host_port(scope.client, "0")
        environ = {
            "REQUEST_METHOD": scope.method,
            "SCRIPT_NAME": "",
            "PATH_INFO": _wsgi_path(scope.path),
            "QUERY_STRING": scope.query_string,
            "SERVER_NAME": server_name,
            "SERVER_PORT": server_port,
            "SERVER_PROTOCOL": f"HTTP/{scope.http_version}",
            "REMOTE_ADDR": remote_addr,
            "REMOTE_PORT": remote_port,
            "wsgi.version": (1, 0),
            "wsgi.url_scheme": scope.scheme,
            "wsgi.input": _NO_BODY,
            "wsgi.errors": sys.stderr,
            "wsgi.multithread": True,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
        }
        for name, value in scope.headers.items():
            if name == "content-type":
                environ["CONTENT_TYPE"] = value
            elif name == "content-length":
                environ["CONTENT_LENGTH"] = value
            else:
                key = _environ_key(name)
                environ[key] = f"{environ[key]},{value}" if key in environ else value
        return environ

    def _call_wsgi(self, environ):
        """In a render thread: run Django; a whole body, or an iterator to stream."""
        captured = []

        def start_response(status, headers, exc_info=None):
            captured[:] = [status, headers]
            return lambda data: None  # Django never uses write()

        result = self.wsgi_application(environ, start_response)
        if getattr(result, "streaming", False):
            return captured[0], captured[1], None, result
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        return captured[0], captured[1], body, None

    async def _through_django(self, scope, proto, environ) -> None:
        if scope.method not in ("GET", "HEAD"):  # GET and HEAD keep the empty body
            environ["wsgi.input"] = io.BytesIO(await proto())
        loop = asyncio.get_running_loop()
        try:
            status, headers, body, stream = await loop.run_in_executor(
                self.pool, self._call_wsgi, environ
            )
        except Exception:
            logger.exception("The application failed on %s %s", scope.method, scope.path)
            proto.response_bytes(
                500, [("Content-Type", "text/plain; charset=utf-8")], b"Server error"
            )
            return
        code = int(status[:3])
        if stream is None:
            proto.response_bytes(code, headers, body)
            return
        transport = proto.response_stream(code, headers)
        iterator = iter(stream)
        try:
            while True:
                chunk = await loop.run_in_executor(self.pool, next, iterator, _DONE)
                if chunk is _DONE:
                    break
                if chunk:
                    await transport.send_bytes(chunk)
        except Exception:  # noqa: S110 - the reader went away; nothing to tell anyone
            pass
        finally:
            if hasattr(stream, "close"):
                await loop.run_in_executor(self.pool, stream.close)
