"""Writes for news content. The demo command, the importers and the tests build through these.

`article_create` builds content without asking who may (demo, import, tests); the API and
the wire desk file and edit stories through `article_file` and `article_update`, which act
as a user with exactly that user's page permissions, like the admin's own views.
"""

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, ProtectedError, Q, Window
from django.db.models.functions import RowNumber
from django.utils import timezone
from wagtail.actions.move_page import MovePageAction
from wagtail.models import Page, Revision, WorkflowState

from dateline.discovery.services import archive_months_of, archive_months_recount
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
            article.refresh_from_db(fields=["first_published_at"])
            moved_from = archive_months_of([article])  # the month it was published in
            ArticlePage.objects.filter(pk=article.pk).update(
                first_published_at=published_at,
                last_published_at=published_at,
                latest_revision_created_at=published_at,
            )
            article.refresh_from_db()
            article.date_listing_links()
            archive_months_recount(months=moved_from | archive_months_of([article]))
    return article


def _byline(article: ArticlePage, authors: Sequence[AuthorPage]) -> None:
    if not authors:
        raise ValidationError({"authors": "A story needs at least one author."})
    article.authors.clear()
    for position, author in enumerate(authors):
        article.authors.add(ArticleAuthor(author=author, sort_order=position))


def _check_intent(*, publish: bool, submit_for_review: bool) -> None:
    if publish and submit_for_review:
        raise ValidationError(
            {"submit_for_review": "A story is either published or submitted for review."}
        )


def _submit_for_review(article: ArticlePage, user) -> None:
    """Start the story's review workflow ("Newsroom review"), or resume one that asked
    for changes; a story already in review stays where it is."""
    state = article.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
        return
    if state is not None:
        return
    workflow = article.get_workflow()
    if workflow is None:
        raise ValidationError({"submit_for_review": "This section has no review workflow."})
    workflow.start(article, user)


@transaction.atomic
def article_file(
    *,
    user,
    section: SectionPage,
    title: str,
    standfirst: str,
    authors: Sequence[AuthorPage],
    body: list | None = None,
    tags: Iterable[str] = (),
    dateline_place: str = "",
    go_live_at: datetime | None = None,
    embargo_until: datetime | None = None,
    publish: bool = False,
    submit_for_review: bool = False,
) -> ArticlePage:
    """File a new story in `section` as `user`, who may do exactly what the admin allows.

    The story is a draft with one revision; `submit_for_review` starts its workflow,
    `publish` publishes it (scheduled, when `go_live_at` or `embargo_until` is in the
    future: an embargo holds it until then whatever `go_live_at` says). Raises
    PermissionDenied when the user may not add (or publish) stories there, and
    ValidationError naming the field for content the page would refuse.
    """
    _check_intent(publish=publish, submit_for_review=submit_for_review)
    permissions = section.permissions_for_user(user)
    if not (permissions.can_add_subpage() and ArticlePage.can_create_at(section)):
        raise PermissionDenied(f"You may not add stories to the section {section.title!r}.")
    if publish and not permissions.can_publish_subpage():
        raise PermissionDenied(
            "You may not publish stories: file it as a draft and submit it for review."
        )
    article = ArticlePage(
        title=title,
        standfirst=standfirst,
        body=body or [],
        dateline_place=dateline_place,
        go_live_at=go_live_at,
        embargo_until=embargo_until,
        owner=user,
        live=False,
    )
    _byline(article, authors)
    article.tags.add(*tags)
    section.add_child(instance=article)
    revision = article.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
    elif submit_for_review:
        _submit_for_review(article, user)
    return ArticlePage.objects.get(pk=article.pk)


STORY_FIELDS = frozenset(
    {"title", "standfirst", "body", "dateline_place", "go_live_at", "embargo_until"}
)


@transaction.atomic
def article_update(
    *,
    user,
    article: ArticlePage,
    changes: dict,
    authors: Sequence[AuthorPage] | None = None,
    tags: Iterable[str] | None = None,
    section: SectionPage | None = None,
    publish: bool = False,
    submit_for_review: bool = False,
) -> ArticlePage:
    """Save a new revision of `article` as `user`, with `changes` (STORY_FIELDS) applied.

    A live story stays as readers see it until the revision is published (`publish`, for
    those who may) or approved in review (`submit_for_review`). A new `section` moves the
    story, with Wagtail's own move permission check. Raises PermissionDenied when the user
    may not edit (or publish) it or someone else holds its lock.
    """
    _check_intent(publish=publish, submit_for_review=submit_for_review)
    unknown = set(changes) - STORY_FIELDS
    if unknown:
        raise ValueError(f"Not story fields: {sorted(unknown)}")
    permissions = article.permissions_for_user(user)
    if not permissions.can_edit():
        raise PermissionDenied("You may not edit this story.")
    if permissions.page_locked():
        raise PermissionDenied("This story is locked for editing by someone else.")
    if publish and not permissions.can_publish():
        raise PermissionDenied("You may not publish this story: save it and submit it for review.")
    if section is not None and section.pk != article.get_parent().pk:
        MovePageAction(article, section, pos="last-child", user=user).execute()
        article = ArticlePage.objects.get(pk=article.pk)
    draft = article.get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(draft, name, value)
    if authors is not None:
        _byline(draft, authors)
    if tags is not None:
        draft.tags.set(list(tags))
    if not draft.live:
        draft.save(user=user)  # a draft's row shows its latest content, as in the admin
    revision = draft.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
    elif submit_for_review:
        _submit_for_review(draft, user)
    return ArticlePage.objects.get(pk=article.pk)


def site_home() -> HomePage | None:
    return HomePage.objects.first()


def revisions_prune(*, keep: int, older_than_days: int, now: datetime | None = None) -> int:
    """Delete page revisions older than `older_than_days`, keeping each page's `keep`
    newest. Returns how many went.

    Built on the rules of Wagtail's own `purge_revisions` (which has no "keep the last
    N"): a revision that is a page's latest or live one, is scheduled to go live, or
    is in a workflow still in progress or sent back for changes always stays. Pages
    only: snippets keep their history.
    """
    if keep < 1 or older_than_days < 0:
        raise ValidationError("Keep at least one revision; the age is zero days or more.")
    cutoff = (now or timezone.now()) - timedelta(days=older_than_days)
    pages = Revision.objects.page_revisions()
    # Ranked over each page's whole history (a filter beside the window would rank only
    # what it lets through), then sifted here.
    ranked = pages.annotate(
        newer=Window(
            RowNumber(),
            partition_by=[F("base_content_type_id"), F("object_id")],
            order_by=[F("created_at").desc(), F("pk").desc()],
        )
    ).filter(newer__gt=keep)
    in_use = Page.objects.filter(
        Q(latest_revision__isnull=False) | Q(live_revision__isnull=False)
    ).values_list("latest_revision_id", "live_revision_id")
    kept = {pk for pair in in_use for pk in pair if pk}
    kept.update(
        pages.filter(
            Q(approved_go_live_at__isnull=False)
            | Q(task_states__workflow_state__status=WorkflowState.STATUS_IN_PROGRESS)
            | Q(task_states__workflow_state__status=WorkflowState.STATUS_NEEDS_CHANGES)
        ).values_list("pk", flat=True)
    )
    doomed = [
        pk
        for pk, created_at in ranked.values_list("pk", "created_at").iterator(chunk_size=2000)
        if created_at < cutoff and pk not in kept
    ]  # read to the end before deleting: no cursor stays open over the rows it deletes
    return sum(_delete_revisions(doomed[at : at + 500]) for at in range(0, len(doomed), 500))


def _delete_revisions(ids: list[int]) -> int:
    try:
        return Revision.objects.filter(pk__in=ids).delete()[1].get("wagtailcore.Revision", 0)
    except ProtectedError:  # something points at one of them: delete the others
        deleted = 0
        for pk in ids:
            try:
                deleted += Revision.objects.filter(pk=pk).delete()[1].get("wagtailcore.Revision", 0)
            except ProtectedError:
                continue
        return deleted
