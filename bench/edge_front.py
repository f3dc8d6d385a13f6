"""The edge in front of Dateline, measured: nginx, Dateline's page cache, Varnish (issue 16).

One run, alternating rounds, every server on this machine serving the same long read:

- nginx (the ceiling for bytes from memory): the page's bytes as a static file, with
  ``access_log off`` (a page-cache hit logs nothing either) and ``gzip_static on`` with
  Dateline's own gzip bytes beside the file;
- the embedded default: `dateline serve` (2 workers), the page cache answering;
- Varnish 7 with the VCL `dateline edge vcl` prints, in front of that server;
- the same Varnish with a minimal cache-everything VCL (the ceiling Varnish sets);
- the server `dateline serve` runs (uvicorn with Dateline's protocol), started the same
  way, with an application that only hands back the same bytes and headers
  (bench/bare_front.py): the ceiling the server sets.

Each is measured with `wrk -t2 -c32` without and with ``Accept-Encoding: gzip``; beside
the requests a second, the CPU time the server's processes spent per request (less
sensitive than throughput to other work on a shared machine).
Prints a Markdown section for docs/benchmarks.md (figures, load, the commands).

    .venv/bin/python bench/edge_front.py [--data DIR] [--seconds 10] [--rounds 3]

DIR holds a demo site (`dateline setup` builds one there when it is empty).
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.edge.front import VARNISHD, production_environment  # noqa: E402
from tests.ops.servers import Child, free_port, wait_until  # noqa: E402

SERVERS = ("nginx", "embedded", "varnish-dateline-vcl", "varnish-minimal-vcl", "server-bare")
MINIMAL_VCL = """vcl 4.1;
backend default {{ .host = "127.0.0.1"; .port = "{port}"; }}
sub vcl_recv {{ return (hash); }}
sub vcl_backend_response {{ set beresp.ttl = 1h; set beresp.grace = 1h; }}
"""
NGINX_CONF = """worker_processes 2;
pid {folder}/nginx.pid;
error_log {folder}/nginx-error.log;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    gzip off;
    gzip_static on;
    default_type text/html;
    server {{
        listen 127.0.0.1:{port};
        root {folder}/www;
    }}
}}
"""


def fetch(url: str, *, gzip: bool = False) -> tuple[dict, bytes]:
    headers = {"Accept-Encoding": "gzip"} if gzip else {}
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=30) as reply:
        return reply.headers, reply.read()


def answers(url: str) -> bool:
    try:
        return fetch(url)[1] != b""
    except OSError:
        return False


def session_cpu(session: int) -> float:
    """CPU seconds (user + system) spent so far by the processes of one session."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended meanwhile
        if int(fields[3]) == session:  # field 6 of stat, counted after the name
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def wrk(url: str, *, gzip: bool, seconds: int, session: int) -> tuple[float, float, str]:
    """Requests a second, and the server's CPU microseconds a request, and the command."""
    command = ["wrk", "-t2", "-c32", f"-d{seconds}s", url]
    if gzip:
        command[1:1] = ["-H", "Accept-Encoding: gzip"]
    before = session_cpu(session)
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    used = session_cpu(session) - before
    if "Non-2xx" in out or "Socket errors" in out:
        raise SystemExit(f"wrk saw errors on {url}:\n{out}")
    requests = int(re.search(r"(\d+) requests in", out)[1])
    rps = float(re.search(r"Requests/sec:\s+([0-9.]+)", out)[1])
    return rps, used / requests * 1e6, " ".join(command)


def server(app: str, port: int, workers: int = 2) -> list[str]:
    """uvicorn with the options `dateline serve` gives it."""
    return [
        sys.executable, "-m", "uvicorn", "--http", "dateline.edge.server:Protocol",
        "--loop", "uvloop", "--ws", "none", "--host", "127.0.0.1", "--port", str(port),
        "--workers", str(workers), "--backlog", "4096", "--no-access-log",
        "--no-proxy-headers", "--no-server-header", "--log-level", "error", app,
    ]  # fmt: skip


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT / "bench" / "var" / "site")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args()
    if VARNISHD is None or shutil.which("nginx", path="/usr/sbin:/usr/bin") is None:
        raise SystemExit("needs varnishd (varnish, varnish-modules) and nginx (nginx-light)")
    folder = Path(tempfile.mkdtemp(prefix="dateline-edge-bench-"))
    folder.chmod(0o755)  # nginx's workers read the page as nobody
    ports = {name: free_port() for name in ("serve", "ours", "minimal", "nginx", "bare")}
    # As in production: with Varnish configured Dateline says s-maxage=86400 (it purges).
    # Without it, s-maxage=60 and a page older than that in the page cache (its Age)
    # would reach Varnish already expired.
    env = production_environment(
        options.data, DATELINE_VARNISH_URL=f"http://127.0.0.1:{ports['ours']}"
    )
    env["DATELINE_LOG_LEVEL"] = "ERROR"
    dateline = [sys.executable, "-m", "dateline.cli"]
    if not (options.data / "dateline.sqlite3").exists():
        subprocess.run([*dateline, "setup"], env=env, cwd=ROOT, check=True)
    subprocess.run([*dateline, "migrate", "--noinput", "-v0"], env=env, cwd=ROOT, check=True)
    # Stored pages keep the Cache-Control they were rendered with (s-maxage=60 without a
    # purgeable front): start from none.
    shutil.rmtree(options.data / "cache", ignore_errors=True)
    facts = subprocess.run(
        [sys.executable, "bench/site.py", "facts"], env=env, cwd=ROOT, capture_output=True,
        text=True, check=True,
    ).stdout  # fmt: skip
    path = re.search(r"^LONG_PATH=(.*)$", facts, re.M)[1]
    children: list[Child] = []
    try:
        serve = [*dateline, "serve", "--port", str(ports["serve"]), "--workers", "2"]
        serve_child = Child(serve, env=env, cwd=ROOT, log=folder / "serve.log")
        children.append(serve_child)
        base = f"http://127.0.0.1:{ports['serve']}"
        wait_until(lambda: answers(base + path), timeout=180, what="dateline serve")
        vcl = subprocess.run(
            [*dateline, "edge", "vcl", "--backend", f"127.0.0.1:{ports['serve']}"],
            env=env, cwd=ROOT, capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        (folder / "ours.vcl").write_text(vcl)
        (folder / "minimal.vcl").write_text(MINIMAL_VCL.format(port=ports["serve"]))
        varnishes = []
        for name in ("ours", "minimal"):
            command = [VARNISHD, "-F", "-j", "none", "-n", str(folder / f"varnish-{name}"),
                       "-a", f"127.0.0.1:{ports[name]}", "-T", "none",
                       "-f", str(folder / f"{name}.vcl"), "-s", "malloc,256m"]  # fmt: skip
            varnishes.append(Child(command, env=env, log=folder / f"varnish-{name}.log"))
        children += varnishes
        # The page's bytes as Dateline sends them, plain and gzipped, for nginx.
        www = folder / "www"
        www.mkdir()
        (www / "article.html").write_bytes(fetch(base + path)[1])
        headers, gzipped = fetch(base + path, gzip=True)
        assert headers.get("Content-Encoding") == "gzip", headers
        (www / "article.html.gz").write_bytes(gzipped)
        for item in (www, www / "article.html", www / "article.html.gz"):
            item.chmod(0o755 if item.is_dir() else 0o644)
        (folder / "nginx.conf").write_text(NGINX_CONF.format(folder=folder, port=ports["nginx"]))
        nginx = ["nginx", "-p", str(folder), "-c", str(folder / "nginx.conf"), "-g", "daemon off;"]
        nginx_child = Child(nginx, env=env, log=folder / "nginx.log")
        children.append(nginx_child)
        # The same bytes and headers for the bare application.
        bare = folder / "bare"
        bare.mkdir()
        (bare / "page.html").write_bytes((www / "article.html").read_bytes())
        (bare / "page.html.gz").write_bytes(gzipped)
        sent = {"plain": fetch(base + path)[0], "gzip": headers}
        own = {"date", "server", "connection"}  # the server writes these
        (bare / "headers.json").write_text(
            json.dumps({kind: [(k, v) for k, v in h.items() if k.lower() not in own]
                        for kind, h in sent.items()})
        )  # fmt: skip
        bare_env = {**env, "BARE_FRONT_DIR": str(bare), "PYTHONPATH": str(ROOT)}
        bare_child = Child(server("bench.bare_front:application", ports["bare"]), env=bare_env,
                           cwd=ROOT, log=folder / "bare.log")  # fmt: skip
        children.append(bare_child)
        urls = {  # in the order of SERVERS
            "nginx": f"http://127.0.0.1:{ports['nginx']}/article.html",
            "embedded": base + path,
            "varnish-dateline-vcl": f"http://127.0.0.1:{ports['ours']}{path}",
            "varnish-minimal-vcl": f"http://127.0.0.1:{ports['minimal']}{path}",
            "server-bare": f"http://127.0.0.1:{ports['bare']}{path}",
        }
        in_order = (nginx_child, serve_child, *varnishes, bare_child)
        sessions = dict(zip(SERVERS, in_order, strict=True))
        for url in urls.values():
            wait_until(lambda u=url: answers(u), timeout=60, what=url)
            for gzip in (False, True):  # warm, and check every one sends the same bytes
                fetch(url, gzip=gzip)
        sizes = {name: len(fetch(url)[1]) for name, url in urls.items()}
        assert len(set(sizes.values())) == 1, sizes
        start_load = load()
        results: dict[tuple[str, bool], list[float]] = {}
        cpu: dict[tuple[str, bool], list[float]] = {}
        commands = {}
        for _ in range(options.rounds):
            for gzip in (False, True):
                for name, url in urls.items():
                    session = sessions[name].process.pid  # each Child leads its session
                    rps, micros, commands[name, gzip] = wrk(
                        url, gzip=gzip, seconds=options.seconds, session=session
                    )
                    results.setdefault((name, gzip), []).append(rps)
                    cpu.setdefault((name, gzip), []).append(micros)
        end_load = load()
        counters = {}
        for name in ("ours", "minimal"):  # hits, misses, restarts: what each Varnish did
            stat = subprocess.run(
                ["varnishstat", "-1", "-n", str(folder / f"varnish-{name}"), "-f", "MAIN.cache_*",
                 "-f", "MAIN.backend_req", "-f", "MAIN.s_restart", "-f", "MAIN.client_req"],
                capture_output=True, text=True,
            ).stdout  # fmt: skip
            counters[name] = {
                line.split()[0].removeprefix("MAIN."): int(line.split()[1])
                for line in stat.splitlines()
                if line.strip()
            }
        print(f"varnishstat: {counters}", file=sys.stderr)  # noqa: T201
    finally:
        for child in children:
            child.terminate()
        for child in children:
            child.stop()
    sizes = (sizes["nginx"], len(gzipped))
    report(results, cpu, commands, path, sizes, start_load, end_load, options)


def ratio(results, ours, peer, gzip) -> str:
    values = [a / b for a, b in zip(results[ours, gzip], results[peer, gzip], strict=True)]
    return f"{statistics.median(values):.2f} ({min(values):.2f}-{max(values):.2f})"


def cell(values: list[float]) -> str:
    rounds = ", ".join(f"{value:,.0f}" for value in values)
    return f"{statistics.median(values):,.0f} ({rounds})"


def report(results, cpu, commands, path, sizes, start_load, end_load, options) -> None:
    size, gzipped = sizes
    command = f"bench/edge_front.py --seconds {options.seconds} --rounds {options.rounds}"
    lines = [
        f"### Run of {time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC",
        "",
        f"`.venv/bin/python {command}`; {os.cpu_count()} cores; load average {start_load}"
        f" at the start, {end_load} at the end. Page {path}: {size:,} bytes,"
        f" {gzipped:,} gzipped. {options.rounds} alternating rounds.",
        "",
        "| server | plain req/s: median (rounds) | gzip req/s: median (rounds)"
        " | plain µs CPU/req | gzip µs CPU/req |",
        "| --- | --- | --- | ---: | ---: |",
    ]
    for name in SERVERS:
        lines.append(
            f"| {name} | {cell(results[name, False])} | {cell(results[name, True])}"
            f" | {statistics.median(cpu[name, False]):.1f}"
            f" | {statistics.median(cpu[name, True]):.1f} |"
        )
    lines += ["", "| ratio: median of the rounds' (range) | plain | gzip |", "| --- | --- | --- |"]
    pairs = (
        ("embedded", "nginx"),
        ("varnish-dateline-vcl", "varnish-minimal-vcl"),
        ("varnish-minimal-vcl", "nginx"),
        ("server-bare", "nginx"),
        ("embedded", "server-bare"),
    )
    for ours, peer in pairs:
        plain, gzip = ratio(results, ours, peer, False), ratio(results, ours, peer, True)
        lines.append(f"| {ours} / {peer} | {plain} | {gzip} |")
    lines += ["", f"wrk: `{commands['nginx', False]}`, and with `{commands['nginx', True]}`."]
    print("\n".join(lines))  # noqa: T201


if __name__ == "__main__":
    main()
