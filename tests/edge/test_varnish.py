"""Varnish 7 with xkey in front of a real `dateline serve`: as fresh as the site without it.

Starts varnishd with the VCL `dateline edge vcl` prints, in front of `dateline serve`
(uvicorn, the task worker that sends the purges, the page cache), on SQLite in a
temporary folder. Changes are made as the newsroom makes them, in another process on
the same database (tests/edge/edge_driver.py). Skipped, saying why, where varnishd or
the xkey vmod (Debian: varnish, varnish-modules) is missing; .ci/run installs both.
"""

import os

import pytest

from tests.edge.front import Front, normalise, varnish_missing
from tests.ops.servers import wait_until

# CI (.ci/run) installs Varnish and sets DATELINE_REQUIRE_VARNISH: there, missing is a failure.
REQUIRED = os.environ.get("DATELINE_REQUIRE_VARNISH") == "1"
pytestmark = [
    pytest.mark.skipif(bool(varnish_missing()) and not REQUIRED, reason=varnish_missing() or "-"),
    # The site behind Varnish is its own (SQLite in a temporary folder), whatever database
    # the tests use: .ci/run's PostgreSQL pass would only repeat the SQLite pass's minutes.
    pytest.mark.skipif(
        bool(os.environ.get("DATABASE_URL")), reason="runs once, in the SQLite pass (.ci/run)"
    ),
]

# Seconds to wait for a purge to reach Varnish: generous for a loaded CI machine. The
# time it takes is measured by bench/edge_consistency.py (docs/benchmarks.md), not here.
PURGE_WAIT = 15.0
CONSISTENCY_OPERATIONS = int(os.environ.get("DATELINE_CONSISTENCY_OPERATIONS", "100"))


@pytest.fixture(scope="module")
def front(tmp_path_factory):
    if varnish_missing():
        pytest.fail(f"DATELINE_REQUIRE_VARNISH=1: {varnish_missing()}")
    front = Front(tmp_path_factory.mktemp("varnish"))
    try:
        front.built = front.start()
        yield front
    finally:
        front.stop()


def shows(front: Front, path: str, text: str) -> bool:
    return text in front.get(front.varnish_url, path).text


def wait_until_shown(front: Front, paths: list[str], text: str) -> None:
    for path in paths:
        wait_until(
            lambda p=path: shows(front, p, text), timeout=PURGE_WAIT, what=f"{text!r} on {path}"
        )


def test_anonymous_pages_are_cached_and_internal_headers_stripped(front):
    story = front.built["story"]
    front.get(front.varnish_url, story)
    reply = front.get(front.varnish_url, story)
    assert reply.status_code == 200
    assert reply.headers["X-Cache"] == "HIT"
    for internal in ("Surrogate-Key", "xkey", "X-Varnish", "Via", "X-Dateline-TTL"):
        assert internal not in reply.headers
    assert "stale-if-error" in reply.headers["Cache-Control"]


def test_writes_and_signed_in_staff_pass_to_dateline(front):
    story = front.built["story"]
    for _ in range(2):
        staff = front.session.get(
            front.varnish_url + story, cookies={"sessionid": "not-a-session"}, timeout=30
        )
        assert staff.headers["X-Cache"] == "MISS"
    posted = front.session.post(front.varnish_url + "/comments/post/0/", timeout=30)
    assert posted.headers["X-Cache"] == "MISS" and posted.status_code != 200


def test_an_approved_comment_shows_through_varnish(front):
    story = front.built["story"]
    assert "A comment approved just now." not in front.get(front.varnish_url, story).text
    front.ask(do="approve_comment", text="A comment approved just now.",
              story_id=front.built["story_id"], wait=False)  # fmt: skip
    wait_until_shown(front, [story], "A comment approved just now.")
    assert front.stale_pages() == []


def test_an_edit_shows_on_every_page_that_lists_the_story(front):
    story = front.built["story"]
    pages = ["/", "/world/", story, "/feeds/rss/", "/tags/harbour/", "/feeds/rss/tag/harbour/"]
    for path in pages:
        front.get(front.varnish_url, path)  # cached before the change
    front.ask(do="edit", story_id=front.built["story_id"], title="Harbour reopens", wait=False)
    wait_until_shown(front, pages, "Harbour reopens")
    assert front.stale_pages() == []


def test_a_tag_rename_shows_on_the_tag_page_and_the_stories(front):
    story = front.built["story"]
    for path in (story, "/tags/harbour/"):
        front.get(front.varnish_url, path)
    front.ask(do="rename_tag", slug="harbour", name="Harbour Watch", wait=False)
    wait_until_shown(front, [story, "/tags/harbour/"], "Harbour Watch")
    assert front.stale_pages() == []


def test_a_settings_change_shows_on_every_page(front):
    pages = front.ask(do="pages")
    html = [path for path in pages if not path.startswith("/feeds/") and ".xml" not in path]
    for path in html:
        front.get(front.varnish_url, path)
    front.ask(do="change_settings", tagline="Independent news since 1851", wait=False)
    for path in html:
        reply = front.get(front.varnish_url, path)
        if reply.status_code == 200:
            wait_until_shown(front, [path], "Independent news since 1851")
    assert front.stale_pages() == []


def test_random_changes_leave_no_stale_page_in_varnish_or_the_page_cache(front):
    """The consistency check (bench/edge_consistency.py runs 500): after each change,
    every page of the site through Varnish and through the embedded page cache equals a
    render with no cache at all."""
    stale = {}
    for seed in range(CONSISTENCY_OPERATIONS):
        change = front.ask(do="random", seed=seed)
        if found := front.stale_pages():
            stale[f"{seed}: {change}"] = found
    assert stale == {}


def test_varnish_serves_the_last_good_copy_when_dateline_is_down(front):
    story = "/world/"  # the random changes may have unpublished the first story
    assert front.get(front.varnish_url, story).status_code == 200
    front.children[0].stop()  # dateline serve
    fresh = front.get(front.varnish_url, story)
    assert fresh.status_code == 200 and fresh.headers["X-Cache"] == "HIT"
    # Purged while Dateline is down: the kept copy rather than an error page.
    purged = front.session.request(
        "PURGE", front.varnish_url + "/", headers={"Surrogate-Key": "all"}, timeout=10
    )
    assert purged.status_code == 200
    stale = front.get(front.varnish_url, story)
    assert stale.status_code == 200
    assert stale.headers.get("X-Dateline-Stale") == "if-error"
    assert normalise(stale.content) == normalise(fresh.content)
    # A page never cached has no copy to fall back on.
    assert front.get(front.varnish_url, "/never-cached/").status_code == 503
