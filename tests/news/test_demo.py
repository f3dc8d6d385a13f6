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
