"""A request like one the page cache answered before gets the same answer from its raw
parts (dateline.edge.answers), through the server's protocol: only while that stored page
is current, with its own age and request id, and never for a request the page cache
would treat differently."""

import asyncio
import gzip
import time

import pytest
from django.test import override_settings

from dateline.edge.answers import HIT_HEADERS, REQUEST_ID, Answers, request_parts
from dateline.edge.conf import edge_settings
from dateline.edge.front import Front
from dateline.edge.sites import SiteKeys
from dateline.edge.store import MemoryBackend
from dateline.edge.wsgi import PageCache
from tests.edge.conftest import Reply, environ_for
from tests.edge.test_resilience import FakeSite, cache_for
from tests.edge.test_server_protocol import connection

STORY = "/world/story/"


class Server:
    """One connection to `dateline serve`'s protocol and front over a page cache of the fake
    site, counting the WSGI environs the front builds."""

    def __init__(self, protocol, transport, front):
        self.protocol, self.transport, self.front = protocol, transport, front
        self.environs = 0
        build = front.environ_for

        def counted(scope):
            self.environs += 1
            return build(scope)

        front.environ_for = counted

    async def get(self, path: str = STORY, *headers: str, method: str = "GET") -> Reply:
        self.transport.written = b""
        request = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", *headers, "", ""]
        self.protocol.data_received("\r\n".join(request).encode())
        for _ in range(300):  # a miss renders on a thread
            reply = parsed(self.transport.written, method)
            if reply is not None:
                return reply
            await asyncio.sleep(0.01)
        raise AssertionError(f"no answer to {method} {path}")


def parsed(written: bytes, method: str) -> Reply | None:
    head, found, body = written.partition(b"\r\n\r\n")
    if not found:
        return None
    status_line, *lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines:
        name, _, value = line.partition(": ")
        headers[name.title()] = value
    if method != "HEAD" and len(body) < int(headers.get("Content-Length", 0)):
        return None
    return Reply(int(status_line.split()[1]), headers, body)


def serving(scenario, fake=None):
    """Run `scenario(server, fake, cache)` against a fresh page cache of the fake site."""
    fake = fake or FakeSite()
    cache = cache_for(fake)

    async def run():
        front = Front(cache, page_cache=cache)
        protocol, transport = connection(front)
        return await scenario(Server(protocol, transport, front), fake, cache)

    return asyncio.run(run())


def test_a_page_answered_before_is_answered_again_without_building_a_wsgi_request():
    async def scenario(server, fake, cache):
        replies = [await server.get() for _ in range(4)]
        return replies, server.environs, fake.renders

    replies, environs, renders = serving(scenario)
    assert [reply.cache for reply in replies] == ["MISS", "HIT", "HIT", "HIT"]
    assert renders == 1
    assert environs == 3  # the miss (asked of the cache, then rendered), the first hit
    assert len({reply.body for reply in replies}) == 1
    ids = [reply.headers["X-Request-Id"] for reply in replies]
    assert len(set(ids)) == 4  # every answer has its own request id
    assert all("Age" in reply.headers for reply in replies[1:])


def test_a_purge_ends_the_remembered_answer_at_once():
    async def scenario(server, fake, cache):
        for _ in range(3):
            await server.get()
        fake.version = 2
        cache.backend.purge({"page-7"})
        after = [await server.get() for _ in range(3)]
        return after

    after = serving(scenario)
    assert [reply.cache for reply in after] == ["MISS", "HIT", "HIT"]
    assert all(b"story version 2" in reply.body for reply in after)


def test_each_encoding_and_each_conditional_request_keeps_its_own_answer():
    async def scenario(server, fake, cache):
        plain = await server.get()
        zipped = [await server.get(STORY, "Accept-Encoding: gzip") for _ in range(3)]
        plain_again = [await server.get() for _ in range(2)]
        heads = [await server.get(STORY, method="HEAD") for _ in range(3)]
        etag = plain_again[0].headers["Etag"]
        unchanged = [await server.get(STORY, f"If-None-Match: {etag}") for _ in range(3)]
        fake.version = 2
        cache.backend.purge({"page-7"})
        await server.get()
        changed = await server.get(STORY, f"If-None-Match: {etag}")
        return plain, zipped, plain_again, heads, unchanged, changed

    plain, zipped, plain_again, heads, unchanged, changed = serving(scenario)
    for reply in zipped:
        assert reply.headers["Content-Encoding"] == "gzip"
        assert gzip.decompress(reply.body) == plain.body
    for reply in plain_again:
        assert "Content-Encoding" not in reply.headers and reply.body == plain.body
    for reply in heads:
        assert reply.status == 200 and reply.body == b""
        assert reply.headers["Content-Length"] == str(len(plain.body))
    assert [(reply.status, reply.body) for reply in unchanged] == [(304, b"")] * 3
    assert changed.status == 200 and b"story version 2" in changed.body


def test_the_request_id_sent_comes_back_and_a_bad_one_is_replaced():
    async def scenario(server, fake, cache):
        await server.get()
        sent = [await server.get(STORY, f"X-Request-ID: proxy-id-{n}") for n in range(3)]
        bad = await server.get(STORY, "X-Request-ID: two words")
        return sent, bad, server.environs

    sent, bad, environs = serving(scenario)
    assert [reply.headers["X-Request-Id"] for reply in sent] == [f"proxy-id-{n}" for n in range(3)]
    assert environs == 3  # the miss, the first hit: the id is not part of what is remembered
    assert bad.cache == "HIT" and bad.headers["X-Request-Id"] not in ("two words", "")


def test_a_signed_in_reader_never_gets_an_anonymous_answer():
    async def scenario(server, fake, cache):
        for _ in range(3):
            await server.get()
        renders = fake.renders
        signed_in = [await server.get(STORY, "Cookie: sessionid=abc") for _ in range(2)]
        return signed_in, fake.renders - renders

    signed_in, renders = serving(scenario)
    assert [reply.cache for reply in signed_in] == [None, None]
    assert renders == 2  # each went to the site itself


def test_a_page_past_its_time_or_let_go_is_rendered_again():
    async def scenario(server, fake, cache):
        for _ in range(3):
            await server.get()
        (entry,) = cache.backend.pages.entries.values()
        entry.fresh_until = time.time() - 1
        expired = await server.get()
        await server.get()
        cache.backend.pages.entries.clear()  # evicted to make room
        evicted = await server.get()
        return expired, evicted, fake.renders

    expired, evicted, renders = serving(scenario)
    assert (expired.cache, evicted.cache, renders) == ("MISS", "MISS", 3)


def test_a_header_sent_twice_is_answered_the_whole_way():
    async def scenario(server, fake, cache):
        await server.get()
        twice = ("Accept-Encoding: identity", "Accept-Encoding: gzip")
        replies = [await server.get(STORY, *twice) for _ in range(3)]
        return replies, server.environs

    replies, environs = serving(scenario)
    assert all(reply.headers["Content-Encoding"] == "gzip" for reply in replies)
    assert environs == 2 + 3  # joined as WSGI joins them, by the page cache itself each time


def test_odd_requests_cannot_grow_the_remembered_answers_without_bound():
    answers = Answers(max_items=3)

    async def scenario(server, fake, cache):
        cache.answers = answers
        sizes = []
        for n in range(10):
            await server.get(f"/world/story-{n}/")
            await server.get(f"/world/story-{n}/")
            sizes.append(len(answers.items))
        return sizes

    sizes = serving(scenario)
    assert max(sizes) == 3 and min(sizes) >= 1


def test_a_request_with_a_big_cookie_is_answered_but_not_remembered():
    cookie = "Cookie: tracking=" + "x" * 4000  # not a signed-in reader's: answered

    async def scenario(server, fake, cache):
        await server.get(STORY, cookie)
        replies = [await server.get(STORY, cookie) for _ in range(3)]
        return replies, len(cache.answers.items), server.environs

    replies, remembered, environs = serving(scenario)
    assert [reply.cache for reply in replies] == ["HIT"] * 3
    assert remembered == 0 and environs == 2 + 3


class Reading(dict):
    """An environ that notes every key the page cache reads."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.read: set[str] = set()

    def __getitem__(self, key):
        self.read.add(key)
        return super().__getitem__(key)

    def get(self, key, default=None):
        self.read.add(key)
        return super().get(key, default)

    def __contains__(self, key):
        self.read.add(key)
        return super().__contains__(key)


@pytest.mark.django_db
@override_settings(USE_X_FORWARDED_HOST=True, USE_X_FORWARDED_PORT=True)
def test_a_hit_reads_no_header_that_its_remembered_answer_ignores():
    # The real choice of site (dateline.edge.sites), reading the forwarded host and port.
    cache = PageCache(FakeSite(), config=edge_settings(), backend=MemoryBackend(), sites=SiteKeys())
    cache(environ_for(STORY), lambda status, headers, exc_info=None: None)  # stored
    allowed = {"HTTP_" + name.decode().upper().replace("-", "_") for name in HIT_HEADERS}
    allowed |= {"HTTP_" + REQUEST_ID.decode().upper().replace("-", "_")}
    # What the method, the target and the server's scheme and address stand for:
    allowed |= {"REQUEST_METHOD", "PATH_INFO", "QUERY_STRING", "wsgi.url_scheme",
                "SERVER_NAME", "SERVER_PORT"}  # fmt: skip
    requests = [
        {},
        {"Accept-Encoding": "gzip"},
        {"If-None-Match": '"nothing"'},
        {"If-Modified-Since": "Mon, 07 Dec 2026 12:00:00 GMT"},
        {"Cookie": "theme=dark"},
        {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "example.org"},
        {"X-Forwarded-Port": "8443"},
    ]
    read = set()
    for headers in requests:
        for method in ("GET", "HEAD"):
            environ = Reading(environ_for(STORY, method=method, headers=headers))
            cache.hit_encoded(environ)
            read |= environ.read
    assert read - allowed == set()
    assert {"HTTP_HOST", "HTTP_X_FORWARDED_HOST", "HTTP_ACCEPT_ENCODING"} <= read  # it looked


@pytest.mark.parametrize("name", HIT_HEADERS)
def test_requests_that_differ_in_any_header_a_hit_reads_are_remembered_apart(name):
    # request_parts writes the headers out one by one: none may be left out or mixed up.
    base = [(b"user-agent", b"wrk")]
    parts, _ = request_parts(b"GET", STORY.encode(), base, "http", ("127.0.0.1", 8000))
    with_it, _ = request_parts(
        b"GET", STORY.encode(), [*base, (name, b"x-" + name)], "http", ("127.0.0.1", 8000)
    )
    assert with_it != parts
    assert with_it.count(b"x-" + name) == 1
    assert with_it.index(b"x-" + name) == 4 + HIT_HEADERS.index(name)
