"""Writes of the news desk: preview links for partners, corrections, fronts' lineups."""

from collections.abc import Sequence
from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from dateline.desk.models import Correction, Front, FrontSection, FrontStory, PreviewLink
from dateline.desk.signals import fronts_changed
from dateline.news.models import ArticlePage, HomePage, SectionPage


def _may_preview(user, story) -> bool:
    return story.permissions_for_user(user).can_edit()


@transaction.atomic
def preview_link_create(*, story, partner: str, expires_at: datetime, user) -> PreviewLink:
    """A signed link at which `partner` can read `story` (its latest revision) until
    `expires_at`. Only someone who may edit the story may share it."""
    if not _may_preview(user, story):
        raise PermissionDenied("You may not share this story.")
    link = PreviewLink(story=story, partner=partner, expires_at=expires_at, created_by=user)
    link.full_clean()
    link.save()
    return link


@transaction.atomic
def preview_link_revoke(*, link: PreviewLink, user) -> PreviewLink:
    if not _may_preview(user, link.story):
        raise PermissionDenied("You may not revoke this link.")
    link.revoked = True
    link.save(update_fields=["revoked"])
    return link


@transaction.atomic
def correction_add(
    *,
    story: ArticlePage,
    text: str,
    user,
    kind: str = Correction.Kind.CORRECTION,
    published_at: datetime | None = None,
) -> Correction:
    """Publish a correction (or clarification, or editor's note) on a live story, as `user`.

    Only someone who may publish the story may correct it. It shows at once on the story
    (which reads "Updated" at its time), in its JSON-LD and API, and at /corrections/;
    the edge purges the story and the corrections log (dateline.edge.invalidation).
    Raises PermissionDenied, or ValidationError naming the field.
    """
    if not story.permissions_for_user(user).can_publish():
        raise PermissionDenied("You may not correct this story: ask an editor.")
    return correction_build(story=story, text=text, user=user, kind=kind, published_at=published_at)


@transaction.atomic
def correction_build(
    *,
    story: ArticlePage,
    text: str,
    user=None,
    kind: str = Correction.Kind.CORRECTION,
    published_at: datetime | None = None,
) -> Correction:
    """`correction_add` without asking who may (the demo, imports, tests)."""
    if not story.live:
        raise ValidationError(
            {"story": "Only a published story is corrected in public: edit the draft instead."}
        )
    correction = Correction(
        story=story,
        kind=kind,
        text=(text or "").strip(),
        published_at=published_at or timezone.now(),
        created_by=user,
    )
    correction.full_clean()
    correction.save()
    # On the story's row, not in a revision: publishing a revision keeps it
    # (ArticlePage.with_content_json).
    ArticlePage.objects.filter(pk=story.pk).filter(
        Q(corrected_at__isnull=True) | Q(corrected_at__lt=correction.published_at)
    ).update(corrected_at=correction.published_at)
    return correction


def _require(user, *codenames: str) -> None:
    missing = [name for name in codenames if not user.has_perm(f"desk.{name}_front")]
    if missing:
        raise PermissionDenied(f"You may not {missing[0]} front page lineups.")


@transaction.atomic
def front_update(
    *,
    page,
    user,
    stories: Sequence[tuple[ArticlePage, datetime | None]],
    sections: Sequence[SectionPage] | None = None,
    publish: bool = True,
    go_live_at: datetime | None = None,
) -> Front:
    """Save a new revision of the lineup of `page` (the home page or a section page) as
    `user`, with exactly the admin's permissions: the lead and top stories in order, each
    with its "keep until" time, and (home page) the section blocks; `None` keeps them.

    Published at once with `publish` (or scheduled at `go_live_at`); else a draft, as
    "Save draft" in the admin. Raises PermissionDenied or ValidationError.
    """
    exists = Front.objects.filter(page_id=page.pk).exists()
    _require(user, "change" if exists else "add", *(["publish"] if publish else []))
    return front_build(
        page=page,
        stories=stories,
        sections=sections,
        publish=publish,
        go_live_at=go_live_at,
        user=user,
    )


@transaction.atomic
def front_build(
    *,
    page,
    stories: Sequence[tuple[ArticlePage, datetime | None]],
    sections: Sequence[SectionPage] | None = None,
    publish: bool = True,
    go_live_at: datetime | None = None,
    user=None,
) -> Front:
    """`front_update` without asking who may (the demo, tests)."""
    page = page.specific
    if not isinstance(page, HomePage | SectionPage):
        raise ValidationError({"page": "Only the home page and section pages have a lineup."})
    front = Front.objects.filter(page=page).first()
    if front is None:
        front = Front(page=page, live=False)
        front.save()
    draft = front.get_latest_revision_as_object() if front.latest_revision_id else front
    draft.stories = [
        FrontStory(story=story, keep_until=keep_until, sort_order=position)
        for position, (story, keep_until) in enumerate(stories)
    ]
    if sections is not None:
        draft.sections = [
            FrontSection(section=section, sort_order=position)
            for position, section in enumerate(sections)
        ]
    draft.go_live_at = go_live_at
    draft.full_clean()
    revision = draft.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
    return Front.objects.get(pk=front.pk)


PIN_WINDOW = timedelta(minutes=2)


def fronts_release_pins(*, now: datetime | None = None) -> list[int]:
    """Announce the fronts where a pick's "keep until" time passed in the last two minutes
    (the scheduler runs this every few seconds; a repeat announcement is harmless): their
    readers must now see the newest story in that slot."""
    now = now or timezone.now()
    page_ids = sorted(
        set(
            FrontStory.objects.filter(
                front__live=True, keep_until__gt=now - PIN_WINDOW, keep_until__lte=now
            ).values_list("front__page_id", flat=True)
        )
    )
    if page_ids:
        fronts_changed.send(sender=Front, page_ids=page_ids)
    return page_ids
