"""The pages issue 19 added are valid HTML: a cursor page of a listing, a long thread's
own page of replies."""

import re

import pytest

from tests.browser.tools import VNU_JAR, java, require, require_node_module
from tests.comments.factories import CommentFactory
from tests.html.nu_checker import html_errors
from tests.news.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


def test_cursor_pages_and_thread_pages_have_no_html_errors(client, home, monkeypatch):
    require(java() is not None, "no java on PATH: apt-get install default-jre-headless")
    require_node_module(VNU_JAR)
    monkeypatch.setattr("dateline.news.models.CARDS_PER_PAGE", 1)
    monkeypatch.setattr("dateline.news.pagination.NUMBERED_PAGES", 1)
    monkeypatch.setattr("dateline.comments.selectors.COMMENTS_PER_PAGE", 3)
    world = SectionFactory(title="World", slug="world")
    stories = [ArticleFactory(section=world) for _ in range(3)]
    root = CommentFactory(article=stories[0], text="First.")
    parent = root
    for number in range(6):
        parent = CommentFactory(article=stories[0], parent=parent, text=f"Reply {number}.")
    first = client.get("/world/").content.decode()
    deep = re.search(r'<a rel="next" href="\?([^"]+)"', first)[1].replace("&amp;", "&")
    pages = {
        "cursor page": client.get(f"/world/?{deep}"),
        "thread page": client.get(f"/comments/article/{stories[0].pk}/thread/{root.pk}/?page=2"),
        "article with a cut thread": client.get(stories[0].url),
    }
    assert {name: response.status_code for name, response in pages.items()} == dict.fromkeys(
        pages, 200
    )
    assert "more replies" in pages["article with a cut thread"].content.decode()
    errors = html_errors({name: response.content.decode() for name, response in pages.items()})
    assert errors == {}
