"""`dateline demo` builds a believable newsroom, and running it again changes nothing."""

import pytest

from dateline.news import demo, demo_content
from dateline.news.models import ArticlePage, AuthorPage, SectionPage
from dateline.news.text import count_words

pytestmark = pytest.mark.django_db


def test_demo_content_is_a_whole_newsroom():
    assert [section["title"] for section in demo_content.SECTIONS] == [
        "World", "Politics", "Business", "Science", "Culture",
    ]  # fmt: skip
    assert len(demo_content.AUTHORS) == 6
    assert len(demo_content.ARTICLES) + 1 >= 60
    long_read_words = sum(len(p.split()) for p in demo_content.LONG_READ["paragraphs"])
    assert long_read_words >= 2500


def test_every_story_file_names_a_known_section_and_known_authors():
    sections = {section["slug"] for section in demo_content.SECTIONS}
    authors = {author["slug"] for author in demo_content.AUTHORS}
    for story in [demo_content.LONG_READ, *demo_content.ARTICLES]:
        assert story["section"] in sections, story["headline"]
        assert set(story["authors"]) <= authors, story["headline"]
        assert len(story["paragraphs"]) >= 4, story["headline"]


def test_a_story_file_is_front_matter_then_paragraphs_and_subheadings():
    story = demo_content.read_story(
        '+++\nsection = "world"\nheadline = "Talks resume"\n'
        '[pull_quote]\nquote = "We will talk."\nattribution = "An envoy"\n+++\n\n'
        "First paragraph,\nwrapped.\n\n## What comes next\n\nSecond paragraph.\n"
    )
    assert story["headline"] == "Talks resume"
    assert story["paragraphs"] == ["First paragraph, wrapped.", "Second paragraph."]
    assert story["subheadings"] == {1: "What comes next"}
    assert story["pull_quote"] == {"quote": "We will talk.", "attribution": "An envoy"}
    assert story["fact_box"] is None


def test_demo_build_is_idempotent(home, monkeypatch):
    monkeypatch.setattr(demo_content, "ARTICLES", demo_content.ARTICLES[:4])
    first = demo.build_demo()
    assert demo.build_demo() == first
    assert ArticlePage.objects.count() == 5
    assert SectionPage.objects.count() == 5
    assert AuthorPage.objects.count() == 6


def test_the_long_read_is_published_with_its_full_body(client, home, monkeypatch):
    monkeypatch.setattr(demo_content, "ARTICLES", [])
    [long_read] = demo.build_demo()
    assert long_read.word_count == count_words(long_read.body) >= 2500
    assert long_read.lead_image is not None
    html = client.get(long_read.url).content.decode()
    assert demo_content.LONG_READ["headline"] in html
    assert html.count('<h2 class="subheading">') == len(demo_content.LONG_READ["subheadings"])
