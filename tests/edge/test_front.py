"""The server's front door builds the WSGI environ Django and the page cache read."""

from dateline.edge.front import Front


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
