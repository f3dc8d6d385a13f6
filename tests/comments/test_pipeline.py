"""Each phase of the moderation pipeline, in the order the issue lists them."""

import time
from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.test import TestCase
from django.utils import timezone

from dateline.comments import pipeline, services, tokens
from dateline.comments.models import Ban, Comment, ModerationDecision, ModerationWord
from dateline.comments.services import CommentRefused, RequestMeta
from tests.comments.conftest import old_token
from tests.comments.factories import CommentFactory

pytestmark = pytest.mark.django_db


def submit(article, **overrides):
    fields = {
        "article": article,
        "author_name": "Ana Ribeiro",
        "email": "ana@example.org",
        "text": "A thoughtful comment about the talks.",
        "meta": RequestMeta(ip="203.0.113.57", user_agent="pytest"),
        "form_token": old_token(article),
    }
    fields.update(overrides)
    return services.comment_submit(**fields)


def decision(comment) -> ModerationDecision:
    return comment.decisions.get()


def refused(article, **overrides) -> CommentRefused:
    before = Comment.objects.count()
    with pytest.raises(CommentRefused) as caught:
        submit(article, **overrides)
    assert Comment.objects.count() == before, "a refused comment must store nothing"
    return caught.value


def test_a_clean_comment_is_approved_and_the_reason_recorded(article):
    comment = submit(article)
    assert comment.status == Comment.Status.APPROVED
    assert (decision(comment).phase, decision(comment).action) == ("pipeline", "approve")
    assert comment.ip_prefix == "203.0.113.0"
    assert comment.author_email == "ana@example.org"


def test_length_limits_refuse_empty_and_too_long_comments(article, comment_settings):
    assert refused(article, text="  ").field == "text"
    comment_settings.max_length = 50
    comment_settings.save()
    error = refused(article, text="x" * 51)
    assert (error.phase, error.field, error.status_code) == ("length", "text", 400)
    assert refused(article, author_name="N" * 81).field == "name"


def test_closed_story_refuses(article):
    article.comments_mode = "closed"
    article.save_revision().publish()
    error = refused(article)
    assert (error.phase, error.status_code) == ("closed", 403)


def test_story_closes_after_the_site_default_of_14_days(article):
    article.first_published_at = timezone.now() - timedelta(days=15)
    assert refused(article).phase == "closed"
    article.comments_close_after_days = 30
    assert submit(article).status == Comment.Status.APPROVED


def test_site_wide_closed_mode_refuses_unless_the_article_overrides_it(article, comment_settings):
    comment_settings.mode = "closed"
    comment_settings.save()
    assert refused(article).phase == "closed"
    article.comments_mode = "open"
    assert submit(article).status == Comment.Status.APPROVED


def test_banned_email_and_ip_range_are_refused(article):
    Ban.objects.create(kind="email", value="ana@example.org")
    assert refused(article).status_code == 403
    Ban.objects.create(kind="ip", value="198.51.100.0/24")
    assert (
        refused(article, email="other@example.org", meta=RequestMeta(ip="198.51.100.9")).phase
        == "closed"
    )
    assert submit(article, email="other@example.org", meta=RequestMeta(ip="192.0.2.1")).pk


def test_expired_ban_no_longer_applies(article):
    Ban.objects.create(
        kind="email", value="ana@example.org", expires_at=timezone.now() - timedelta(1)
    )
    assert submit(article).status == Comment.Status.APPROVED


def test_sanitise_escapes_markup_and_counts_links(article):
    comment = submit(
        article, text="<script>alert(1)</script> see https://example.com/a and www.example.net"
    )
    assert "<script>" not in comment.html
    assert "&lt;script&gt;" in comment.html
    assert comment.link_count == 2
    assert 'rel="nofollow ugc noopener"' in comment.html


def test_duplicate_on_the_same_story_is_refused(article):
    submit(article)
    with pytest.raises(CommentRefused) as caught:
        submit(article, form_token=old_token(article, 30))
    assert (caught.value.phase, caught.value.status_code) == ("duplicate", 409)
    assert Comment.objects.count() == 1


def test_repeat_post_on_another_story_is_held(article):
    from tests.news.factories import ArticleFactory

    submit(article)
    other = ArticleFactory(section=article.section)
    comment = submit(other, form_token=old_token(other))
    assert comment.status == Comment.Status.PENDING
    assert decision(comment).phase == "duplicate"


def test_staff_are_approved_before_the_content_filters(article):
    ModerationWord.objects.create(word="idiot", kind="banned")
    staff = get_user_model().objects.create_user("editor", "ed@example.org", "x", is_staff=True)
    comment = submit(article, user=staff, text="Only an idiot would say that.")
    assert comment.status == Comment.Status.APPROVED
    assert decision(comment).reason == "Written by staff."


def test_trusted_commenters_need_history_and_the_same_network(article, comment_settings):
    comment_settings.trusted_after = 2
    comment_settings.save()
    ModerationWord.objects.create(word="rubbish", kind="suspect")
    for n in range(2):
        CommentFactory(article=article, email="ana@example.org", text=f"Earlier {n}")
    Comment.objects.update(ip_prefix="203.0.113.0")
    trusted = submit(article, text="Rubbish reporting, but I still read it.")
    assert (trusted.status, decision(trusted).phase) == ("approved", "trusted")
    stranger = submit(
        article,
        text="Rubbish again.",
        meta=RequestMeta(ip="192.0.2.1"),
        form_token=old_token(article, 20),
    )
    assert (stranger.status, decision(stranger).phase) == ("pending", "words")


def test_banned_words_reject_and_suspect_words_hold(article):
    ModerationWord.objects.create(word="scam*", kind="banned")
    ModerationWord.objects.create(word="moron", kind="suspect")
    rejected = submit(article, text="What a SCAMMER this minister is.")
    assert rejected.status == Comment.Status.REJECTED
    assert decision(rejected).reason == 'Banned word "SCAMMER".'
    held = submit(article, text="Only a moron believes this.", form_token=old_token(article, 20))
    assert held.status == Comment.Status.PENDING
    assert decision(held).phase == "words"
    fine = submit(article, text="Moronic is not on the list.", form_token=old_token(article, 10))
    assert fine.status == Comment.Status.APPROVED


def test_too_many_links_hold(article, comment_settings):
    comment_settings.max_links = 1
    comment_settings.save()
    comment = submit(article, text="https://a.example and https://b.example")
    assert (comment.status, decision(comment).phase) == ("pending", "links")


def test_rate_limits_per_ip_network_and_per_email(article, comment_settings):
    comment_settings.rate_limit_count = 2
    comment_settings.save()
    for n in range(2):
        submit(
            article,
            text=f"Comment {n}",
            email=f"a{n}@example.org",
            meta=RequestMeta(ip=f"203.0.113.{n}"),
        )
    with pytest.raises(CommentRefused) as caught:
        submit(article, text="Third from the same /24", email="a3@example.org")
    assert caught.value.status_code == 429
    assert 0 < caught.value.retry_after <= comment_settings.rate_limit_window
    for n in range(2):
        submit(
            article, text=f"Mail {n}", email="same@example.org", meta=RequestMeta(ip=f"192.0.{n}.1")
        )
    with pytest.raises(CommentRefused) as caught:
        submit(
            article,
            text="Third from the same email",
            email="same@example.org",
            meta=RequestMeta(ip="198.51.100.1"),
        )
    assert caught.value.phase == "rate"
    assert Comment.objects.count() == 4


def test_honeypot_refuses(article):
    error = refused(article, honeypot="http://spam.example")
    assert (error.phase, error.status_code) == ("form", 400)


@pytest.mark.parametrize(
    "age, accepted", [(1, False), (tokens.FORM_MIN_AGE + 1, True), (tokens.FORM_MAX_AGE + 5, False)]
)
def test_form_timestamp_must_be_neither_too_fresh_nor_too_old(article, age, accepted):
    token = tokens.form_token(article_id=article.pk, issued_at=time.time() - age)
    if accepted:
        assert submit(article, form_token=token).pk
    else:
        assert refused(article, form_token=token).phase == "form"


def test_forged_or_foreign_form_token_is_refused(article):
    from tests.news.factories import ArticleFactory

    other = ArticleFactory(section=article.section)
    assert "another article" in refused(article, form_token=old_token(other)).message
    assert refused(article, form_token=old_token(article) + "x").phase == "form"


def test_first_time_commenters_wait_until_enough_were_approved(article, comment_settings):
    comment_settings.first_time_hold = 2
    comment_settings.save()
    first = submit(article)
    assert (first.status, decision(first).phase) == ("pending", "first_time")
    CommentFactory(article=article, email="ana@example.org")
    CommentFactory(article=article, email="ana@example.org")
    later = submit(article, text="Now I am known here.", form_token=old_token(article, 20))
    assert later.status == Comment.Status.APPROVED


def test_premoderated_story_holds_everything(article):
    article.comments_mode = "premoderated"
    comment = submit(article)
    assert (comment.status, decision(comment).phase) == ("pending", "premoderation")


def test_akismet_runs_in_a_task_when_a_key_is_configured(article, comment_settings):
    comment_settings.akismet_key = "abc123"
    comment_settings.save()
    with mock.patch("dateline.comments.akismet.akismet_says_spam", return_value=True) as check:
        with TestCase.captureOnCommitCallbacks(execute=True):
            comment = submit(article)
    check.assert_called_once()
    comment.refresh_from_db()
    assert comment.status == Comment.Status.SPAM
    assert [d.phase for d in comment.decisions.order_by("at", "pk")] == ["akismet", "akismet"]


def test_akismet_ham_is_approved_and_an_unreachable_akismet_leaves_it_pending(
    article, comment_settings
):
    comment_settings.akismet_key = "abc123"
    comment_settings.save()
    with mock.patch("dateline.comments.akismet.akismet_says_spam", return_value=False):
        with TestCase.captureOnCommitCallbacks(execute=True):
            ham = submit(article)
    ham.refresh_from_db()
    assert ham.status == Comment.Status.APPROVED
    with mock.patch("dateline.comments.akismet.akismet_says_spam", return_value=None):
        with TestCase.captureOnCommitCallbacks(execute=True):
            unsure = submit(article, text="Another one.", form_token=old_token(article, 20))
    unsure.refresh_from_db()
    assert unsure.status == Comment.Status.PENDING


def test_first_decision_wins_but_guards_still_run(article):
    ModerationWord.objects.create(word="idiot", kind="banned")
    staff = get_user_model().objects.create_user("ed", "ed@example.org", "x", is_staff=True)
    with pytest.raises(CommentRefused) as caught:
        submit(article, user=staff, honeypot="filled by a bot")
    assert caught.value.phase == "form"


def test_phases_run_in_the_documented_order():
    assert [phase.name for phase in pipeline.PHASES] == [
        "length", "closed", "reply", "sanitise", "duplicate", "trusted", "words", "links",
        "rate", "form", "first_time", "premoderation", "akismet",
    ]  # fmt: skip


def test_edit_reruns_the_content_phases(article):
    ModerationWord.objects.create(word="crook", kind="suspect")
    comment = submit(article)
    edited = services.comment_edit(comment=comment, text="The minister is a crook.")
    assert edited.status == Comment.Status.PENDING
    assert edited.edited_at is not None
    assert list(edited.decisions.values_list("action", flat=True)[:2]) in (
        ["hold", "edit"], ["edit", "hold"]
    )  # fmt: skip


def test_a_reply_must_target_a_published_comment_on_the_same_story(article):
    from tests.news.factories import ArticleFactory

    elsewhere = CommentFactory(article=ArticleFactory(section=article.section))
    pending = CommentFactory(article=article, status=Comment.Status.PENDING)
    for parent in (elsewhere, pending):
        with pytest.raises(CommentRefused) as caught:
            submit(article, parent=parent)
        assert caught.value.field == "parent"
    assert not Comment.objects.filter(article=article, parent__isnull=False).exists()


def test_replies_record_their_thread_and_depth(article):
    root = CommentFactory(article=article)
    child = submit(article, parent=root)
    grandchild = submit(article, parent=child, text="Deeper.", form_token=old_token(article, 20))
    assert (child.root_id, child.depth) == (root.pk, 1)
    assert (grandchild.root_id, grandchild.depth) == (root.pk, 2)
