"""Named reads for the wire desk and the API: items newest first, flagged stories, diffs."""

import difflib
import re
from datetime import datetime

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils.html import strip_tags

from dateline.wire.models import WireItem, WireItemVersion, WireProvider, WireStory

SEARCH_MAX = 200


def desk_items(
    *,
    provider: WireProvider | int | None = None,
    query: str = "",
    status: str = "",
    updated_after: datetime | None = None,
) -> QuerySet:
    """Wire items newest first (by the agency's version time), as the desk and the API list
    them: one provider's or all, matching a search of headline, summary, slugline, byline
    or id, in one status, changed after a time."""
    stories = (
        WireStory.objects.filter(item=OuterRef("pk"))
        .order_by()
        .values("item")
        .annotate(count=Count("pk"))
        .values("count")
    )
    # A subquery, not a join: counting the list then needs no GROUP BY over every item.
    items = WireItem.objects.select_related("provider").annotate(
        story_count=Coalesce(Subquery(stories, output_field=IntegerField()), 0)
    )
    if provider is not None:
        items = items.filter(provider=provider)
    if query := query.strip()[:SEARCH_MAX]:
        items = items.filter(
            Q(headline__icontains=query)
            | Q(summary__icontains=query)
            | Q(slugline__icontains=query)
            | Q(byline__icontains=query)
            | Q(guid=query)
        )
    if status in WireItem.Status.values:
        items = items.filter(status=status)
    if updated_after is not None:
        items = items.filter(updated_at__gt=updated_after)
    return items.defer("body_html").newest_first()


def desk_item(item_id: int) -> WireItem | None:
    return WireItem.objects.select_related("provider").filter(pk=item_id).first()


def item_versions(item: WireItem) -> QuerySet:
    return item.versions.defer("body_html")


def item_stories(item: WireItem) -> QuerySet:
    return item.stories.select_related("article", "made_by", "made_from")


def flagged_stories() -> QuerySet:
    """Stories whose wire item changed, was withheld or killed since the desk last looked."""
    return (
        WireStory.objects.exclude(flag="")
        .select_related("article", "item__provider", "checked_against")
        .order_by("-flagged_at")
    )


def wire_stories() -> QuerySet:
    return WireStory.objects.select_related("article", "item__provider").order_by("-made_at")


def flagged_count() -> int:
    return WireStory.objects.exclude(flag="").count()


def active_providers() -> QuerySet:
    return WireProvider.objects.order_by("name")


def _paragraphs(version: WireItemVersion) -> list[str]:
    parts = re.split(r"</(?:p|h[1-6]|li|blockquote|pre)>|<br\s*/?>", version.body_html or "")
    texts = [" ".join(strip_tags(part).split()) for part in parts]
    return [version.headline, *(text for text in texts if text)]


def version_diff(old: WireItemVersion, new: WireItemVersion) -> list[tuple[str, str]]:
    """What changed between two versions of an item, paragraph by paragraph, as
    ("same" | "removed" | "added", text); the headline is the first paragraph."""
    changes = []
    for line in difflib.ndiff(_paragraphs(old), _paragraphs(new)):
        marker, text = line[:2], line[2:]
        if marker == "  ":
            changes.append(("same", text))
        elif marker == "- ":
            changes.append(("removed", text))
        elif marker == "+ ":
            changes.append(("added", text))
    return changes
