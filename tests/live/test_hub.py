"""The server's live hub, driven in-process: fan-out, the connection cap, slow readers,
exact resume. Readers are fakes of the server's exchange (dateline.edge.front.Exchange);
the database is real."""

import asyncio
import re

import pytest
from asgiref.sync import sync_to_async

from dateline.edge.store import MemoryBackend, install_backend
from dateline.live import hub as hub_module
from dateline.live import services
from dateline.live.hub import Hub

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


class Headers(dict):
    def get(self, key, default=None):
        return super().get(key, default)


class Scope:
    def __init__(self, *, last_event_id=None, query=""):
        self.headers = Headers({"last-event-id": last_event_id} if last_event_id else {})
        self.query_string = query


class Transport:
    def __init__(self, *, gone_after: int | None = None):
        self.chunks: list[bytes] = []
        self.gone_after = gone_after

    async def send_bytes(self, data: bytes) -> None:
        if self.gone_after is not None and len(self.chunks) >= self.gone_after:
            raise ConnectionResetError("the reader's connection is gone")  # as the server does
        self.chunks.append(data)

    async def end_stream(self) -> None:
        self.ended = True

    def ids(self) -> list[int]:
        return [int(seq) for seq in re.findall(rb"id: (\d+)\nevent:", b"".join(self.chunks))]


class Reader:
    """What one reader asked (`asking`), and what the hub answered it."""

    def __init__(self, transport=None):
        self.transport = transport or Transport()
        self.status = None
        self.headers = None

    def asking(self, scope):
        self.query_string, self.scope_headers = scope.query_string, scope.headers
        return self

    def header(self, name):
        return self.scope_headers.get(name)

    async def open_stream(self, status, headers):
        self.status, self.headers = status, dict(headers)
        return self.transport

    async def reply(self, status, headers, text=""):
        self.status, self.headers = status, dict(headers)

    async def disconnected(self):
        await asyncio.Event().wait()  # these readers never hang up by themselves


@pytest.fixture
def counters():
    backend = MemoryBackend()
    install_backend(backend)
    yield backend
    install_backend(None)


async def until(condition, timeout=5.0):
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "gave up waiting"
        await asyncio.sleep(0.01)


def run(scenario):
    async def main():
        hub = Hub(max_streams=3)
        hub.start(asyncio.get_running_loop())
        try:
            return await scenario(hub)
        finally:
            hub.stop()

    return asyncio.run(main())


post_entry = sync_to_async(
    lambda blog, text: services.live_entry_post(blog=blog, body=services.entry_body(text=text)),
    thread_sensitive=False,
)


def test_one_read_per_change_reaches_every_reader(counters, blog, monkeypatch):
    monkeypatch.setattr(hub_module, "RECHECK_SECONDS", 60)

    async def scenario(hub):
        readers = [Reader() for _ in range(3)]
        tasks = [
            asyncio.create_task(hub.serve(proto.asking(Scope(query="after=0")), blog.pk))
            for proto in readers
        ]
        await until(lambda: all(p.transport.chunks for p in readers))
        assert readers[0].status == 200
        assert readers[0].headers["Content-Type"].startswith("text/event-stream")
        reads_before = hub.reads["events_after"]
        await post_entry(blog, "Breaking.")
        await until(lambda: all(p.transport.ids() == [1] for p in readers))
        assert hub.reads["events_after"] - reads_before == 1  # one read, three readers
        for task in tasks:
            task.cancel()

    run(scenario)


def test_past_the_cap_a_reader_is_told_to_come_back_later(counters, blog):
    async def scenario(hub):
        held = [Reader() for _ in range(3)]
        tasks = [asyncio.create_task(hub.serve(p.asking(Scope()), blog.pk)) for p in held]
        await until(lambda: all(p.status == 200 for p in held))
        refused = Reader()
        await hub.serve(refused.asking(Scope()), blog.pk)
        assert refused.status == 503
        assert refused.headers["Retry-After"] == "10"
        tasks[0].cancel()
        await until(lambda: hub.open_streams == 2)
        welcome = Reader()
        tasks.append(asyncio.create_task(hub.serve(welcome.asking(Scope()), blog.pk)))
        await until(lambda: welcome.status == 200)
        for task in tasks:
            task.cancel()

    run(scenario)


def test_a_reader_whose_connection_is_gone_is_dropped_and_the_others_carry_on(counters, blog):
    async def scenario(hub):
        gone = Reader(Transport(gone_after=1))  # takes the opening line, then the line drops
        fine = Reader()
        gone_task = asyncio.create_task(hub.serve(gone.asking(Scope(query="after=0")), blog.pk))
        fine_task = asyncio.create_task(hub.serve(fine.asking(Scope(query="after=0")), blog.pk))
        await until(lambda: fine.transport.chunks and gone.transport.chunks)
        await post_entry(blog, "One.")
        await until(lambda: fine.transport.ids() == [1])
        await asyncio.wait_for(gone_task, 2)  # dropped at its first failed send
        assert hub.open_streams == 1
        await post_entry(blog, "Two.")
        await until(lambda: fine.transport.ids() == [1, 2])
        fine_task.cancel()

    run(scenario)


def test_a_reconnect_resumes_exactly_from_memory_or_from_the_database(counters, blog, monkeypatch):
    monkeypatch.setattr(hub_module, "BACKLOG", 3)

    async def scenario(hub):
        for n in range(6):
            await post_entry(blog, f"Update {n}.")
        recent, old = Reader(), Reader()
        tasks = [
            asyncio.create_task(hub.serve(recent.asking(Scope(last_event_id="4")), blog.pk)),
            asyncio.create_task(
                hub.serve(old.asking(Scope(last_event_id="1", query="after=5")), blog.pk)
            ),
        ]
        await until(lambda: recent.transport.ids() == [5, 6])
        await until(lambda: old.transport.ids() == [2, 3, 4, 5, 6])
        await post_entry(blog, "Seven.")
        await until(lambda: old.transport.ids() == [2, 3, 4, 5, 6, 7])
        assert recent.transport.ids() == [5, 6, 7]
        for task in tasks:
            task.cancel()

    run(scenario)


def test_pausing_streams_sends_readers_to_polling(counters, blog):
    from wagtail.models import Site

    from dateline.live.models import LiveSettings

    def pause():
        setting = LiveSettings.for_site(Site.objects.get(is_default_site=True))
        setting.streaming = False
        setting.poll_interval = 30
        setting.save()

    async def scenario(hub):
        reader = Reader()
        task = asyncio.create_task(hub.serve(reader.asking(Scope()), blog.pk))
        await until(lambda: reader.transport.chunks)
        await until(lambda: hub.channels[blog.pk].followers)
        await sync_to_async(pause, thread_sensitive=False)()
        await asyncio.wait_for(task, 5)
        assert reader.transport.chunks[-1] == b'event: poll\ndata: {"interval":30}\n\n'
        refused = Reader()
        await hub.serve(refused.asking(Scope()), blog.pk)
        assert refused.status == 503 and refused.headers["Retry-After"] == "30"

    run(scenario)


def test_a_stream_ends_after_its_byte_budget_and_the_reader_resumes(counters, blog, monkeypatch):
    """granian queues bytes for a reader that stops reading: a stream's bytes are bounded,
    and a reader that is still there reconnects where it was."""
    monkeypatch.setattr(hub_module, "STREAM_BYTES", 10)

    async def scenario(hub):
        for n in range(2):
            await post_entry(blog, f"Update {n}.")
        first = Reader()
        await asyncio.wait_for(hub.serve(first.asking(Scope(query="after=0")), blog.pk), 5)
        assert first.transport.ids() == [1, 2]
        await post_entry(blog, "Three.")
        again = Reader()
        await asyncio.wait_for(hub.serve(again.asking(Scope(last_event_id="2")), blog.pk), 5)
        assert again.transport.ids() == [3]
        assert hub.open_streams == 0

    run(scenario)
