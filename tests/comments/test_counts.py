"""The article's comment counter: kept by every comment service, reconciled by a command."""

import pytest
from django.core.management import call_command

from dateline.comments import services
from dateline.comments.models import Comment
from dateline.news.models import ArticlePage
from tests.comments.factories import CommentFactory

pytestmark = pytest.mark.django_db


def counter(article) -> int:
    return ArticlePage.objects.values_list("comment_count", flat=True).get(pk=article.pk)


def test_approving_rejecting_and_importing_keep_the_counter(
    article, django_capture_on_commit_callbacks
):
    first = CommentFactory(article=article)
    pending = CommentFactory(article=article, status=Comment.Status.PENDING)
    assert counter(article) == 1
    services.comment_approve(comment=pending)
    assert counter(article) == 2
    services.comment_reject(comment=first)
    assert counter(article) == 1
    services.comment_mark_spam(comment=pending)
    assert counter(article) == 0


def test_a_deleted_comment_stays_counted_as_its_thread_still_shows_it(article):
    comment = CommentFactory(article=article)
    services.comment_delete(comment=comment)
    assert counter(article) == 1


def test_publishing_an_old_revision_keeps_todays_count(article):
    old_revision = article.latest_revision
    CommentFactory(article=article)
    CommentFactory(article=article)
    old_revision.publish()
    assert counter(article) == 2


def test_the_recount_command_repairs_counters_written_around_the_services(article, capsys):
    CommentFactory(article=article)
    ArticlePage.objects.filter(pk=article.pk).update(comment_count=7)
    Comment.objects.create(
        article=article, author_name="Raw", author_email="raw@example.org", text="Raw row.",
        html="<p>Raw row.</p>", status=Comment.Status.APPROVED,
    )  # fmt: skip
    call_command("comments", "recount")
    assert counter(article) == 2
    assert "Corrected the comment count of 1 article(s)." in capsys.readouterr().out
    call_command("comments", "recount")
    assert "of 0 article(s)" in capsys.readouterr().out


def test_listing_cards_show_the_counter(client, article):
    CommentFactory(article=article)
    CommentFactory(article=article)
    assert "2 comments" in client.get("/world/").content.decode()
