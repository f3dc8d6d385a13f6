"""Factories for news content, built through the same services as the demo site."""

import factory
from django.utils import timezone

from dateline.news import services
from dateline.news.builders import body_blocks
from dateline.news.models import ArticlePage, AuthorIndexPage, AuthorPage, HomePage, SectionPage


class SectionFactory(factory.Factory):
    class Meta:
        model = SectionPage

    title = factory.Sequence(lambda n: f"Section {n}")
    intro = "Reporting from everywhere."

    @classmethod
    def _create(cls, model_class, *, parent=None, **fields):
        return services.section_create(parent=parent or HomePage.objects.get(), **fields)


class AuthorFactory(factory.Factory):
    class Meta:
        model = AuthorPage

    name = factory.Sequence(lambda n: f"Reporter Number{n}")
    role = "Correspondent"

    @classmethod
    def _create(cls, model_class, **fields):
        return services.author_create(index=AuthorIndexPage.objects.get(), **fields)


class ArticleFactory(factory.Factory):
    class Meta:
        model = ArticlePage

    title = factory.Sequence(lambda n: f"Headline number {n}")
    standfirst = "What happened, in one sentence."
    section = factory.SubFactory(SectionFactory)
    authors = factory.LazyFunction(lambda: [AuthorFactory()])
    body = factory.LazyAttribute(
        lambda article: body_blocks(
            {"paragraphs": [f"First paragraph of {article.title}.", "A second paragraph."]}
        )
    )
    published_at = factory.LazyFunction(timezone.now)

    @classmethod
    def _create(cls, model_class, **fields):
        return services.article_create(**fields)
