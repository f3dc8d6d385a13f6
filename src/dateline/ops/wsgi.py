"""Request ids for every response, including those the page cache answers without Django.

Wrap the outermost WSGI application: `application = with_request_ids(page_cache(django))`.
The id chosen here is passed down in the environ, so Django's RequestContextMiddleware
logs the same one, and it replaces any id stored with a cached response.
"""

from dateline.ops.request_context import request_id_for


def with_request_ids(application):
    def app(environ, start_response):
        request_id = request_id_for(environ.get("HTTP_X_REQUEST_ID"))
        environ["HTTP_X_REQUEST_ID"] = request_id

        def start(status, headers, exc_info=None):
            headers = [(n, v) for n, v in headers if n.lower() != "x-request-id"]
            headers.append(("X-Request-ID", request_id))
            return start_response(status, headers, exc_info)

        return application(environ, start)

    return app
