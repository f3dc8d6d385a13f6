"""The posting path stays cheap, still respects restrictions, and receipts go out in batches."""

import pytest
from django.core import mail
from django.test import TestCase
from django_tasks import default_task_backend
from wagtail.models import PageViewRestriction

from dateline.comments import services
from dateline.comments.models import Comment
from tests.comments.conftest import old_token, post_comment

pytestmark = pytest.mark.django_db

DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def test_a_post_costs_a_handful_of_queries(client, article, django_assert_num_queries):
    post_comment(client, article, email="warm@example.org", text="Warming the caches.")
    # article, restriction, settings, writer's history, bans, word lists, the rate-limit
    # counters (one statement for both), two inserts, the article's comment counter, and
    # the test transaction's savepoint around them.
    with django_assert_num_queries(12):
        response = post_comment(client, article, email="new@example.org", REMOTE_ADDR="10.1.1.1")
    assert response.status_code == 303


def test_a_restriction_added_after_posting_started_is_respected(client, article):
    assert post_comment(client, article).status_code == 303
    PageViewRestriction.objects.create(
        page=article.get_parent(), restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    response = post_comment(client, article, email="late@example.org", text="After the paywall.")
    assert response.status_code == 404
    assert client.get(f"/comments/thread/{article.pk}/").status_code == 404
    assert Comment.objects.count() == 1


def test_a_resubmitted_form_returns_the_stored_comment_without_a_second_receipt(client, article):
    token = old_token(article)
    with TestCase.captureOnCommitCallbacks(execute=True):
        first = post_comment(client, article, token=token)
        again = post_comment(client, article, token=token)
    assert first.status_code == again.status_code == 303
    assert first["Location"] == again["Location"]
    assert Comment.objects.count() == 1
    assert [message.to for message in mail.outbox] == [["ana@example.org"]]


def test_receipts_are_one_deferred_task_for_many_comments_and_reach_each_writer_once(
    client, article, settings
):
    settings.TASKS = DUMMY_TASKS
    with TestCase.captureOnCommitCallbacks(execute=True):
        for number in range(5):
            response = post_comment(
                client, article, email=f"writer{number}@example.org", text=f"Comment {number}.",
                REMOTE_ADDR=f"10.0.{number}.1",
            )  # fmt: skip
            assert response.status_code == 303
    queued = [result.task.name for result in default_task_backend.results]
    assert queued == ["send_comment_receipts"]
    assert default_task_backend.results[0].task.run_after is not None
    assert mail.outbox == []

    assert services.comment_receipts_send() == 5
    assert sorted(message.to[0] for message in mail.outbox) == [
        f"writer{number}@example.org" for number in range(5)
    ]
    assert all("/comments/delete/" in message.body for message in mail.outbox)
    assert services.comment_receipts_send() == 0
    assert len(mail.outbox) == 5


def test_a_receipt_the_mail_server_refused_goes_with_the_next_batch(client, article, settings):
    settings.TASKS = DUMMY_TASKS
    with TestCase.captureOnCommitCallbacks(execute=True):
        post_comment(client, article)
    settings.EMAIL_BACKEND = "tests.comments.test_views.BrokenBackend"
    assert services.comment_receipts_send() == 0
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert services.comment_receipts_send() == 1
    assert [message.to for message in mail.outbox] == [["ana@example.org"]]


def test_imported_comments_owe_no_receipt(article):
    services.comment_import(article=article, author_name="Old", email="old@example.org", text="Hi")
    assert services.comment_receipts_send() == 0


def test_a_text_the_database_cannot_hold_is_refused_before_any_query_uses_it(article):
    # The form refuses NUL already; the service is also called by other code.
    with pytest.raises(services.CommentRefused) as refusal:
        services.comment_submit(
            article=article, author_name="Ana", email="ana@example.org",
            text="Null \x00 byte in the middle.", meta=services.RequestMeta(ip="10.0.0.1"),
            form_token=old_token(article),
        )  # fmt: skip
    assert refusal.value.phase == "length"
    assert Comment.objects.count() == 0
