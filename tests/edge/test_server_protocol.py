"""The server's protocol (dateline.edge.server) on one connection, driven in-process: what
it writes for a cached page, and what it hands on to the ASGI application."""

import asyncio

from uvicorn.config import Config
from uvicorn.server import ServerState

from dateline.edge.server import Protocol

CACHED = (200, b"Content-Type: text/html\r\nContent-Length: 5\r\nX-Cache: HIT\r\n", b"hello")


class Transport:
    """What the protocol writes, as a connection's transport would take it."""

    def __init__(self):
        self.written = b""
        self.closed = False

    def write(self, data):
        self.written += data

    def writelines(self, pieces):
        self.written += b"".join(pieces)

    def is_closing(self):
        return self.closed

    def close(self):
        self.closed = True

    def get_extra_info(self, name, default=None):
        return {"sockname": ("127.0.0.1", 8000), "peername": ("127.0.0.1", 50000)}.get(name)

    def pause_reading(self):
        pass

    def resume_reading(self):
        pass

    def set_write_buffer_limits(self, **limits):
        pass

    def get_write_buffer_size(self):
        return 0


class Application:
    """Answers from `cache` (a function of the path) in the protocol, and keeps what
    reaches it the ASGI way unanswered, as a slow render would be."""

    def __init__(self, cache):
        self.cache = cache
        self.asked: list[str] = []

    def answer_from_cache(self, scope, parts=None):
        return self.cache(scope["path"])

    def answer_again(self, parts, request_id):
        return None  # every request is asked of `cache` afresh

    async def __call__(self, scope, receive, send):
        self.asked.append(scope["path"])
        await asyncio.Event().wait()


class Rendering(Application):
    """Answers what is not cached the ASGI way after `seconds`, as a render would."""

    def __init__(self, cache, seconds: float):
        super().__init__(cache)
        self.seconds = seconds

    async def __call__(self, scope, receive, send):
        self.asked.append(scope["path"])
        await asyncio.sleep(self.seconds)
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"rendered"})


def connection(application, keep_alive: float = 5):
    config = Config(
        app=application,
        http=Protocol,
        lifespan="off",
        proxy_headers=False,
        timeout_keep_alive=keep_alive,
    )
    config.load()
    state = ServerState()
    state.default_headers = [(b"date", b"Mon, 07 Dec 2026 12:00:00 GMT")]  # uvicorn's, each second
    protocol = Protocol(config, state, {}, asyncio.get_running_loop())
    transport = Transport()
    protocol.connection_made(transport)
    return protocol, transport


def get(path: str, *extra: str) -> bytes:
    return "\r\n".join([f"GET {path} HTTP/1.1", "Host: 127.0.0.1", *extra, "", ""]).encode()


def test_a_cached_page_is_written_whole_and_the_connection_kept():
    async def scenario():
        protocol, transport = connection(Application(lambda path: CACHED))
        protocol.data_received(get("/world/"))
        return transport

    transport = asyncio.run(scenario())
    head, _, body = transport.written.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200 OK\r\n") and b"\r\ndate: " in head
    assert b"X-Cache: HIT" in head and b"connection: close" not in head
    assert body == b"hello" and not transport.closed


def test_a_failing_page_cache_sends_the_request_on_to_the_application_not_a_400():
    def broken(path):
        raise RuntimeError("the store is unreadable")

    async def scenario():
        application = Application(broken)
        protocol, transport = connection(application)
        protocol.data_received(get("/world/"))
        await asyncio.sleep(0.01)
        return application, transport.written

    application, written = asyncio.run(scenario())
    assert application.asked == ["/world/"] and written == b""  # still rendering


def test_a_request_behind_a_cached_answer_is_not_cut_off_by_the_keep_alive_timer():
    async def scenario():
        application = Application(lambda path: CACHED if path == "/world/" else None)
        protocol, transport = connection(application, keep_alive=0.05)
        protocol.data_received(get("/world/") + get("/slow/"))  # one read, two requests
        await asyncio.sleep(0.2)  # four times the keep-alive timeout: /slow/ still renders
        return application, transport.closed

    application, closed = asyncio.run(scenario())
    assert application.asked == ["/slow/"] and not closed


def test_an_idle_connection_is_closed_once_the_keep_alive_timeout_has_passed():
    async def scenario():
        protocol, transport = connection(Application(lambda path: CACHED), keep_alive=0.1)
        protocol.data_received(get("/world/"))
        await asyncio.sleep(0.02)
        open_before = not transport.closed
        await asyncio.sleep(0.25)
        return open_before, transport.closed

    open_before, closed_after = asyncio.run(scenario())
    assert open_before and closed_after


def test_a_reader_who_keeps_asking_keeps_the_connection_past_the_timeout():
    async def scenario():
        protocol, transport = connection(Application(lambda path: CACHED), keep_alive=0.1)
        for _ in range(10):  # 0.3 s of requests, each well within the timeout of the last
            protocol.data_received(get("/world/"))
            await asyncio.sleep(0.03)
        still_open = not transport.closed
        await asyncio.sleep(0.25)
        return still_open, transport.closed, transport.written.count(b"HTTP/1.1 200 OK")

    still_open, closed_after, answers = asyncio.run(scenario())
    assert still_open and answers == 10
    assert closed_after  # and idle after the last one, it goes


def test_a_connection_still_closes_when_idle_after_its_timer_fired_during_a_render():
    async def scenario():
        application = Rendering(lambda path: CACHED if path == "/world/" else None, 0.3)
        protocol, transport = connection(application, keep_alive=0.2)
        protocol.data_received(get("/world/"))  # answered at 0: idle, the timer armed
        await asyncio.sleep(0.02)
        protocol.data_received(get("/slow/"))  # rendering when the timer fires at 0.2
        await asyncio.sleep(0.35)  # rendered at 0.32, idle since
        rendered, open_after_render = b"rendered" in transport.written, not transport.closed
        await asyncio.sleep(0.35)  # idle for longer than the timeout
        return rendered, open_after_render, transport.closed

    rendered, open_after_render, closed = asyncio.run(scenario())
    assert rendered and open_after_render and closed


def test_a_closed_connection_leaves_no_keep_alive_timer_behind():
    async def scenario():
        protocol, transport = connection(Application(lambda path: CACHED), keep_alive=30)
        protocol.data_received(get("/world/"))
        timer = protocol.timeout_keep_alive_task
        transport.close()
        protocol.connection_lost(None)
        return timer, protocol.timeout_keep_alive_task

    timer, left = asyncio.run(scenario())
    assert timer is not None and timer.cancelled() and left is None


def test_the_protocol_starts_a_request_as_uvicorn_does():
    """`Protocol.on_message_begin` re-implements uvicorn's without the scope: a state
    uvicorn starts setting per request must be set there too (and the scope's keys)."""
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

    async def scenario():
        protocol, _transport = connection(Application(lambda path: None))
        before = dict(vars(protocol))
        HttpToolsProtocol.on_message_begin(protocol)
        set_by_uvicorn = {name for name, value in vars(protocol).items()
                          if name not in before or before[name] is not value}  # fmt: skip
        uvicorn_scope = protocol.scope
        return set_by_uvicorn, uvicorn_scope, protocol._new_scope()

    set_by_uvicorn, uvicorn_scope, ours = asyncio.run(scenario())
    assert set_by_uvicorn <= {"url", "expect_100_continue", "headers", "scope"}
    assert set(ours) == set(uvicorn_scope) | {"extensions"}
