"""Live coverage under load (issue 12), against a running `dateline serve`. bench/live runs it.

One asyncio process plays every reader, so it runs beside the server on the same machine:

  posting     N entries posted one after another through the API: round-trip times
  streams     S Server-Sent Events readers of one live blog, then E entries posted through
              the API one at a time: for each, when every reader saw it (p50/p95/max);
              the server's memory per open stream
  throughput  wrk on a cached article with the streams open, between two runs without
  polling     P readers polling the bucketed updates URL at the interval for T seconds
              while entries are posted: how many answers the origin rendered per bucket
              (X-Cache: MISS), and whether every poller saw every entry

Prints a markdown block. Its readers are plain asyncio protocols (no HTTP library): the
client must cost less than the server it measures.
"""

import argparse
import asyncio
import json
import os
import re
import resource
import statistics
import sys
import time
from collections import Counter, defaultdict
from urllib.parse import urlsplit


def say(text: str = "") -> None:
    sys.stdout.write(f"{text}\n")
    sys.stdout.flush()


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


# --- a small keep-alive HTTP/1.1 client --------------------------------------------------


class Http:
    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.reader = self.writer = None

    async def request(self, method: str, path: str, *, headers=None, body: bytes = b""):
        for attempt in (1, 2):
            try:
                if self.writer is None:
                    self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
                lines = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}"]
                lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
                if body:
                    lines.append(f"Content-Length: {len(body)}")
                self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
                return await self._response(method)
            except (ConnectionError, asyncio.IncompleteReadError):
                self.writer = None
                if attempt == 2:
                    raise

    async def _response(self, method: str):
        status_line = await self.reader.readline()
        if not status_line:
            raise ConnectionResetError("closed")
        status = int(status_line.split()[1])
        headers = {}
        while (line := await self.reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode().partition(":")
            headers[name.strip().lower()] = value.strip()
        body = b""
        if method == "HEAD" or status in (204, 304):
            pass
        elif "content-length" in headers:
            body = await self.reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding") == "chunked":
            while (size := int((await self.reader.readline()).strip(), 16)) > 0:
                body += await self.reader.readexactly(size)
                await self.reader.readexactly(2)
            await self.reader.readexactly(2)
        if headers.get("connection") == "close":
            self.writer.close()
            self.writer = None
        return status, headers, body

    def close(self):
        if self.writer is not None:
            self.writer.close()


# --- stream readers -----------------------------------------------------------------------


class StreamReader(asyncio.Protocol):
    """One EventSource: notes when each event number arrives (the first time only)."""

    def __init__(self, request: bytes, next_seq: int, arrivals: dict, loop):
        self.request, self.next_seq, self.arrivals, self.loop = request, next_seq, arrivals, loop
        self.status = None
        self.tail = b""
        self.lost = False
        self.opened = loop.create_future()

    def connection_made(self, transport):
        self.transport = transport
        transport.write(self.request)

    def data_received(self, data: bytes):
        now = self.loop.time()
        if self.status is None:
            self.status = int(data[9:12])
            if not self.opened.done():
                self.opened.set_result(self.status)
        buffer = self.tail + data
        start = 0
        while True:
            found = buffer.find(b"id: %d\n" % self.next_seq, start)
            if found < 0:
                break
            self.arrivals[self.next_seq].append(now)
            self.next_seq += 1
            start = found
        self.tail = buffer[-48:]

    def connection_lost(self, exc):
        self.lost = True
        if not self.opened.done():
            self.opened.set_result(None)


def server_rss_kib(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except FileNotFoundError:
            pass
    return total


def server_pids(root: int) -> list[int]:
    """The server's processes: the uvicorn process under `root` (the `dateline serve`
    process) and its workers, not the task worker and scheduler beside it."""
    found, queue = [], [(root, False)]
    while queue:
        pid, inside = queue.pop()
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
                inside = inside or b"uvicorn" in cmdline.read()
            if inside:
                found.append(pid)
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as children:
                    queue += [(int(child), inside) for child in children.read().split()]
        except OSError:
            pass
    return found


async def wrk(url: str, seconds: int) -> float:
    process = await asyncio.create_subprocess_exec(
        "wrk", "-t2", "-c32", f"-d{seconds}s", url, stdout=asyncio.subprocess.PIPE
    )
    output = (await process.communicate())[0].decode()
    match = re.search(r"Requests/sec:\s+([\d.]+)", output)
    return float(match.group(1)) if match else 0.0


class Bench:
    def __init__(self, options):
        self.options = options
        parts = urlsplit(options.base)
        self.host, self.port = parts.hostname, parts.port
        self.auth = {"Authorization": f"Bearer {options.token}", "Content-Type": "application/json"}
        self.api = Http(self.host, self.port)
        self.blog = None

    async def api_call(self, method: str, path: str, payload=None):
        body = json.dumps(payload).encode() if payload is not None else b""
        status, _headers, answer = await self.api.request(
            method, path, headers=self.auth, body=body
        )
        return status, json.loads(answer) if answer else None

    async def post_entry(self, text: str) -> float:
        started = time.perf_counter()
        status, answer = await self.api_call(
            "POST", f"/api/v1/live/{self.blog['id']}/entries/", {"body_html": f"<p>{text}</p>"}
        )
        assert status == 201, (status, answer)
        return time.perf_counter() - started

    async def open_blog(self):
        status, answer = await self.api_call(
            "POST",
            "/api/v1/live/",
            {"title": f"Bench live blog {int(time.time())}", "standfirst": "Load test.",
             "section": self.options.section},
        )  # fmt: skip
        assert status == 201, (status, answer)
        self.blog = answer
        say(f"Live blog {answer['id']} opened through the API: {answer['url']}")

    async def latest(self) -> int:
        status, answer = await self.api_call("GET", f"/api/v1/live/{self.blog['id']}/")
        return answer["latest_event"]

    # --- phases ---------------------------------------------------------------------------

    async def posting(self, count: int):
        times = [await self.post_entry(f"Posting test {n}.") for n in range(count)]
        times_ms = [t * 1000 for t in times]
        say(
            f"- API round trip of POST /api/v1/live/{{id}}/entries/ ({count} posts, one at a "
            f"time, no readers): p50 {statistics.median(times_ms):.1f} ms, "
            f"p95 {percentile(times_ms, 0.95):.1f} ms, max {max(times_ms):.1f} ms"
        )

    async def streams(self, count: int, entries: int):
        loop = asyncio.get_running_loop()
        after = await self.latest()
        arrivals: dict[int, list[float]] = defaultdict(list)
        path = f"/live/{self.blog['id']}/stream/?after={after}"
        request = f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\nAccept: text/event-stream\r\n\r\n"
        pids = server_pids(self.options.server_pid)
        before = server_rss_kib(pids)
        readers: list[StreamReader] = []
        opened_at = time.perf_counter()
        for batch in range(0, count, 250):
            batch_readers = []
            for _ in range(min(250, count - batch)):
                reader = StreamReader(request.encode(), after + 1, arrivals, loop)
                try:
                    await loop.create_connection(lambda r=reader: r, self.host, self.port)
                except OSError as error:
                    say(f"  connection {len(readers)} failed: {error}")
                    reader.lost = True
                batch_readers.append(reader)
            await asyncio.gather(*(r.opened for r in batch_readers if not r.lost))
            readers += batch_readers
        statuses = Counter(r.status for r in readers)
        await asyncio.sleep(3)
        after_open = server_rss_kib(pids)
        say(
            f"- {count} streams opened in {time.perf_counter() - opened_at:.1f} s: statuses "
            f"{dict(statuses)}; server memory {before / 1024:.0f} MiB -> "
            f"{after_open / 1024:.0f} MiB = {(after_open - before) / max(1, count):.1f} KiB "
            f"per open stream (the server processes' RSS)"
        )
        connected = [r for r in readers if r.status == 200]

        base = await wrk(self.options.base + self.options.article, self.options.wrk_seconds)
        sent: dict[int, float] = {}
        for n in range(entries):
            seq = after + 1 + n
            sent[seq] = loop.time()
            await self.post_entry(f"Entry {n} for {len(connected)} readers.")
            deadline = loop.time() + 10
            while len(arrivals[seq]) < len(connected) and loop.time() < deadline:
                await asyncio.sleep(0.05)
            await asyncio.sleep(0.5)
        with_streams = await wrk(self.options.base + self.options.article, self.options.wrk_seconds)
        lost = sum(r.lost for r in connected)
        per_entry = []
        for seq, at in sent.items():
            delays = [t - at for t in arrivals[seq]]
            missing = len(connected) - len(delays)
            per_entry.append(
                (seq, len(delays), missing, percentile(delays, 0.5), percentile(delays, 0.95),
                 max(delays))
            )  # fmt: skip
        say(
            f"- {entries} entries posted through the API to {len(connected)} open streams "
            f"(one every ~{0.5 + 0.05:.1f} s after the previous one arrived):"
        )
        say("")
        say("  | event | readers reached | missed | p50 | p95 | max |")
        say("  |---|---|---|---|---|---|")
        for seq, got, missing, p50, p95, top in per_entry:
            say(f"  | {seq} | {got} | {missing} | {p50 * 1000:.0f} ms | {p95 * 1000:.0f} ms "
                f"| {top * 1000:.0f} ms |")  # fmt: skip
        say("")
        worst_p95 = max(entry[4] for entry in per_entry)
        worst_max = max(entry[5] for entry in per_entry)
        say(
            f"- Worst entry: p95 {worst_p95 * 1000:.0f} ms, slowest reader "
            f"{worst_max * 1000:.0f} ms; readers that missed an entry: "
            f"{sum(entry[2] for entry in per_entry)}; streams dropped: {lost}"
        )
        after_wrk = await wrk(self.options.base + self.options.article, self.options.wrk_seconds)
        for reader in readers:
            if not reader.lost and hasattr(reader, "transport"):
                reader.transport.close()
        await asyncio.sleep(2)
        without = await wrk(self.options.base + self.options.article, self.options.wrk_seconds)
        say(
            f"- Cached article (wrk -t2 -c32 -d{self.options.wrk_seconds}s): with "
            f"{len(connected)} streams open {base:.0f} (before posting), {with_streams:.0f} "
            f"(after posting) and {after_wrk:.0f} req/s; with none open {without:.0f} req/s: "
            f"{statistics.median([base, with_streams, after_wrk]) / without:.2f} of it"
        )

    async def polling(self, pollers: int, seconds: int, post_every: float):
        loop = asyncio.get_running_loop()
        blog_id = self.blog["id"]
        misses: Counter[str] = Counter()
        answers = Counter()
        seen: list[set[int]] = [set() for _ in range(pollers)]
        interval_box = [10]
        stop_at = loop.time() + seconds

        async def poller(number: int):
            http = Http(self.host, self.port)
            interval = interval_box[0]
            await asyncio.sleep(number * interval / pollers)  # spread over one interval
            url = f"/live/{blog_id}/updates/{int(time.time() // interval)}.json"
            cursor = -1
            while loop.time() < stop_at:
                started = loop.time()
                status, headers, body = await http.request("GET", url)
                while status == 307:
                    url = headers["location"]
                    answers["redirect"] += 1
                    status, headers, body = await http.request("GET", url)
                answers[headers.get("x-cache", "none")] += 1
                if headers.get("x-cache") == "MISS":
                    misses[url] += 1
                answer = json.loads(body)
                for event in answer["events"]:
                    if event["id"] > cursor and event["event"] == "entry":
                        seen[number].add(event["data"]["id"])
                cursor = max(cursor, answer["latest"])
                url = answer["next"]
                interval = answer["interval"]
                await asyncio.sleep(max(0.0, started + interval - loop.time()))
            http.close()

        posted: list[int] = []

        async def reporter():
            await asyncio.sleep(post_every / 2)
            while loop.time() < stop_at - 12:
                status, answer = await self.api_call(
                    "POST", f"/api/v1/live/{blog_id}/entries/", {"body_html": "<p>Polled.</p>"}
                )
                posted.append(answer["id"])
                await asyncio.sleep(post_every)

        await asyncio.gather(reporter(), *(poller(n) for n in range(pollers)))
        complete = sum(1 for got in seen if set(posted) <= got)
        say(
            f"- {pollers} pollers for {seconds} s at the 10 s interval, {len(posted)} entries "
            f"posted meanwhile: {sum(answers.values())} answers ({dict(answers)}); origin "
            f"renders per bucket URL: {dict(Counter(misses.values()))} over "
            f"{len(misses)} buckets (max {max(misses.values(), default=0)} per interval per "
            f"blog); pollers that saw every entry: {complete}/{pollers}"
        )


async def main(options):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 65536), hard))
    bench = Bench(options)
    await bench.open_blog()
    if options.posts:
        await bench.posting(options.posts)
    if options.streams:
        await bench.streams(options.streams, options.entries)
    if options.pollers:
        await bench.polling(options.pollers, options.poll_seconds, options.post_every)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--section", default="world")
    parser.add_argument("--article", required=True, help="a cached article's path for wrk")
    parser.add_argument("--posts", type=int, default=100)
    parser.add_argument("--streams", type=int, default=10_000)
    parser.add_argument("--entries", type=int, default=20)
    parser.add_argument("--pollers", type=int, default=2_000)
    parser.add_argument("--poll-seconds", type=int, default=40)
    parser.add_argument("--post-every", type=float, default=5.0)
    parser.add_argument("--wrk-seconds", type=int, default=10)
    parser.add_argument("--server-pid", type=int, default=0, help="`dateline serve`'s pid")
    asyncio.run(main(parser.parse_args()))
