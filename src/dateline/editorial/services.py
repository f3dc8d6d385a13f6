"""Writes behind the newsroom's admin screens: a reporter's author page, rescheduling."""

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.models import Site

from dateline.editorial import selectors
from dateline.editorial.models import NewsroomSettings
from dateline.news.models import ArticleAuthor, ArticlePage, AuthorIndexPage, AuthorPage


def _display_name(user) -> str:
    return (user.get_full_name() or user.get_username()).strip()


def reporter_author_page(*, user, site: Site | None = None) -> AuthorPage | None:
    """The signed-in reporter's author page; created (and published, so the byline's
    link works) on first use when Settings > Newsroom settings allows it."""
    if user is None or not user.is_authenticated:
        return None
    existing = AuthorPage.objects.filter(user=user).first()
    if existing is not None:
        return existing
    site = site or Site.objects.filter(is_default_site=True).first()
    if site is None or not NewsroomSettings.for_site(site).create_author_pages:
        return None
    index = AuthorIndexPage.objects.first()
    name = _display_name(user)
    if index is None or not name:
        return None
    try:
        with transaction.atomic():
            author = AuthorPage(title=name, user=user, owner=user)
            index.add_child(instance=author)
            # Published on the newsroom's behalf (the setting above): a reporter cannot
            # publish, but the byline's link must work when the story goes out.
            revision = author.save_revision(user=user, log_action=True)
            revision.publish(user=user, skip_permission_checks=True)
    except IntegrityError:  # another tab of the same reporter made it a moment ago
        return AuthorPage.objects.filter(user=user).first()
    return author


def prefill_new_story(sender, page, parent, **kwargs) -> None:
    """A new story's byline starts with its writer's author page (Wagtail's init_new_page:
    the page's owner is the signed-in user, and the form is built from the page next)."""
    if not isinstance(page, ArticlePage) or page.authors.all():
        return
    site = parent.get_site() if parent is not None else None
    author = reporter_author_page(user=page.owner, site=site)
    if author is not None:
        page.authors = [ArticleAuthor(author=author)]


def story_reschedule(*, story: ArticlePage, go_live_at: datetime, user, now=None) -> None:
    """Move a scheduled story to another time, as the editor's own schedule dialog would:
    a new revision with the new go-live time, published (so scheduled) by `user`."""
    now = now or timezone.now()
    if not story.permissions_for_user(user).can_publish():
        raise PermissionDenied("You cannot publish this story.")
    if timezone.is_naive(go_live_at):
        raise ValidationError({"go_live_at": "Give the time with its time zone."})
    if go_live_at <= now:
        raise ValidationError({"go_live_at": "Choose a time in the future."})
    scheduled = selectors.scheduled_revision(story)
    if scheduled is None:
        raise ValidationError("This story is not scheduled.")
    if story.latest_revision_id != scheduled.pk:
        raise ValidationError(
            "The story changed after it was scheduled: open it to check the changes and "
            "schedule it from there."
        )
    with transaction.atomic():
        page = scheduled.as_object()
        page.go_live_at = go_live_at
        page.save_revision(user=user, log_action=True).publish(user=user)
