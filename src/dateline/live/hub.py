"""Live streams held in the server's event loop, and the fan-out of new events to them.

Every server process (a uvicorn worker) keeps one ``Channel`` per page its readers
follow. Nothing is pushed between processes: each process *watches* the page cache's
purge counters (dateline.edge.store), which every writer bumps for ``live-<id>`` after
committing an event. The counters are a memory-mapped table every worker of the node
reads at once, or, with ``REDIS_URL``, a table each process mirrors through the Redis
pub/sub the page cache already runs between nodes. So:

- a change is seen by every process on every node within the watch interval (25 ms);
- each process then reads the new events from the database once (one query per change
  per process, whatever the number of readers) and keeps the latest few hundred frames;
- one broadcast per change per process then hands the same bytes to every reader of
  the page, in one loop: a stream's ``send_bytes`` queues the bytes on the connection
  and returns at once (dateline.edge.front.Exchange), so no reader waits for another
  and no task is woken per reader. A reader whose connection is gone is dropped on its
  first failed send; one that stops reading has its stream ended after ``STREAM_BYTES``
  (it reconnects and resumes).

A reader's position is the number of the last event it was sent (the SSE id), so a
reconnect with ``Last-Event-ID`` resumes exactly, from memory or from the database.
"""

import asyncio
import bisect
import logging
import math
import os
import time
from collections import Counter, deque
from urllib.parse import parse_qs

from django.conf import settings
from django.db import close_old_connections

from dateline.edge import keys as surrogate
from dateline.edge.store import current_backend, slot_of
from dateline.live import selectors, streams

logger = logging.getLogger(__name__)

# How often each process looks at the purge counters of the pages it serves.
WATCH_INTERVAL = 0.025
# How often a page's log is re-read even if its counter did not move (a lost purge).
RECHECK_SECONDS = 5.0
# Frames kept per page; a reader further behind than this is served from the database.
BACKLOG = 256
# A stream's bytes are queued without limit when its reader stops reading (measured
# under granian: 200 MB in 0.4 s for a reader that read nothing), so a stream ends after
# this many bytes or this long; a live reader reconnects at once (EventSource does) and
# resumes from its Last-Event-ID, a stuck one holds at most this much memory.
STREAM_BYTES = 1024 * 1024
STREAM_SECONDS = 3600.0
# A page nobody follows is forgotten after this long.
IDLE_SECONDS = 60.0
SETTINGS_CHECK_SECONDS = 5.0


class Channel:
    """One page's recent frames in this process, and the readers waiting for more."""

    def __init__(self, page_id: int, loop) -> None:
        self.page_id = page_id
        self.slot = slot_of(surrogate.live_key(page_id))
        self.target: streams.StreamTarget | None = None
        self.seqs: deque[int] = deque(maxlen=BACKLOG)
        self.frames: deque[bytes] = deque(maxlen=BACKLOG)
        self.last_seq = 0
        self.generation = -1
        self.checked = 0.0
        self.readers = 0
        self.idle_since = time.monotonic()
        self.loading = False
        self.ready = loop.create_future()
        self.followers: set[Follower] = set()
        self.broadcasting = False
        self.again = False

    def frames_after(self, after: int) -> list[bytes] | None:
        """What a reader that has event `after` is missing, or None if not kept here."""
        if after >= self.last_seq:
            return []
        seqs = self.seqs
        if not seqs or seqs[0] > after + 1:
            return None
        start = bisect.bisect_right(seqs, after)
        return [self.frames[index] for index in range(start, len(seqs))]

    def add(self, events) -> None:
        for event in events:
            if event.seq <= self.last_seq:
                continue
            self.seqs.append(event.seq)
            self.frames.append(streams.frame(event.seq, event.kind, event.data))
            self.last_seq = event.seq
            if event.kind == "end" and self.target is not None:
                self.target = streams.StreamTarget(self.page_id, self.target.is_live_blog, True)


class Follower:
    """A reader who has caught up: the broadcasts send it what comes next."""

    __slots__ = ("stream", "sent", "budget", "until", "done")

    def __init__(self, stream, sent: int, loop) -> None:
        self.stream = stream
        self.sent = sent
        self.budget = STREAM_BYTES
        self.until = time.monotonic() + STREAM_SECONDS
        self.done = loop.create_future()

    def finish(self, last_words: bytes = b"") -> None:
        """End this reader's stream (after sending `last_words`)."""
        if not self.done.done():
            self.done.set_result(last_words)

    async def send(self, data: bytes) -> bool:
        try:
            await self.stream.send_bytes(data)
        except Exception:  # the connection is gone
            self.finish()
            return False
        return True


def _from_database(function, *args, **kwargs):
    """Run an ORM read in the hub's thread, on a healthy connection."""
    close_old_connections()
    return function(*args, **kwargs)


def _site_live_settings() -> tuple[int, bool]:
    """The default site's interval and streaming switch (a read: no row is created)."""
    from dateline.live.models import LiveSettings

    row = (
        LiveSettings.objects.filter(site__is_default_site=True)
        .values_list("poll_interval", "streaming")
        .first()
    )
    if row is None:
        field = LiveSettings._meta.get_field
        return field("poll_interval").default, field("streaming").default
    return row


class Hub:
    def __init__(self, *, max_streams: int | None = None) -> None:
        if max_streams is None:
            node_cap = getattr(settings, "LIVE_MAX_STREAMS", 20_000)
            workers = max(1, int(os.environ.get("DATELINE_SERVE_WORKERS", "1")))
            max_streams = math.ceil(node_cap / workers)
        self.max_streams = max_streams
        self.channels: dict[int, Channel] = {}
        self.open_streams = 0
        self.interval = 10
        self.streaming = True
        self.loop = None
        self.reader = None
        self._tasks: list[asyncio.Task] = []
        self._settings_generation = -1
        self._settings_checked = 0.0
        # What this process read from the database, by reader function (the benchmark
        # and the tests count the reads one change costs).
        self.reads: Counter[str] = Counter()

    # --- life cycle -------------------------------------------------------------------

    def start(self, loop) -> None:
        from concurrent.futures import ThreadPoolExecutor

        self.loop = loop
        # One thread: reads are ordered, and never queue behind page renders.
        self.reader = ThreadPoolExecutor(1, thread_name_prefix="live-hub")
        self._tasks = [loop.create_task(self._watch()), loop.create_task(self._heartbeat())]

    def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        if self.reader is not None:
            self.reader.shutdown(wait=False, cancel_futures=True)

    async def _read(self, function, *args, **kwargs):
        self.reads[function.__name__] += 1
        return await self.loop.run_in_executor(
            self.reader, lambda: _from_database(function, *args, **kwargs)
        )

    # --- one reader -------------------------------------------------------------------

    async def serve(self, exchange, page_id: int) -> None:
        """Answer one reader (a dateline.edge.front.Exchange) of page `page_id`."""
        if self.open_streams >= self.max_streams:
            return await self._refuse(exchange, "This server holds as many live readers as it can.")
        query = parse_qs(exchange.query_string) if exchange.query_string else {}
        after = streams.resume_point(
            exchange.header("last-event-id"), (query.get("after") or [None])[0]
        )
        if after is None:
            return await exchange.reply(400, [], "Last-Event-ID must be a number.")
        await self._check_settings()
        if not self.streaming:
            return await self._refuse(exchange, "Live connections are paused; poll instead.")
        self.open_streams += 1
        channel, following, hung_up = None, False, None
        try:
            channel = await self._channel(page_id)
            if channel.target is None:
                return await exchange.reply(404, [], "Nothing to follow here.")
            if after == streams.HEAD:
                after = channel.last_seq
            if channel.target.ended and after >= channel.last_seq:
                return await exchange.reply(204, [])
            channel.readers += 1
            following = True
            stream = await exchange.open_stream(200, streams.HEADERS)
            # A reader that hangs up is let go at once, not at the next heartbeat.
            follower = asyncio.current_task()

            def let_go(_):
                follower.cancel()

            hung_up = asyncio.ensure_future(exchange.disconnected())
            hung_up.add_done_callback(let_go)
            try:
                await self._follow(channel, stream, after)
            finally:
                hung_up.remove_done_callback(let_go)
                hung_up.cancel()
                await stream.end_stream()  # nothing is sent to a reader that is gone
        except asyncio.CancelledError:
            if hung_up is None or not hung_up.done() or hung_up.cancelled():
                raise  # the server is stopping, not the reader leaving
        except Exception as error:  # the reader went away, or could not keep up
            logger.debug("Live reader of page %s left: %r", page_id, error)
        finally:
            self.open_streams -= 1
            if following:
                channel.readers -= 1
                if channel.readers == 0:
                    channel.idle_since = time.monotonic()

    async def _refuse(self, exchange, message: str) -> None:
        await exchange.reply(
            503,
            [
                ("Retry-After", str(self.interval)),
                ("Cache-Control", "no-store"),
                ("Content-Type", "text/plain; charset=utf-8"),
            ],
            message,
        )

    async def _follow(self, channel: Channel, stream, sent: int) -> None:
        follower = Follower(stream, sent, self.loop)
        if not await follower.send(streams.opening(sent)):
            return
        # Catch up to what this process holds, then let the broadcasts carry on.
        while follower.sent < channel.last_seq:
            frames = channel.frames_after(follower.sent)
            if frames is None:  # further behind than this process keeps
                events = await self._read(selectors.events_after, channel.page_id, follower.sent)
                if len(events) >= selectors.RESUME_LIMIT:
                    await follower.send(streams.reload_frame(events[-1].seq))
                    return
                frames = [streams.frame(e.seq, e.kind, e.data) for e in events]
                if not events:
                    break
                sent_to = events[-1].seq
            else:
                sent_to = channel.last_seq
            data = b"".join(frames)
            follower.budget -= len(data)
            if not await follower.send(data):
                return
            follower.sent = sent_to
        if channel.target.ended and follower.sent >= channel.last_seq:
            return
        if follower.budget <= 0:
            return  # the reader reconnects and resumes
        channel.followers.add(follower)
        try:
            last_words = await follower.done
            if last_words:
                await follower.send(last_words)
        finally:
            channel.followers.discard(follower)

    async def _broadcast(self, channel: Channel) -> None:
        """Send every follower of the page what it has not had yet (one pass per change;
        a change arriving meanwhile makes another pass)."""
        if channel.broadcasting:
            channel.again = True
            return
        channel.broadcasting = True
        try:
            while True:
                channel.again = False
                last, shared = channel.last_seq, {}
                for follower in list(channel.followers):
                    if follower.sent >= last or follower.done.done():
                        continue
                    data = shared.get(follower.sent)
                    if data is None:
                        frames = channel.frames_after(follower.sent)
                        if frames is None:
                            follower.finish()  # fell behind: it reconnects and resumes
                            continue
                        data = shared[follower.sent] = b"".join(frames)
                    follower.sent = last
                    follower.budget -= len(data)
                    if await follower.send(data) and follower.budget <= 0:
                        follower.finish()
                if channel.target is not None and channel.target.ended:
                    for follower in list(channel.followers):
                        follower.finish()
                if not channel.again:
                    return
        finally:
            channel.broadcasting = False

    # --- channels ---------------------------------------------------------------------

    async def _channel(self, page_id: int) -> Channel:
        channel = self.channels.get(page_id)
        if channel is None:
            channel = self.channels[page_id] = Channel(page_id, self.loop)
            # Loaded by a task of its own: the first reader leaving must not stop it.
            self.loop.create_task(self._load(channel))
        if not channel.ready.done():
            await asyncio.shield(channel.ready)
        return channel

    async def _load(self, channel: Channel) -> None:
        try:
            generation = self._generation(channel)
            target, events = await self._read(_load_channel, channel.page_id)
            channel.target = target
            channel.add(events)
            channel.generation = generation
            channel.checked = time.monotonic()
        except Exception:
            logger.exception("Could not load the live page %s", channel.page_id)
        finally:
            channel.ready.set_result(None)
            if channel.target is None:
                # Not followable (now): forget it after a moment, not at once.
                self.loop.call_later(5, self._forget, channel.page_id, channel)

    def _forget(self, page_id: int, channel: Channel) -> None:
        if self.channels.get(page_id) is channel and channel.readers == 0:
            del self.channels[page_id]

    @staticmethod
    def _generation(channel: Channel) -> int:
        backend = current_backend()
        if backend is None:
            return -1
        return backend.generations.table[channel.slot]

    async def _refresh(self, channel: Channel) -> None:
        channel.loading = True
        try:
            generation = self._generation(channel)
            events = await self._read(selectors.events_after, channel.page_id, channel.last_seq)
            channel.generation = generation
            channel.checked = time.monotonic()
            channel.add(events)
        except Exception:
            logger.exception("Could not read the live events of page %s", channel.page_id)
            return
        finally:
            channel.loading = False
        if events:
            await self._broadcast(channel)

    async def _watch(self) -> None:
        while True:
            await asyncio.sleep(WATCH_INTERVAL)
            try:
                self._look()
                await self._check_settings()
            except Exception:
                logger.exception("The live watcher failed; it carries on")

    def _look(self) -> None:
        backend = current_backend()
        table = backend.generations.table if backend is not None else None
        now = time.monotonic()
        for page_id, channel in list(self.channels.items()):
            if not channel.ready.done() or channel.loading or channel.target is None:
                continue
            if channel.readers == 0 and now - channel.idle_since > IDLE_SECONDS:
                del self.channels[page_id]
                continue
            moved = table is None or table[channel.slot] != channel.generation
            if moved or now - channel.checked > RECHECK_SECONDS:
                self.loop.create_task(self._refresh(channel))

    async def _check_settings(self) -> None:
        backend = current_backend()
        generation = (
            backend.generations.table[slot_of(surrogate.SETTINGS)] if backend is not None else -1
        )
        now = time.monotonic()
        if generation == self._settings_generation and (
            now - self._settings_checked < SETTINGS_CHECK_SECONDS
        ):
            return
        self._settings_generation, self._settings_checked = generation, now
        try:
            interval, streaming = await self._read(_site_live_settings)
        except Exception:
            logger.exception("Could not read the live settings")
            return
        was_streaming, self.interval, self.streaming = self.streaming, interval, streaming
        if was_streaming and not streaming:
            for channel in self.channels.values():
                for follower in list(channel.followers):
                    follower.finish(_poll_frame(interval))

    # --- keeping connections honest ---------------------------------------------------

    async def _heartbeat(self) -> None:
        """Every reader gets a comment line now and then: dead ones are found and dropped,
        and a stream past its age ends (the reader reconnects)."""
        while True:
            await asyncio.sleep(streams.HEARTBEAT_SECONDS)
            now = time.monotonic()
            for channel in list(self.channels.values()):
                for follower in list(channel.followers):
                    if now > follower.until:
                        follower.finish()
                    elif not follower.done.done():
                        await follower.send(streams.HEARTBEAT)


def _load_channel(page_id: int):
    target = streams.stream_target(page_id)
    if target is None:
        return None, []
    return target, selectors.latest_events(page_id, count=BACKLOG)


def _poll_frame(interval: int) -> bytes:
    return f'event: poll\ndata: {{"interval":{interval}}}\n\n'.encode()
