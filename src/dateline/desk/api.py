"""The news desk through the API (token): corrections on stories, fronts' lineups.

A token acts as its user: `desk.services` makes the admin's own checks, so only a token
whose user may publish a story may correct it, and only one whose user may publish
lineups in the admin may publish one.
"""

from datetime import datetime
from typing import Literal

from ninja import Router, Schema, Status
from ninja.errors import HttpError
from pydantic import ConfigDict, Field
from wagtail.models import Page

from dateline.api.auth import token_auth
from dateline.api.errors import TOKEN_ERRORS, FieldError
from dateline.api.fields import Text, When
from dateline.api.pagination import known_id
from dateline.desk import services
from dateline.news.models import ArticlePage, SectionPage
from dateline.news.selectors import FRONT_STORIES

stories = Router(auth=token_auth, tags=["corrections"])


class CorrectionIn(Schema):
    model_config = ConfigDict(extra="forbid")

    text: Text(2000, min_length=1) = Field(description="What was wrong and what is right.")
    kind: Literal["correction", "clarification", "editors_note"] = "correction"
    published_at: When | None = Field(None, description="The time readers see; empty: now.")


class CorrectionOut(Schema):
    id: int
    story_id: int
    kind: str
    text: str
    published_at: datetime
    url: str = Field(description="The correction on the story's page.")


def _story(story_id: int) -> ArticlePage:
    story = ArticlePage.objects.filter(pk=story_id).first() if known_id(story_id) else None
    if story is None:
        raise HttpError(404, "No such story.")
    return story


@stories.post("/{story_id}/corrections/", response={201: CorrectionOut, **TOKEN_ERRORS})
def correction_create(request, story_id: int, payload: CorrectionIn):
    """Publish a correction, clarification or editor's note on a live story (editors)."""
    story = _story(story_id)
    correction = services.correction_add(
        story=story,
        kind=payload.kind,
        text=payload.text,
        published_at=payload.published_at,
        user=request.user,
    )
    return Status(
        201,
        {
            "id": correction.pk,
            "story_id": story.pk,
            "kind": correction.kind,
            "text": correction.text,
            "published_at": correction.published_at,
            "url": f"{story.get_full_url(request)}#{correction.anchor}",
        },
    )


fronts = Router(auth=token_auth, tags=["fronts"])


class StoryPick(Schema):
    model_config = ConfigDict(extra="forbid")

    id: int = Field(ge=1, description="A story id.")
    keep_until: When | None = Field(
        None, description="Keep it in this slot until this time; then the newest story."
    )


class FrontIn(Schema):
    model_config = ConfigDict(extra="forbid")

    stories: list[int | StoryPick] = Field(
        max_length=FRONT_STORIES,
        description="The lead first, then the top stories: story ids, or "
        '`{"id": 12, "keep_until": "..."}`. Fewer than seven: the newest fill the rest.',
    )
    sections: list[int] | None = Field(
        None, max_length=50, description="Section ids, the home page's blocks in order."
    )
    publish: bool = Field(True, description="Publish now (or at `go_live_at`); else a draft.")
    go_live_at: When | None = Field(None, description="Publish the lineup at this time.")


class StoryPickOut(Schema):
    id: int
    keep_until: datetime | None


class FrontOut(Schema):
    page_id: int
    status: str = Field(description="live, scheduled or draft.")
    stories: list[StoryPickOut]
    sections: list[int]
    revision_id: int | None


def _pages(model, ids: list[int], field: str) -> list:
    found = model.objects.in_bulk([pk for pk in ids if known_id(pk)])
    for position, pk in enumerate(ids):
        if pk not in found:
            raise FieldError(f"{field}.{position}", f"No such {model._meta.verbose_name}: {pk}.")
    return [found[pk] for pk in ids]


def _front_out(front) -> dict:
    content = front.get_latest_revision_as_object() if front.latest_revision_id else front
    status = (
        "live"
        if front.live and not front.has_unpublished_changes
        else ("scheduled" if front.approved_schedule else ("live" if front.live else "draft"))
    )
    return {
        "page_id": front.page_id,
        "status": status,
        "stories": [
            {"id": pick.story_id, "keep_until": pick.keep_until} for pick in content.stories.all()
        ],
        "sections": [block.section_id for block in content.sections.all()],
        "revision_id": front.latest_revision_id,
    }


@fronts.put("/{page_id}/", response={200: FrontOut, **TOKEN_ERRORS})
def front_put(request, page_id: int, payload: FrontIn):
    """Set the lineup of a front (the home page or a section page): a new revision,
    published unless `publish` is false. The same permissions as in the admin."""
    page = Page.objects.filter(pk=page_id).first() if known_id(page_id) else None
    if page is None:
        raise HttpError(404, "No such page.")
    # A bare id is checked with the others (a 400 naming it), not as a StoryPick.
    picks = [
        (pick.id, pick.keep_until) if isinstance(pick, StoryPick) else (pick, None)
        for pick in payload.stories
    ]
    stories = _pages(ArticlePage, [story_id for story_id, _ in picks], "stories")
    sections = None
    if payload.sections is not None:
        sections = _pages(SectionPage, payload.sections, "sections")
    front = services.front_update(
        page=page,
        user=request.user,
        stories=[
            (story, keep_until) for story, (_, keep_until) in zip(stories, picks, strict=True)
        ],
        sections=sections,
        publish=payload.publish,
        go_live_at=payload.go_live_at,
    )
    return _front_out(front)
