"""Embargoes: a story that must not be public before a set minute.

An embargo is Wagtail's scheduled publishing with a promise attached. Whatever else an
editor sets, a story under embargo goes live no earlier than ``embargo_until``: its
``go_live_at`` is moved to the embargo time when it is earlier or empty, so pressing
"Publish" schedules the story instead of releasing it. Until Wagtail's scheduler
(``publish_scheduled``, run by ``dateline scheduler``) publishes it, the story is simply
not live, and every public output lists, links and serves live pages only: the one
enforcement point is the page's ``live`` flag, the same that keeps drafts unseen
(decision 0016).

A story that is already public cannot be put under embargo: what readers have seen
cannot be taken back by a date. Unpublish it first.
"""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

ALREADY_PUBLIC = (
    "This story is already public: unpublish it first if it must be held until this time."
)


def embargo_applies(embargo_until: datetime | None, *, now: datetime | None = None) -> bool:
    """Whether an embargo still holds a story back."""
    return embargo_until is not None and embargo_until > (now or timezone.now())


def hold_until_embargo(page, *, now: datetime | None = None) -> None:
    """Move `page.go_live_at` to its embargo time when it would release it earlier.

    Called from the page's `clean()`, which Wagtail runs on every save of the page and of
    each revision (admin, API, wire desk, import), so no path can publish it early.
    Raises ValidationError naming `embargo_until` for a page that is already live.
    """
    embargo_until = getattr(page, "embargo_until", None)
    if not embargo_applies(embargo_until, now=now):
        return
    if page.live:
        raise ValidationError({"embargo_until": ALREADY_PUBLIC})
    if page.go_live_at is None or page.go_live_at < embargo_until:
        page.go_live_at = embargo_until
