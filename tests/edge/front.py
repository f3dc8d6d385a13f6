"""Varnish (with xkey) in front of a real `dateline serve`, as docs/operations.md sets it up.

Used by the Varnish integration tests (tests/edge/test_varnish.py) and by
bench/edge_consistency.py. Everything runs from a temporary folder: SQLite and the page
cache's files in a data folder, the VCL printed by `dateline edge vcl`, and varnishd
with `-j none` (no privilege separation, so it reads files the test user wrote).
Changes are made by tests/edge/edge_driver.py on the same database and data folder.
"""

import json
import os
import re
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

import requests

from tests.ops.servers import Child, free_port, wait_until

REPO = Path(__file__).resolve().parents[2]
VARNISHD = shutil.which("varnishd", path="/usr/sbin:/usr/bin:/sbin:/usr/local/sbin")
XKEY_VMOD_DIRS = (
    Path("/usr/lib/x86_64-linux-gnu/varnish/vmods"),
    Path("/usr/lib/aarch64-linux-gnu/varnish/vmods"),
    Path("/usr/lib/varnish/vmods"),
    Path("/usr/local/lib/varnish/vmods"),
)
TOKEN = re.compile(rb'(name="token" value=")[^"]*(")')
# The live comments' poll address names a ten-second window (dateline.live): it moves
# with the clock, not with the content.
POLL_WINDOW = re.compile(rb"(/updates/)[0-9]+(\.json)")
# A feed with no items is dated when it is built (Django's feed framework), not by content.
EMPTY_FEED_DATE = re.compile(rb"(<lastBuildDate>|<updated>)[^<]*(<)")


def varnish_missing() -> str:
    """Why the Varnish tests cannot run here, or "" when they can."""
    if VARNISHD is None:
        return "varnishd is not installed (Debian: apt-get install varnish)"
    if not any((folder / "libvmod_xkey.so").exists() for folder in XKEY_VMOD_DIRS):
        return "the xkey vmod is not installed (Debian: apt-get install varnish-modules)"
    return ""


def normalise(body: bytes) -> str:
    """A page as it compares between renders: form tokens are signed per render."""
    body = POLL_WINDOW.sub(rb"\1-\2", TOKEN.sub(rb"\1-\2", body))
    if body.startswith(b"<?xml") and b"<item>" not in body and b"<entry>" not in body:
        body = EMPTY_FEED_DATE.sub(rb"\1-\2", body)
    return body.decode("utf-8", errors="replace")


def production_environment(data_dir: Path, **extra: str) -> dict[str, str]:
    """`dateline serve`'s settings, none of the test run's own."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTEST", "DATELINE_", "DJANGO_"))
        and key not in {"DATABASE_URL", "REDIS_URL"}
    }
    env.update(
        DATELINE_DATA_DIR=str(data_dir),
        DATELINE_SECRET_KEY=secrets.token_urlsafe(50),
        DATELINE_ALLOWED_HOSTS="127.0.0.1",
        DATELINE_LOG_LEVEL="WARNING",
        **extra,
    )
    return env


class Front:
    """A site behind Varnish: the driver (changes), `dateline serve`, and varnishd."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.serve_port, self.varnish_port = free_port(), free_port()
        self.serve_url = f"http://127.0.0.1:{self.serve_port}"
        self.varnish_url = f"http://127.0.0.1:{self.varnish_port}"
        self.env = production_environment(folder / "data", DATELINE_VARNISH_URL=self.varnish_url)
        self.children: list[Child] = []
        self.driver: subprocess.Popen | None = None
        self.session = requests.Session()

    def start(self) -> dict:
        """Build the site, start both servers; returns what the build reported."""
        self.driver = subprocess.Popen(
            [sys.executable, "-m", "dateline.cli", "shell", "--command",
             "import runpy; runpy.run_module('tests.edge.edge_driver', run_name='__main__')"],
            env=self.env, cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=open(self.folder / "driver.log", "wb"), text=True,
        )  # fmt: skip
        built = self.ask(do="build")
        serve = [sys.executable, "-m", "dateline.cli", "serve", "--port", str(self.serve_port)]
        self.children.append(
            Child([*serve, "--workers", "1"], env=self.env, cwd=REPO, log=self.folder / "serve.log")
        )
        vcl = subprocess.run(
            [sys.executable, "-m", "dateline.cli", "edge", "vcl",
             "--backend", f"127.0.0.1:{self.serve_port}"],
            env=self.env, cwd=REPO, capture_output=True, text=True, timeout=120, check=True,
        ).stdout  # fmt: skip
        (self.folder / "dateline.vcl").write_text(vcl)
        self.children.append(
            Child(
                [
                    VARNISHD,
                    "-F",
                    "-j",
                    "none",
                    "-n",
                    str(self.folder / "varnish"),
                    "-a",
                    f"127.0.0.1:{self.varnish_port}",
                    "-T",
                    "none",
                    "-f",
                    str(self.folder / "dateline.vcl"),
                    "-s",
                    "malloc,64m",
                ],
                env=self.env,
                log=self.folder / "varnish.log",
            )  # fmt: skip
        )
        wait_until(self._ready, timeout=120, what="dateline serve and Varnish to answer")
        return built

    def _ready(self) -> bool:
        for child in self.children:
            assert child.alive(), f"{child.log.name} exited:\n{child.output()}"
        try:
            return (
                self.session.get(self.serve_url + "/readyz", timeout=5).status_code == 200
                and self.session.get(self.varnish_url + "/", timeout=5).status_code == 200
            )
        except requests.ConnectionError:
            return False

    def ask(self, **command) -> dict:
        """One command to the driver (tests/edge/edge_driver.py), and its answer."""
        self.driver.stdin.write(json.dumps(command) + "\n")
        self.driver.stdin.flush()
        for line in self.driver.stdout:
            if line.startswith("@@"):
                answer = json.loads(line[2:])
                if "error" in answer:
                    raise AssertionError(f"the driver failed: {answer['error']}")
                return answer
        log = (self.folder / "driver.log").read_text(errors="replace")[-3000:]
        raise AssertionError(f"the driver exited:\n{log}")

    def get(self, base: str, path: str) -> requests.Response:
        return self.session.get(base + path, timeout=30, allow_redirects=False)

    def stale_pages(self, paths: list[str] | None = None) -> list[str]:
        """The pages that Varnish or the embedded page cache answer differently from a
        fresh render with no cache at all, each as ``"via path"``."""
        paths = paths or self.ask(do="pages")
        fresh = self.ask(do="fresh", paths=paths)
        stale = []
        for path in paths:
            status, body = fresh[path]
            for name, base in (("varnish", self.varnish_url), ("embedded", self.serve_url)):
                reply = self.get(base, path)
                if reply.status_code != status or normalise(reply.content) != body:
                    stale.append(f"{name} {path}")
        return stale

    def stop(self) -> None:
        if self.driver is not None:
            self.driver.stdin.close()
            try:
                self.driver.wait(10)
            except subprocess.TimeoutExpired:
                self.driver.kill()
        for child in self.children:
            child.terminate()
        for child in self.children:
            child.stop()
