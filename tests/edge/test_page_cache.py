"""Anonymous readers are answered from the page cache; everyone else reaches Django."""

import gzip

import brotli
import pytest
from wagtail.models import PageViewRestriction

from tests.news.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(home):
    return SectionFactory(title="World", slug="world")


@pytest.fixture
def story(world):
    return ArticleFactory(section=world, title="Harbour reopens", slug="harbour-reopens")


ARTICLE = "/world/harbour-reopens/"


def test_second_anonymous_request_is_served_without_touching_the_database(
    site, story, django_assert_num_queries
):
    first = site.get(ARTICLE)
    assert first.status == 200
    assert first.cache == "MISS"
    with django_assert_num_queries(0):
        second = site.get(ARTICLE)
    assert second.cache == "HIT"
    assert second.body == first.body
    assert "Harbour reopens" in second.text


def test_head_is_answered_from_the_cache_without_a_body(site, story):
    site.get(ARTICLE)
    reply = site.head(ARTICLE)
    assert reply.status == 200
    assert reply.cache == "HIT"
    assert reply.body == b""
    assert int(reply.headers["Content-Length"]) > 1000


def test_head_on_a_miss_stores_the_full_page(site, story):
    assert site.head(ARTICLE).body == b""
    reply = site.get(ARTICLE)
    assert reply.cache == "HIT"
    assert "Harbour reopens" in reply.text


def test_compressed_copies_are_made_once_and_chosen_by_accept_encoding(site, story):
    plain = site.get(ARTICLE).body
    gzipped = site.get(ARTICLE, accept_encoding="gzip, deflate")
    assert gzipped.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(gzipped.body) == plain
    best = site.get(ARTICLE, accept_encoding="gzip, deflate, br")
    assert best.headers["Content-Encoding"] == "br"
    assert brotli.decompress(best.body) == plain
    refused = site.get(ARTICLE, accept_encoding="br;q=0, gzip;q=0")
    assert "Content-Encoding" not in refused.headers
    assert refused.body == plain
    assert {best.cache, gzipped.cache, refused.cache} == {"HIT"}
    assert best.headers["Vary"] == "Accept-Encoding"
    assert len({best.headers["ETag"], gzipped.headers["ETag"], refused.headers["ETag"]}) == 3


def test_conditional_requests_get_304(site, story):
    first = site.get(ARTICLE, accept_encoding="gzip")
    by_etag = site.get(ARTICLE, accept_encoding="gzip", if_none_match=first.headers["ETag"])
    assert by_etag.status == 304
    assert by_etag.body == b""
    assert by_etag.headers["ETag"] == first.headers["ETag"]
    by_date = site.get(ARTICLE, if_modified_since=first.headers["Last-Modified"])
    assert by_date.status == 304
    changed = site.get(ARTICLE, if_none_match='"something-else"')
    assert changed.status == 200


def test_responses_carry_cdn_cache_control_and_surrogate_keys(site, story, world, home):
    article = site.get(ARTICLE)
    cache_control = article.headers["Cache-Control"]
    for directive in ("public", "max-age=", "s-maxage=", "stale-while-revalidate=",
                      "stale-if-error="):  # fmt: skip
        assert directive in cache_control
    assert {f"page-{story.pk}", f"article-{story.pk}", "settings", "all"} <= article.keys
    assert "listing" not in article.keys

    front = site.get("/")
    assert {"listing", f"page-{home.pk}", f"page-{story.pk}", "settings"} <= front.keys
    section = site.get("/world/")
    assert {"listing", f"section-{world.pk}", f"page-{story.pk}"} <= section.keys


def test_a_query_string_is_a_different_page(site, story):
    site.get("/world/")
    assert site.get("/world/?page=1").cache == "MISS"
    assert site.get("/world/?page=1").cache == "HIT"


def test_not_found_pages_are_cached_as_listings(site, home):
    first = site.get("/no-such-story/")
    assert first.status == 404
    second = site.get("/no-such-story/")
    assert (second.status, second.cache) == (404, "HIT")
    assert "listing" in second.keys


@pytest.mark.parametrize(
    "request_headers",
    [
        {"cookie": "sessionid=abc123"},
        {"cookie": "theme=dark; sessionid=x"},
        {"authorization": "Basic eA=="},
    ],
)
def test_signed_in_readers_bypass_the_cache(site, story, settings, request_headers):
    site.get(ARTICLE)
    reply = site.get(ARTICLE, **request_headers)
    assert reply.status == 200
    assert "X-Cache" not in reply.headers


def test_other_cookies_still_get_the_cached_page(site, story):
    site.get(ARTICLE)
    assert site.get(ARTICLE, cookie="csrftoken=abc; theme=dark").cache == "HIT"


def test_writes_and_the_admin_bypass_the_cache(site, story):
    assert "X-Cache" not in site.post(ARTICLE).headers
    admin = site.get("/admin/login/")
    assert admin.status == 200
    assert "X-Cache" not in admin.headers
    assert "X-Cache" not in site.get("/admin/login/").headers


def test_private_pages_are_never_stored(site, story):
    PageViewRestriction.objects.create(
        page=story, restriction_type=PageViewRestriction.PASSWORD, password="letmein"
    )
    first = site.get(ARTICLE)
    assert "Harbour reopens" not in first.text or "password" in first.text.lower()
    second = site.get(ARTICLE)
    assert second.cache != "HIT"
    assert "no-cache" in second.headers.get("Cache-Control", "")


def test_responses_that_set_cookies_are_not_stored(backend, django_wsgi, db):
    from dateline.edge.conf import edge_settings
    from dateline.edge.wsgi import PageCache
    from tests.edge.conftest import call

    def sets_a_cookie(environ, start_response):
        start_response("200 OK", [("Content-Type", "text/html"), ("Set-Cookie", "a=b")])
        return [b"<p>hello, you</p>"]

    cache = PageCache(sets_a_cookie, config=edge_settings(), backend=backend)
    call(cache, "/hello/")
    reply = call(cache, "/hello/")
    assert reply.headers["Set-Cookie"] == "a=b"
    assert "X-Cache" not in reply.headers


def ids_sent(site, path: str, **headers) -> tuple[str, list[str]]:
    """The X-Cache state and every X-Request-ID header of one response."""
    from tests.edge.conftest import environ_for

    seen = {}

    def start_response(status, header_list, exc_info=None):
        seen["headers"] = header_list

    b"".join(site.app(environ_for(path, headers=headers), start_response))
    headers_sent = seen["headers"]
    state = dict(headers_sent).get("X-Cache", "")
    return state, [value for name, value in headers_sent if name.lower() == "x-request-id"]


def test_every_response_carries_the_id_of_its_own_request(site, story):
    state, first = ids_sent(site, ARTICLE)
    assert state == "MISS" and len(first) == 1 and len(first[0]) == 32
    state, second = ids_sent(site, ARTICLE)
    assert state == "HIT" and len(second) == 1
    assert second != first  # not the id of the request that filled the cache


def test_the_id_a_proxy_sent_is_kept_on_hits_and_misses(site, story):
    assert ids_sent(site, ARTICLE, X_Request_ID="edge-7f3a9c21-0001") == (
        "MISS",
        ["edge-7f3a9c21-0001"],
    )
    assert ids_sent(site, ARTICLE, X_Request_ID="edge-7f3a9c21-0002") == (
        "HIT",
        ["edge-7f3a9c21-0002"],
    )


class CountingApp:
    """Django, counting the requests that reach it (renders)."""

    def __init__(self, application):
        self.application = application
        self.renders = 0

    def __call__(self, environ, start_response):
        self.renders += 1
        return self.application(environ, start_response)


@pytest.fixture
def on_disk(db, django_wsgi, tmp_path):
    """The site behind the embedded default store (files in the data directory)."""
    from dateline.edge.conf import edge_settings
    from dateline.edge.store import FileBackend, install_backend
    from dateline.edge.wsgi import PageCache
    from tests.edge.conftest import CachedSite

    backend = FileBackend(tmp_path)
    install_backend(backend)
    django = CountingApp(django_wsgi)
    yield CachedSite(PageCache(django, config=edge_settings(), backend=backend)), django, backend
    install_backend(None)


def test_any_port_on_an_allowed_host_is_one_page_rendered_once(on_disk, story):
    site, django, backend = on_disk
    replies = [site.get(ARTICLE, host=f"testserver:{port}") for port in range(20001, 20101)]
    assert {reply.status for reply in replies} == {200}
    assert [reply.cache for reply in replies] == ["MISS"] + ["HIT"] * 99
    assert len({reply.body for reply in replies}) == 1
    assert django.renders == 1
    assert len(list((backend.directory / "pages").iterdir())) == 1


def test_a_host_django_refuses_never_gets_a_stored_page(on_disk, story):
    site, django, backend = on_disk
    assert site.get(ARTICLE).cache == "MISS"
    refused = site.get(ARTICLE, host="intruder.example")
    assert refused.status == 400
    assert "X-Cache" not in refused.headers
    assert "Harbour reopens" not in refused.text
