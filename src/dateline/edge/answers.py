"""Page-cache hits answered again from the request's raw parts, before a WSGI environ.

Through the server (dateline.edge.server), a hit turns the parsed request into a WSGI
environ and asks the page cache which site answers, whether the request bypasses the
cache, which stored page, which encoding and whether it is a 304, then encodes the
headers. For the same parts of a request, the answer is the same for as long as that
stored page is the one in the cache and is current; only its age and request id
differ. So the first answer is remembered under those parts, and the next request
with the same parts gets it after three checks: the same stored page, still fresh,
still current (`Generations.still_current`). Anything else goes the whole way.

The parts are the method, the request target as sent, the server's scheme and
address, and the values of the headers a hit reads (``HIT_HEADERS``). Two browsers
that send the same ``Accept-Encoding`` share an answer whatever their user agents
say. tests/edge/test_answers.py checks that the page cache reads no other header, so
a header it starts reading must be added here.
"""

import time
import weakref

from dateline.ops.request_context import request_id_bytes_for

# What a hit reads besides the method and target (dateline.edge.wsgi.PageCache._current,
# _chosen, and SiteKeys): which site, bypass, encoding, conditional requests.
HIT_HEADERS = (
    b"host", b"x-forwarded-host", b"x-forwarded-port", b"x-forwarded-proto",
    b"cookie", b"authorization", b"accept-encoding", b"if-none-match", b"if-modified-since",
)  # fmt: skip
# Read too, but only sent back (or replaced): not part of what is remembered.
REQUEST_ID = b"x-request-id"
MAX_ANSWERS = 10_000
# A request whose parts are longer than this (a big cookie) is answered the whole way
# every time: remembering it would keep its headers, and httptools sets no bound on them.
MAX_PARTS_BYTES = 2048


def request_parts(method: bytes, target: bytes, headers, scheme: str, server) -> tuple:
    """(the parts an answer is remembered under, the X-Request-ID sent or None). The parts
    are None for a request with a header sent twice: WSGI joins repeated headers, which
    is not worth copying here for so rare a request."""
    named = dict(headers)
    if len(named) != len(headers):
        return None, None
    get = named.get
    # HIT_HEADERS in order, written out: a third of the time of mapping over them.
    parts = (
        method, target, scheme, server,
        get(b"host"), get(b"x-forwarded-host"), get(b"x-forwarded-port"),
        get(b"x-forwarded-proto"), get(b"cookie"), get(b"authorization"),
        get(b"accept-encoding"), get(b"if-none-match"), get(b"if-modified-since"),
    )  # fmt: skip
    return parts, get(REQUEST_ID)


def own_lines(entry, now: float, request_id: bytes) -> bytes:
    """A hit's own header lines, after the stored ones: its age (whole seconds) and
    request id, formatted as bytes in one step (no str to encode)."""
    return b"Age: %d\r\nX-Cache: HIT\r\nX-Request-ID: %s\r\n" % (now - entry.stored_at, request_id)


class Answers:
    """The answers this process gave, by request parts: which stored page, which status,
    its header lines, which of its bodies. Nothing here keeps a page alive (the page is
    looked up in the cache again each time), so a page evicted or replaced is let go."""

    def __init__(self, max_items: int = MAX_ANSWERS) -> None:
        self.max_items = max_items
        self.items: dict[tuple, tuple] = {}

    def remember(self, parts, cache_key: str, entry, status: int, lines: bytes, encoding):
        """`encoding`: which of the entry's bodies was sent, None for none (HEAD, 304).
        Remembered answers are bounded in number (`max_items`) and each in size (2 KB of
        parts): readers' own cookies make many distinct parts."""
        if sum(len(part) for part in parts if isinstance(part, bytes)) > MAX_PARTS_BYTES:
            return
        if len(self.items) >= self.max_items:
            self.items.clear()  # junk URLs and odd headers must not grow it without bound
        self.items[parts] = (cache_key, weakref.ref(entry), status, lines, encoding)

    def find(self, parts, request_id: bytes | None, backend) -> tuple[int, bytes, bytes] | None:
        """The answer remembered under `parts`, ready for the wire, if its page is still the
        stored one and current; else None, and the request goes the whole way."""
        item = self.items.get(parts)
        if item is None:
            return None
        cache_key, stored, status, lines, encoding = item
        entry = backend.pages.get(cache_key)
        now = time.time()
        if (
            entry is None
            or stored() is not entry
            or now >= entry.fresh_until
            or not backend.generations.still_current(entry)
        ):
            self.items.pop(parts, None)
            return None
        own = own_lines(entry, now, request_id_bytes_for(request_id))
        return status, lines + own, entry.body(encoding)
