"""Share links that are plain URLs: no third-party scripts, nothing loads until a reader clicks."""

import re
from urllib.parse import quote, urlencode

from django.urls import reverse

from dateline.discovery.structured_data import absolute

MASTODON_SERVER = re.compile(r"(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}")


def share_links(article, request) -> list[dict]:
    """(network, URL) pairs for an article; Mastodon goes through our page asking for the server."""
    url = article.get_full_url(request)
    title = article.title
    mastodon = reverse("discovery:share_mastodon") + "?" + urlencode({"text": title, "url": url})
    links = [
        (
            "Email",
            "mailto:?" + urlencode({"subject": title, "body": f"{title}\n{url}"}, quote_via=quote),
        ),
        ("X", "https://x.com/intent/post?" + urlencode({"text": title, "url": url})),
        ("Facebook", "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url})),
        (
            "LinkedIn",
            "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url}),
        ),
        ("WhatsApp", "https://wa.me/?" + urlencode({"text": f"{title} {url}"})),
        ("Bluesky", "https://bsky.app/intent/compose?" + urlencode({"text": f"{title} {url}"})),
        ("Mastodon", absolute(request, mastodon)),
    ]
    return [{"network": network, "url": href} for network, href in links]


def mastodon_server(value: str) -> str | None:
    """The host name a reader typed ("mastodon.social", "https://x.y/", "@me@x.y"), or None."""
    value = value.strip().lower().removeprefix("https://").removeprefix("http://")
    value = value.split("/", 1)[0].rsplit("@", 1)[-1]
    return value if MASTODON_SERVER.fullmatch(value) else None


def mastodon_share_url(*, server: str, text: str, url: str) -> str:
    return f"https://{server}/share?" + urlencode({"text": f"{text} {url}".strip()})
