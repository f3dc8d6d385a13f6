"""The comment threads kept between renders of an article: what readers see is never stale."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dateline.comments import services
from dateline.comments.models import Comment, CommentsMode
from tests.comments.factories import CommentFactory
from tests.news.factories import ArticleFactory, SectionFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragment_store")]


@pytest.fixture
def story(home):
    return ArticleFactory(section=SectionFactory(title="World"), title="Harbour reopens")


def html_of(client, article, **params) -> str:
    response = client.get(article.url, params)
    assert response.status_code == 200
    return response.content.decode()


def test_an_approved_comment_shows_on_the_next_render(client, story, commit):
    waiting = CommentFactory(article=story, text="The ferry is late again.", status="pending")
    assert "The ferry is late again." not in html_of(client, story)
    commit(services.comment_approve, comment=waiting)
    html = html_of(client, story)
    assert "The ferry is late again." in html
    assert '<h2 id="comments-heading">1 comment</h2>' in html


def test_an_edited_or_removed_comment_changes_on_the_next_render(client, story, commit, admin_user):
    comment = CommentFactory(article=story, text="Cranes return next week.")
    assert "Cranes return next week." in html_of(client, story)
    commit(
        services.comment_edit, comment=comment, text="Cranes return next month.", editor=admin_user
    )
    assert "Cranes return next month." in html_of(client, story)
    commit(services.comment_reject, comment=Comment.objects.get(pk=comment.pk))
    html = html_of(client, story)
    assert "Cranes return next month." not in html
    assert '<h2 id="comments-heading">Comments</h2>' in html


def test_each_sort_order_and_page_is_its_own(client, story):
    CommentFactory(article=story, text="First in.")
    CommentFactory(article=story, text="Second in.")
    oldest = html_of(client, story)
    newest = html_of(client, story, comments="newest")
    assert oldest.index("First in.") < oldest.index("Second in.")
    assert newest.index("Second in.") < newest.index("First in.")


def test_closing_comments_takes_the_reply_links_away(client, story, commit):
    CommentFactory(article=story, text="Will the cranes stay?")
    assert 'class="comment-reply-link"' in html_of(client, story)
    story.comments_mode = CommentsMode.CLOSED
    commit(story.save_revision().publish)
    html = html_of(client, story)
    assert "Will the cranes stay?" in html
    assert 'class="comment-reply-link"' not in html


def test_a_warm_render_reads_no_comments(client, story):
    for number in range(5):
        CommentFactory(article=story, text=f"Opinion {number}.")
    html_of(client, story)
    with CaptureQueriesContext(connection) as queries:
        html_of(client, story)
    assert not [q for q in queries.captured_queries if 'FROM "comments_comment"' in q["sql"]]
