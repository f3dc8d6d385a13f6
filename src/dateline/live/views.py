"""Readers' live endpoints: the polling answer (cacheable) and the stream (Django's copy).

Under `dateline serve` the stream is answered by the server's event loop
(dateline.live.hub) before Django; the view here serves development, the tests and any
plain WSGI deployment, holding a thread per reader and re-reading the log.
"""

import time

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseRedirect, StreamingHttpResponse
from django.views.decorators.http import require_GET

from dateline.live import conf, selectors, streams
from dateline.live.models import LiveSettings

# Django's copy of the stream ends after this long (the browser reconnects where it was)
# and sends a comment line this often (a reader who left is noticed).
FALLBACK_POLL_SECONDS = 0.2
FALLBACK_HEARTBEAT_SECONDS = 2.0
# Its streams end by design, so the browser comes back at once, not after the usual delay.
FALLBACK_RECONNECT_MS = 200


def _event_json(event) -> str:
    return f'{{"id":{event.seq},"event":"{event.kind}","data":{event.data}}}'


@require_GET
def updates(request, live_id: int, bucket: int):
    """The tail of the page's log, for readers that poll.

    The URL names a time bucket of the polling interval: every reader asks the same URL
    during one interval, so the page cache (and a CDN) answer all but the first, and the
    origin renders this once per interval per page, whatever the number of readers.
    Every answer carries the interval and the next URL to ask.
    """
    target = streams.stream_target(live_id)
    if target is None:
        raise Http404("Nothing to follow here.")
    setting = LiveSettings.for_request(request)
    interval = setting.poll_interval
    current = conf.current_bucket(interval)
    if abs(bucket - current) > 1:
        response = HttpResponseRedirect(conf.poll_url(live_id, interval, current), status=307)
        response["Cache-Control"] = "no-store"
        return response
    events = selectors.latest_events(live_id)
    latest = events[-1].seq if events else selectors.last_seq(live_id)
    body = (
        f'{{"interval":{interval},"streaming":{"true" if setting.streaming else "false"},'
        f'"ended":{"true" if target.ended else "false"},"latest":{latest},'
        f'"first":{events[0].seq if events else latest + 1},'
        f'"next":"{conf.poll_url(live_id, interval, bucket + 1)}",'
        f'"events":[{",".join(map(_event_json, events))}]}}'
    )
    response = HttpResponse(body, content_type="application/json")
    response["Cache-Control"] = f"public, max-age={interval}"
    return response


@require_GET
def stream(request, live_id: int):
    """Server-Sent Events for one page (Django's copy: see the module docstring)."""
    target = streams.stream_target(live_id)
    if target is None:
        raise Http404("Nothing to follow here.")
    if target.ended:
        return HttpResponse(status=204)  # EventSource stops reconnecting
    setting = LiveSettings.for_request(request)
    if not setting.streaming:
        return _refused(setting.poll_interval)
    after = streams.resume_point(request.headers.get("Last-Event-ID"), request.GET.get("after"))
    if after is None:
        return HttpResponse("Last-Event-ID must be a number.", status=400)
    if after == streams.HEAD:
        after = selectors.last_seq(live_id)

    def events():
        nonlocal after
        yield streams.opening(after, retry_ms=FALLBACK_RECONNECT_MS)
        started = beat = time.monotonic()
        while time.monotonic() - started < settings.LIVE_FALLBACK_STREAM_SECONDS:
            found = selectors.events_after(live_id, after)
            if len(found) == selectors.RESUME_LIMIT:
                yield streams.reload_frame(found[-1].seq)
                return
            for event in found:
                yield streams.frame(event.seq, event.kind, event.data)
                after = event.seq
                if event.kind == "end":
                    return
            if time.monotonic() - beat > FALLBACK_HEARTBEAT_SECONDS:
                beat = time.monotonic()
                yield streams.HEARTBEAT
            time.sleep(FALLBACK_POLL_SECONDS)

    response = StreamingHttpResponse(events(), content_type="text/event-stream; charset=utf-8")
    response["Cache-Control"] = "no-store"
    response["X-Accel-Buffering"] = "no"
    return response


def _refused(interval: int) -> HttpResponse:
    response = HttpResponse(
        "Live connections are paused; poll instead.", status=503, content_type="text/plain"
    )
    response["Retry-After"] = str(interval)
    response["Cache-Control"] = "no-store"
    return response
