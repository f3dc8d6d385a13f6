"""Misses render once, failures serve the last good copy, an outage gets a branded 503."""

import os
import threading
import time
from dataclasses import replace

import pytest
from django.db import OperationalError

from dateline.edge.conf import edge_settings
from dateline.edge.store import FileBackend, MemoryBackend, RedisBackend
from dateline.edge.wsgi import PageCache, page_cache
from tests.edge.conftest import call


class FakeSite:
    """A WSGI app that counts renders and can be told to fail."""

    def __init__(self, delay: float = 0.0):
        self.delay = delay
        self.renders = 0
        self.failure: str | None = None  # "raise" or "503"
        self.version = 1
        self._lock = threading.Lock()

    def __call__(self, environ, start_response):
        with self._lock:
            self.renders += 1
        time.sleep(self.delay)
        if self.failure == "raise":
            raise OperationalError("database is down")
        if self.failure == "503":
            start_response("503 Service Unavailable", [("Content-Type", "text/html")])
            return [b"down"]
        start_response(
            "200 OK", [("Content-Type", "text/html"), ("Surrogate-Key", "page-7 article-7")]
        )
        return [f"<p>story version {self.version}</p>".encode() * 50]


@pytest.fixture
def fake():
    return FakeSite()


class OneSite:
    """Every host is one site: the fake application has no Wagtail sites to ask."""

    def known(self, environ) -> str:
        return "site-1"

    def key_for(self, environ, generations, request=None) -> str:
        return "site-1"


def cache_for(app, backend=None) -> PageCache:
    return PageCache(
        app, config=edge_settings(), backend=backend or MemoryBackend(), sites=OneSite()
    )


def test_the_page_cache_is_off_unless_the_settings_turn_it_on():
    app = FakeSite()
    assert page_cache(app, replace(edge_settings(), enabled=False)) is app
    assert isinstance(page_cache(app, replace(edge_settings(), enabled=True)), PageCache)


def test_concurrent_misses_for_one_url_render_once():
    slow = FakeSite(delay=0.3)
    cache = cache_for(slow)
    replies = []
    start = threading.Barrier(8)

    def reader():
        start.wait()
        replies.append(call(cache, "/world/story/"))

    threads = [threading.Thread(target=reader) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert slow.renders == 1
    assert [reply.status for reply in replies] == [200] * 8
    assert sorted(reply.cache for reply in replies) == ["HIT"] * 7 + ["MISS"]


def test_different_urls_render_side_by_side():
    slow = FakeSite(delay=0.2)
    cache = cache_for(slow)
    threads = [
        threading.Thread(target=call, args=(cache, f"/story-{number}/")) for number in range(4)
    ]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert slow.renders == 4
    assert time.monotonic() - started < 0.6


@pytest.mark.parametrize("failure", ["raise", "503"])
def test_a_failed_render_serves_the_last_good_copy_and_says_so(fake, failure):
    backend = MemoryBackend()
    cache = cache_for(fake, backend)
    call(cache, "/world/story/")
    fake.version, fake.failure = 2, failure
    backend.purge({"page-7"})

    reply = call(cache, "/world/story/")
    assert reply.status == 200
    assert "story version 1" in reply.text
    assert reply.cache == "STALE"
    assert reply.headers["X-Dateline-Stale"] == "if-error"

    renders = fake.renders
    assert call(cache, "/world/story/").cache == "STALE"
    assert fake.renders == renders  # backs off instead of hammering a failing database


def test_after_the_outage_the_page_renders_again(fake, monkeypatch):
    backend = MemoryBackend()
    cache = cache_for(fake, backend)
    call(cache, "/world/story/")
    fake.failure = "raise"
    backend.purge({"article-7"})
    assert call(cache, "/world/story/").cache == "STALE"

    fake.failure, fake.version = None, 2
    monkeypatch.setattr("dateline.edge.wsgi.ERROR_BACKOFF", 0.0)
    cache._failing_until.clear()
    reply = call(cache, "/world/story/")
    assert (reply.cache, "story version 2" in reply.text) == ("MISS", True)


def test_a_page_never_cached_gets_the_branded_503_when_rendering_crashes(fake):
    fake.failure = "raise"
    reply = call(cache_for(fake), "/never-seen/")
    assert reply.status == 503
    assert "We will be back in a moment" in reply.text
    assert reply.headers["Retry-After"] == "30"
    assert reply.headers["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_database_outage_gives_the_branded_503_to_readers_and_writers(client, home, monkeypatch):
    def database_down(*args, **kwargs):
        raise OperationalError("unable to open database file")

    monkeypatch.setattr("wagtail.models.Page.route_for_request", database_down)
    started = time.monotonic()
    reply = client.get("/world/new-story/")
    assert time.monotonic() - started < 2
    assert reply.status_code == 503
    assert reply["Retry-After"] == "30"
    assert "We will be back in a moment" in reply.content.decode()

    posted = client.post("/world/new-story/", {"text": "hello"})
    assert posted.status_code == 503
    assert "nothing was saved" in posted.content.decode()


def test_workers_sharing_a_directory_share_pages_and_purges(fake, tmp_path):
    first = cache_for(fake, FileBackend(tmp_path))
    second = cache_for(fake, FileBackend(tmp_path))  # another worker process
    assert call(first, "/world/story/").cache == "MISS"
    assert call(second, "/world/story/").cache == "HIT"
    assert fake.renders == 1

    fake.version = 2
    first.backend.purge({"page-7"})
    reply = call(second, "/world/story/")
    assert (reply.cache, "story version 2" in reply.text) == ("MISS", True)
    assert call(first, "/world/story/").cache == "HIT"  # rendered by the other worker


def test_stale_copies_survive_a_restart(fake, tmp_path):
    call(cache_for(fake, FileBackend(tmp_path)), "/world/story/")
    fake.failure = "raise"
    restarted = cache_for(fake, FileBackend(tmp_path))
    restarted.backend.purge({"page-7"})
    reply = call(restarted, "/world/story/")
    assert (reply.status, reply.cache) == (200, "STALE")


def redis_url() -> str | None:
    import redis

    url = "redis://127.0.0.1:6379/15"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=0.5).ping()
    except redis.RedisError:
        return None
    return url


@pytest.mark.skipif(redis_url() is None, reason="no Redis on 127.0.0.1:6379")
def test_nodes_sharing_redis_share_pages_and_purges(fake):
    url = redis_url()
    first, second = RedisBackend(url), RedisBackend(url)
    first.client.flushdb()
    node_a, node_b = cache_for(fake, first), cache_for(fake, second)
    assert call(node_a, "/world/story/").cache == "MISS"
    assert call(node_b, "/world/story/").cache == "HIT"

    fake.version = 2
    first.purge({"page-7"})
    deadline = time.monotonic() + 1.0
    while second.generations.is_current(second.pages.get(next(iter(second.pages.entries))).stamps):
        assert time.monotonic() < deadline, "the purge did not reach the other node"
        time.sleep(0.01)
    reply = call(node_b, "/world/story/")
    assert (reply.cache, "story version 2" in reply.text) == ("MISS", True)


def test_invented_urls_stay_out_of_the_shared_store(fake, tmp_path):
    cache = cache_for(fake, FileBackend(tmp_path))
    call(cache, "/world/story/")
    call(cache, "/world/story/?page=2")
    call(cache, "/world/story/?utm_source=x&junk=1")
    assert len(list((tmp_path / "pages").iterdir())) == 2
    assert call(cache, "/world/story/?utm_source=x&junk=1").cache == "HIT"  # in memory


def test_a_forked_worker_does_not_share_its_parents_backend():
    """`dateline serve` forks its workers: each must open its own mapping and connections."""
    from dateline.edge import store

    built_here = (os.getpid(), object())
    previous, store._current = store._current, built_here
    try:
        read, write = os.pipe()
        child = os.fork()
        if child == 0:  # the worker
            os.write(write, b"own" if store._current is None else b"shared")
            os._exit(0)
        os.waitpid(child, 0)
        assert os.read(read, 10) == b"own"
        assert store._current is built_here  # the parent keeps its own
    finally:
        store._current = previous


def page_files(directory) -> list:
    return [path for path in (directory / "pages").iterdir() if path.suffix == ".entry"]


def test_a_purged_pages_file_is_removed(tmp_path):
    class TwoStories(FakeSite):
        def __call__(self, environ, start_response):
            number = environ["PATH_INFO"].strip("/").rsplit("-", 1)[-1]
            start_response(
                "200 OK", [("Content-Type", "text/html"), ("Surrogate-Key", f"page-{number}")]
            )
            return [f"<p>story {number}</p>".encode() * 50]

    backend = FileBackend(tmp_path)
    cache = cache_for(TwoStories(), backend)
    call(cache, "/story-7/")
    call(cache, "/story-8/")
    assert len(page_files(tmp_path)) == 2
    backend.purge({"page-7"})
    backend.sweep()
    (left,) = page_files(tmp_path)
    assert b"story 8" in left.read_bytes()
    assert call(cache, "/story-8/").cache == "HIT"


def test_the_page_files_stay_within_their_bound(tmp_path):
    """The oldest go first once the files take more than the bound; a sweep starts by
    itself once an eighth of the bound was written."""
    fake = FakeSite()
    probe = FileBackend(tmp_path / "probe")
    call(cache_for(fake, probe), "/story-0/")
    one_page = page_files(tmp_path / "probe")[0].stat().st_size

    backend = FileBackend(tmp_path / "pages", disk_bytes=one_page * 10)
    cache = cache_for(fake, backend)
    written = []
    for number in range(30):
        before = set(page_files(tmp_path / "pages"))
        call(cache, f"/story-{number}/")
        (new,) = set(page_files(tmp_path / "pages")) - before
        os.utime(new, (number, number))  # stored in this order
        written.append(new)
        if backend._sweeper is not None:
            backend._sweeper.join()
    assert len(page_files(tmp_path / "pages")) < 15  # the sweeps ran by themselves
    backend.sweep()
    left = page_files(tmp_path / "pages")
    assert sum(path.stat().st_size for path in left) <= one_page * 10
    assert set(left) == set(written[-len(left) :])  # the oldest went
    assert len(left) >= 8


def test_page_files_older_than_the_stale_copies_are_kept_go(tmp_path, fake):
    backend = FileBackend(tmp_path)
    call(cache_for(fake, backend), "/world/story/")
    backend.keep = 0
    time.sleep(0.01)
    backend.sweep()
    assert page_files(tmp_path) == []
