"""The edge in front of Dateline, measured: nginx, Dateline's page cache, Varnish (issue 16).

One run, alternating rounds, every server on this machine serving the same long read:

- nginx (the ceiling for bytes from memory): the page's bytes as a static file, with
  ``access_log off`` (a page-cache hit logs nothing either) and ``gzip_static on`` with
  Dateline's own gzip bytes beside the file;
- the embedded default: `dateline serve` (2 workers), the page cache answering;
- Varnish 7 with the VCL `dateline edge vcl` prints, in front of that server;
- the same Varnish with a minimal cache-everything VCL (the ceiling Varnish sets).

Each is measured with `wrk -t2 -c32` without and with ``Accept-Encoding: gzip``.
Prints a Markdown section for docs/benchmarks.md (figures, load, the commands).

    .venv/bin/python bench/edge_front.py [--data DIR] [--seconds 10] [--rounds 3]

DIR holds a demo site (`dateline setup` builds one there when it is empty).
"""

import argparse
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


def wrk(url: str, *, gzip: bool, seconds: int) -> tuple[float, str]:
    command = ["wrk", "-t2", "-c32", f"-d{seconds}s", url]
    if gzip:
        command[1:1] = ["-H", "Accept-Encoding: gzip"]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    if "Non-2xx" in out or "Socket errors" in out:
        raise SystemExit(f"wrk saw errors on {url}:\n{out}")
    return float(re.search(r"Requests/sec:\s+([0-9.]+)", out)[1]), " ".join(command)


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
    ports = {name: free_port() for name in ("serve", "ours", "minimal", "nginx")}
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
        children.append(Child(serve, env=env, cwd=ROOT, log=folder / "serve.log"))
        base = f"http://127.0.0.1:{ports['serve']}"
        wait_until(lambda: answers(base + path), timeout=180, what="dateline serve")
        vcl = subprocess.run(
            [*dateline, "edge", "vcl", "--backend", f"127.0.0.1:{ports['serve']}"],
            env=env, cwd=ROOT, capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        (folder / "ours.vcl").write_text(vcl)
        (folder / "minimal.vcl").write_text(MINIMAL_VCL.format(port=ports["serve"]))
        for name in ("ours", "minimal"):
            command = [VARNISHD, "-F", "-j", "none", "-n", str(folder / f"varnish-{name}"),
                       "-a", f"127.0.0.1:{ports[name]}", "-T", "none",
                       "-f", str(folder / f"{name}.vcl"), "-s", "malloc,256m"]  # fmt: skip
            children.append(Child(command, env=env, log=folder / f"varnish-{name}.log"))
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
        children.append(Child(nginx, env=env, log=folder / "nginx.log"))
        urls = {
            "nginx": f"http://127.0.0.1:{ports['nginx']}/article.html",
            "embedded": base + path,
            "varnish-dateline-vcl": f"http://127.0.0.1:{ports['ours']}{path}",
            "varnish-minimal-vcl": f"http://127.0.0.1:{ports['minimal']}{path}",
        }
        for url in urls.values():
            wait_until(lambda u=url: answers(u), timeout=60, what=url)
            for gzip in (False, True):  # warm, and check every one sends the same bytes
                fetch(url, gzip=gzip)
        sizes = {name: len(fetch(url)[1]) for name, url in urls.items()}
        assert len(set(sizes.values())) == 1, sizes
        start_load = load()
        results: dict[tuple[str, bool], list[float]] = {}
        commands = {}
        for _ in range(options.rounds):
            for gzip in (False, True):
                for name, url in urls.items():
                    rps, commands[name, gzip] = wrk(url, gzip=gzip, seconds=options.seconds)
                    results.setdefault((name, gzip), []).append(rps)
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
    report(results, commands, path, sizes["nginx"], len(gzipped), start_load, end_load, options)


def ratio(results, ours, peer, gzip) -> str:
    values = [a / b for a, b in zip(results[ours, gzip], results[peer, gzip], strict=True)]
    return f"{statistics.median(values):.2f} ({min(values):.2f}-{max(values):.2f})"


def cell(values: list[float]) -> str:
    rounds = ", ".join(f"{value:,.0f}" for value in values)
    return f"{statistics.median(values):,.0f} ({rounds})"


def report(results, commands, path, size, gzipped, start_load, end_load, options) -> None:
    command = f"bench/edge_front.py --seconds {options.seconds} --rounds {options.rounds}"
    lines = [
        f"### Run of {time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC",
        "",
        f"`.venv/bin/python {command}`; {os.cpu_count()} cores; load average {start_load}"
        f" at the start, {end_load} at the end. Page {path}: {size:,} bytes,"
        f" {gzipped:,} gzipped. {options.rounds} alternating rounds.",
        "",
        "| server | plain req/s: median (rounds) | gzip req/s: median (rounds) |",
        "| --- | --- | --- |",
    ]
    for name in ("nginx", "embedded", "varnish-dateline-vcl", "varnish-minimal-vcl"):
        lines.append(f"| {name} | {cell(results[name, False])} | {cell(results[name, True])} |")
    lines += ["", "| ratio: median of the rounds' (range) | plain | gzip |", "| --- | --- | --- |"]
    pairs = (
        ("embedded", "nginx"),
        ("varnish-dateline-vcl", "varnish-minimal-vcl"),
        ("varnish-minimal-vcl", "nginx"),
    )
    for ours, peer in pairs:
        plain, gzip = ratio(results, ours, peer, False), ratio(results, ours, peer, True)
        lines.append(f"| {ours} / {peer} | {plain} | {gzip} |")
    lines += ["", f"wrk: `{commands['nginx', False]}`, and with `{commands['nginx', True]}`."]
    print("\n".join(lines))  # noqa: T201


if __name__ == "__main__":
    main()
