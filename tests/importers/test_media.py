"""Pictures whose file is not in --media-dir: never dropped, fetched when allowed.

The old site is played by a local HTTP server serving the saved uploads folder
(tests/fixtures/wordpress/uploads) under the export's own address; no test reaches the
internet.
"""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.images import get_image_model

from dateline.importers import fetch
from dateline.importers.services import wordpress_import
from dateline.news.models import ArticlePage

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "wordpress"
NEWSROOM = FIXTURES / "newsroom.xml"
PICTURE = FIXTURES / "uploads" / "2024" / "03" / "harbour-at-dawn.png"
OLD_SITE = "https://news.example.org"
OLD_PICTURE = f"{OLD_SITE}/wp-content/uploads/2024/03/harbour-at-dawn.png"
HARBOUR_ALT = "Three trawlers leaving a stone harbour under a pale sky"
HARBOUR_CAPTION = "Fishing boats leave the harbour at dawn. Photo: Ana Ribeiro"
TERRACE_ALT = "Terrace chairs stacked against a wall"
TERRACE_CAPTION = "Chairs stacked on the Rue Saint-Denis, where terraces must now close at 10pm."


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """This folder's conftest turns the project fixture off for the pure tests; on again."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def empty_uploads(tmp_path) -> Path:
    folder = tmp_path / "uploads"
    folder.mkdir()
    return folder


class OldSite(BaseHTTPRequestHandler):
    """The old WordPress site: its uploads, and a few ways a site fails to serve one."""

    requests: list[str]
    other_host = ""

    def do_GET(self):
        self.requests.append(self.path)
        name = self.path.rsplit("/", 1)[-1]
        if name == "harbour-at-dawn.png":
            self.answer(200, "image/png", PICTURE.read_bytes())
        elif name == "huge.png":
            self.answer(200, "image/png", PICTURE.read_bytes() + b"\0" * 4096)
        elif name == "page.png":
            self.answer(200, "text/html", b"<html>Not found, but nicely</html>")
        elif name == "fake.png":
            self.answer(200, "image/png", b"This is text pretending to be a picture.")
        elif name == "slow.png":
            time.sleep(1.5)
            self.answer(200, "image/png", PICTURE.read_bytes())
        elif name == "moved.png":
            self.send_response(301)
            self.send_header("Location", "/wp-content/uploads/2024/03/harbour-at-dawn.png")
            self.end_headers()
        elif name == "elsewhere.png":
            self.send_response(302)
            self.send_header("Location", f"{self.other_host}/wp-content/uploads/x.png")
            self.end_headers()
        else:
            self.answer(404, "text/html", b"gone")

    def answer(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def old_site():
    """A local server answering as the old site; yields (its URL, the paths asked for)."""
    handler = type("Handler", (OldSite,), {"requests": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    url = f"http://127.0.0.1:{server.server_address[1]}"
    handler.other_host = f"http://localhost:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield url, handler.requests
    server.shutdown()
    server.server_close()


def export_from(site_url: str, tmp_path: Path, *, picture: str = "harbour-at-dawn.png") -> Path:
    """The saved export as if the old site lived at `site_url` and the picture were named
    `picture` there."""
    text = NEWSROOM.read_text().replace(OLD_SITE, site_url)
    text = text.replace("2024/03/harbour-at-dawn.png", f"2024/03/{picture}")
    path = tmp_path / "export.xml"
    path.write_text(text)
    return path


def image_blocks(slug: str) -> list[dict]:
    article = ArticlePage.objects.get(slug=slug)
    return [dict(block.value) for block in article.body if block.block_type == "image"]


def test_a_picture_missing_from_the_media_folder_keeps_its_caption_and_alt_as_a_link(
    home, empty_uploads, client
):
    report = wordpress_import(source=NEWSROOM, media_dir=empty_uploads)

    [harbour] = image_blocks("harbour-strike-ends")
    assert harbour["image"] is None
    assert harbour["original_url"] == OLD_PICTURE
    assert (harbour["alt"], harbour["caption"]) == (HARBOUR_ALT, HARBOUR_CAPTION)
    [terrace] = image_blocks("montreal-cafe-owners-fight-early-terrace-closing")
    assert (terrace["alt"], terrace["caption"]) == (TERRACE_ALT, TERRACE_CAPTION)
    assert terrace["original_url"] == OLD_PICTURE

    page = client.get(
        ArticlePage.objects.get(slug="montreal-cafe-owners-fight-early-terrace-closing").url
    )
    html = page.content.decode()
    assert f'<a href="{OLD_PICTURE}">{TERRACE_ALT}</a>' in html
    assert TERRACE_CAPTION in html

    assert report.missing_media == ["2024/03/harbour-at-dawn.png"]
    assert report.linked_media == [
        f"{OLD_PICTURE} (in post 5): not fetched: --fetch-media was not given"
    ]
    assert report.counts["image"].skipped == 1


def test_a_picture_found_in_the_media_folder_keeps_its_alt_text(home):
    wordpress_import(source=NEWSROOM, media_dir=FIXTURES / "uploads")
    [terrace] = image_blocks("montreal-cafe-owners-fight-early-terrace-closing")
    assert terrace["image"] is not None and terrace["original_url"] == ""
    assert terrace["alt"] == TERRACE_ALT


def test_with_fetch_media_a_missing_picture_comes_from_the_old_site(
    home, empty_uploads, old_site, tmp_path
):
    site_url, asked = old_site
    report = wordpress_import(
        source=export_from(site_url, tmp_path), media_dir=empty_uploads, fetch_media=True
    )
    story = ArticlePage.objects.get(slug="harbour-strike-ends")
    assert story.lead_image is not None
    assert story.lead_image.file.read() == PICTURE.read_bytes()
    [terrace] = image_blocks("montreal-cafe-owners-fight-early-terrace-closing")
    assert terrace["image"] == story.lead_image
    assert (terrace["alt"], terrace["caption"]) == (TERRACE_ALT, TERRACE_CAPTION)
    assert asked == ["/wp-content/uploads/2024/03/harbour-at-dawn.png"]  # once for all uses
    assert report.fetched_media == [
        f"{site_url}/wp-content/uploads/2024/03/harbour-at-dawn.png (in post 5)"
    ]
    assert report.linked_media == []
    assert get_image_model().objects.count() == 1


def test_a_redirect_on_the_old_site_is_followed(home, empty_uploads, old_site, tmp_path):
    site_url, asked = old_site
    export = export_from(site_url, tmp_path, picture="moved.png")
    report = wordpress_import(source=export, media_dir=empty_uploads, fetch_media=True)
    assert len(report.fetched_media) == 1
    assert asked[-1] == "/wp-content/uploads/2024/03/harbour-at-dawn.png"
    assert ArticlePage.objects.get(slug="harbour-strike-ends").lead_image is not None


@pytest.mark.parametrize(
    ("picture", "reason"),
    [
        ("gone.png", "the old site answered 404"),
        ("page.png", "not an image (text/html)"),
        ("fake.png", "not an image Dateline accepts"),
        ("huge.png", "larger than"),
        ("slow.png", "the old site took too long"),
        ("elsewhere.png", "not on the old site (127.0.0.1:"),
    ],
)
def test_a_picture_the_old_site_does_not_serve_well_is_linked_and_the_reason_given(
    home, empty_uploads, old_site, tmp_path, settings, monkeypatch, picture, reason
):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = PICTURE.stat().st_size + 100
    monkeypatch.setattr(fetch, "READ_TIMEOUT", 0.3)
    site_url, _ = old_site
    export = export_from(site_url, tmp_path, picture=picture)
    report = wordpress_import(source=export, media_dir=empty_uploads, fetch_media=True)
    [linked] = report.linked_media
    assert f"/wp-content/uploads/2024/03/{picture} (in post 5): not fetched: {reason}" in linked
    assert report.fetched_media == []
    assert get_image_model().objects.count() == 0
    [harbour] = image_blocks("harbour-strike-ends")
    assert harbour["original_url"].endswith(f"/2024/03/{picture}")
    assert harbour["caption"] == HARBOUR_CAPTION


def test_pictures_are_only_fetched_from_the_old_sites_own_address(
    home, empty_uploads, old_site, tmp_path
):
    site_url, asked = old_site
    text = export_from(site_url, tmp_path).read_text()
    # The posts point their pictures at another host than the site's own.
    elsewhere = site_url.replace("127.0.0.1", "localhost")
    export = tmp_path / "elsewhere.xml"
    export.write_text(text.replace(f"{site_url}/wp-content", f"{elsewhere}/wp-content"))
    report = wordpress_import(source=export, media_dir=empty_uploads, fetch_media=True)
    assert asked == []
    assert "not fetched: not on the old site" in report.linked_media[0]


def test_running_again_with_fetch_media_replaces_the_links_with_the_pictures(
    home, empty_uploads, old_site, tmp_path
):
    site_url, _ = old_site
    export = export_from(site_url, tmp_path)
    wordpress_import(source=export, media_dir=empty_uploads)
    story = ArticlePage.objects.get(slug="harbour-strike-ends")
    revisions = story.revisions.count()

    again = wordpress_import(source=export, media_dir=empty_uploads)
    assert again.counts["post"].unchanged == 5  # still linked: nothing to update
    assert story.revisions.count() == revisions

    fetched = wordpress_import(source=export, media_dir=empty_uploads, fetch_media=True)
    assert fetched.counts["post"].updated == 2  # the two stories with the picture
    [terrace] = image_blocks("montreal-cafe-owners-fight-early-terrace-closing")
    assert terrace["image"] is not None and terrace["original_url"] == ""
    assert ArticlePage.objects.get(slug="harbour-strike-ends").lead_image is not None


def test_the_summary_lists_fetched_and_linked_pictures(home, empty_uploads, old_site, tmp_path):
    site_url, _ = old_site
    out = StringIO()
    call_command(
        "import_wordpress", str(export_from(site_url, tmp_path, picture="gone.png")),
        "--media-dir", str(empty_uploads), "--fetch-media", stdout=out,
    )  # fmt: skip
    output = out.getvalue()
    assert "Pictures linked to their old address" in output
    assert "gone.png (in post 5): not fetched: the old site answered 404" in output
