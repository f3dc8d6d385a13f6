"""A real HTTP server on 127.0.0.1 for the polling tests, behaving as agencies' servers do
(or misbehave): conditional GET, errors, slow and endless answers, redirect loops."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Route:
    """What the server answers on one path; `requests` records what each request sent."""

    def __init__(self, body=b"", *, status=200, headers=None, etag="", last_modified=""):
        self.body = body
        self.status = status
        self.headers = dict(headers or {})
        self.etag = etag
        self.last_modified = last_modified
        self.requests: list[dict] = []

    def answer(self, handler: BaseHTTPRequestHandler) -> None:
        if self.etag and handler.headers.get("If-None-Match") == self.etag:
            handler.send_response(304)
            handler.end_headers()
            return
        if self.last_modified and handler.headers.get("If-Modified-Since") == self.last_modified:
            handler.send_response(304)
            handler.end_headers()
            return
        handler.send_response(self.status)
        for name, value in self.headers.items():
            handler.send_header(name, value)
        if self.etag:
            handler.send_header("ETag", self.etag)
        if self.last_modified:
            handler.send_header("Last-Modified", self.last_modified)
        handler.send_header("Content-Length", str(len(self.body)))
        handler.end_headers()
        handler.wfile.write(self.body)


class Slow(Route):
    """Says nothing for `delay` seconds."""

    def __init__(self, delay: float):
        super().__init__()
        self.delay = delay

    def answer(self, handler):
        time.sleep(self.delay)
        super().answer(handler)


class Drip(Route):
    """Answers at once, then one byte every `interval` seconds, for ever."""

    def __init__(self, interval: float = 0.2):
        super().__init__()
        self.interval = interval

    def answer(self, handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "application/rss+xml")
        handler.end_headers()
        handler.wfile.write(b"<?xml version='1.0'?><rss version='2.0'><channel>")
        try:
            while True:
                handler.wfile.write(b" ")
                handler.wfile.flush()
                time.sleep(self.interval)
        except OSError:
            return


class Huge(Route):
    """A body of `size` bytes, declared in Content-Length or streamed chunked without it."""

    def __init__(self, size: int, *, declare_length: bool):
        super().__init__()
        self.size = size
        self.declare_length = declare_length

    def answer(self, handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        if self.declare_length:
            handler.send_header("Content-Length", str(self.size))
        else:
            handler.send_header("Transfer-Encoding", "chunked")
        handler.end_headers()
        chunk = b"[" + b" " * 65_534 + b"]"
        sent = 0
        try:
            while sent < self.size:
                piece = chunk[: self.size - sent]
                if self.declare_length:
                    handler.wfile.write(piece)
                else:
                    handler.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
                sent += len(piece)
            if not self.declare_length:
                handler.wfile.write(b"0\r\n\r\n")
        except OSError:
            return


class GzipBomb(Route):
    """A small gzip answer that inflates to `size` bytes."""

    def __init__(self, size: int):
        import gzip

        super().__init__(
            gzip.compress(b"[" + b" " * size + b"]", compresslevel=9),
            headers={"Content-Type": "application/json", "Content-Encoding": "gzip"},
        )


class Redirect(Route):
    def __init__(self, to: str):
        super().__init__(status=302, headers={"Location": to})


class FeedServer:
    def __init__(self):
        self.routes: dict[str, Route] = {}
        routes = self.routes

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                route = routes.get(self.path)
                if route is None:
                    route = Route(
                        b"<h1>Not found</h1>", status=404, headers={"Content-Type": "text/html"}
                    )
                route.requests.append(dict(self.headers))
                route.answer(self)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def add(self, path: str, route: Route) -> str:
        self.routes[path] = route
        return self.url(path)

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()
