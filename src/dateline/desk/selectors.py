"""Reads for the news desk: preview links."""

from datetime import datetime

from django.core import signing
from django.utils import timezone

from dateline.desk.models import PREVIEW_SALT, PreviewLink


def preview_link_for(token: str, *, now: datetime | None = None) -> PreviewLink | None:
    """The working preview link this token names; None for a forged, unknown, expired or
    revoked one (all answered alike, so a token says nothing about a story)."""
    try:
        link_id = signing.loads(token, salt=PREVIEW_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(link_id, int):
        return None
    link = PreviewLink.objects.select_related("story").filter(pk=link_id).first()
    if link is None or not link.works_at(now or timezone.now()):
        return None
    return link
