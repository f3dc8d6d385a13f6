"""Share links: plain links, no third-party scripts; Mastodon through our own page."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = pytest.mark.django_db


def share_links(html: str) -> dict[str, str]:
    section = html[html.index('<section class="share"') :]
    section = section[: section.index("</section>")]
    return {
        network: href.replace("&amp;", "&")
        for href, network in re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', section)
    }


def test_article_offers_share_links_without_scripts(client, story):
    html = client.get(story.url).content.decode()
    links = share_links(html)
    assert list(links) == ["Email", "X", "Facebook", "LinkedIn", "WhatsApp", "Bluesky", "Mastodon"]
    url = "http://localhost/world/ceasefire-talks-resume-in-geneva/"
    assert parse_qs(urlsplit(links["X"]).query) == {"text": [story.title], "url": [url]}
    assert parse_qs(urlsplit(links["Facebook"]).query) == {"u": [url]}
    assert links["Email"].startswith("mailto:?subject=Ceasefire%20talks")
    assert links["Mastodon"].startswith("http://localhost/share/mastodon/?")
    assert not re.search(r'<script[^>]+src="(https?:)?//', html)  # nothing from elsewhere


def test_mastodon_page_asks_for_the_server_then_redirects(client, story):
    params = {"text": story.title, "url": "http://localhost/world/x/"}
    page = client.get("/share/mastodon/", params)
    assert page.status_code == 200
    assert "Your Mastodon server" in page.content.decode()
    response = client.post("/share/mastodon/", {**params, "server": "@me@Mastodon.Social"})
    assert response.status_code == 302
    target = urlsplit(response["Location"])
    assert (target.scheme, target.netloc, target.path) == ("https", "mastodon.social", "/share")
    assert parse_qs(target.query) == {"text": [f"{story.title} http://localhost/world/x/"]}


@pytest.mark.parametrize("server", ["", "not a server", "javascript:alert(1)", "localhost", "a/b"])
def test_mastodon_page_rejects_what_is_not_a_server(client, home, server):
    response = client.post("/share/mastodon/", {"text": "t", "url": "u", "server": server})
    assert response.status_code == 400
    assert "Please enter the address of your Mastodon server" in response.content.decode()


def test_mastodon_redirect_needs_a_csrf_token(home):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/share/mastodon/", {"server": "evil.example"})
    assert response.status_code == 403
