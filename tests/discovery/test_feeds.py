"""RSS, Atom and JSON Feed: what feed readers get for the site, sections, authors and tags."""

import json
from datetime import timedelta
from pathlib import Path

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from lxml import etree

from dateline.discovery.models import FeedSettings
from dateline.news.builders import demo_image
from dateline.news.models import ArticlePage
from tests.news.factories import ArticleFactory, AuthorFactory, SectionFactory

pytestmark = pytest.mark.django_db

# Cards join their lead picture (one query fewer than a prefetch of it).
FEED_QUERIES = 8
ATOM_SCHEMA = Path(__file__).parents[1] / "fixtures" / "atom" / "atom.rng"
FEED_PATHS = {
    "site": "/feeds/{fmt}/",
    "section": "/feeds/{fmt}/section/world/",
    "author": "/feeds/{fmt}/author/ana-ribeiro/",
    "tag": "/feeds/{fmt}/tag/diplomacy/",
}


@pytest.fixture
def other_story(home):
    return ArticleFactory(
        section=SectionFactory(title="Sport", slug="sport"),
        title="Cup final goes to extra time",
        tags=["Football"],
        published_at=timezone.now() - timedelta(hours=1),
    )


def parse(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    return response, feed


def json_feed_titles(client, path) -> list[str]:
    """JSON Feed 1.1's required members, checked by hand (feedparser 6.0 reads XML only)."""
    data = json.loads(client.get(path).content)
    assert data["version"] == "https://jsonfeed.org/version/1.1" and data["title"]
    for item in data["items"]:
        assert item["id"] and ("content_html" in item or "content_text" in item)
    return [item["title"] for item in data["items"]]


@pytest.mark.parametrize("fmt", ["rss", "atom", "json"])
@pytest.mark.parametrize("kind", FEED_PATHS)
def test_every_feed_parses_cleanly_and_lists_the_story(client, story, other_story, kind, fmt):
    path = FEED_PATHS[kind].format(fmt=fmt)
    if fmt == "json":
        titles = json_feed_titles(client, path)
    else:
        titles = [entry.title for entry in parse(client, path)[1].entries]
    assert "Ceasefire talks resume in Geneva" in titles
    if kind != "site":
        assert "Cup final goes to extra time" not in titles


def test_rss_item_carries_everything_a_reader_needs(client, story):
    response, feed = parse(client, "/feeds/rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    entry = feed.entries[0]
    assert entry.link == "http://localhost/world/ceasefire-talks-resume-in-geneva/"
    assert entry.id.startswith("tag:localhost,") and entry.id.endswith(f":article:{story.pk}")
    assert entry.guidislink is False
    assert entry.summary == "Negotiators return after a week of shelling & talks."
    assert [tag.term for tag in entry.tags] == ["World", "Diplomacy", "Europe"]
    assert entry.published_parsed is not None
    # One dc:creator naming both: readers such as newsboat keep only the last of several.
    creators = etree.fromstring(response.content).findall(
        ".//{http://purl.org/dc/elements/1.1/}creator"
    )
    assert [c.text for c in creators] == ["Ana Ribeiro and Tom Okafor"]
    assert entry.author == "Ana Ribeiro and Tom Okafor"
    media = entry.media_content[0]
    assert media["medium"] == "image" and media["url"].startswith("http://localhost/media/")
    enclosure = entry.enclosures[0]
    assert enclosure.type == "image/jpeg" and int(enclosure.length) > 0
    assert media["width"] == "640"
    assert b"content:encoded" not in response.content  # unless the site setting says full text


def test_full_text_is_a_site_setting(client, story):
    settings = FeedSettings.for_site(story.get_site())
    settings.full_text = True
    settings.save()
    for fmt in ("rss", "atom"):
        entry = parse(client, f"/feeds/{fmt}/")[1].entries[0]
        html = next(c.value for c in entry.content if c.type == "text/html")
        assert "<p>First paragraph of Ceasefire talks resume in Geneva.</p>" in html
    data = json.loads(client.get("/feeds/json/").content)
    assert "<p>First paragraph" in data["items"][0]["content_html"]


def test_atom_feed_validates_against_the_rfc_4287_schema(client, story, other_story):
    settings = FeedSettings.for_site(story.get_site())
    settings.full_text = True
    settings.save()
    schema = etree.RelaxNG(etree.parse(str(ATOM_SCHEMA)))
    for path in FEED_PATHS.values():
        document = etree.fromstring(client.get(path.format(fmt="atom")).content)
        assert schema.validate(document), (path, schema.error_log)


def test_atom_entries_list_every_author_with_their_page(client, story):
    _response, feed = parse(client, "/feeds/atom/")
    entry = feed.entries[0]
    assert [(a.name, a.href) for a in entry.authors] == [
        ("Ana Ribeiro", "http://localhost/authors/ana-ribeiro/"),
        ("Tom Okafor", "http://localhost/authors/tom-okafor/"),
    ]
    assert feed.feed.links[1]["href"] == "http://localhost/feeds/atom/"


def test_guid_survives_edits_and_slug_changes(client, story):
    before = parse(client, "/feeds/atom/")[1].entries[0].id
    story.title = "Ceasefire talks collapse in Geneva"
    story.slug = "ceasefire-talks-collapse"
    story.save_revision().publish()
    entry = parse(client, "/feeds/atom/")[1].entries[0]
    assert entry.title == "Ceasefire talks collapse in Geneva"
    assert entry.id == before


def test_json_feed_follows_version_1_1(client, story):
    response = client.get("/feeds/json/section/world/")
    assert response["Content-Type"].startswith("application/feed+json")
    data = json.loads(response.content)
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert data["home_page_url"] == "http://localhost/world/"
    assert data["feed_url"] == "http://localhost/feeds/json/section/world/"
    item = data["items"][0]
    assert item["id"].endswith(f":article:{story.pk}:json")
    assert item["content_text"] == item["summary"] == story.standfirst
    assert item["authors"][0] == {
        "name": "Ana Ribeiro",
        "url": "http://localhost/authors/ana-ribeiro/",
    }
    assert item["tags"] == ["World", "Diplomacy", "Europe"]
    assert item["image"].startswith("http://localhost/media/")


def test_section_feed_lists_the_same_stories_as_the_section_page(client, world, ana):
    for number in range(15):
        ArticleFactory(section=world, authors=[ana], title=f"World story {number}",
                       published_at=timezone.now() - timedelta(hours=number))  # fmt: skip
    ArticleFactory(section=world, authors=[ana], title="Unpublished draft", publish=False)
    page_titles = [
        article.title for article in client.get("/world/").context["articles"].object_list
    ]
    feed_titles = [e.title for e in parse(client, "/feeds/rss/section/world/")[1].entries]
    assert feed_titles[: len(page_titles)] == page_titles
    assert "Unpublished draft" not in feed_titles


def test_nested_sections_have_their_own_feed(client, world, ana):
    europe = SectionFactory(title="Europe", slug="europe", parent=world)
    ArticleFactory(section=europe, authors=[ana], title="Vote in Lisbon")
    entries = parse(client, "/feeds/rss/section/world/europe/")[1].entries
    assert [entry.title for entry in entries] == ["Vote in Lisbon"]


def test_feed_length_follows_the_site_setting(client, world, ana):
    for _ in range(5):
        ArticleFactory(section=world, authors=[ana])
    settings = FeedSettings.for_site(world.get_site())
    settings.items_per_feed = 3
    settings.save()
    assert len(parse(client, "/feeds/rss/")[1].entries) == 3


@pytest.mark.parametrize(
    "path",
    [
        "/feeds/rss/section/nowhere/",
        "/feeds/atom/author/nobody/",
        "/feeds/json/tag/no-such-tag/",
        "/feeds/xml/",
    ],
)
def test_unknown_feeds_are_404(client, story, path):
    assert client.get(path).status_code == 404


def test_feeds_never_carry_drafts_or_private_addresses(client, world, ana):
    ana.user = None
    ArticleFactory(section=world, authors=[ana], title="Embargoed scoop", publish=False)
    for fmt in ("rss", "atom", "json"):
        body = client.get(f"/feeds/{fmt}/").content.decode()
        assert "Embargoed scoop" not in body
        assert "@" not in body.replace("xmlns", "")


def feed_queries(client, path) -> int:
    client.get(path)  # renditions are generated once, then reused
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries.captured_queries)


@pytest.mark.parametrize("fmt", ["rss", "atom", "json"])
def test_feed_queries_do_not_grow_with_stories(client, world, ana, fmt):
    settings = FeedSettings.for_site(world.get_site())
    settings.full_text = True
    settings.save()
    for number in range(2):
        ArticleFactory(section=world, authors=[ana], tags=[f"t{number}", "shared"],
                       lead_image=demo_image(f"picture {number}"))  # fmt: skip
    few = feed_queries(client, f"/feeds/{fmt}/")
    assert few == FEED_QUERIES  # a fixed ceiling beside "does not grow"
    for number in range(6):
        ArticleFactory(section=world, authors=[ana, AuthorFactory()], tags=[f"u{number}"],
                       lead_image=demo_image(f"photo {number}"))  # fmt: skip
    assert feed_queries(client, f"/feeds/{fmt}/") == few


def test_pages_announce_their_feeds(client, story):
    home = client.get("/").content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in home
    assert 'href="http://localhost/feeds/atom/"' in home
    section = client.get("/world/").content.decode()
    assert 'href="http://localhost/feeds/rss/section/world/"' in section
    author = client.get("/authors/ana-ribeiro/").content.decode()
    assert 'href="http://localhost/feeds/json/author/ana-ribeiro/"' in author
    tag = client.get("/tags/diplomacy/").content.decode()
    assert 'href="http://localhost/feeds/atom/tag/diplomacy/"' in tag
    assert ArticlePage.objects.count() == 1


@pytest.mark.parametrize(
    ("old", "new"), [("/feed/", "/feeds/rss/"), ("/feed/atom/", "/feeds/atom/")]
)
def test_wordpress_feed_addresses_move_permanently_to_ours(client, old, new):
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new


def test_each_format_gives_a_story_its_own_id_so_both_subscriptions_show_it(client, story):
    """Feed readers treat one id as one item across every feed they follow."""
    rss = parse(client, "/feeds/rss/")[1].entries[0]
    atom = parse(client, "/feeds/atom/")[1].entries[0]
    json_item = json.loads(client.get("/feeds/json/").content)["items"][0]
    assert rss.link == atom.link == json_item["url"]
    assert len({rss.id, atom.id, json_item["id"]}) == 3
    # The RSS guid is the one the feeds always had: RSS subscribers see nothing new.
    assert rss.id.endswith(f":article:{story.pk}")
    assert atom.id == rss.id + ":atom"


@pytest.mark.parametrize(
    ("names", "byline"),
    [
        (["Ana Ribeiro"], "Ana Ribeiro"),
        (["Ana Ribeiro", "Tom Okafor"], "Ana Ribeiro and Tom Okafor"),
        (["Ana Ribeiro", "Tom Okafor", "Lea Fontaine"], "Ana Ribeiro, Tom Okafor and Lea Fontaine"),
    ],
)
def test_co_authors_come_out_as_readers_show_them(client, home, names, byline):
    ArticleFactory(
        section=SectionFactory(title="World", slug="world"),
        title="Written together",
        authors=[AuthorFactory(name=name) for name in names],
    )
    rss = parse(client, "/feeds/rss/")[1].entries[0]
    assert rss.author == byline
    atom = parse(client, "/feeds/atom/")[1].entries[0]
    assert [author.name for author in atom.authors] == names
