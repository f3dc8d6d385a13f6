"""Writes of the news desk: preview links for partners."""

from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction

from dateline.desk.models import PreviewLink


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
