"""The rendered threads are cached, and any change a reader could see renders them afresh."""

import pytest

from dateline.comments import services
from tests.comments.factories import CommentFactory

pytestmark = pytest.mark.django_db


def article_html(client, article) -> str:
    return client.get(article.url).content.decode()


def test_a_moderator_edit_shows_on_the_next_render(client, article):
    comment = CommentFactory(article=article, text="First version of my view.")
    assert "First version of my view." in article_html(client, article)
    services.comment_edit(comment=comment, text="Second, corrected version.")
    html = article_html(client, article)
    assert "Second, corrected version." in html
    assert "First version of my view." not in html


def test_a_new_reply_shows_on_the_next_render(client, article):
    parent = CommentFactory(article=article, text="Where is the data?")
    article_html(client, article)
    CommentFactory(article=article, parent=parent, text="In the appendix.")
    assert "In the appendix." in article_html(client, article)


def test_the_same_threads_render_identically_from_the_cache(client, article):
    CommentFactory(article=article, text="Steady as she goes.")
    first, second = article_html(client, article), article_html(client, article)
    thread = first[first.index('<ol class="comment-list"') : first.index("</ol>")]
    assert thread and thread in second
