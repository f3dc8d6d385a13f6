"""Comments for tests, stored through the same service the demo site and importers use."""

import factory

from dateline.comments import services
from dateline.comments.models import Comment
from tests.news.factories import ArticleFactory


class CommentFactory(factory.Factory):
    class Meta:
        model = Comment

    article = factory.SubFactory(ArticleFactory)
    author_name = factory.Sequence(lambda n: f"Reader {n}")
    email = factory.Sequence(lambda n: f"reader{n}@example.org")
    text = factory.Sequence(lambda n: f"A considered opinion, number {n}.")
    parent = None
    status = Comment.Status.APPROVED

    @classmethod
    def _create(cls, model_class, **fields):
        return services.comment_import(**fields)
