"""Comments brought from another system: the one bulk way in, for importers and the demo.

They skip the moderation pipeline (the other system moderated them) but not the rest of
what every comment write does: checked fields, a moderation decision each, one
transaction, and one `comments_changed` after commit when readers see a difference.
"""

from datetime import UTC, datetime

import pytest

from dateline.comments import services
from dateline.comments.models import Comment, ModerationDecision
from dateline.comments.services import ImportedComment, comments_import
from dateline.comments.signals import comments_changed
from tests.news.factories import ArticleFactory

pytestmark = pytest.mark.django_db

WHEN = datetime(2024, 3, 14, 18, 12, tzinfo=UTC)


def row(key, *, parent_key=None, status=Comment.Status.APPROVED, **fields) -> ImportedComment:
    values = {
        "author_name": f"Reader {key}",
        "email": f"Reader{key}@Example.org",
        "text": f"Comment {key} about the harbour.",
        "created_at": WHEN,
        "ip": "203.0.113.57",
    }
    values.update(fields)
    return ImportedComment(key=key, parent_key=parent_key, status=status, **values)


@pytest.fixture
def announced():
    """The article ids `comments_changed` was sent for, in order."""
    sent = []

    def receiver(sender, article_id, **kwargs):
        sent.append(article_id)

    comments_changed.connect(receiver, dispatch_uid="test-import-announced")
    yield sent
    comments_changed.disconnect(dispatch_uid="test-import-announced")


def test_a_thread_is_stored_parents_first_with_a_decision_each_and_announced_once(
    article, announced, django_capture_on_commit_callbacks
):
    # Replies listed before their parents, as exports sometimes do.
    rows = [row(3, parent_key=2), row(2, parent_key=1), row(1), row(4)]
    with django_capture_on_commit_callbacks(execute=True):
        stored = comments_import(article=article, comments=rows, reason="Imported from WordPress.")

    assert stored[3].parent == stored[2] and stored[2].parent == stored[1]
    assert (stored[3].root_id, stored[3].depth) == (stored[1].pk, 2)
    assert stored[4].parent is None
    assert stored[1].author_email == "reader1@example.org"
    assert stored[1].ip_prefix == "203.0.113.0"
    decisions = ModerationDecision.objects.filter(phase="import")
    assert decisions.count() == 4
    assert {decision.reason for decision in decisions} == {"Imported from WordPress."}
    assert announced == [article.pk]


def test_a_reply_whose_parent_is_nowhere_becomes_a_top_level_comment(article):
    stored = comments_import(article=article, comments=[row(7, parent_key=999)])
    assert stored[7].parent is None and stored[7].depth == 0


def test_held_or_spam_comments_alone_change_nothing_readers_see(
    article, announced, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        comments_import(
            article=article,
            comments=[row(1, status=Comment.Status.PENDING), row(2, status=Comment.Status.SPAM)],
        )
    assert announced == []
    assert Comment.objects.count() == 2


def test_given_again_a_stored_comment_is_updated_and_a_new_status_recorded(
    article, announced, django_capture_on_commit_callbacks
):
    first = comments_import(article=article, comments=[row(1, status=Comment.Status.PENDING)])
    with django_capture_on_commit_callbacks(execute=True):
        again = comments_import(
            article=article,
            comments=[row(1, text="Edited on the old site.")],
            stored={1: first[1]},
        )
    comment = Comment.objects.get()
    assert again[1].pk == comment.pk
    assert (comment.text, comment.status) == ("Edited on the old site.", "approved")
    assert list(comment.decisions.values_list("action", flat=True)) == ["approve", "hold"]
    assert announced == [article.pk]


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"status": "deleted"}, "unknown status"),
        ({"created_at": datetime(2024, 3, 14, 18, 12)}, "no time zone"),  # noqa: DTZ001
    ],
)
def test_a_bad_row_stores_nothing_of_the_batch(article, bad, message):
    rows = [row(1), row(2, **bad)]
    with pytest.raises(ValueError, match=message):
        comments_import(article=article, comments=rows)
    assert Comment.objects.count() == 0


def test_a_parent_from_another_story_is_refused(article):
    elsewhere = comments_import(article=ArticleFactory(), comments=[row(1)])
    with pytest.raises(ValueError, match="another story"):
        comments_import(article=article, comments=[row(2, parent_key=1)], stored=elsewhere)
    assert Comment.objects.filter(article=article).count() == 0


def test_unsafe_or_overlong_fields_are_cut_to_what_a_comment_holds(article):
    [comment] = comments_import(
        article=article,
        comments=[row(1, author_name="  ", url="javascript:alert(1)", text="<b>Bold</b> claim")],
    ).values()
    assert comment.author_name == "Anonymous"
    assert comment.author_url == ""
    assert "<b>" not in comment.html


def test_a_thread_of_any_size_costs_a_fixed_number_of_queries(article, django_assert_num_queries):
    rows = [row(n) for n in range(1, 41)] + [row(100 + n, parent_key=n) for n in range(1, 41)]
    # One insert per thread level, the decisions and the article's comment counter: no
    # savepoint of its own inside the caller's transaction (here the test's).
    with django_assert_num_queries(4):
        comments_import(article=article, comments=rows)
    assert Comment.objects.count() == 80


def test_one_comment_goes_the_same_way(article):
    comment = services.comment_import(
        article=article, author_name="Ana", email="ana@example.org", text="Hello there."
    )
    reply = services.comment_import(
        article=article, author_name="Ben", email="", text="Hi Ana.", parent=comment
    )
    assert (reply.parent, reply.root_id, reply.depth) == (comment, comment.pk, 1)
    assert reply.decisions.get().phase == "import"


def test_a_batch_of_articles_is_recounted_and_announced_once_when_the_block_ends(
    django_capture_on_commit_callbacks,
):
    first, second = ArticleFactory(), ArticleFactory()
    sent = []

    def receiver(sender, article_id=None, article_ids=(), **kwargs):
        sent.append((article_id, sorted(article_ids)))

    comments_changed.connect(receiver, dispatch_uid="test-import-batched")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            with services.comment_changes_batched():
                comments_import(article=first, comments=[row(1), row(2)])
                comments_import(article=second, comments=[row(3)])
                # Nothing is counted or sent until the block ends.
                first.refresh_from_db()
                assert first.comment_count == 0
    finally:
        comments_changed.disconnect(dispatch_uid="test-import-batched")
    assert sent == [(None, sorted([first.pk, second.pk]))]
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.comment_count, second.comment_count) == (2, 1)
