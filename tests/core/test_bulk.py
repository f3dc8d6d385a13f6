"""Rows written in bulk (dateline.core.bulk): what the import's comments go through.

Comments are the example: replies point at parents written in the same call, and a
moderation decision at its comment.
"""

import uuid
from datetime import UTC, datetime

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.models import PageLogEntry

from dateline.comments.models import Comment, ModerationDecision
from dateline.core import bulk
from tests.news.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def comment(article, text: str, parent: Comment | None = None) -> Comment:
    return Comment(
        article=article,
        parent=parent,
        root=parent,
        depth=1 if parent else 0,
        author_name="Reader",
        text=text,
        html=f"<p>{text}</p>",
        status=Comment.Status.APPROVED,
        ip_prefix="",
    )


def test_rows_have_their_ids_and_replies_reach_their_parents():
    article = ArticleFactory()
    with transaction.atomic(), bulk.deferred():
        parents = [comment(article, f"first {n}") for n in range(3)]
        bulk.insert(Comment, parents)
        assert all(parent.pk for parent in parents)
        bulk.insert(Comment, [comment(article, f"reply {n}", parents[n]) for n in range(3)])
        bulk.insert(ModerationDecision, [ModerationDecision(comment=parents[0], action="approve")])
    for n in range(3):
        reply = Comment.objects.get(text=f"reply {n}")
        assert reply.parent_id == parents[n].pk == Comment.objects.get(text=f"first {n}").pk
        assert reply.ip_prefix is None  # a blank address is stored as none
    assert ModerationDecision.objects.get().comment_id == parents[0].pk


def test_rows_of_a_block_that_failed_are_not_written_and_the_others_are():
    article = ArticleFactory()
    with transaction.atomic(), bulk.deferred():
        with transaction.atomic(), bulk.savepoint():
            bulk.insert(Comment, [comment(article, "kept")])
        with pytest.raises(RuntimeError), transaction.atomic(), bulk.savepoint():
            bulk.insert(Comment, [comment(article, "dropped")])
            raise RuntimeError("the item failed")
        with transaction.atomic(), bulk.savepoint():
            bulk.insert(Comment, [comment(article, "kept too")])
    assert sorted(Comment.objects.values_list("text", flat=True)) == ["kept", "kept too"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="COPY is PostgreSQL's")
def test_on_postgresql_a_batch_of_threads_is_written_when_the_block_ends():
    articles = [ArticleFactory() for _ in range(3)]
    with transaction.atomic():
        with bulk.deferred():
            with CaptureQueriesContext(connection) as queries:
                for article in articles:
                    level = [comment(article, f"top {n}") for n in range(10)]
                    for depth in range(4):  # four thread levels, each under the one above
                        bulk.insert(Comment, level)
                        level = [comment(article, f"reply {depth}", parent) for parent in level]
            written_yet = Comment.objects.exists()
        # One query drew the ids; the rows went as data (COPY) when the block ended.
        assert len(queries) == 1, [query["sql"] for query in queries]
        assert not written_yet
    assert Comment.objects.count() == 3 * 4 * 10
    assert Comment.objects.filter(parent__isnull=False).count() == 3 * 3 * 10


def test_json_values_are_written_as_the_field_encodes_them():
    article = ArticleFactory()
    when = datetime(2020, 5, 17, 9, 30, tzinfo=UTC)
    entry = PageLogEntry(
        page=article, action="wagtail.create", label="A story", uuid=uuid.uuid4(),
        data={"at": when, "tags": ["a", "b"]}, timestamp=when,
    )  # fmt: skip
    with transaction.atomic(), bulk.deferred():
        bulk.insert(PageLogEntry, [entry])
    stored = PageLogEntry.objects.get(pk=entry.pk)
    # Wagtail's encoder (DjangoJSONEncoder) writes a time as ISO text
    assert stored.data == {"at": "2020-05-17T09:30:00Z", "tags": ["a", "b"]}
    assert stored.uuid == entry.uuid


@pytest.mark.skipif(connection.vendor != "postgresql", reason="COPY is PostgreSQL's")
def test_a_model_with_values_copy_cannot_write_as_they_are_is_refused_at_once():
    image = get_image_model()(title="A picture", width=1, height=1)
    with transaction.atomic(), bulk.deferred():
        with pytest.raises(TypeError, match="Image.file"):
            bulk.insert(get_image_model(), [image])
        assert image.pk is None  # nothing was kept, no id drawn
