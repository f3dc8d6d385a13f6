"""What a reader sees and does in the comments region, through the real form."""

import re
import time

import pytest
from django.core import mail
from django.test import TestCase

from dateline.comments import tokens
from dateline.comments.models import Comment, CommentSettings
from tests.comments.conftest import form_fields, old_token, post_comment
from tests.comments.factories import CommentFactory
from tests.edge.front import normalise

pytestmark = pytest.mark.django_db


def page(client, article, query="") -> str:
    response = client.get(article.url + query)
    assert response.status_code == 200
    return response.content.decode()


def test_no_comments_invites_the_first_one(client, article):
    html = page(client, article)
    assert '<p class="comments-link"><a href="#comments">Click to comment</a></p>' in html
    assert '<h2 id="reply-title" class="comment-reply-title">Leave a Reply' in html
    assert "Your email address will not be published." in html
    assert 'Required fields are marked <span class="required">*</span>' in html
    for label in ("Comment", "Name", "Email"):
        assert re.search(
            rf'<label for="\w+">{label} <span class="required">\*</span></label>', html
        )
    assert '<label for="url">Website</label>' in html


def test_article_and_teasers_show_the_count_of_approved_comments(client, article):
    CommentFactory.create_batch(2, article=article)
    CommentFactory(article=article, status=Comment.Status.PENDING)
    html = page(client, article)
    assert '<a href="#comments">2 comments</a>' in html
    assert '<h2 id="comments-heading">2 comments</h2>' in html
    section = client.get("/world/").content.decode()
    assert f'<a class="card-comments" href="{article.url}#comments">2 comments</a>' in section


def test_json_ld_comment_count_matches_the_approved_comments(client, article):
    CommentFactory.create_batch(3, article=article)
    assert '"commentCount":3' in page(client, article)


def test_posting_through_the_real_form_publishes_at_once(client, article, comment_settings):
    fields = form_fields(page(client, article))
    data = {
        "text": "The talks matter.\n\nSecond paragraph with https://example.org/report",
        "name": "Ana Ribeiro",
        "email": "ana@example.org",
        "url": "https://ana.example",
        "token": tokens.form_token(article_id=article.pk, issued_at=time.time() - 30),
        "parent": fields["parent"],
    }
    assert fields["token"]  # the page carries its own token
    response = client.post(fields["action"], data, HTTP_ORIGIN="http://testserver")
    comment = Comment.objects.get()
    assert response.status_code == 303
    assert response["Location"] == f"{article.url}#comment-{comment.pk}"
    html = page(client, article)
    assert f'id="comment-{comment.pk}"' in html
    assert "<p>The talks matter.</p>" in html
    assert 'href="https://example.org/report" rel="nofollow ugc noopener"' in html
    assert 'href="https://ana.example" rel="external nofollow ugc noopener">Ana Ribeiro</a>' in html


def test_the_page_token_works_once_it_is_old_enough(client, article, monkeypatch):
    from datetime import timedelta

    from django.utils import timezone

    fields = form_fields(page(client, article))
    real_now = timezone.now
    monkeypatch.setattr(timezone, "now", lambda: real_now() + timedelta(seconds=10))
    response = post_comment(client, article, token=fields["token"])
    assert response.status_code == 303


def test_held_comment_tells_the_writer_it_awaits_moderation(client, article, comment_settings):
    comment_settings.first_time_hold = 1
    comment_settings.save()
    response = post_comment(client, article)
    assert response.status_code == 303
    assert response["Location"].endswith("#comment-awaiting-moderation")
    html = page(client, article)
    assert 'id="comment-awaiting-moderation"' in html
    assert "Your comment is awaiting moderation" in html
    assert "A thoughtful comment" not in html


def test_errors_are_shown_next_to_the_field_with_the_input_kept(client, article):
    response = post_comment(client, article, email="not-an-email", text="Keep this text")
    assert response.status_code == 400
    html = response.content.decode()
    assert (
        '<span class="field-error" id="email-error">Please enter a valid email address.</span>'
        in html
    )
    assert 'aria-invalid="true"' in html
    assert ">Keep this text</textarea>" in html
    assert 'value="Ana Ribeiro"' in html
    assert Comment.objects.count() == 0


def test_a_too_fast_submit_is_refused_with_a_fresh_token(client, article):
    response = post_comment(client, article, token=old_token(article, 0))
    assert response.status_code == 400
    html = response.content.decode()
    assert "quicker than anyone can write" in html
    assert Comment.objects.count() == 0


def test_rate_limit_answers_429_with_retry_after(client, article, comment_settings):
    comment_settings.rate_limit_count = 1
    comment_settings.save()
    assert post_comment(client, article).status_code == 303
    response = post_comment(client, article, text="And again", token=old_token(article, 40))
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= comment_settings.rate_limit_window


def test_double_submit_of_the_same_form_stores_one_comment(client, article):
    data_token = old_token(article)
    first = post_comment(client, article, token=data_token)
    second = post_comment(client, article, token=data_token)
    assert first.status_code == second.status_code == 303
    assert first["Location"] == second["Location"]
    assert Comment.objects.count() == 1


def test_posting_from_another_site_is_refused(client, article):
    assert post_comment(client, article, origin="https://evil.example").status_code == 403
    assert post_comment(client, article, origin=None).status_code == 403
    assert Comment.objects.count() == 0


def test_closed_story_shows_no_form_and_refuses_posts(client, article):
    article.comments_mode = "closed"
    article.save_revision().publish()
    html = page(client, article)
    assert "Leave a Reply" not in html
    assert "Comments are closed on this story." in html
    assert post_comment(client, article).status_code == 403


def test_reply_link_opens_the_form_for_that_reply(client, article):
    parent = CommentFactory(article=article, author_name="Tom Okafor")
    html = page(client, article)
    assert f'href="/comments/reply/{parent.pk}/" data-reply-to="{parent.pk}"' in html
    reply_page = client.get(f"/comments/reply/{parent.pk}/").content.decode()
    assert "Reply to Tom Okafor" in reply_page
    assert form_fields(reply_page)["parent"] == str(parent.pk)
    response = post_comment(client, article, parent=str(parent.pk), text="I disagree, politely.")
    reply = Comment.objects.get(parent=parent)
    assert response["Location"].endswith(f"#comment-{reply.pk}")
    html = page(client, article)
    nested = re.search(
        rf'id="comment-{parent.pk}".*?<ol class="children">\s*<li id="comment-{reply.pk}"',
        html,
        re.S,
    )
    assert nested


def test_signed_in_users_get_name_and_email_filled_in(client, article, django_user_model):
    user = django_user_model.objects.create_user(
        "ana", "ana@example.org", "pw", first_name="Ana", last_name="Ribeiro"
    )
    client.force_login(user)
    parent = CommentFactory(article=article)
    assert client.get("/comments/me/").json() == {"name": "Ana Ribeiro", "email": "ana@example.org"}
    assert "private" in client.get("/comments/me/")["Cache-Control"]
    reply_page = client.get(f"/comments/reply/{parent.pk}/").content.decode()
    assert 'value="ana@example.org"' in reply_page
    # The article page itself is the same for everyone: nothing personal in it.
    assert "ana@example.org" not in page(client, article)


def test_threads_nest_five_levels_then_show_flat_with_in_reply_to(client, article):
    parent = None
    chain = []
    for level in range(7):
        parent = CommentFactory(article=article, parent=parent, author_name=f"Level {level + 1}")
        chain.append(parent)
    html = page(client, article)
    for level in range(1, 6):
        assert f'class="comment comment--level-{level}"' in html
    assert "comment--level-6" in html  # the flat replies sit inside level 5
    assert "comment--level-7" not in html
    assert f'in reply to <a href="#comment-{chain[4].pk}">Level 5</a>' in html
    assert f'in reply to <a href="#comment-{chain[5].pk}">Level 6</a>' in html
    assert f'in reply to <a href="#comment-{chain[3].pk}">' not in html  # level 5 is nested


def test_sorting_oldest_and_newest(client, article):
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    CommentFactory(article=article, text="Earlier words", created_at=now - timedelta(hours=2))
    CommentFactory(article=article, text="Later words", created_at=now - timedelta(hours=1))
    oldest = page(client, article)
    newest = page(client, article, "?comments=newest")
    assert oldest.index("Earlier words") < oldest.index("Later words")
    assert newest.index("Later words") < newest.index("Earlier words")
    assert page(client, article, "?comments=nonsense&cpage=x")  # junk is ignored, not an error


def test_load_more_pages_threads_with_and_without_javascript(client, article):
    from dateline.comments.selectors import THREADS_PER_PAGE

    for n in range(THREADS_PER_PAGE + 3):
        CommentFactory(article=article, text=f"Thread number {n:02d}.")
    html = page(client, article)
    assert "Thread number 00." in html and f"Thread number {THREADS_PER_PAGE:02d}." not in html
    more = re.search(r'<a href="([^"]+)" data-load-more="([^"]+)">Load more comments</a>', html)
    no_js = page(client, article, more[1].replace("&amp;", "&").split("#")[0])
    assert f"Thread number {THREADS_PER_PAGE:02d}." in no_js and "Thread number 00." not in no_js
    assert "Back to the first comments" in no_js
    fragment = client.get(more[2].replace("&amp;", "&"))
    assert fragment.status_code == 200
    assert "<html" not in fragment.content.decode()
    assert f"Thread number {THREADS_PER_PAGE + 2:02d}." in fragment.content.decode()
    assert 'class="comment-reply-link"' in fragment.content.decode()
    assert client.get(f"/comments/article/{article.pk}/?page=9").status_code == 404


def test_report_moves_a_comment_to_the_reported_queue_past_the_threshold(
    client, article, comment_settings
):
    comment_settings.report_threshold = 2
    comment_settings.save()
    comment = CommentFactory(article=article)
    url = f"/comments/report/{comment.pk}/"
    assert (
        client.post(url, HTTP_ORIGIN="http://testserver", REMOTE_ADDR="192.0.2.1").status_code
        == 200
    )
    client.post(url, HTTP_ORIGIN="http://testserver", REMOTE_ADDR="192.0.2.9")  # same /24: once
    comment.refresh_from_db()
    assert (comment.report_count, comment.needs_review) == (1, False)
    client.post(url, HTTP_ORIGIN="http://testserver", REMOTE_ADDR="198.51.100.1")
    comment.refresh_from_db()
    assert (comment.report_count, comment.needs_review) == (2, True)
    assert Comment.objects.reported().get() == comment


def test_every_comment_has_a_report_button(client, article):
    comment = CommentFactory(article=article)
    assert f'action="/comments/report/{comment.pk}/"' in page(client, article)


def test_writer_gets_a_signed_delete_link_and_replies_stay_readable(client, article):
    with TestCase.captureOnCommitCallbacks(execute=True):
        post_comment(client, article, text="I regret this.")
    comment = Comment.objects.get()
    reply = CommentFactory(article=article, parent=comment, text="A reply that stays.")
    receipt = mail.outbox[-1]
    assert receipt.to == ["ana@example.org"]
    delete_url = re.search(r"http://\S+/comments/delete/\S+/", receipt.body)[0]
    path = delete_url.split("localhost", 1)[-1].split("testserver", 1)[-1]
    path = path[path.index("/comments/") :]
    assert "Delete your comment?" in client.get(path).content.decode()
    assert Comment.objects.get(pk=comment.pk).text == "I regret this."  # GET changes nothing
    assert client.post(path).status_code == 200
    html = page(client, article)
    assert "I regret this." not in html
    assert "[deleted]" in html and "A reply that stays." in html
    assert reply.pk in Comment.objects.approved().values_list("pk", flat=True)
    assert client.post(path).status_code == 410
    assert client.post("/comments/delete/forged-token/").status_code == 400


def test_reply_notification_is_opt_in_with_one_click_unsubscribe(client, article):
    with TestCase.captureOnCommitCallbacks(execute=True):
        post_comment(client, article, notify_replies="on", email="ana@example.org")
    parent = Comment.objects.get()
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        post_comment(client, article, parent=str(parent.pk), name="Tom", email="tom@example.org",
                     text="Replying to Ana.", token=old_token(article, 50))  # fmt: skip
    notification = next(m for m in mail.outbox if m.to == ["ana@example.org"])
    assert "Tom replied to your comment" in notification.subject
    assert "tom@example.org" not in notification.body
    unsubscribe = notification.extra_headers["List-Unsubscribe"].strip("<>")
    path = unsubscribe[unsubscribe.index("/comments/") :]
    assert client.get(path).status_code == 200
    assert not Comment.objects.get(pk=parent.pk).notify_replies
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        post_comment(client, article, parent=str(parent.pk), name="Tom", email="tom@example.org",
                     text="Another reply.", token=old_token(article, 45))  # fmt: skip
    assert [m for m in mail.outbox if m.to == ["ana@example.org"]] == []


def test_no_reply_email_without_opt_in(client, article):
    parent = CommentFactory(article=article, email="quiet@example.org")
    with TestCase.captureOnCommitCallbacks(execute=True):
        post_comment(client, article, parent=str(parent.pk))
    assert all(m.to != ["quiet@example.org"] for m in mail.outbox)


def test_a_failing_mail_server_does_not_break_posting(client, article, settings):
    settings.EMAIL_BACKEND = "tests.comments.test_views.BrokenBackend"
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = post_comment(client, article)
    assert response.status_code == 303
    assert Comment.objects.count() == 1


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP is down")


def test_article_html_is_the_same_for_every_anonymous_reader(client, article):
    CommentFactory(article=article)
    first = page(client, article)
    time.sleep(1.1)
    second = page(client, article)
    # Masked: what moves with the clock, not with the reader (the form's signed token,
    # the live poll address's ten-second window).
    assert normalise(first.encode()) == normalise(second.encode())
    assert "csrfmiddlewaretoken" not in first
    assert "csrftoken" not in client.get(article.url).cookies


def test_comment_settings_are_per_site(home):
    from wagtail.models import Site

    settings = CommentSettings.for_site(Site.objects.get(is_default_site=True))
    assert (settings.mode, settings.close_after_days) == ("open", 14)


def test_a_trusted_origin_from_settings_may_post(client, article, settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://www.courier.example"]
    assert post_comment(client, article, origin="https://www.courier.example").status_code == 303
    assert post_comment(client, article, origin="https://courier.example").status_code == 403


def test_an_unsaved_article_preview_has_no_comments_region(rf, article):
    from django.template.loader import render_to_string

    from dateline.news.models import ArticlePage

    draft = ArticlePage(title="Draft", standfirst="Soon.")
    assert render_to_string("comments/region.html", {"page": draft, "request": rf.get("/")}) == "\n"
