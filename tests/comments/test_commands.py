"""`dateline comments export|erase|purge-ips`, and the demo comments."""

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from dateline.comments.models import Comment, ModeratorNote
from tests.comments.factories import CommentFactory

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command("comments", *args, stdout=out)
    return out.getvalue()


def test_export_prints_everything_stored_about_a_commenter(article):
    CommentFactory(article=article, email="Vera@Example.org", text="My words")
    CommentFactory(article=article, email="someone@example.org")
    data = json.loads(run("export", "--email", "vera@example.org"))
    assert [c["text"] for c in data["comments"]] == ["My words"]
    assert data["comments"][0]["email"] == "vera@example.org"
    assert data["comments"][0]["article"] == article.title


def test_erase_keeps_the_thread_readable(client, article):
    mine = CommentFactory(article=article, email="vera@example.org", text="Mine")
    reply = CommentFactory(article=article, parent=mine, text="A reply to Vera")
    ModeratorNote.objects.create(commenter_email="vera@example.org", text="note")
    assert "Erased 1 comment(s)." in run("erase", "--email", "vera@example.org")
    mine.refresh_from_db()
    assert (mine.text, mine.author_name, mine.author_email) == ("[deleted]", "[deleted]", "")
    assert mine.status == Comment.Status.APPROVED and mine.decisions.filter(action="erase")
    assert not ModeratorNote.objects.exists()
    html = client.get(article.url).content.decode()
    assert "[deleted]" in html and reply.text in html and "Mine</p>" not in html
    assert json.loads(run("export", "--email", "vera@example.org"))["comments"] == []


def test_purge_ips_forgets_networks_after_the_retention_period(article):
    old = CommentFactory(article=article)
    new = CommentFactory(article=article)
    Comment.objects.update(ip_prefix="203.0.113.0", user_agent="Firefox")
    Comment.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=91))
    assert "1 comment(s)" in run("purge-ips")
    old.refresh_from_db()
    new.refresh_from_db()
    assert (old.ip_prefix, old.user_agent) == (None, "")
    assert new.ip_prefix == "203.0.113.0"
    assert "1 comment(s)" in run("purge-ips", "--days", "0")


def test_ip_addresses_are_stored_truncated():
    from dateline.comments.network import truncate_ip

    assert truncate_ip("203.0.113.57") == "203.0.113.0"
    assert truncate_ip("2001:db8:abcd:12:1:2:3:4") == "2001:db8:abcd::"
    assert truncate_ip("::ffff:198.51.100.7") == "198.51.100.0"
    assert truncate_ip("not an ip") is None


def test_demo_comments_give_the_long_read_a_threaded_discussion(home, comment_settings):
    from dateline.comments.demo import seed_demo_comments
    from tests.news.factories import ArticleFactory

    articles = [ArticleFactory(), ArticleFactory(), ArticleFactory()]
    created = seed_demo_comments(articles)
    long_read = Comment.objects.approved().filter(article=articles[0])
    assert long_read.count() >= 24
    assert long_read.filter(parent__isnull=False).count() >= 8
    assert long_read.filter(depth__gte=5).exists()
    assert all(Comment.objects.filter(article=a).exists() for a in articles[1:])
    assert seed_demo_comments(articles) == 0
    assert Comment.objects.count() == created


def test_the_scheduler_purges_old_ip_networks(article, settings):
    old = CommentFactory(article=article)
    Comment.objects.update(ip_prefix="203.0.113.0", created_at=timezone.now() - timedelta(days=100))
    job, interval = next(
        (job, interval)
        for job, interval in settings.DATELINE_PERIODIC_COMMANDS
        if job.startswith("comments ")
    )
    assert interval <= 86_400
    call_command(*job.split(), verbosity=0)  # as `dateline scheduler` runs it
    old.refresh_from_db()
    assert old.ip_prefix is None
