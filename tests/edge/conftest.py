import gzip
from dataclasses import dataclass
from io import BytesIO

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from dateline.edge.conf import edge_settings
from dateline.edge.store import MemoryBackend, install_backend
from dateline.edge.wsgi import PageCache


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode()

    @property
    def cache(self) -> str | None:
        return self.headers.get("X-Cache")

    @property
    def keys(self) -> set[str]:
        return set(self.headers.get("Surrogate-Key", "").split())


def environ_for(path: str, *, method: str = "GET", headers: dict | None = None) -> dict:
    path, _, query = path.partition("?")
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "testserver",
        "REMOTE_ADDR": "127.0.0.1",
        "SCRIPT_NAME": "",
        "wsgi.url_scheme": "http",
        "wsgi.input": BytesIO(b""),
        "wsgi.errors": BytesIO(),
    }
    for name, value in (headers or {}).items():
        environ["HTTP_" + name.upper().replace("-", "_")] = value
    return environ


def call(app, path: str, *, method: str = "GET", **headers) -> Reply:
    seen = {}

    def start_response(status, header_list, exc_info=None):
        seen["status"] = int(status[:3])
        seen["headers"] = dict(header_list)

    result = app(environ_for(path, method=method, headers=headers), start_response)
    try:
        body = b"".join(result)
    finally:
        if hasattr(result, "close"):
            result.close()
    return Reply(seen["status"], seen["headers"], body)


class CachedSite:
    """The site behind a page cache, as `dateline serve` runs it, driven in-process."""

    def __init__(self, app: PageCache):
        self.app = app

    def get(self, path: str, **headers) -> Reply:
        return call(self.app, path, **headers)

    def head(self, path: str, **headers) -> Reply:
        return call(self.app, path, method="HEAD", **headers)

    def post(self, path: str, **headers) -> Reply:
        return call(self.app, path, method="POST", **headers)

    @staticmethod
    def decoded(reply: Reply) -> bytes:
        if reply.headers.get("Content-Encoding") == "gzip":
            return gzip.decompress(reply.body)
        return reply.body


@pytest.fixture
def django_wsgi():
    """Django's WSGI handler, keeping the test's database connection open between calls."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield WSGIHandler()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def backend():
    backend = MemoryBackend()
    install_backend(backend)  # purges from signal handlers reach this cache
    yield backend
    install_backend(None)


@pytest.fixture
def site(db, django_wsgi, backend):
    config = edge_settings()
    return CachedSite(PageCache(django_wsgi, config=config, backend=backend))
