"""Content for the two-node test, built inside a node's own settings (`dateline shell`).

Prints one JSON line: what the test needs to drive the nodes over HTTP.
"""

import json
import secrets
import time

from django.contrib.auth.models import Group, User
from wagtail.models import Site

from dateline.comments import services, tokens
from dateline.comments.models import Comment, CommentSettings
from tests.comments.factories import CommentFactory
from tests.news.factories import ArticleFactory, SectionFactory

RATE_LIMIT = 3  # comments per address network in the window, all nodes together


def build() -> None:
    comment_settings = CommentSettings.for_site(Site.objects.get(is_default_site=True))
    comment_settings.rate_limit_count = RATE_LIMIT
    comment_settings.save()

    article = ArticleFactory(
        section=SectionFactory(title="World", slug="world"),
        title="Harbour reopens after the storm",
        slug="harbour-reopens",
    )
    waiting = CommentFactory(
        article=article, status=Comment.Status.PENDING, text="The harbour master deserves a medal."
    )
    password = secrets.token_urlsafe(16)
    moderator = User.objects.create_user("moderator", "mod@example.org", password)
    moderator.groups.add(Group.objects.get(name=services.MODERATORS_GROUP))
    print(  # noqa: T201 - the test reads this line
        json.dumps(
            {
                "article_id": article.pk,
                "article_url": article.url,
                "comment_id": waiting.pk,
                "comment_text": waiting.text,
                "username": moderator.username,
                "password": password,
                # A form loaded a minute ago: old enough to post, as a person's would be.
                "form_token": tokens.form_token(article_id=article.pk, issued_at=time.time() - 60),
            }
        )
    )


if __name__ == "__main__":
    build()
