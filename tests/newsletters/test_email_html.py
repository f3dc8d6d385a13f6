"""The email is valid HTML (Nu HTML Checker), with inlined CSS, absolute links, no script,
font or tracking pixel, and the same body blocks as the story page."""

import re

import pytest

from dateline.newsletters import rendering, services
from dateline.newsletters.models import Edition
from tests.browser.tools import VNU_JAR, java, require, require_node_module
from tests.html.nu_checker import html_errors
from tests.news.factories import ArticleFactory

pytestmark = pytest.mark.django_db

BODY = [
    ("paragraph", '<p>The harbour <a href="/world/">reopened</a> at dawn.</p>'),
    ("subheading", "What comes next"),
    ("pull_quote", {"quote": "We are back.", "attribution": "The harbour master"}),
    ("fact_box", {"title": "In numbers", "body": "<ul><li>12 ships</li></ul>"}),
]


@pytest.fixture
def alert(breaking, world):
    story = ArticleFactory(section=world, title="Harbour reopens", body=BODY)
    [edition] = services.alert_request(article=story)
    return Edition.objects.get(pk=edition.pk)


def test_the_email_is_self_contained_and_absolute(alert, daily, story):
    body = rendering.edition_email(alert)
    html = body.html
    assert "<script" not in html and "<link" not in html and "@font-face" not in html
    assert 'style="' in html and "<style" not in html  # every rule inlined
    for url in re.findall(r'(?:href|src)="([^"]+)"', html):
        assert url.startswith(("https://news.example.com/", "mailto:")), url
    assert "The harbour master" in html and "In numbers" in html  # the story's own blocks
    assert "We are back." in body.text and "https://news.example.com/world/" in body.text


def test_digest_and_alert_emails_have_no_html_errors(alert, daily, story):
    require(java() is not None, "no java on PATH: apt-get install default-jre-headless")
    require_node_module(VNU_JAR)
    digest = services.edition_draft_create(newsletter=daily, subject="Today", articles=[story],
                                           intro="Good morning.\n\nHere is the news.")  # fmt: skip
    documents = {
        "alert": rendering.edition_email(alert).html,
        "digest": rendering.edition_email(digest).html,
    }
    assert html_errors(documents) == {}
