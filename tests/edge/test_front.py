"""The server's front door: the WSGI environ Django and the page cache read, files sent
in pieces, request bodies, and the end of a live stream."""

import asyncio
import io
from concurrent.futures import ThreadPoolExecutor

from dateline.edge import front as front_module
from dateline.edge.front import FILE_CHUNK, TRANSPORT, Exchange, Front


def scope(**headers):
    return {
        "type": "http", "method": "GET", "scheme": "https", "http_version": "1.1",
        "path": "/world/", "query_string": b"page=2", "server": ("10.0.0.5", 8000),
        "client": ("::1", 50000),
        "headers": [(name.encode(), value.encode()) for name, value in headers.items()],
    }  # fmt: skip


def test_headers_become_environ_keys_the_same_way_on_every_request():
    front = Front(wsgi_application=None)
    for _ in range(2):  # the second time from the remembered names
        environ = front.environ_for(
            scope(**{"accept-encoding": "gzip", "x-forwarded-proto": "https", "host": "a.example"})
        )
        assert environ["HTTP_ACCEPT_ENCODING"] == "gzip"
        assert environ["HTTP_X_FORWARDED_PROTO"] == "https"
        assert environ["HTTP_HOST"] == "a.example"
        assert (environ["SERVER_NAME"], environ["SERVER_PORT"]) == ("10.0.0.5", "8000")
        assert (environ["REMOTE_ADDR"], environ["REMOTE_PORT"]) == ("::1", "50000")
        assert environ["QUERY_STRING"] == "page=2"


def test_a_header_name_with_an_underscore_does_not_pass_for_its_hyphenated_twin():
    front = Front(wsgi_application=None)
    environ = front.environ_for(scope(**{"x_forwarded_proto": "http", "accept-encoding": "br"}))
    assert "HTTP_X_FORWARDED_PROTO" not in environ and environ["HTTP_ACCEPT_ENCODING"] == "br"


class Connection:
    """The transport the server's protocol puts in the scope, and what ASGI sent on it."""

    def __init__(self, *, close_after: int | None = None):
        self.sent: list[dict] = []
        self.close_after = close_after
        self.aborted = False

    def is_closing(self):
        pieces = sum(1 for message in self.sent if message.get("body"))
        return self.close_after is not None and pieces >= self.close_after

    def abort(self):
        self.aborted = True

    async def send(self, message):
        self.sent.append(message)


class Pieces(io.BytesIO):
    """A file whose reads are counted."""

    reads = 0

    def read(self, size=-1):
        self.reads += 1
        return super().read(size)


def request(method="GET", path="/media/big.bin", connection=None, headers=()):
    return {
        "type": "http", "method": method, "scheme": "http", "http_version": "1.1",
        "path": path, "query_string": b"", "server": ("127.0.0.1", 8000),
        "client": ("127.0.0.1", 50000), "headers": list(headers),
        "extensions": {TRANSPORT: connection},
    }  # fmt: skip


def serve_file(method: str, connection: Connection) -> Pieces:
    """Run one request through the front for an application that answers with a file."""
    upload = Pieces(b"x" * (FILE_CHUNK * 4))

    def application(environ, start_response):
        start_response("200 OK", [("Content-Type", "application/octet-stream")])
        return environ["wsgi.file_wrapper"](upload)

    async def scenario():
        front = Front(application)
        front.pool = ThreadPoolExecutor(1)
        await front(request(method, connection=connection), None, connection.send)
        front.pool.shutdown()

    asyncio.run(scenario())
    return upload


def test_a_file_is_sent_in_pieces_and_closed():
    connection = Connection()
    upload = serve_file("GET", connection)
    pieces = [m["body"] for m in connection.sent if m["type"] == "http.response.body"]
    assert b"".join(pieces) == b"x" * (FILE_CHUNK * 4) and upload.closed


def test_a_reader_who_leaves_mid_download_stops_the_reading():
    connection = Connection(close_after=1)
    upload = serve_file("GET", connection)
    assert upload.reads == 1 and upload.closed


def test_a_head_request_for_a_file_reads_none_of_it():
    connection = Connection()
    upload = serve_file("HEAD", connection)
    assert upload.reads == 0 and upload.closed
    assert connection.sent[0]["status"] == 200


def test_a_body_sent_in_chunks_reaches_django_with_its_length():
    seen = {}

    def application(environ, start_response):
        seen["length"] = environ.get("CONTENT_LENGTH")
        seen["body"] = environ["wsgi.input"].read(int(environ["CONTENT_LENGTH"]))
        start_response("200 OK", [])
        return [b""]

    async def receive_pieces():
        for piece, more in ((b"name=Ada&", True), (b"comment=Hello", False)):
            yield {"type": "http.request", "body": piece, "more_body": more}

    async def scenario():
        pieces = receive_pieces()
        front = Front(application)
        front.pool = ThreadPoolExecutor(1)
        connection = Connection()
        chunked = [(b"transfer-encoding", b"chunked")]
        await front(
            request("POST", "/comments/", connection, chunked), pieces.__anext__, connection.send
        )
        front.pool.shutdown()

    asyncio.run(scenario())
    assert seen == {"length": "22", "body": b"name=Ada&comment=Hello"}


def test_a_live_reader_who_stopped_reading_loses_the_connection_at_the_stream_end(monkeypatch):
    monkeypatch.setattr(front_module, "STREAM_END_SECONDS", 0.05)
    connection = Connection()

    async def stuck(message):  # uvicorn's send, waiting for the reader's buffer to drain
        await asyncio.Event().wait()

    exchange = Exchange(request(connection=connection), None, stuck, connection)
    asyncio.run(exchange.end_stream())
    assert connection.aborted
