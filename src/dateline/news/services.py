"""Writes for news content. The demo command, the importers and the tests build through these."""

from collections.abc import Iterable
from datetime import datetime

from django.db import transaction
from wagtail.models import Page

from dateline.news.models import (
    ArticleAuthor,
    ArticlePage,
    AuthorIndexPage,
    AuthorPage,
    HomePage,
    SectionPage,
)


def _add_child(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    return page


@transaction.atomic
def section_create(*, parent: Page, title: str, slug: str = "", intro: str = "") -> SectionPage:
    section = SectionPage(title=title, slug=slug, intro=intro, show_in_menus=True)
    return _add_child(parent, section)


@transaction.atomic
def author_create(*, index: AuthorIndexPage, name: str, slug: str = "", **profile) -> AuthorPage:
    return _add_child(index, AuthorPage(title=name, slug=slug, **profile))


@transaction.atomic
def article_create(
    *,
    section: SectionPage,
    title: str,
    standfirst: str,
    authors: Iterable[AuthorPage],
    body: list | None = None,
    tags: Iterable[str] = (),
    published_at: datetime | None = None,
    publish: bool = True,
    user=None,
    **fields,
) -> ArticlePage:
    """Create an article under `section` with its byline; publish it at `published_at`.

    With publish=False the article stays a draft with one saved revision.
    """
    article = ArticlePage(title=title, standfirst=standfirst, body=body or [], **fields)
    for position, author in enumerate(authors):
        article.authors.add(ArticleAuthor(author=author, sort_order=position))
    article.tags.add(*tags)
    if not publish:
        article.live = False
    section.add_child(instance=article)
    revision = article.save_revision(user=user, log_action=False)
    if publish:
        revision.publish(user=user, log_action=False)
        if published_at is not None:
            ArticlePage.objects.filter(pk=article.pk).update(
                first_published_at=published_at,
                last_published_at=published_at,
                latest_revision_created_at=published_at,
            )
            article.refresh_from_db()
    return article


def site_home() -> HomePage | None:
    return HomePage.objects.first()
