"""The page cache: a WSGI layer that answers anonymous readers before Django runs.

A hit costs a dictionary lookup, a check of a few purge counters and a pre-built header
list: no Django request, no database, no compression. A miss renders through Django
once per URL (concurrent misses wait for that render), stores every encoding and the
headers a CDN needs, and keeps the copy as the last good one for when rendering fails.
"""

import gzip
import logging
import re
import time
from email.utils import formatdate, parsedate_to_datetime
from hashlib import blake2b

import brotli

from dateline.edge import keys as surrogate
from dateline.edge.answers import Answers, own_lines
from dateline.edge.conf import EdgeSettings, edge_settings
from dateline.edge.sites import REFUSED, SiteKeys, site_keys
from dateline.edge.store import Entry, MemoryBackend, current_backend
from dateline.ops.request_context import request_id_for

logger = logging.getLogger(__name__)

CACHEABLE_STATUSES = {200, 203, 301, 404, 410}
COMPRESSIBLE_TYPES = ("text/", "application/xml", "application/json", "application/rss+xml",
                      "application/atom+xml", "application/feed+json", "application/javascript",
                      "image/svg+xml")  # fmt: skip
# Headers the cache sets itself, or that describe one encoding only.
OWN_HEADERS = {
    "content-length", "content-encoding", "etag", "last-modified", "cache-control",
    "surrogate-key", "vary", "age", "expires", "date", "x-cache", "x-request-id",
}  # fmt: skip
NOT_MODIFIED_HEADERS = {"Cache-Control", "ETag", "Vary", "Last-Modified", "Surrogate-Key"}
MIN_COMPRESS_BYTES = 256
# After a failed render, serve the stale copy this long before trying again.
ERROR_BACKOFF = 5.0
# Query strings of pages worth sharing between workers and nodes: pagination.
SHAREABLE_QUERY = re.compile(r"page=\d{1,4}")


def page_cache(application, config: EdgeSettings | None = None):
    """Wrap a WSGI application in the page cache when the settings turn it on."""
    config = config or edge_settings()
    return PageCache(application, config=config) if config.enabled else application


def _choose_encoding(accept: str) -> str:
    offered = {}
    for part in accept.split(","):
        name, _, params = part.strip().partition(";")
        quality = 1.0
        params = params.strip()
        if params.startswith("q="):
            try:
                quality = float(params[2:])
            except ValueError:
                quality = 0.0
        offered[name.strip().lower()] = quality
    for encoding in ("br", "gzip"):
        if offered.get(encoding, offered.get("*", 0.0)) > 0:
            return encoding
    return "identity"


class PageCache:
    def __init__(
        self,
        application,
        *,
        config: EdgeSettings,
        backend: MemoryBackend | None = None,
        sites: SiteKeys | None = None,
    ):
        self.application = application
        self.config = config
        self._backend = backend
        self.bypass_prefixes = config.bypass_prefixes
        self.bypass_cookies = tuple(f"{name}=" for name in config.bypass_cookies)
        self._encodings: dict[str, str] = {}
        self._failing_until: dict[str, float] = {}
        self._unavailable: bytes | None = None
        self.sites = sites or site_keys()
        self.answers = Answers()

    @property
    def backend(self) -> MemoryBackend:
        return self._backend or current_backend()

    # The hot path: keep it short.
    def __call__(self, environ, start_response):
        answer = self.hit(environ, start_response)
        if answer is not None:
            return answer
        if self._bypassed(environ):
            return self.application(environ, start_response)
        return self._miss(environ, start_response)

    def hit(self, environ, start_response):
        """The stored answer (a list of bytes) when it is current, else None: Django must run."""
        found = self._current(environ)
        if found is None:
            return None
        return self._respond(found[1], environ, start_response, time.time(), "HIT")

    def hit_encoded(self, environ, remember_as: tuple | None = None):
        """The same answer as `hit`, ready for the wire: (status code, the header lines
        encoded, body). The server's protocol (dateline.edge.server) asks this in its
        event loop and writes the bytes itself; a None goes on to Django, on a thread.
        The answer is remembered under the request's parts `remember_as`, for
        `hit_again` (dateline.edge.answers)."""
        found = self._current(environ)
        if found is None:
            return None
        key, entry = found
        status, headers, encoding = self._chosen(entry, environ)
        code, lines = int(status[:3]), entry.encoded(headers)
        if remember_as is not None:
            self.answers.remember(remember_as, key, entry, code, lines, encoding)
        own = own_lines(entry, time.time(), environ["HTTP_X_REQUEST_ID"].encode())
        return code, lines + own, entry.body(encoding)

    def hit_again(self, parts: tuple, request_id: bytes | None):
        """What `hit_encoded` answered a request with these parts, if still current."""
        return self.answers.find(parts, request_id, self.backend)

    def _current(self, environ) -> tuple[str, Entry] | None:
        """The cache key and stored entry for this request if it is current (fresh, not
        purged)."""
        # Every response carries a request id; Django, below, logs and sends the same one.
        environ["HTTP_X_REQUEST_ID"] = request_id_for(environ.get("HTTP_X_REQUEST_ID"))
        if self._bypassed(environ):
            return None
        # Keyed by the site that answers the host, not the Host header (dateline.edge.sites).
        site = self.sites.known(environ)
        if site:
            backend = self.backend
            key = (
                f"{environ.get('HTTP_X_FORWARDED_PROTO') or environ['wsgi.url_scheme']}://"
                f"{site}{environ.get('PATH_INFO', '/')}?{environ.get('QUERY_STRING', '')}"
            )  # the same as _key(), written out: this is the hot path
            entry = backend.pages.get(key)
            if (
                entry is not None
                and time.time() < entry.fresh_until
                and backend.generations.still_current(entry)
            ):
                return key, entry
        return None

    def _bypassed(self, environ) -> bool:
        """A request the cache never answers: writes, the admin, signed-in readers."""
        method = environ["REQUEST_METHOD"]
        if (
            (method != "GET" and method != "HEAD")
            or environ.get("PATH_INFO", "/").startswith(self.bypass_prefixes)
            or "HTTP_AUTHORIZATION" in environ
        ):
            return True
        cookie = environ.get("HTTP_COOKIE")
        return bool(cookie and any(name in cookie for name in self.bypass_cookies))

    @staticmethod
    def _key(environ, site: str, path: str) -> str:
        scheme = environ.get("HTTP_X_FORWARDED_PROTO") or environ["wsgi.url_scheme"]
        return f"{scheme}://{site}{path}?{environ.get('QUERY_STRING', '')}"

    def _respond(self, entry: Entry, environ, start_response, now: float, state: str):
        status, headers, encoding = self._chosen(entry, environ)
        own = [
            ("Age", str(int(now - entry.stored_at))),
            ("X-Cache", state),
            ("X-Request-ID", environ["HTTP_X_REQUEST_ID"]),
        ]
        if state == "STALE":
            own.append(("X-Dateline-Stale", "if-error"))
        start_response(status, headers + own)
        body = entry.body(encoding)
        return [body] if body else []

    def _chosen(self, entry: Entry, environ):
        """(status, the entry's header list, which of its bodies to send) for the encoding
        the request accepts; no body (None) for HEAD and 304."""
        accept = environ.get("HTTP_ACCEPT_ENCODING", "")
        encoding = self._encodings.get(accept)
        if encoding is None:
            encoding = _choose_encoding(accept)
            if len(self._encodings) < 1000:
                self._encodings[accept] = encoding
        if encoding not in entry.bodies:
            encoding = "identity"
        if self._not_modified(entry, environ):
            return "304 Not Modified", entry.not_modified_headers[encoding], None
        sent = None if environ["REQUEST_METHOD"] == "HEAD" else encoding
        return entry.status, entry.headers[encoding], sent

    @staticmethod
    def _not_modified(entry: Entry, environ) -> bool:
        if not entry.status.startswith("200"):
            return False
        if_none_match = environ.get("HTTP_IF_NONE_MATCH")
        if if_none_match is not None:
            tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
            return "*" in tags or not tags.isdisjoint(entry.etags)
        if_modified_since = environ.get("HTTP_IF_MODIFIED_SINCE")
        if if_modified_since:
            try:
                since = parsedate_to_datetime(if_modified_since).timestamp()
            except (TypeError, ValueError, IndexError):
                return False
            return int(entry.last_modified) <= since
        return False

    def _miss(self, environ, start_response):
        backend = self.backend
        try:
            site = self.sites.key_for(environ, backend.generations)
        except Exception:  # the database is down: a host never seen is Django's to answer
            logger.warning("Could not tell which site answers %s", environ.get("HTTP_HOST"))
            return self.application(environ, start_response)
        if site == REFUSED:
            return self.application(environ, start_response)  # Django answers 400
        key = self._key(environ, site, environ.get("PATH_INFO", "/"))
        stale = backend.pages.get(key)
        now = time.time()
        if (
            stale is not None
            and now < stale.fresh_until
            and backend.generations.still_current(stale)
        ):
            return self._respond(stale, environ, start_response, now, "HIT")
        if stale is not None and self._failing_until.get(key, 0) > now:
            return self._respond(stale, environ, start_response, now, "STALE")
        with backend.render_lock(key, self.config.lock_timeout):
            # While this request waited, another thread or process may have rendered it.
            now = time.time()
            local = backend.pages.get(key)
            if local is not None and local is not stale:
                if now < local.fresh_until and backend.generations.still_current(local):
                    return self._respond(local, environ, start_response, now, "HIT")
                stale = local
            shared = backend.load(key)
            if shared is not None and (stale is None or shared.stored_at > stale.stored_at):
                if now < shared.fresh_until and backend.generations.still_current(shared):
                    backend.pages.put(key, shared)
                    return self._respond(shared, environ, start_response, now, "HIT")
                stale = shared
            snapshot = backend.generations.snapshot()
            try:
                status, headers, body, streaming = self._render(environ)
            except Exception:
                logger.exception("Rendering %s failed", key)
                status, headers, body, streaming = None, [], b"", None
            if streaming is not None:
                start_response(status, headers)
                return streaming
            code = int(status[:3]) if status else 500
            if code >= 500:
                if stale is not None:
                    if len(self._failing_until) > 10_000:
                        self._failing_until.clear()
                    self._failing_until[key] = time.time() + ERROR_BACKOFF
                    return self._respond(stale, environ, start_response, time.time(), "STALE")
                if status is None:
                    return self._unavailable_response(environ, start_response)
            self._failing_until.pop(key, None)
            if not self._cacheable(code, headers, body):
                start_response(status, headers)
                return [] if environ["REQUEST_METHOD"] == "HEAD" else [body]
            entry = self._build(status, headers, body, snapshot)
            backend.pages.put(key, entry)
            if code == 200 and self._shareable(environ):
                backend.save(key, entry, self.config.keep_stale)
            return self._respond(entry, environ, start_response, time.time(), "MISS")

    @staticmethod
    def _shareable(environ) -> bool:
        """Whether to write a page to the shared store (files or Redis).

        Anyone can invent URLs (junk query strings, paths that are not found); those are
        kept only in this process's bounded memory, so they cannot fill the disk or Redis.
        """
        query = environ.get("QUERY_STRING", "")
        return not query or SHAREABLE_QUERY.fullmatch(query) is not None

    def _render(self, environ):
        """Run Django; for HEAD, render the GET so the stored copy has a body."""
        if environ["REQUEST_METHOD"] == "HEAD":
            environ = {**environ, "REQUEST_METHOD": "GET"}
        captured = []

        def capture(status, headers, exc_info=None):
            captured[:] = [status, headers]
            return lambda data: None  # Django never uses write()

        result = self.application(environ, capture)
        if getattr(result, "streaming", False):
            return captured[0], captured[1], b"", result
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        return captured[0], captured[1], body, None

    def _cacheable(self, code: int, headers, body: bytes) -> bool:
        if code not in CACHEABLE_STATUSES or len(body) > self.config.max_body_bytes:
            return False
        for name, value in headers:
            name = name.lower()
            if name == "set-cookie" or name == "content-encoding":
                return False
            if name == "cache-control" and any(
                word in value.lower() for word in ("private", "no-store", "no-cache")
            ):
                return False
            if name == "vary" and ("cookie" in value.lower() or "*" in value):
                return False
        return True

    def _build(self, status: str, headers, body: bytes, snapshot) -> Entry:
        now = time.time()
        kept = [(name, value) for name, value in headers if name.lower() not in OWN_HEADERS]
        keys = {surrogate.ALL}
        content_type = ""
        for name, value in headers:
            if name.lower() == "surrogate-key":
                keys.update(value.split())
            elif name.lower() == "content-type":
                content_type = value.lower()
        bodies = {"identity": body}
        if len(body) >= MIN_COMPRESS_BYTES and content_type.startswith(COMPRESSIBLE_TYPES):
            bodies["gzip"] = gzip.compress(body, compresslevel=6, mtime=0)
            bodies["br"] = brotli.compress(body, quality=9, mode=brotli.MODE_TEXT)
        tag = blake2b(body, digest_size=12).hexdigest()
        etags = {
            encoding: f'"{tag}"' if encoding == "identity" else f'"{tag}-{encoding}"'
            for encoding in bodies
        }
        common = [
            ("Cache-Control", self.config.cache_control),
            ("Surrogate-Key", surrogate.header_value(keys)),
            ("Vary", "Accept-Encoding"),
            ("Last-Modified", formatdate(now, usegmt=True)),
        ]
        full, not_modified = {}, {}
        for encoding, data in bodies.items():
            own = [*common, ("ETag", etags[encoding]), ("Content-Length", str(len(data)))]
            if encoding != "identity":
                own.append(("Content-Encoding", encoding))
            full[encoding] = kept + own
            not_modified[encoding] = [item for item in own if item[0] in NOT_MODIFIED_HEADERS]
        return Entry(
            status=status,
            bodies=bodies,
            headers=full,
            not_modified_headers=not_modified,
            etags=frozenset(etags.values()),
            last_modified=now,
            keys=tuple(sorted(keys)),
            stamps=self.backend.generations.stamp(snapshot, keys),
            stored_at=now,
            fresh_until=now + self.config.ttl,
            size=sum(map(len, bodies.values())) + 1024,
        )

    def _unavailable_response(self, environ, start_response):
        if self._unavailable is None:
            from dateline.edge.unavailable import unavailable_html

            self._unavailable = unavailable_html()
        start_response(
            "503 Service Unavailable",
            [
                ("Content-Type", "text/html; charset=utf-8"),
                ("Content-Length", str(len(self._unavailable))),
                ("Cache-Control", "no-store"),
                ("Retry-After", "30"),
                ("X-Request-ID", environ["HTTP_X_REQUEST_ID"]),
            ],
        )
        return [self._unavailable]
