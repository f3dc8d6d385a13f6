"""Every moderation action says who took it, in the desk's audit log."""

import re

import pytest
from django.contrib.auth.models import Group
from wagtail.models import ModelLogEntry

from dateline.comments import services
from dateline.comments.models import Ban, Comment, ModerationWord
from tests.comments.factories import CommentFactory

pytestmark = pytest.mark.django_db

NAME = "Maya Okafor"


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user(
        "maya", "maya@newsroom.example", "pw", first_name="Maya", last_name="Okafor"
    )
    user.groups.add(Group.objects.get(name="Comment moderators"))
    return user


@pytest.fixture
def desk(client, moderator):
    client.force_login(moderator)
    return client


def audit_rows(desk) -> list[str]:
    """The audit page's table rows as plain text, one string each."""
    html = desk.get("/admin/comments/audit/").content.decode()
    rows = re.findall(r"<tr>(.*?)</tr>", html, re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", row).split()) for row in rows]


def recorded(desk, *words: str) -> bool:
    return any(NAME in row and all(word in row for word in words) for row in audit_rows(desk))


@pytest.fixture
def waiting(article):
    return CommentFactory(article=article, status=Comment.Status.PENDING, text="Waiting words")


@pytest.mark.parametrize(
    ("action", "shown"), [("approve", "Approved"), ("reject", "Rejected"), ("spam", "spam")]
)
def test_a_decision_on_the_comment_page(desk, waiting, action, shown):
    desk.post(f"/admin/comments/{waiting.pk}/", {"action": action, "reason": "Checked"})
    assert recorded(desk, shown, "Checked", "Waiting words")


def test_a_bulk_action_in_the_queue(desk, article):
    comments = CommentFactory.create_batch(2, article=article, status=Comment.Status.PENDING)
    desk.post("/admin/comments/", {"action": "approve", "comment": [c.pk for c in comments]})
    rows = [row for row in audit_rows(desk) if "Approved" in row and NAME in row]
    assert len(rows) == 2


def test_an_edit(desk, waiting):
    desk.post(f"/admin/comments/{waiting.pk}/", {"action": "edit", "text": "Toned down words"})
    assert recorded(desk, "Edited", "Toned down words")


def test_a_ban_from_the_desk_and_the_same_ban_again(desk):
    desk.post("/admin/comments/ban/", {"kind": "email", "value": "troll@example.org"})
    assert recorded(desk, "Create", "ban", "troll@example.org")
    desk.post(
        "/admin/comments/ban/",
        {"kind": "email", "value": "troll@example.org", "reason": "Repeat offender"},
    )
    assert recorded(desk, "Edit", "ban", "troll@example.org")
    assert Ban.objects.get().reason == "Repeat offender"


def test_bans_added_and_removed_on_the_bans_screen(desk):
    desk.post("/admin/comment_bans/new/", {"kind": "ip", "value": "203.0.113.0/24"})
    ban = Ban.objects.get()
    assert recorded(desk, "Create", "ban", "203.0.113.0/24")
    desk.post(f"/admin/comment_bans/delete/{ban.pk}/")
    assert not Ban.objects.exists()
    assert recorded(desk, "Delete", "ban", "203.0.113.0/24")


def test_words_added_and_removed_on_the_word_lists_screen(desk):
    desk.post("/admin/comment_words/new/", {"word": "swindler", "kind": "banned"})
    word = ModerationWord.objects.get()
    assert recorded(desk, "Create", "swindler")
    desk.post(f"/admin/comment_words/delete/{word.pk}/")
    assert recorded(desk, "Delete", "swindler")


def test_a_note_about_a_commenter(desk, article):
    CommentFactory(article=article, email="vera@example.org")
    desk.post(
        "/admin/comments/commenter/?email=vera@example.org",
        {"email": "vera@example.org", "text": "Argues in good faith."},
    )
    assert recorded(desk, "Create", "note", "Argues in good faith.")


def test_ban_create_records_the_moderator_it_is_given(moderator):
    ban = services.ban_create(kind="ip", value="198.51.100.7", moderator=moderator)
    entry = ModelLogEntry.objects.get(object_id=str(ban.pk), action="wagtail.create")
    assert entry.user == moderator
