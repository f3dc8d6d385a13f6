"""One headless Debian Chromium per test run, driven by Playwright, reading the live server.

Playwright's sync API runs an asyncio loop on the thread that starts it, and Django treats a
thread with a running loop as async (it refuses ORM calls and hands out other database
connections). So Chromium lives on a thread of its own: a test builds its content with the ORM
on the test's thread, then passes a scenario, a function of a `Reader`, to `browse()`.
"""

import mimetypes
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache

from tests.browser.newsroom import Newsroom, build_newsroom
from tests.browser.tools import CHROMIUM, SCREENSHOTS, require_chromium

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}


class ChromiumThread:
    """Debian's Chromium under Playwright, on one worker thread that runs every browser call."""

    def __init__(self):
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="chromium")
        self.playwright = self.call(self._start_playwright)
        # executable_path: Playwright never downloads a browser of its own. launch() starts
        # Chromium on a fresh temporary profile (user-data dir) and deletes it afterwards.
        self.chromium = self.call(
            lambda: self.playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
        )

    @staticmethod
    def _start_playwright():
        from playwright.sync_api import sync_playwright

        return sync_playwright().start()

    def call(self, function: Callable, *args):
        """Run function(*args) on the browser's thread; its exceptions are raised here."""
        return self.pool.submit(function, *args).result()

    def stop(self) -> None:
        self.call(self.chromium.close)
        self.call(self.playwright.stop)
        self.pool.shutdown()


@pytest.fixture(scope="session")
def chromium() -> Iterator[ChromiumThread]:
    require_chromium()
    browser = ChromiumThread()
    yield browser
    browser.stop()


def _serve_media(route) -> None:
    """Uploaded images live in the test's MEDIA_ROOT, which the live server does not serve."""
    media_root = Path(settings.MEDIA_ROOT).resolve()
    path = (
        media_root / urlsplit(route.request.url).path.removeprefix(settings.MEDIA_URL)
    ).resolve()
    if media_root in path.parents and path.is_file():
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        route.fulfill(path=path, content_type=content_type)
    else:
        route.fulfill(status=404)


class Reader:
    """A reader's browser tab on the live server; remembers every request its pages made."""

    def __init__(self, chromium, base_url: str, *, javascript: bool, viewport: dict, **options):
        self.base_url = base_url
        self.javascript = javascript
        self.context = chromium.new_context(
            base_url=base_url, java_script_enabled=javascript, viewport=viewport, **options
        )
        self.context.set_default_timeout(5_000)  # the pages are local: waiting longer hides bugs
        self.context.route(f"{base_url}{settings.MEDIA_URL}**", _serve_media)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.failures: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("requestfailed", lambda request: self.failures.append(request.url))
        self.page.on(
            "response",
            lambda response: (
                response.status >= 400
                and response.request.resource_type != "document"
                and self.failures.append(f"{response.status} {response.url}")
            ),
        )

    def open(self, path: str):
        return self.page.goto(path, wait_until="load")

    def other_hosts(self) -> list[str]:
        return [url for url in self.requests if not url.startswith(self.base_url)]

    def screenshot(self, name: str) -> Path:
        """A full-page PNG in the test run's output folder, for people to look at."""
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        if self.javascript:
            # Lazy pictures below the fold would show as gaps in a full-page picture.
            self.page.evaluate("document.querySelectorAll('img').forEach(i => i.loading = 'eager')")
            self.page.wait_for_load_state("networkidle")
        self.page.screenshot(path=path, full_page=True)
        return path

    def close(self) -> None:
        # Let the pages' own requests finish first: the live server shares the test's database
        # connection, and a request still running while the test database is emptied breaks it.
        self.page.wait_for_load_state("networkidle")
        self.context.close()


@pytest.fixture
def newsroom(live_server, django_db_serialized_rollback) -> Newsroom:
    # Serialized rollback: the live server's transactional database is emptied after each
    # test, and this puts back the home page and site that the migrations created.
    for cache in caches.all():
        if isinstance(cache, LocMemCache):  # image renditions cached by an earlier test
            cache.clear()
    return build_newsroom()


@pytest.fixture
def browse(chromium, live_server):
    """browse(scenario, javascript=True, viewport=DESKTOP, **context_options) -> its result.

    Runs scenario(reader) on the browser's thread in a fresh browser context; other keywords
    go to Playwright's new_context(), e.g. bypass_csp=True to inject a checker script.
    """

    def run(scenario: Callable[[Reader], object], *, javascript=True, viewport=DESKTOP, **options):
        def in_browser():
            tab = Reader(
                chromium.chromium,
                live_server.url,
                javascript=javascript,
                viewport=viewport,
                **options,
            )
            try:
                return scenario(tab)
            finally:
                tab.close()

        return chromium.call(in_browser)

    return run
