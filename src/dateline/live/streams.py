"""What a live stream is made of, shared by the server's event loop (dateline.live.hub)
and the plain Django view (development, tests, a WSGI-only deployment).

A stream is a page's event log as Server-Sent Events: ``id:`` is the event's number in
the page's log, so a reconnecting EventSource sends ``Last-Event-ID`` and is sent exactly
the events after it.
"""

from dataclasses import dataclass

from dateline.live.models import LiveBlogPage

# The browser waits this long before reconnecting after a dropped connection.
RECONNECT_MS = 2000
# A comment line this often: proxies keep the connection, dead readers are found.
HEARTBEAT_SECONDS = 20
HEADERS = [
    ("Content-Type", "text/event-stream; charset=utf-8"),
    ("Cache-Control", "no-store"),
    ("X-Accel-Buffering", "no"),
]
HEARTBEAT = b": keep-alive\n\n"


@dataclass(frozen=True)
class StreamTarget:
    """A page readers may follow: an open or ended live blog, or a story's comments."""

    page_id: int
    is_live_blog: bool
    ended: bool


def stream_target(page_id: int) -> StreamTarget | None:
    """The live, public page with this id that has a stream, or None."""
    from dateline.comments.selectors import commentable_article

    page = commentable_article(page_id)
    if page is None:
        return None
    blog = LiveBlogPage.objects.filter(pk=page_id).values("ended_at").first()
    if blog is None:
        return StreamTarget(page_id, is_live_blog=False, ended=False)
    return StreamTarget(page_id, is_live_blog=True, ended=blog["ended_at"] is not None)


def opening(after: int, *, retry_ms: int = RECONNECT_MS) -> bytes:
    """The first bytes of a stream: the reconnection delay, and the reader's position as
    an event id without data (no event fires, but a reconnect sends it as Last-Event-ID:
    a reader that started at ``head`` resumes from here, not from a new head)."""
    return f"retry: {retry_ms}\nid: {after}\n\n".encode()


def frame(seq: int, kind: str, data: str) -> bytes:
    """One event; `data` is the stored JSON (one line)."""
    return f"id: {seq}\nevent: {kind}\ndata: {data}\n\n".encode()


def reload_frame(seq: int) -> bytes:
    """Too much was missed to replay: the page reloads itself (a no-JS reload shows all)."""
    return frame(seq, "reload", "{}")


# ``?after=head``: only what happens from now on (a story's comments: the page itself
# is purged by every comment, so it already shows the earlier ones).
HEAD = -1


def resume_point(last_event_id: str | None, after: str | None) -> int | None:
    """The last event the reader has: ``Last-Event-ID`` on a reconnect, else ``?after=``
    (the page's own number, or ``head``). None when neither is valid."""
    for value in (last_event_id, after):
        if value is not None:
            value = value.strip()
            if value.isdigit() and len(value) < 12:
                return int(value)
            return HEAD if value == "head" else None
    return HEAD
