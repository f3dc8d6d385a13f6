"""Reads for the news desk: preview links, corrections and the fronts' lineups."""

from dataclasses import dataclass
from datetime import datetime

from django.core import signing
from django.db.models import DateTimeField, QuerySet, Subquery, Value
from django.utils import timezone
from wagtail.models import Page

from dateline.desk.models import (
    PREVIEW_SALT,
    Correction,
    DeskSettings,
    Front,
    FrontSection,
    FrontStory,
    PreviewLink,
)
from dateline.edge import dependencies
from dateline.edge.memory import copied, remembered
from dateline.news.models import ArticlePage


def preview_link_for(token: str, *, now: datetime | None = None) -> PreviewLink | None:
    """The working preview link this token names; None for a forged, unknown, expired or
    revoked one (all answered alike, so a token says nothing about a story)."""
    try:
        link_id = int(signing.Signer(salt=PREVIEW_SALT).unsign(token))
    except (signing.BadSignature, ValueError):
        try:  # an address given out before links were signed without a timestamp
            link_id = signing.loads(token, salt=PREVIEW_SALT)
        except signing.BadSignature:
            return None
    if not isinstance(link_id, int):
        return None
    link = PreviewLink.objects.select_related("story").filter(pk=link_id).first()
    if link is None or not link.works_at(now or timezone.now()):
        return None
    return link


def published_corrections() -> QuerySet:
    """Every correction of a live, public story, newest first, with its story: the
    /corrections/ page and its feeds list the same."""
    public_stories = ArticlePage.objects.live().public().values("pk")
    return (
        Correction.objects.filter(story__in=public_stories)
        .select_related("story")
        .order_by("-published_at", "-pk")
    )


def corrections_policy(site) -> Page | None:
    """The live corrections policy page the site's settings name (one query)."""
    if site is None:
        return None
    chosen = DeskSettings.objects.filter(site=site).values("corrections_policy")[:1]
    return Page.objects.live().filter(pk=Subquery(chosen)).first()


def corrections_policy_url(request, site) -> str | None:
    """The policy page's full URL for the Organization JSON-LD, looked up once a request."""
    cache_name = "_dateline_corrections_policy_url"
    if not hasattr(request, cache_name):
        policy = copied(
            remembered(
                ("corrections-policy", site.pk if site else None),
                dependencies.chosen_page,
                lambda: corrections_policy(site),
            )
        )
        setattr(request, cache_name, policy.get_full_url(request) if policy else None)
    return getattr(request, cache_name)


@dataclass(frozen=True)
class Lineup:
    """A front's published picks: stories (the first is the lead) and section blocks."""

    story_ids: tuple[int, ...] = ()
    section_ids: tuple[int, ...] = ()


def _current(picks, now) -> tuple[int, ...]:
    return tuple(
        story_id for story_id, keep_until in picks if keep_until is None or keep_until > now
    )


def front_lineup(page, *, preview: Front | None = None, now: datetime | None = None) -> Lineup:
    """The lineup readers see on this front: its published version (one query), or the
    lineup being previewed. A pick whose "keep until" has passed is left out."""
    now = now or timezone.now()
    if preview is not None:
        stories = [(pick.story_id, pick.keep_until) for pick in preview.stories.all()]
        return Lineup(_current(stories, now), tuple(s.section_id for s in preview.sections.all()))
    published = {"front__page_id": page.pk, "front__live": True}
    stories = FrontStory.objects.filter(**published).order_by().annotate(kind=Value("story"))
    sections = (
        FrontSection.objects.filter(**published)
        .order_by()
        .annotate(kind=Value("section"), keep_until=Value(None, output_field=DateTimeField()))
    )
    rows = stories.values_list("kind", "story_id", "keep_until", "sort_order").union(
        sections.values_list("kind", "section_id", "keep_until", "sort_order"), all=True
    )
    rows = sorted(rows, key=lambda row: (row[0], row[3] if row[3] is not None else 0))
    return Lineup(
        _current([(pk, until) for kind, pk, until, _ in rows if kind == "story"], now),
        tuple(pk for kind, pk, _until, _ in rows if kind == "section"),
    )
