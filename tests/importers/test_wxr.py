"""What an editor moving a WordPress site should find, read from real WordPress exports.

newsroom.xml was written by WordPress 6.1's own exporter (see make_fixture.php);
broken.xml and malformed.xml are hand-damaged.
"""

import io
import os
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from dateline.importers.wxr import (
    WxrAuthor,
    WxrError,
    WxrPost,
    WxrProblem,
    WxrSite,
    WxrTerm,
    WxrTermRef,
    iter_wxr,
    read_site,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "wordpress"
NEWSROOM = FIXTURES / "newsroom.xml"
BROKEN = FIXTURES / "broken.xml"


@pytest.fixture(scope="module")
def newsroom():
    return list(iter_wxr(NEWSROOM))


@pytest.fixture(scope="module")
def broken():
    return list(iter_wxr(BROKEN))


def posts_of(records) -> dict[int, WxrPost]:
    return {r.wp_id: r for r in records if isinstance(r, WxrPost)}


def post_titled(records, title: str) -> WxrPost:
    return next(r for r in records if isinstance(r, WxrPost) and r.title == title)


def comments_by_author(post: WxrPost) -> dict[str, list]:
    found: dict[str, list] = {}
    for comment in post.comments:
        found.setdefault(comment.author_name, []).append(comment)
    return found


STRIKE = "Harbour strike ends after twelve days"
CAFES = "Montréal café owners fight early terrace closing"


# -- the site ----------------------------------------------------------------------------


def test_the_site_header_comes_first_and_names_the_newspaper(newsroom):
    site = newsroom[0]
    assert isinstance(site, WxrSite)
    assert site.title == "The Harbour Gazette"
    assert site.description == "Local news from the waterfront, since 1887"
    assert site.link == "https://news.example.org"
    assert site.base_site_url == "https://news.example.org"
    assert site.language == "en-US"
    assert site.wxr_version == "1.2"


def test_the_site_header_can_be_read_without_reading_the_posts():
    assert read_site(NEWSROOM).title == "The Harbour Gazette"


def test_a_path_object_or_an_open_file_reads_the_same(newsroom):
    with NEWSROOM.open("rb") as stream:
        from_stream = list(iter_wxr(stream))
    assert from_stream == list(iter_wxr(Path(NEWSROOM))) == newsroom


# -- authors and terms -------------------------------------------------------------------


def test_every_author_is_listed_with_login_email_and_display_name(newsroom):
    authors = {a.login: a for a in newsroom if isinstance(a, WxrAuthor)}
    assert set(authors) == {"newsdesk", "mlefevre", "kenji", "sam.oconnor"}
    assert authors["mlefevre"] == WxrAuthor(
        wp_id=2,
        login="mlefevre",
        email="marie.lefevre@news.example.org",
        display_name="Marie Lefèvre",
        first_name="Marie",
        last_name="Lefèvre",
    )
    assert authors["kenji"].display_name == "佐藤 健二"
    assert authors["sam.oconnor"].last_name == "O'Connor"


def test_categories_keep_their_parent_child_hierarchy(newsroom):
    categories = {t.slug: t for t in newsroom if isinstance(t, WxrTerm) and t.kind == "category"}
    assert categories["europe"].parent_slug == "world"
    assert categories["world"].parent_slug == "news"
    assert categories["news"].parent_slug is None
    assert categories["europe"].description == "From Lisbon to Helsinki."
    assert categories["economie"].name == "Économie"


def test_each_term_is_reported_once_although_wordpress_lists_it_twice(newsroom):
    terms = [(t.kind, t.slug) for t in newsroom if isinstance(t, WxrTerm)]
    assert len(terms) == len(set(terms))
    # "culture" is both a category and a tag: two different terms.
    assert ("category", "culture") in terms
    assert ("tag", "culture") in terms


def test_term_names_are_plain_text_and_keep_unicode(newsroom):
    tags = {t.slug: t for t in newsroom if isinstance(t, WxrTerm) and t.kind == "tag"}
    assert tags["ports-shipping"].name == "Ports & shipping"
    assert tags["%e6%9d%b1%e4%ba%ac"].name == "東京"
    assert tags["cafe-culture"].taxonomy == "post_tag"


# -- posts -------------------------------------------------------------------------------


def test_a_published_story_reads_its_time_from_the_gmt_field(newsroom):
    story = post_titled(newsroom, STRIKE)
    # Written at 18:05 in Paris (UTC+1 in March).
    assert story.date == datetime(2024, 3, 14, 17, 5, tzinfo=UTC)
    assert story.date.tzinfo is UTC
    assert story.status == "publish"
    assert story.post_type == "post"
    assert story.slug == "harbour-strike-ends"
    assert story.link == "https://news.example.org/2024/03/harbour-strike-ends/"
    assert story.creator == "mlefevre"
    assert story.is_sticky is True


def test_a_story_keeps_its_categories_tags_and_excerpt(newsroom):
    story = post_titled(newsroom, STRIKE)
    assert set(story.categories) == {
        WxrTermRef("category", "europe", "Europe"),
        WxrTermRef("category", "economie", "Économie"),
    }
    assert set(story.tags) == {
        WxrTermRef("post_tag", "elections", "Elections"),
        WxrTermRef("post_tag", "ports-shipping", "Ports & shipping"),
    }
    assert story.excerpt == "Dockers vote to return to work; ferries resume on Friday."


def test_content_is_handed_over_exactly_as_wordpress_stored_it(newsroom):
    story = post_titled(newsroom, STRIKE)
    assert story.content.startswith("<!-- wp:paragraph -->\n<p>After twelve days")
    classic = post_titled(newsroom, CAFES)
    assert "\n\nThe city council voted 34 to 12 on Tuesday.\nOpponents" in classic.content
    assert "<script>" in classic.content  # the converter removes it, not the reader


def test_a_story_in_japanese_keeps_its_title_and_emoji(newsroom):
    story = next(p for p in posts_of(newsroom).values() if p.slug == "tokyo-night-market")
    assert story.title == "東京の夜市、再開へ 🌃"
    assert "屋台は約<strong>百二十</strong>軒。🍢🏮" in story.content


def test_a_draft_without_a_gmt_date_uses_its_local_date(newsroom):
    draft = post_titled(newsroom, "DRAFT: Council budget — notes")
    assert draft.status == "draft"
    assert draft.date == datetime(2024, 8, 1, 10, 0, tzinfo=UTC)

    in_paris = post_titled(
        iter_wxr(NEWSROOM, local_timezone=ZoneInfo("Europe/Paris")),
        "DRAFT: Council budget — notes",
    )
    assert in_paris.date == datetime(2024, 8, 1, 8, 0, tzinfo=UTC)


def test_a_scheduled_story_is_future_with_its_publication_time(newsroom):
    scheduled = post_titled(newsroom, "Polls open for the regional election")
    assert scheduled.status == "future"
    assert scheduled.date == datetime(2030, 3, 15, 6, 0, tzinfo=UTC)


def test_pages_keep_their_parent_and_menu_order(newsroom):
    about = post_titled(newsroom, "About us")
    corrections = post_titled(newsroom, "Corrections policy")
    assert about.post_type == corrections.post_type == "page"
    assert about.parent_id is None
    assert corrections.parent_id == about.wp_id
    assert (about.menu_order, corrections.menu_order) == (1, 2)
    assert about.comment_status == "closed"


def test_an_image_attachment_points_at_its_file_and_its_story(newsroom):
    image = next(p for p in posts_of(newsroom).values() if p.post_type == "attachment")
    story = post_titled(newsroom, STRIKE)
    assert image.attachment_url == (
        "https://news.example.org/wp-content/uploads/2024/03/harbour-at-dawn.png"
    )
    assert image.parent_id == story.wp_id
    assert image.postmeta["_wp_attached_file"] == "2024/03/harbour-at-dawn.png"
    assert image.postmeta["_wp_attachment_image_alt"].startswith("Three trawlers")
    assert image.excerpt == "Fishing boats leave the harbour at dawn."  # WordPress's caption
    assert (FIXTURES / "uploads" / image.postmeta["_wp_attached_file"]).is_file()


def test_the_featured_image_and_custom_fields_are_in_postmeta(newsroom):
    story = post_titled(newsroom, STRIKE)
    image = next(p for p in posts_of(newsroom).values() if p.post_type == "attachment")
    assert story.postmeta["_thumbnail_id"] == str(image.wp_id)
    assert story.postmeta["dateline_note"] == "Follow-up planned for Monday"
    with pytest.raises(TypeError):
        story.postmeta["dateline_note"] = "edited"  # records are read-only


def test_a_post_of_a_type_dateline_does_not_know_is_still_handed_over(broken):
    live = posts_of(broken)[13]
    assert live.post_type == "liveblog_entry"
    assert live.other_terms == (WxrTermRef("liveblog", "election-2024", "Election 2024"),)


# -- comments ----------------------------------------------------------------------------


def test_a_reply_keeps_its_parent_three_levels_deep(newsroom):
    story = post_titled(newsroom, STRIKE)
    by_id = {c.wp_id: c for c in story.comments}
    lea = comments_by_author(story)["Léa Fontaine"][0]
    reply = next(c for c in story.comments if c.parent_id == lea.wp_id)
    deeper = next(c for c in story.comments if c.parent_id == reply.wp_id)
    deepest = next(c for c in story.comments if c.parent_id == deeper.wp_id)
    assert lea.parent_id is None
    assert (reply.author_name, deeper.author_name, deepest.author_name) == (
        "Marie Lefèvre",
        "Tomás Ó Briain",
        "Léa Fontaine",
    )
    assert by_id[deepest.parent_id] is deeper


def test_every_moderation_state_is_mapped(newsroom):
    story = post_titled(newsroom, STRIKE)
    by_author = comments_by_author(story)
    assert by_author["Léa Fontaine"][0].status == "approved"
    assert by_author["Anonymous"][0].status == "pending"
    assert by_author["Best Casino Bonus"][0].status == "spam"
    assert by_author["Ex-reader"][0].status == "trash"


def test_a_comment_by_a_registered_user_carries_the_user_id(newsroom):
    story = post_titled(newsroom, STRIKE)
    authors = {a.login: a for a in newsroom if isinstance(a, WxrAuthor)}
    by_author = comments_by_author(story)
    assert by_author["Marie Lefèvre"][0].user_id == authors["mlefevre"].wp_id
    assert by_author["Anonymous"][0].user_id is None


def test_a_commenter_keeps_email_website_and_ip_for_moderators(newsroom):
    lea = comments_by_author(post_titled(newsroom, STRIKE))["Léa Fontaine"][0]
    assert lea.author_email == "lea.fontaine@example.com"
    assert lea.author_url == "https://lea.example.net"
    assert lea.author_ip == "203.0.113.7"
    assert lea.date == datetime(2024, 3, 14, 18, 12, tzinfo=UTC)
    assert lea.content == (
        "About time. My brother has been out for two weeks.\n\n"
        "Does anyone know if the 7am ferry runs tomorrow?"
    )
    tomas = comments_by_author(post_titled(newsroom, STRIKE))["Tomás Ó Briain"][0]
    assert tomas.author_ip == "2001:db8::42"


def test_a_pingback_is_typed_as_a_pingback_with_a_readable_name(newsroom):
    pingback = next(c for c in post_titled(newsroom, STRIKE).comments if c.type == "pingback")
    assert pingback.author_name == "Brittany Daily » Ferries back on Friday"
    assert pingback.author_url.startswith("https://brittany-daily.example.fr/")


def test_an_old_wordpress_comment_without_a_type_is_an_ordinary_comment(broken):
    first = posts_of(broken)[10].comments[0]
    assert first.wp_id == 100
    assert first.type == "comment"


# -- damaged exports ---------------------------------------------------------------------


def problems_of(records, kind: str) -> list[WxrProblem]:
    return [r for r in records if isinstance(r, WxrProblem) and r.kind == kind]


def test_reading_carries_on_past_every_damaged_item(broken):
    assert [p.title for p in posts_of(broken).values()] == [
        "Good story before the damage",
        "Live: election night",
        "Good story after the damage",
    ]


def test_a_story_without_an_id_is_reported_with_its_title_and_line(broken):
    [problem] = [p for p in problems_of(broken, "invalid-item") if p.wp_id is None]
    assert "Story without an id" in problem.message
    assert "post_id is missing" in problem.message
    assert problem.line == 106


def test_a_story_with_an_impossible_date_is_reported_not_guessed(broken):
    [problem] = [p for p in problems_of(broken, "invalid-item") if p.wp_id == 12]
    assert "2024-02-30 24:61:00" in problem.message
    assert 12 not in posts_of(broken)


def test_a_reply_whose_parent_is_gone_is_kept_as_a_top_level_comment(broken):
    orphan = next(c for c in posts_of(broken)[10].comments if c.wp_id == 101)
    assert orphan.parent_id is None
    [problem] = problems_of(broken, "orphan-comment")
    assert problem.wp_id == 10
    assert "999" in problem.message


def test_a_comment_with_a_garbage_id_is_skipped_and_the_story_kept(broken):
    story = posts_of(broken)[10]
    assert [c.wp_id for c in story.comments] == [100, 101, 102]
    [problem] = problems_of(broken, "invalid-comment")
    assert "not-a-number" in problem.message


def test_a_comment_with_an_unknown_status_waits_for_a_moderator(broken):
    odd = next(c for c in posts_of(broken)[10].comments if c.wp_id == 102)
    assert odd.status == "pending"
    assert "awaiting-review" in problems_of(broken, "unknown-comment-status")[0].message


def test_an_author_without_login_and_a_category_without_slug_are_reported(broken):
    assert [a.login for a in broken if isinstance(a, WxrAuthor)] == ["editor"]
    assert problems_of(broken, "invalid-author")[0].wp_id == 2
    assert "No slug" in problems_of(broken, "invalid-term")[0].message


def test_a_file_that_is_not_xml_stops_with_the_line_of_the_damage():
    with pytest.raises(WxrError) as raised:
        list(iter_wxr(FIXTURES / "malformed.xml"))
    assert raised.value.line == 12
    assert "line 12" in str(raised.value)
    assert "malformed.xml" in str(raised.value)
    assert "&amp;" in str(raised.value)  # says what to fix


WXR_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" {wp}>
<channel><title>Tiny</title><link>https://tiny.example</link>
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "export.xml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_plain_rss_feed_is_refused_with_a_clear_message(tmp_path):
    feed = write(tmp_path, WXR_HEAD.format(wp="") + "<item><title>x</title></item></channel></rss>")
    with pytest.raises(WxrError, match="not a WordPress export.*wordpress.org/export/1.2"):
        list(iter_wxr(feed))


def test_an_unknown_wxr_version_is_refused_by_name(tmp_path):
    future = write(
        tmp_path,
        WXR_HEAD.format(wp='xmlns:wp="http://wordpress.org/export/2.0/"') + "</channel></rss>",
    )
    with pytest.raises(WxrError, match="unsupported WXR version 2.0"):
        list(iter_wxr(future))


def test_a_document_that_is_not_rss_is_refused(tmp_path):
    with pytest.raises(WxrError, match="root element is <html>"):
        list(iter_wxr(write(tmp_path, "<html><body>Export</body></html>")))


def test_an_empty_file_is_refused(tmp_path):
    with pytest.raises(WxrError, match="not well-formed"):
        list(iter_wxr(write(tmp_path, "")))


@pytest.mark.parametrize("version", ["1.0", "1.1"])
def test_exports_from_older_wordpress_versions_are_read(tmp_path, version):
    old = write(
        tmp_path,
        WXR_HEAD.format(
            wp=f'xmlns:wp="http://wordpress.org/export/{version}/" '
            f'xmlns:excerpt="http://wordpress.org/export/{version}/excerpt/"'
        )
        + """<wp:wxr_version>VERSION</wp:wxr_version>
<item><title>Old post</title><wp:post_id>7</wp:post_id>
<wp:post_date>2009-05-01 12:00:00</wp:post_date>
<wp:post_date_gmt>2009-05-01 10:00:00</wp:post_date_gmt>
<wp:post_type>post</wp:post_type><wp:status>publish</wp:status>
<excerpt:encoded><![CDATA[Short.]]></excerpt:encoded>
<category><![CDATA[Town]]></category>
<category domain="category" nicename="town"><![CDATA[Town]]></category>
<category domain="tag"><![CDATA[harbour]]></category>
</item></channel></rss>""".replace("VERSION", version),
    )
    records = list(iter_wxr(old))
    assert records[0].wxr_version == version
    post = posts_of(records)[7]
    assert post.date == datetime(2009, 5, 1, 10, 0, tzinfo=UTC)
    assert post.excerpt == "Short."
    # WXR 1.0 repeats each category without a slug and calls tags "tag".
    assert post.categories == (WxrTermRef("category", "town", "Town"),)
    assert post.tags == (WxrTermRef("post_tag", "", "harbour"),)


def test_an_export_cannot_make_the_importer_read_local_files(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    hostile = write(
        tmp_path,
        f"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY leak SYSTEM "file://{secret}">]>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Evil &leak;</title>
<item><title>x &leak;</title><wp:post_id>1</wp:post_id>
<content:encoded>before &leak; after</content:encoded></item></channel></rss>""",
    )
    records = list(iter_wxr(hostile))
    assert "TOP-SECRET" not in repr(records)
    assert posts_of(records)[1].wp_id == 1


# -- size --------------------------------------------------------------------------------


def _big_export(path: Path, items: int) -> None:
    body = "<p>" + "Officials said the situation remained tense, reports said. " * 4 + "</p>"
    comment = """<wp:comment><wp:comment_id>{cid}</wp:comment_id>
<wp:comment_author><![CDATA[Reader]]></wp:comment_author>
<wp:comment_author_email>r@example.com</wp:comment_author_email>
<wp:comment_date_gmt>2024-01-01 10:00:00</wp:comment_date_gmt>
<wp:comment_content><![CDATA[Interesting point, well made.]]></wp:comment_content>
<wp:comment_approved>1</wp:comment_approved><wp:comment_parent>{parent}</wp:comment_parent>
</wp:comment>"""
    with path.open("w", encoding="utf-8") as out:
        out.write(WXR_HEAD.format(wp='xmlns:wp="http://wordpress.org/export/1.2/"'))
        for n in range(1, items + 1):
            comments = "".join(
                comment.format(cid=n * 10 + c, parent=n * 10 + c - 1 if c else 0) for c in range(3)
            )
            out.write(
                f"<item><title>Story {n}</title><wp:post_id>{n}</wp:post_id>"
                f"<wp:post_date_gmt>2024-01-01 09:00:00</wp:post_date_gmt>"
                f"<wp:post_type>post</wp:post_type><wp:status>publish</wp:status>"
                f'<category domain="category" nicename="world">World</category>'
                f"<content:encoded><![CDATA[{body}]]></content:encoded>{comments}</item>\n"
            )
        out.write("</channel></rss>\n")


def _resident_bytes() -> int | None:
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return None


def test_a_large_export_is_read_in_constant_memory(tmp_path):
    export = tmp_path / "big.xml"
    _big_export(export, 20_000)
    assert export.stat().st_size > 25_000_000

    count = 0
    resident_early = None
    tracemalloc.start()
    try:
        for record in iter_wxr(export):
            if isinstance(record, WxrPost):
                count += 1
                assert len(record.comments) == 3
                if count == 1_000:
                    resident_early = _resident_bytes()
        resident_late = _resident_bytes()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert count == 20_000
    # Python-side objects: one record at a time, never the whole file.
    assert peak < 5_000_000, f"peak Python allocation {peak:,} bytes"
    # libxml2's tree lives outside tracemalloc's view: a tree that is not cleared as it
    # goes would grow by well over 100 MB between item 1,000 and item 20,000.
    if resident_early is not None and resident_late is not None:
        growth = resident_late - resident_early
        assert growth < 30_000_000, f"resident memory grew by {growth:,} bytes"


def test_a_stream_of_bytes_works_like_a_file():
    data = NEWSROOM.read_bytes()
    assert read_site(io.BytesIO(data)).title == "The Harbour Gazette"
