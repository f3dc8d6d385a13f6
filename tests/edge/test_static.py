"""Static files reach readers compressed and, under hashed names, cached for a year; the
site has an icon; pictures come in the sizes a screen needs."""

import gzip
import re

import brotli
import pytest
from django.conf import settings
from django.core.management import call_command
from django.templatetags.static import static

from dateline.edge.conf import edge_settings
from dateline.edge.static import StaticFiles
from dateline.edge.wsgi import PageCache
from tests.edge.conftest import call

SOURCES = settings.PACKAGE_DIR


def nothing_here(environ, start_response):
    start_response("404 Not Found", [("Content-Type", "text/plain")])
    return [b"not a static file"]


@pytest.fixture
def collected(settings, tmp_path):
    """`dateline collectstatic` as `dateline serve` runs it (our own files only: quick)."""
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STATICFILES_DIRS = [SOURCES / "static", *sorted(SOURCES.glob("*/static"))]
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    return StaticFiles(nothing_here)


def test_the_stylesheet_is_sent_in_the_best_encoding_the_browser_accepts(collected):
    url = static("dateline/site.css")
    source = (SOURCES / "static" / "dateline" / "site.css").read_bytes()
    best = call(collected, url, accept_encoding="gzip, deflate, br, zstd")
    assert best.headers["Content-Encoding"] == "br"
    assert brotli.decompress(best.body) == source
    assert len(best.body) < len(source) / 3
    gzipped = call(collected, url, accept_encoding="gzip")
    assert gzipped.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(gzipped.body) == source
    plain = call(collected, url)
    assert "Content-Encoding" not in plain.headers
    assert plain.body == source
    assert {r.headers["Vary"] for r in (best, gzipped, plain)} == {"Accept-Encoding"}
    assert call(collected, url, if_none_match=best.headers["ETag"]).status == 304


@pytest.mark.parametrize(
    "name",
    ["dateline/site.css", "comments/comments.js", "dateline/favicon.svg", "dateline/favicon.ico"],
)
def test_hashed_names_are_kept_for_a_year_and_plain_names_for_an_hour(collected, name):
    hashed = call(collected, static(name), accept_encoding="gzip, br")
    assert hashed.status == 200
    assert re.search(r"\.[0-9a-f]{12}\.", static(name))
    assert hashed.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    plain = call(collected, f"/static/{name}", accept_encoding="gzip, br")
    assert plain.status == 200
    assert plain.headers["Cache-Control"] == "public, max-age=3600"


def test_static_files_carry_the_security_headers_of_every_page(collected, client, db):
    page = client.get("/no-such-page/")
    reply = call(collected, static("dateline/favicon.svg"))
    assert reply.headers["X-Content-Type-Options"] == "nosniff"
    for name in ("Content-Security-Policy", "Permissions-Policy", "Referrer-Policy"):
        assert reply.headers[name] == page[name], name


def test_scripts_and_pictures_in_text_formats_are_compressed_too(collected):
    script = call(collected, static("comments/comments.js"), accept_encoding="br")
    assert script.headers["Content-Encoding"] == "br"
    icon = call(collected, static("dateline/favicon.svg"), accept_encoding="gzip")
    assert icon.headers["Content-Type"].startswith("image/svg+xml")


def test_the_site_icon_answers_at_the_root_for_a_day(collected):
    icon = call(collected, "/favicon.ico")
    assert icon.status == 200
    assert icon.headers["Content-Type"] in {"image/x-icon", "image/vnd.microsoft.icon"}
    assert icon.body == (SOURCES / "static" / "dateline" / "favicon.ico").read_bytes()
    assert icon.headers["Cache-Control"] == "public, max-age=86400"


def test_the_page_cache_passes_static_files_through_untouched(collected, backend):
    site = PageCache(collected, config=edge_settings(), backend=backend)
    for url in (static("dateline/site.css"), "/favicon.ico"):
        for _ in range(2):
            reply = call(site, url, accept_encoding="br")
            assert reply.status == 200
            assert "X-Cache" not in reply.headers
            assert "max-age=30," not in reply.headers["Cache-Control"]
    assert backend.pages.entries == {}


@pytest.mark.django_db
def test_every_page_names_the_site_icon_and_it_is_there(client, home, collected):
    html = client.get("/").content.decode()
    icons = re.findall(r'<link rel="(?:icon|apple-touch-icon)" href="([^"]+)"', html)
    assert len(icons) == 3
    for url in icons:
        reply = call(collected, url)
        assert reply.status == 200, url
        assert reply.headers["Cache-Control"].endswith("immutable")


@pytest.mark.django_db
def test_pictures_come_in_the_widths_a_screen_needs(client, home):
    from dateline.news.builders import demo_image
    from tests.news.factories import ArticleFactory, SectionFactory

    world = SectionFactory(title="World", slug="world")
    picture = demo_image("Harbour at dawn")
    story = ArticleFactory(section=world, title="Harbour reopens", lead_image=picture)
    ArticleFactory(section=world, title="Cranes return", lead_image=picture)

    def widths(html: str, css_class: str) -> list[set[str]]:
        found = []
        for tag in re.findall(r"<img [^>]*>", html):
            if f'class="{css_class}"' in tag:
                assert re.search(r'sizes="[^"]+"', tag), tag
                found.append(set(re.findall(r" (\d+)w", tag)))
        return found

    lead = widths(client.get(story.url).content.decode(), "lead-image")
    assert lead == [{"480", "800", "1200"}]
    cards = widths(client.get("/world/").content.decode(), "card-image")
    assert cards and all(found == {"320", "640", "960"} for found in cards)
    # A small original is never enlarged: each width is offered once (valid HTML).
    small = ArticleFactory(section=world, lead_image=demo_image("Pier", size=(800, 450)))
    tag = re.search(r'<img [^>]*class="lead-image"[^>]*>', client.get(small.url).content.decode())
    assert re.findall(r" (\d+)w", tag.group()) == ["800", "480"]
