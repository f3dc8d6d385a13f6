"""Newly approved comments as events on the article's live stream.

An open article page is told of each comment a reader can now see, with the same
markup a reload would show, and offers "N new comments: show" (never moving the page).
"""

from django.template.loader import render_to_string

from dateline.comments import selectors as comment_selectors
from dateline.comments.models import Comment


def comment_event_data(article_id: int, comment_ids: list[int]) -> list[dict]:
    article = comment_selectors.commentable_article(article_id)
    if article is None:
        return []
    policy = comment_selectors.comment_policy_for(
        article, comment_selectors.comment_settings_for(article)
    )
    comments = Comment.objects.filter(pk__in=comment_ids).select_related("parent").order_by("pk")
    events = []
    for comment in comments:
        node = comment_selectors.ThreadNode(comment)
        level = 2 if comment.parent_id else 1
        html = render_to_string(
            "comments/comment.html", {"node": node, "level": level, "policy": policy}
        ).strip()
        events.append({"id": comment.pk, "parent": comment.parent_id, "html": html})
    return events
