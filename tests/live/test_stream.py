"""The stream as Django serves it (development, tests, plain WSGI): exact resume, endings,
and a story's newly approved comments."""

import json
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from dateline.comments import services as comment_services
from dateline.comments.models import Comment
from dateline.comments.signals import comments_changed
from dateline.live import services
from tests.comments.factories import CommentFactory
from tests.news.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def short_streams(settings):
    settings.LIVE_FALLBACK_STREAM_SECONDS = 0.3


def events(response) -> list[tuple[int, str, dict]]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/event-stream")
    text = b"".join(response.streaming_content).decode()
    found = re.findall(r"id: (\d+)\nevent: (\S+)\ndata: (.*)\n\n", text)
    return [(int(seq), kind, json.loads(data)) for seq, kind, data in found]


def test_a_reconnecting_reader_gets_exactly_what_it_missed(client, blog, post):
    entries = [post(blog, f"Update {n}.") for n in range(5)]
    got = events(client.get(f"/live/{blog.pk}/stream/", HTTP_LAST_EVENT_ID="3"))
    assert [(seq, kind) for seq, kind, _ in got] == [(4, "entry"), (5, "entry")]
    assert [data["id"] for _, _, data in got] == [entries[3].pk, entries[4].pk]
    # The page's own number (?after=) is used until the browser has a Last-Event-ID.
    assert [seq for seq, _, _ in events(client.get(f"/live/{blog.pk}/stream/?after=4"))] == [5]
    assert events(client.get(f"/live/{blog.pk}/stream/?after=5")) == []


def test_a_bad_last_event_id_is_refused(client, blog):
    response = client.get(f"/live/{blog.pk}/stream/", HTTP_LAST_EVENT_ID="x; drop")
    assert response.status_code == 400


def test_the_end_of_coverage_closes_the_stream(client, blog, post, commit):
    post(blog, "Last.")
    commit(services.live_blog_end, blog=blog)
    assert client.get(f"/live/{blog.pk}/stream/?after=1").status_code == 204


@pytest.fixture
def story(home):
    from wagtail.models import Site

    from dateline.comments.models import CommentSettings

    settings = CommentSettings.for_site(Site.objects.get(is_default_site=True))
    settings.first_time_hold = 0
    settings.save()
    return ArticleFactory(title="Harbour reopens")


def test_a_comment_approved_is_announced_on_the_story_stream(client, story, commit):
    waiting = CommentFactory(
        article=story, status=Comment.Status.PENDING, email="private@example.org", text="Finally!"
    )
    assert events(client.get(f"/live/{story.pk}/stream/?after=0")) == []
    commit(comment_services.comment_approve, comment=waiting)
    ((seq, kind, data),) = events(client.get(f"/live/{story.pk}/stream/?after=0"))
    assert kind == "comment" and data["id"] == waiting.pk and data["parent"] is None
    assert "Finally!" in data["html"] and f'id="comment-{waiting.pk}"' in data["html"]
    assert "private@example.org" not in json.dumps(data)
    # Approving something else later announces only the new comment, once.
    reply = CommentFactory(article=story, parent=waiting, status=Comment.Status.PENDING)
    commit(comment_services.comment_approve, comment=reply)
    got = events(client.get(f"/live/{story.pk}/stream/?after=0"))
    assert [data["id"] for _, _, data in got] == [waiting.pk, reply.pk]
    assert got[1][2]["parent"] == waiting.pk


def test_a_batch_of_stories_announces_only_new_comments_with_one_look_for_all(client, story):
    """An import's batch changes the comments of many stories at once, years-old ones:
    nothing to announce there, found in one query, not one per story."""
    years_ago = timezone.now() - timedelta(days=800)
    imported = [ArticleFactory() for _ in range(4)]
    for article in imported:
        CommentFactory(article=article, created_at=years_ago)
    fresh = CommentFactory(article=story, status=Comment.Status.PENDING)
    Comment.objects.filter(pk=fresh.pk).update(status=Comment.Status.APPROVED)
    with CaptureQueriesContext(connection) as queries:
        comments_changed.send(sender=Comment, article_ids=[a.pk for a in (*imported, story)])
    looks = [q["sql"] for q in queries if '"comments_comment"."created_at" >=' in q["sql"]]
    assert len(looks) == 2, looks  # the batch's, then the one story with something new
    announced = events(client.get(f"/live/{story.pk}/stream/?after=0"))
    assert [data["id"] for _, _, data in announced] == [fresh.pk]
    for article in imported:
        assert events(client.get(f"/live/{article.pk}/stream/?after=0")) == []


def test_a_story_page_follows_its_comments_from_now_on(client, story):
    page = client.get(story.url).content.decode()
    assert f'data-live-stream="/live/{story.pk}/stream/"' in page
    assert 'data-live-after="head"' in page


def test_a_reader_from_now_on_is_told_its_place_for_the_reconnect(client, blog, post):
    """A stream opened at "head" starts with the current number as an id (no event fires),
    so the browser's reconnect asks for what came after it, not for a new head."""
    post(blog, "One."), post(blog, "Two.")
    response = client.get(f"/live/{blog.pk}/stream/?after=head")
    assert b"".join(response.streaming_content).startswith(b"retry: 200\nid: 2\n\n")
