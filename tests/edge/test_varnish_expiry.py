"""The VCL's two kinds of stale: purged (never served again) and merely expired (served
during stale-while-revalidate while Varnish fetches a new copy behind).

A purged object that has since outlived its TTL must still count as purged: Varnish is
put in front of a tiny backend whose pages live four seconds and whose body counts the
fetches, so "the old body" and "a new body" are told apart without Dateline itself.
"""

import itertools
import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from dateline.edge.vcl import varnish_vcl
from tests.edge.front import VARNISHD, varnish_missing
from tests.ops.servers import Child, free_port, wait_until

REQUIRED = os.environ.get("DATELINE_REQUIRE_VARNISH") == "1"
pytestmark = pytest.mark.skipif(
    bool(varnish_missing()) and not REQUIRED, reason=varnish_missing() or "-"
)

TTL = 4  # seconds: s-maxage of every page the backend serves
CACHE_CONTROL = f"public, s-maxage={TTL}, stale-while-revalidate=30, stale-if-error=600"


class CountingBackend(BaseHTTPRequestHandler):
    fetches = itertools.count(1)

    def do_GET(self):
        page = self.path != "/healthz"  # Varnish's health probe
        body = str(next(self.fetches)).encode() if page else b"ok"
        self.send_response(200)
        self.send_header("Cache-Control", CACHE_CONTROL if page else "no-store")
        if page:
            self.send_header("Surrogate-Key", "page-1")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def varnish(tmp_path):
    if varnish_missing():
        pytest.fail(f"DATELINE_REQUIRE_VARNISH=1: {varnish_missing()}")
    backend = ThreadingHTTPServer(("127.0.0.1", 0), CountingBackend)
    threading.Thread(target=backend.serve_forever, daemon=True).start()
    vcl = tmp_path / "dateline.vcl"
    vcl.write_text(varnish_vcl(backend=f"127.0.0.1:{backend.server_port}"))
    port = free_port()
    child = Child(
        [VARNISHD, "-F", "-j", "none", "-n", str(tmp_path / "varnish"), "-T", "none",
         "-a", f"127.0.0.1:{port}", "-f", str(vcl), "-s", "malloc,16m"],
        env=dict(os.environ), log=tmp_path / "varnish.log",
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"

    def answers():
        assert child.alive(), child.output()
        try:
            return requests.get(url + "/healthz", timeout=2).status_code == 200
        except requests.ConnectionError:
            return False

    try:
        wait_until(answers, timeout=60, what="Varnish to answer")
        yield url
    finally:
        child.stop()
        backend.shutdown()


def test_a_purged_page_is_fetched_anew_even_after_its_ttl_has_run_out(varnish):
    first = requests.get(varnish + "/story/", timeout=10).text
    purged = requests.request(
        "PURGE", varnish + "/", headers={"Surrogate-Key": "page-1"}, timeout=10
    )
    assert purged.text.strip() == "Purged 1"
    time.sleep(TTL + 1)  # older now than the TTL it was given before the purge cut it
    assert requests.get(varnish + "/story/", timeout=10).text != first


def test_an_expired_page_is_served_while_a_new_copy_is_fetched(varnish):
    first = requests.get(varnish + "/story/", timeout=10).text
    time.sleep(TTL + 1)
    assert requests.get(varnish + "/story/", timeout=10).text == first  # stale-while-revalidate
    wait_until(
        lambda: requests.get(varnish + "/story/", timeout=10).text != first,
        timeout=15,
        what="the copy fetched behind to replace the expired one",
    )
