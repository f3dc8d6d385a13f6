"""The live blog as a reader sees it, with and without JavaScript, and as machines read it."""

import extruct
import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from lxml import html as lxml_html

from dateline.live import services
from dateline.live.models import ENTRIES_PER_PAGE

pytestmark = pytest.mark.django_db


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return lxml_html.fromstring(response.content.decode())


def entry_ids(tree) -> list[str]:
    return tree.xpath("//div[@data-live-entries]/article/@id")


def test_the_page_shows_the_summary_then_entries_newest_first(client, blog, post):
    first, second = post(blog, "First update."), post(blog, "Second update.")
    tree = page(client, blog.url)
    assert tree.xpath("string(//h1)") == "Drones over the border: live"
    assert "What we know so far." in tree.xpath("string(//section[@class='live-summary'])")
    assert entry_ids(tree) == [f"entry-{second.pk}", f"entry-{first.pk}"]
    time = tree.xpath(f"//article[@id='entry-{first.pk}']//time/@datetime")[0]
    assert time.startswith(first.posted_at.strftime("%Y-%m-%dT%H:%M"))
    assert tree.xpath("string(//p[contains(@class, 'live-badge')])").strip() == "Live"


def test_key_events_link_to_their_entries_and_the_pinned_entry_is_on_top(
    client, blog, post, commit
):
    key = post(blog, "Airport closed.", key_event=True, title="Airport closes")
    pinned = post(blog, "Follow our coverage.")
    post(blog, "Later update.")
    commit(services.live_entry_pin, entry=pinned)
    tree = page(client, blog.url)
    link = tree.xpath("//nav[@data-live-key-events]//a")[0]
    assert "Airport closes" in link.text_content()
    assert link.get("href") == f"{blog.url}entries/{key.pk}/"
    box = tree.xpath("//section[@data-live-pinned]")[0]
    assert box.get("hidden") is None
    assert box.xpath(".//article/@id") == [f"pinned-entry-{pinned.pk}"]
    # It also keeps its place in the stream, under its own id (ids stay unique).
    assert f"entry-{pinned.pk}" in entry_ids(tree)


def test_older_entries_load_without_javascript(client, blog, post):
    entries = [post(blog, f"Update {n}.") for n in range(ENTRIES_PER_PAGE + 5)]
    tree = page(client, blog.url)
    assert len(entry_ids(tree)) == ENTRIES_PER_PAGE
    older = tree.xpath("//p[@class='live-more']/a/@href")[0]
    tree = page(client, older)
    assert entry_ids(tree) == [f"entry-{e.pk}" for e in reversed(entries[:5])]
    assert tree.xpath("//p[@class='live-more']") == []
    assert tree.xpath("//p[@class='live-nav']/a/@href") == [blog.url]


def test_an_entry_permalink_opens_the_page_where_the_entry_is(client, blog, post):
    entries = [post(blog, f"Update {n}.") for n in range(ENTRIES_PER_PAGE + 5)]
    latest, old = entries[-1], entries[2]
    response = client.get(f"{blog.url}entries/{latest.pk}/")
    assert response.status_code == 302
    assert response["Location"] == f"{blog.url}#entry-{latest.pk}"
    response = client.get(f"{blog.url}entries/{old.pk}/")
    assert response["Location"] == f"{blog.url}?from={old.pk}#entry-{old.pk}"
    tree = page(client, f"{blog.url}?from={old.pk}")
    assert entry_ids(tree)[0] == f"entry-{old.pk}"
    assert client.get(f"{blog.url}entries/999999/").status_code == 404
    assert client.get(f"{blog.url}?from=abc").status_code == 404


def test_deleted_entries_are_gone_from_the_page(client, blog, post, commit):
    kept, gone = post(blog, "Kept."), post(blog, "Gone.")
    commit(services.live_entry_delete, entry=gone)
    assert entry_ids(page(client, blog.url)) == [f"entry-{kept.pk}"]
    assert client.get(f"{blog.url}entries/{gone.pk}/").status_code == 404


def test_an_open_blog_tells_the_script_where_to_follow_it(client, blog, post):
    post(blog, "One."), post(blog, "Two.")
    root = page(client, blog.url).xpath("//article[@data-live-blog]")[0]
    assert root.get("data-live-stream") == f"/live/{blog.pk}/stream/"
    assert root.get("data-live-poll").startswith(f"/live/{blog.pk}/updates/")
    assert root.get("data-live-after") == "2"
    assert root.get("data-live-interval") == "10"


def test_an_ended_blog_is_an_archive_with_nothing_to_follow(client, blog, post, commit):
    post(blog, "Last update.")
    commit(services.live_blog_end, blog=blog)
    response = client.get(blog.url)
    content = response.content.decode()
    assert "data-live-stream" not in content and "live.js" not in content
    tree = lxml_html.fromstring(content)
    assert "Live coverage ended" in tree.xpath("string(//p[contains(@class, 'live-badge')])")
    assert client.get(f"/live/{blog.pk}/stream/").status_code == 204


def test_the_page_costs_the_same_queries_with_3_entries_or_30(client, blog, post):
    for n in range(3):
        post(blog, f"Update {n}.")

    def queries() -> int:
        client.get(blog.url)
        with CaptureQueriesContext(connection) as captured:
            client.get(blog.url)
        return len(captured)

    few = queries()
    for n in range(27):
        post(blog, f"More {n}.", key_event=n % 9 == 0, title=f"Key {n}" if n % 9 == 0 else "")
    assert queries() == few


def json_ld(client, url) -> list[dict]:
    content = client.get(url).content.decode()
    return extruct.extract(content, base_url="http://localhost" + url, syntaxes=["json-ld"])[
        "json-ld"
    ]


def test_live_blog_posting_for_search_engines(client, blog, post, commit):
    entries = [post(blog, f"Update number {n}.") for n in range(55)]
    commit(services.live_entry_edit, entry=entries[-1], body=services.entry_body(text="Edited."))
    (posting,) = [item for item in json_ld(client, blog.url) if item["@type"] == "LiveBlogPosting"]
    assert posting["headline"] == "Drones over the border: live"
    assert posting["coverageStartTime"] == blog.coverage_started_at.isoformat()
    assert "coverageEndTime" not in posting
    assert posting["publisher"]["name"] and posting["publisher"]["logo"]["url"]
    updates = posting["liveBlogUpdate"]
    assert len(updates) == 50
    latest = updates[0]
    assert latest["@type"] == "BlogPosting"
    assert latest["headline"] == "Edited." and latest["articleBody"] == "Edited."
    assert latest["datePublished"] == entries[-1].posted_at.isoformat()
    assert latest["author"] == [{"@type": "Person", "name": "Rita Reporter"}]
    assert updates[-1]["articleBody"] == "Update number 5."
    commit(services.live_blog_end, blog=blog)
    (posting,) = [item for item in json_ld(client, blog.url) if item["@type"] == "LiveBlogPosting"]
    blog.refresh_from_db()
    assert posting["coverageEndTime"] == blog.ended_at.isoformat()


def test_the_blog_has_its_own_feeds_of_entries(client, blog, post):
    first = post(blog, "First update.")
    post(blog, "A key moment.", key_event=True, title="Key moment")
    for fmt in ("rss", "atom"):
        response = client.get(f"{blog.url}feed/{fmt}/")
        assert response.status_code == 200
        feed = feedparser.parse(response.content)
        assert not feed.bozo, feed.bozo_exception
        assert [item.title for item in feed.entries] == ["Key moment", "First update."]
        assert feed.entries[1].link == f"http://localhost{blog.url}entries/{first.pk}/"


def test_the_blog_is_listed_like_a_story(client, blog, section):
    assert blog.title in client.get(section.url).content.decode()
    assert blog.title in client.get("/news-sitemap.xml").content.decode()
    feed = feedparser.parse(client.get("/feeds/rss/section/world/").content)
    assert blog.title in [item.title for item in feed.entries]
