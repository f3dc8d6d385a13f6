"""The moderation desk in the Wagtail admin."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.test import TestCase

from dateline.comments import services
from dateline.comments.models import Ban, Comment, ModerationDecision, ModerationWord, ModeratorNote
from tests.comments.conftest import post_comment
from tests.comments.factories import CommentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user("mod", "mod@newsroom.example", "pw")
    user.groups.add(Group.objects.get(name="Comment moderators"))
    return user


@pytest.fixture
def desk(client, moderator):
    client.force_login(moderator)
    return client


def test_moderators_group_has_what_the_desk_needs():
    group = Group.objects.get(name="Comment moderators")
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {
        "access_admin", "moderate_comment", "add_moderationword", "add_ban",
        "change_commentsettings",
    } <= codenames  # fmt: skip


def test_desk_is_for_moderators_only(client, django_user_model):
    assert client.get("/admin/comments/").status_code == 302
    editor = django_user_model.objects.create_user("ed", "ed@x.example", "pw")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.get("/admin/comments/")
    assert (response.status_code, response["Location"]) == (302, "/admin/")  # Wagtail's refusal


def test_queues_list_their_comments(desk, article):
    pending = CommentFactory(article=article, status=Comment.Status.PENDING, text="Waiting text")
    CommentFactory(article=article, status=Comment.Status.SPAM, text="Buy pills")
    html = desk.get("/admin/comments/").content.decode()
    assert "Waiting text" in html and "Buy pills" not in html
    assert "Pending (1)" in html and "Spam (1)" in html and "Reported (0)" in html
    assert "Buy pills" in desk.get("/admin/comments/?queue=spam").content.decode()
    assert pending.author_email in html  # moderators see the address


def test_bulk_approve_reject_and_spam_are_recorded_with_who(desk, moderator, article):
    comments = CommentFactory.create_batch(3, article=article, status=Comment.Status.PENDING)
    response = desk.post(
        "/admin/comments/?queue=pending",
        {"action": "approve", "comment": [comments[0].pk, comments[1].pk]},
    )
    assert response.status_code == 302
    desk.post("/admin/comments/", {"action": "spam", "comment": [comments[2].pk]})
    statuses = dict(Comment.objects.values_list("pk", "status"))
    assert [statuses[c.pk] for c in comments] == ["approved", "approved", "spam"]
    latest = ModerationDecision.objects.filter(comment=comments[0]).first()
    assert (latest.action, latest.actor, latest.phase) == ("approve", moderator, "moderator")


def test_search_by_text_name_email_and_ip(desk, article):
    CommentFactory(article=article, author_name="Zed Quill", email="zed@example.org", text="Tidal")
    other = CommentFactory(article=article, author_name="Other Person", text="Nothing")
    Comment.objects.filter(pk=other.pk).update(ip_prefix="198.51.100.0")
    for query in ("tidal", "Quill", "zed@example"):
        html = desk.get("/admin/comments/", {"q": query, "queue": "approved"}).content.decode()
        assert "Zed Quill" in html and "Other Person" not in html
    html = desk.get("/admin/comments/", {"q": "198.51.100.77"}).content.decode()
    assert "Other Person" in html and "Zed Quill" not in html


def test_commenter_history_notes_and_email_ban(desk, moderator, article):
    CommentFactory.create_batch(2, article=article, email="vera@example.org")
    CommentFactory(article=article, email="vera@example.org", status=Comment.Status.REJECTED)
    url = "/admin/comments/commenter/?email=vera@example.org"
    html = desk.get(url).content.decode()
    assert "3 comments: 2 approved, 0 pending, 1 rejected, 0 spam." in html
    desk.post(url, {"email": "vera@example.org", "text": "Argues in good faith."})
    assert ModeratorNote.objects.get().author == moderator
    assert "Argues in good faith." in desk.get(url).content.decode()
    desk.post("/admin/comments/ban/", {"kind": "email", "value": "vera@example.org", "next": url})
    assert Ban.objects.filter(kind="email", value="vera@example.org").exists()
    assert "This email address is banned." in desk.get(url).content.decode()


def test_ban_an_ip_range_refuses_its_posts(client, desk, article):
    desk.post("/admin/comments/ban/", {"kind": "ip", "value": "203.0.113.0/24"})
    desk.logout()
    response = post_comment(client, article, REMOTE_ADDR="203.0.113.80")
    assert response.status_code == 403
    assert Comment.objects.count() == 0
    desk.force_login(_moderator())
    assert (
        desk.post("/admin/comments/ban/", {"kind": "ip", "value": "not-a-range"}).status_code == 302
    )
    assert Ban.objects.count() == 1


def _moderator():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="mod")


def test_comment_detail_edits_text_and_shows_its_audit_log(desk, article):
    comment = CommentFactory(article=article, text="Original words")
    url = f"/admin/comments/{comment.pk}/"
    assert desk.post(url, {"action": "edit", "text": "Edited by the desk"}).status_code == 302
    comment.refresh_from_db()
    assert comment.text == "Edited by the desk" and comment.edited_at
    html = desk.get(url).content.decode()
    assert "Edited" in html and "Imported." in html


def test_audit_log_lists_every_decision(desk, article):
    comment = CommentFactory(article=article, status=Comment.Status.PENDING)
    services.comment_reject(comment=comment, moderator=_moderator(), reason="Off topic")
    html = desk.get("/admin/comments/audit/").content.decode()
    assert "Off topic" in html and "Rejected" in html and "mod" in html


def test_word_lists_and_bans_are_edited_in_the_admin(desk):
    assert desk.get("/admin/comment_words/").status_code == 200
    response = desk.post("/admin/comment_words/new/", {"word": "Swindler", "kind": "banned"})
    assert response.status_code == 302
    assert ModerationWord.objects.get().word == "swindler"
    assert desk.get("/admin/comment_bans/").status_code == 200


def test_dashboard_shows_waiting_comments(desk, article):
    CommentFactory.create_batch(2, article=article, status=Comment.Status.PENDING)
    html = desk.get("/admin/").content.decode()
    assert "Comments waiting" in html and "2 pending comments" in html


def test_moderators_get_one_batched_email_for_many_waiting_comments(
    client, moderator, article, comment_settings
):
    comment_settings.first_time_hold = 5
    comment_settings.save()
    mail.outbox.clear()
    for n in range(3):
        with TestCase.captureOnCommitCallbacks(execute=True):
            post_comment(client, article, email=f"new{n}@example.org", text=f"First try {n}",
                         REMOTE_ADDR=f"192.0.{n}.1")  # fmt: skip
    digests = [m for m in mail.outbox if m.to == ["mod@newsroom.example"]]
    assert len(digests) == 1  # the next digest waits for its delay, then lists the rest
    assert "waiting for moderation" in digests[0].subject
    services.moderator_digest_send()
    assert Comment.objects.filter(moderators_notified=False).count() == 0
    assert len([m for m in mail.outbox if m.to == ["mod@newsroom.example"]]) == 2
