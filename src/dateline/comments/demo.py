"""Demo comments: a lively thread under the long read, a few under the other stories."""

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from dateline.comments import services
from dateline.comments.models import Comment
from dateline.news import demo_content as content

LONG_READ_COMMENTS = 28
OTHER_ARTICLE_COMMENTS = 4


def _thread(article, *, count: int, rng: random.Random) -> None:
    published = article.first_published_at
    # Spread the discussion between publication and now, never in the future.
    step = max(timezone.now() - published, timedelta(minutes=count)) / (count + 1)
    stored: list[Comment] = []
    for position in range(count):
        writer = content.COMMENTERS[rng.randrange(len(content.COMMENTERS))]
        # About half are replies; one chain runs deeper than the nested levels shown.
        if count > 14 and 8 <= position <= 14:
            parent = stored[-1]
        elif stored and position % 2 == 1:
            parent = rng.choice(stored)
        else:
            parent = None
        texts = content.REPLY_TEXTS if parent else content.COMMENT_TEXTS
        stored.append(
            services.comment_import(
                article=article,
                author_name=writer["name"],
                email=writer["email"],
                url=writer.get("website", ""),
                text=texts[rng.randrange(len(texts))],
                parent=parent,
                created_at=min(published + step * (position + 1), timezone.now()),
                reason="Demo content.",
            )
        )


def seed_demo_comments(articles) -> int:
    """Give the first article (the long read) a long thread and the others a few comments.

    Articles that already have comments are left alone, so running it again adds nothing.
    """
    created = 0
    rng = random.Random(1921)
    with transaction.atomic():
        for position, article in enumerate(articles):
            if Comment.objects.filter(article=article).exists():
                continue
            count = LONG_READ_COMMENTS if position == 0 else OTHER_ARTICLE_COMMENTS - position % 3
            _thread(article, count=count, rng=random.Random(rng.random() + article.pk))
            created += count
    return created
