"""The WSGI wrapper gives page-cache hits their own request id, not the stored one."""

from wsgiref.util import setup_testing_defaults

from dateline.ops.wsgi import with_request_ids


def cached_page(environ, start_response):
    """Stands in for a page-cache hit: headers replayed from the request that filled it."""
    start_response("200 OK", [("Content-Type", "text/html"), ("X-Request-ID", "stale-id-0001")])
    return [environ["HTTP_X_REQUEST_ID"].encode()]


def call(app, **environ):
    setup_testing_defaults(environ)
    seen = {}

    def start_response(status, headers, exc_info=None):
        seen["headers"] = headers

    body = b"".join(app(environ, start_response))
    ids = [value for name, value in seen["headers"] if name.lower() == "x-request-id"]
    return ids, body.decode()


def test_each_response_carries_the_id_of_its_own_request():
    app = with_request_ids(cached_page)
    ids, body = call(app, HTTP_X_REQUEST_ID="fresh-id-0002")
    assert ids == ["fresh-id-0002"]
    assert body == "fresh-id-0002"  # Django below sees the same id


def test_an_id_is_made_up_when_none_was_sent():
    ids, body = call(with_request_ids(cached_page))
    assert len(ids) == 1 and ids[0] != "stale-id-0001" and ids[0] == body
