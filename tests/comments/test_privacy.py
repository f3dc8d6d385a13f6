"""A commenter's email address never appears in any public response."""

import re
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from django.core import mail
from django.test import TestCase

from dateline.comments.models import Comment
from tests.comments.conftest import post_comment
from tests.comments.factories import CommentFactory
from tests.news.factories import ArticleFactory

pytestmark = pytest.mark.django_db

PRIVATE_DOMAIN = "private-mail.test"
LINK = re.compile(r'(?:href|src|action)="([^"]+)"')
NOT_PUBLIC = ("/admin/", "/comments/delete/", "/comments/unsubscribe/")


def crawl(client, start_urls, limit: int = 400) -> dict[str, bytes]:
    """GET every same-site URL reachable from `start_urls`, as an anonymous reader."""
    seen, queue, bodies = set(), list(start_urls), {}
    while queue and len(seen) < limit:
        url = urldefrag(queue.pop(0))[0]
        parts = urlsplit(url)
        if parts.netloc not in ("", "testserver", "localhost") or url in seen:
            continue
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if not path.startswith("/") or path.startswith(NOT_PUBLIC):
            continue
        seen.add(url)
        response = client.get(path)
        if response.status_code in (301, 302, 303, 307, 308):
            queue.append(urljoin(path, response["Location"]))
            continue
        body = b"".join(response.streaming_content) if response.streaming else response.content
        bodies[path] = body
        if "html" in response.get("Content-Type", "") or "xml" in response.get("Content-Type", ""):
            text = body.decode("utf-8", "replace").replace("&amp;", "&")
            queue.extend(urljoin(path, link) for link in LINK.findall(text))
            queue.extend(re.findall(r"<loc>([^<]+)</loc>", text))
    return bodies


def test_no_public_url_shows_a_commenter_email(client, article, comment_settings):
    other = ArticleFactory(section=article.section, title="Another story")
    writers = [f"reader.{n}@{PRIVATE_DOMAIN}" for n in range(4)]
    root = CommentFactory(article=article, email=writers[0], url="https://site.example")
    CommentFactory(article=article, email=writers[1], parent=root)
    CommentFactory(article=other, email=writers[2])
    CommentFactory(article=article, email=writers[3], status=Comment.Status.PENDING)
    with TestCase.captureOnCommitCallbacks(execute=True):
        post_comment(client, article, email=f"poster@{PRIVATE_DOMAIN}", parent=str(root.pk))
    assert mail.outbox  # the writer's own mailbox is the only place their address goes

    start = ["/", article.url, other.url, "/sitemap.xml", "/robots.txt", "/search/?q=reader",
             f"/comments/article/{article.pk}/?partial=1", f"/comments/reply/{root.pk}/",
             "/feed/", "/atom/", "/feed.json"]  # fmt: skip
    bodies = crawl(client, start)
    assert article.url in bodies and f"/comments/reply/{root.pk}/" in bodies
    assert len(bodies) > 10
    leaks = [path for path, body in bodies.items() if PRIVATE_DOMAIN.encode() in body]
    assert leaks == []


def test_error_responses_do_not_reveal_other_commenters(client, article):
    CommentFactory(article=article, email=f"someone@{PRIVATE_DOMAIN}", text="Same words.")
    for response in (
        post_comment(client, article, email="me@example.org", text="x"),
        post_comment(client, article, email="me@example.org", parent="999999"),
        client.get("/comments/reply/999999/"),
        client.post("/comments/report/999999/", HTTP_ORIGIN="http://testserver"),
    ):
        assert 400 <= response.status_code < 500
        assert PRIVATE_DOMAIN.encode() not in response.content
