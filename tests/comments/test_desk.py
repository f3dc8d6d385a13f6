"""The desk for a working day: why each comment waits, one click per row with an undo,
the next comment after a decision, and a network ban that says whom it shuts out."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from dateline.comments import admin_views
from dateline.comments.models import Ban, Comment, ModerationDecision, ModerationWord
from tests.comments.conftest import post_comment
from tests.comments.factories import CommentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user(
        "mona", "mona@newsroom.example", "pw", first_name="Mona", last_name="Field"
    )
    user.groups.add(Group.objects.get(name="Comment moderators"))
    return user


@pytest.fixture
def desk(client, moderator):
    client.force_login(moderator)
    return client


@pytest.fixture
def held(article):
    """A comment the pipeline held for a word on the suspect list."""
    ModerationWord.objects.create(word="sponsor*", kind=ModerationWord.Kind.SUSPECT)
    reader = Client()  # not the desk's signed-in moderator, whose comments skip the checks
    post_comment(reader, article, email="new@example.org", text="Who sponsored this report?")
    return Comment.objects.get(text="Who sponsored this report?")


def test_queue_says_why_each_comment_waits_in_words(desk, held):
    assert held.status == Comment.Status.PENDING
    html = desk.get("/admin/comments/").content.decode()
    assert "Why it waits:</b> Word list: Suspect word &quot;sponsored&quot;." in html


def test_queue_has_a_select_all_box_and_buttons_on_every_row(desk, article):
    comments = CommentFactory.create_batch(2, article=article, status=Comment.Status.PENDING)
    html = desk.get("/admin/comments/").content.decode()
    assert 'id="select-all" data-select-all' in html
    for comment in comments:
        for action in ("approve", "reject", "spam"):
            assert f'name="row" value="{action}:{comment.pk}"' in html


def test_one_click_approves_a_row_and_undo_puts_it_back(desk, moderator, article):
    comment, other = CommentFactory.create_batch(2, article=article, status="pending")
    response = desk.post("/admin/comments/?queue=pending", {"row": f"approve:{comment.pk}"})
    assert response.status_code == 302
    comment.refresh_from_db()
    other.refresh_from_db()
    assert (comment.status, other.status) == ("approved", "pending")
    html = desk.get(response["Location"]).content.decode()
    assert "Approved: 1 comment." in html
    token = html.split('name="undo" value="')[1].split('"')[0]
    desk.post("/admin/comments/", {"undo": token})
    comment.refresh_from_db()
    assert comment.status == "pending"
    latest = ModerationDecision.objects.filter(comment=comment).first()
    assert (latest.reason, latest.actor) == ("Undo", moderator)
    assert 'name="undo"' not in desk.get("/admin/comments/").content.decode()  # offered once


def test_undo_of_a_reported_comment_puts_it_back_in_the_reported_queue(desk, article):
    comment = CommentFactory(article=article)
    Comment.objects.filter(pk=comment.pk).update(needs_review=True, report_count=3)
    response = desk.post("/admin/comments/?queue=reported", {"row": f"reject:{comment.pk}"})
    html = desk.get(response["Location"]).content.decode()
    token = html.split('name="undo" value="')[1].split('"')[0]
    desk.post("/admin/comments/", {"undo": token})
    comment.refresh_from_db()
    assert (comment.status, comment.needs_review) == ("approved", True)


def test_undo_is_refused_after_its_few_seconds(desk, article, monkeypatch):
    comment = CommentFactory(article=article, status="pending")
    response = desk.post("/admin/comments/", {"row": f"spam:{comment.pk}"})
    token = desk.get(response["Location"]).content.decode().split('name="undo" value="')[1]
    monkeypatch.setattr(admin_views, "UNDO_SECONDS", -1)
    response = desk.post("/admin/comments/", {"undo": token.split('"')[0]}, follow=True)
    assert "Too late to undo" in response.content.decode()
    comment.refresh_from_db()
    assert comment.status == "spam"
    assert desk.post("/admin/comments/", {"undo": "forged"}).status_code == 302
    comment.refresh_from_db()
    assert comment.status == "spam"


def test_acting_on_a_comments_page_offers_the_next_in_queue(desk, article):
    older, newer = CommentFactory.create_batch(2, article=article, status="pending")
    response = desk.post(f"/admin/comments/{newer.pk}/", {"action": "approve", "reason": ""})
    html = desk.get(response["Location"]).content.decode()
    assert f'href="/admin/comments/{older.pk}/"' in html and "Next in queue" in html


def test_reason_box_is_labelled_before_the_buttons(desk, article):
    comment = CommentFactory(article=article, status="pending")
    html = desk.get(f"/admin/comments/{comment.pk}/").content.decode()
    assert html.index('<label for="reason">') < html.index('name="action" value="approve"')


def test_ban_network_asks_first_in_plain_words_and_records_who(desk, moderator, article):
    comment = CommentFactory(article=article, status="pending")
    Comment.objects.filter(pk=comment.pk).update(ip_prefix="203.0.113.0")
    detail = desk.get(f"/admin/comments/{comment.pk}/").content.decode()
    assert "/admin/comments/ban/network/?value=203.0.113.0/24" in detail
    assert not Ban.objects.exists()  # the detail page's link only asks
    html = desk.get("/admin/comments/ban/network/?value=203.0.113.0/24").content.decode()
    assert "the 256 addresses from 203.0.113.0 to 203.0.113.255" in html
    assert "everyone on it will be unable to comment" in html
    desk.post(
        "/admin/comments/ban/", {"kind": "ip", "value": "203.0.113.0/24", "reason": "Spam wave"}
    )
    ban = Ban.objects.get()
    assert (ban.created_by, ban.reason) == (moderator, "Spam wave")
    audit = desk.get("/admin/comments/audit/").content.decode()
    assert "Mona Field" in audit and "203.0.113.0/24" in audit
    assert "mona" in desk.get("/admin/comment_bans/").content.decode()


def test_bans_made_on_the_bans_screen_record_who_made_them(desk, moderator):
    desk.post("/admin/comment_bans/new/", {"kind": "email", "value": "troll@example.org"})
    assert Ban.objects.get().created_by == moderator


def test_ban_network_confirmation_refuses_junk(desk):
    assert desk.get("/admin/comments/ban/network/?value=not-an-ip").status_code == 404


def test_audit_log_names_pipeline_phases_in_words(desk, held):
    html = desk.get("/admin/comments/audit/").content.decode()
    assert '<td data-label="By">Word list</td>' in html


def test_queue_queries_do_not_grow_with_comments(desk, article, django_assert_num_queries):
    CommentFactory.create_batch(2, article=article, status="pending")
    desk.get("/admin/comments/")  # sessions, menus and permissions warmed up
    with CaptureQueriesContext(connection) as few:
        desk.get("/admin/comments/")
    assert len(few) <= 13  # session, user, permissions, menus, counts, the page of comments
    CommentFactory.create_batch(8, article=article, status="pending")
    with django_assert_num_queries(len(few)):
        desk.get("/admin/comments/")


def test_every_pipeline_phase_has_words():
    from dateline.comments.pipeline import PHASE_LABELS, PHASES

    assert {phase.name for phase in PHASES} <= set(PHASE_LABELS)
