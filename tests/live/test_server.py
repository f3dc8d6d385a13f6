"""One `dateline serve` serves pages, uploads and live streams on one port; it answers
cached pages the way HTTP asks (pipelined, HEAD, 304, closing); and a restart loses
nothing: readers resume from their Last-Event-ID.

Runs the real server (uvicorn, the page cache, the live hub) on a throwaway
SQLite database; entries are posted by another process, as a reporter's would be.
"""

import asyncio
import importlib.util
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from tests.ops.servers import Child, free_port, wait_until

REPO = Path(__file__).resolve().parents[2]
# The node's cap, and the number of readers of the small form of bench/live.
MAX_STREAMS = 200

CONTENT = """
import json
from dateline.live import services
from dateline.news import services as news
from dateline.news.models import HomePage
section = news.section_create(parent=HomePage.objects.get(), title="World", slug="world")
blog = services.live_blog_create(section=section, title="Storm live", standfirst="As it happens.")
article = news.article_create(section=section, title="Harbour reopens", standfirst="Boats out.",
                              authors=[])
print(json.dumps({"blog": blog.pk, "blog_url": blog.url, "article_url": article.url}))
"""

POST = """
from dateline.live import services
from dateline.live.models import LiveBlogPage
blog = LiveBlogPage.objects.get(pk={blog})
for text in {texts!r}:
    services.live_entry_post(blog=blog, body=services.entry_body(text=text))
"""


def dateline(*args: str, env: dict) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "dateline.cli", *args],
        env=env, cwd=REPO, capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert done.returncode == 0, f"dateline {args[0]} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@dataclass
class Server:
    env: dict
    logs: Path
    port: int
    content: dict
    child: Child | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        command = [sys.executable, "-m", "dateline.cli", "serve", "--port", str(self.port),
                   "--workers", "1", "--no-worker"]  # fmt: skip
        self.child = Child(command, env=self.env, cwd=REPO, log=self.logs / "serve.log")
        wait_until(self.ready, timeout=180, what="dateline serve to answer")

    def ready(self) -> bool:
        assert self.child.alive(), f"the server exited:\n{self.child.output()}"
        try:
            return requests.get(self.url + "/healthz", timeout=2).status_code == 200
        except requests.ConnectionError:
            return False

    def stop(self) -> None:
        self.child.stop()

    def post(self, *texts: str) -> None:
        dateline("shell", "--command", POST.format(blog=self.content["blog"], texts=texts),
                 env=self.env)  # fmt: skip


class Stream:
    """A reader's EventSource, spoken over a plain socket."""

    def __init__(self, server: Server, *, last_event_id: int | None = None, after: int = 0):
        self.socket = socket.create_connection(("127.0.0.1", server.port), timeout=30)
        request = f"GET /live/{server.content['blog']}/stream/?after={after} HTTP/1.1\r\n"
        request += "Host: 127.0.0.1\r\nAccept: text/event-stream\r\n"
        if last_event_id is not None:
            request += f"Last-Event-ID: {last_event_id}\r\n"
        self.socket.sendall((request + "\r\n").encode())
        self.buffer = b""
        while b"\r\n\r\n" not in self.buffer:
            self.buffer += self.socket.recv(65536)
        head, _, self.buffer = self.buffer.partition(b"\r\n\r\n")
        lines = head.decode().split("\r\n")
        self.status = int(lines[0].split()[1])
        self.headers = dict(line.lower().split(": ", 1) for line in lines[1:])

    def events(self, count: int, *, timeout: float = 30) -> list[tuple[int, str, dict]]:
        """The next `count` events (chunked transfer framing is skipped over)."""
        found: list[tuple[int, str, dict]] = []
        deadline = time.monotonic() + timeout
        pattern = re.compile(rb"id: (\d+)\nevent: (\S+)\ndata: (.*?)\n\n", re.S)
        while True:
            text = re.sub(rb"\r\n[0-9a-f]+\r\n", b"", self.buffer)
            found = [(int(i), k.decode(), json.loads(d)) for i, k, d in pattern.findall(text)]
            if len(found) >= count:
                return found
            assert time.monotonic() < deadline, f"got {found}, wanted {count} events"
            self.socket.settimeout(max(0.1, deadline - time.monotonic()))
            chunk = self.socket.recv(65536)
            assert chunk, f"the server closed the stream ({self.status}) after {found}: {text!r}"
            self.buffer += chunk

    def close(self) -> None:
        self.socket.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    logs = tmp_path_factory.mktemp("live-server")
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTEST", "DATELINE_", "DJANGO_"))
        and key not in {"DATABASE_URL", "REDIS_URL"}
    }
    env.update(
        DATELINE_DATA_DIR=str(logs / "data"),
        DATELINE_SECRET_KEY=secrets.token_urlsafe(50),
        DATELINE_ALLOWED_HOSTS="127.0.0.1",
        DATELINE_LOG_LEVEL="WARNING",
        DATELINE_LIVE_MAX_STREAMS=str(MAX_STREAMS),
    )
    dateline("migrate", "--verbosity", "0", env=env)
    content = json.loads(dateline("shell", "--command", CONTENT, env=env).splitlines()[-1])
    server = Server(env=env, logs=logs, port=free_port(), content=content)
    server.start()
    yield server
    server.stop()


def test_pages_and_streams_share_one_port(server):
    blog = requests.get(server.url + server.content["blog_url"], timeout=10)
    assert blog.status_code == 200 and "data-live-stream" in blog.text
    # (The first render of a fresh site saved its default settings, which purges pages.)
    article = server.url + server.content["article_url"]
    assert requests.get(article, timeout=10).headers["X-Cache"] == "MISS"
    hit = requests.get(article, timeout=10, headers={"Accept-Encoding": "br"})
    assert hit.headers["X-Cache"] == "HIT" and hit.headers["Content-Encoding"] == "br"
    assert "Harbour reopens" in hit.text
    assert requests.get(server.url + "/admin/login/", timeout=10).status_code == 200
    assert requests.get(server.url + "/no/such/page/", timeout=10).status_code == 404
    stream = Stream(server)
    assert stream.status == 200
    assert stream.headers["content-type"].startswith("text/event-stream")
    assert stream.headers["cache-control"] == "no-store"
    stream.close()


def latest(server) -> int:
    """The blog's last event number, from the polling answer (a stale bucket is sent on
    to the current one)."""
    path = f"/live/{server.content['blog']}/updates/0.json"
    return requests.get(server.url + path, timeout=10).json()["latest"]


def test_an_entry_posted_elsewhere_reaches_an_open_stream(server):
    after = latest(server)
    stream = Stream(server, after=after)
    server.post("The first bands of rain reach the coast.")
    ((seq, kind, data),) = stream.events(1)
    assert (seq, kind) == (after + 1, "entry")
    assert "first bands of rain" in data["html"]
    stream.close()


def test_after_a_restart_readers_resume_with_nothing_lost_or_repeated(server):
    before = latest(server)
    server.post("Before the restart.")
    # The polling answer is cached per time bucket: wait until it shows the new entry.
    last = wait_until(lambda: max(latest(server) - before, 0) and latest(server),
                      timeout=30, what="the polling answer to show the new entry")  # fmt: skip
    stream = Stream(server, after=last - 1)
    assert [seq for seq, _, _ in stream.events(1)] == [last]
    server.stop()  # the node goes away; the reader's connection with it
    stream.close()
    server.post("While the node was down, one.", "While the node was down, two.")
    server.start()
    resumed = Stream(server, last_event_id=last, after=0)
    missed = resumed.events(2)
    assert [seq for seq, _, _ in missed] == [last + 1, last + 2]
    assert [data["html"].count("While the node was down") for _, _, data in missed] == [1, 1]
    server.post("After the restart.")
    events = resumed.events(3)
    assert [seq for seq, _, _ in events] == [last + 1, last + 2, last + 3]
    resumed.close()


def load_client():
    """bench/live_load.py's readers: the benchmark's client, in its small form."""
    spec = importlib.util.spec_from_file_location("live_load", REPO / "bench" / "live_load.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_an_entry_reaches_every_reader_up_to_the_cap_and_the_next_one_polls(server):
    live_load = load_client()
    after = latest(server)
    blog = server.content["blog"]
    request = f"GET /live/{blog}/stream/?after={after} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"

    async def scenario():
        loop = asyncio.get_running_loop()
        arrivals = defaultdict(list)
        readers = []
        for _ in range(MAX_STREAMS):
            reader = live_load.StreamReader(request.encode(), after + 1, arrivals, loop)
            await loop.create_connection(lambda r=reader: r, "127.0.0.1", server.port)
            readers.append(reader)
        assert await asyncio.gather(*(r.opened for r in readers)) == [200] * MAX_STREAMS
        refused = await asyncio.to_thread(Stream, server)
        assert refused.status == 503 and refused.headers["retry-after"] == "10"
        refused.close()
        await asyncio.to_thread(server.post, "Every reader gets this one.")
        deadline = loop.time() + 20
        while len(arrivals[after + 1]) < MAX_STREAMS and loop.time() < deadline:
            await asyncio.sleep(0.05)
        assert len(arrivals[after + 1]) == MAX_STREAMS
        readers[0].transport.close()  # a reader who leaves frees its place at once
        await asyncio.sleep(0.5)
        welcome = await asyncio.to_thread(Stream, server)
        assert welcome.status == 200
        welcome.close()
        for reader in readers[1:]:
            reader.transport.close()

    asyncio.run(scenario())


def read_answers(conn: socket.socket, count: int, *, heads: int = 0) -> list[tuple]:
    """`count` responses read off one connection: status line, headers, body (by
    Content-Length; the last `heads` answer HEAD requests and carry none)."""
    buffer, answers = b"", []
    while len(answers) < count:
        while b"\r\n\r\n" not in buffer:
            chunk = conn.recv(65536)
            assert chunk, f"the server closed after {len(answers)} answers"
            buffer += chunk
        head, _, buffer = buffer.partition(b"\r\n\r\n")
        status, *lines = head.decode("latin-1").split("\r\n")
        headers = {name.lower(): value for name, value in (line.split(": ", 1) for line in lines)}
        length = 0 if len(answers) >= count - heads else int(headers.get("content-length", 0))
        while len(buffer) < length:
            buffer += conn.recv(65536)
        answers.append((status, headers, buffer[:length]))
        buffer = buffer[length:]
    assert buffer == b"", "more bytes than the answers carry"
    return answers


def cached(server) -> tuple[str, dict]:
    """The article's path, once the page cache holds it, and its headers then."""
    path = server.content["article_url"]
    for _ in range(3):
        reply = requests.get(server.url + path, timeout=10)
        if reply.headers["X-Cache"] == "HIT":
            return path, reply.headers
    raise AssertionError("the article is never answered from the page cache")


def test_cached_pages_are_answered_in_order_on_a_kept_alive_connection(server):
    path, _ = cached(server)
    request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    head = f"HEAD {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    gzip = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: gzip\r\n\r\n"
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as conn:
        conn.sendall((request + gzip + request + head).encode())  # pipelined, one packet
        answers = read_answers(conn, 4, heads=1)
        conn.sendall(request.encode())  # still open
        answers += read_answers(conn, 1)
    for status, headers, _ in answers:
        assert status == "HTTP/1.1 200 OK" and headers["x-cache"] == "HIT" and "date" in headers
    plain, gzipped, again, head_only, later = answers
    assert b"Harbour reopens" in plain[2] and plain[2] == again[2] == later[2]
    assert int(plain[1]["content-length"]) == len(plain[2])
    assert gzipped[1]["content-encoding"] == "gzip" and gzipped[2][:2] == b"\x1f\x8b"
    assert head_only[1]["content-length"] == plain[1]["content-length"] and head_only[2] == b""


def test_a_cached_page_ends_the_connection_when_the_reader_asks_or_speaks_http_1_0(server):
    path, _ = cached(server)
    for request in (
        f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
        f"GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n",
    ):
        with socket.create_connection(("127.0.0.1", server.port), timeout=10) as conn:
            conn.sendall(request.encode())
            [(status, headers, body)] = read_answers(conn, 1)
            assert headers["x-cache"] == "HIT" and headers["connection"] == "close"
            assert b"Harbour reopens" in body
            assert conn.recv(1) == b""  # closed by the server


def test_a_reader_holding_the_current_copy_gets_304_from_the_page_cache(server):
    path, headers = cached(server)
    reply = requests.get(server.url + path, headers={"If-None-Match": headers["ETag"]}, timeout=10)
    assert reply.status_code == 304 and reply.content == b""
    assert reply.headers["X-Cache"] == "HIT" and reply.headers["ETag"] == headers["ETag"]


def test_uploaded_files_are_served_and_nothing_outside_the_media_folder(server):
    media = Path(server.env["DATELINE_DATA_DIR"]) / "media" / "images"
    media.mkdir(parents=True, exist_ok=True)
    picture = bytes(range(256)) * 2000  # 512 KB: sent in pieces
    (media / "harbour.jpg").write_bytes(picture)
    reply = requests.get(server.url + "/media/images/harbour.jpg", timeout=10)
    assert reply.status_code == 200 and reply.content == picture
    assert reply.headers["Content-Type"] == "image/jpeg"
    assert reply.headers["Cache-Control"] == "public, max-age=86400"
    again = requests.get(server.url + "/media/images/harbour.jpg", timeout=10,
                         headers={"If-Modified-Since": reply.headers["Last-Modified"]})  # fmt: skip
    assert again.status_code == 304
    for missing in ("/media/images/nothing.jpg", "/media/images/"):
        assert requests.get(server.url + missing, timeout=10).status_code == 404, missing
    for outside in ("/media/../dateline.sqlite3", "/media/%2e%2e/dateline.sqlite3"):
        reply = requests.get(server.url + outside, timeout=10)
        assert reply.status_code in (400, 404) and b"SQLite" not in reply.content, outside
