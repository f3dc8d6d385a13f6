"""Filing and editing stories through the API: /api/v1/stories/ (token).

A token acts as its user: `news.services.article_file` and `article_update` make the
admin's own permission checks, so a reporter's token files drafts and submits them for
review, and only an editor's token publishes.
"""

from datetime import datetime

from django.conf import settings
from django.urls import reverse
from django.utils.text import slugify
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from pydantic import ConfigDict, Field

from dateline.api.auth import token_auth
from dateline.api.errors import TOKEN_ERRORS, FieldError
from dateline.api.fields import Text, When
from dateline.api.pagination import known_id
from dateline.news import selectors, services
from dateline.news.body import body_from_html, body_to_html
from dateline.news.models import ArticlePage

router = Router(auth=token_auth, tags=["stories"])

EMBARGO_HELP = (
    "Nothing of the story is public before this time: with `publish` (or when approved in "
    "review) it is scheduled for then, whatever `go_live_at` says. Refused for a live story."
)


Title = Text(255, min_length=1)
Standfirst = Text(600, min_length=1)
SectionRef = Text(255, min_length=1)
Slug = Text(255, min_length=1)
TagName = Text(100, min_length=1)
Place = Text(100)
BodyHtml = Text(1_000_000)


class StoryIn(Schema):
    model_config = ConfigDict(extra="forbid")

    title: Title
    standfirst: Standfirst = Field(description="The summary under the headline.")
    body_html: BodyHtml = Field(
        "",
        description=(
            "The story as HTML. Paragraphs, lists, links, bold and italic are kept; headings "
            "become subheadings, block quotes pull quotes, YouTube/Vimeo players embeds. "
            "Anything else is left out and listed in the answer's `warnings`."
        ),
    )
    section: SectionRef = Field(
        description='A section\'s slug ("politics"), or its path where slugs repeat '
        '("world/europe").'
    )
    authors: list[Slug] = Field(
        default_factory=list,
        max_length=20,
        description="Author page slugs, in byline order; empty: the token user's own author page.",
    )
    tags: list[TagName] = Field(
        default_factory=list,
        max_length=30,
        description="Tag names or slugs; an existing tag is reused, any other is created.",
    )
    dateline: Place = Field("", description='Where the story was filed: "KYIV".')
    go_live_at: When | None = Field(
        None, description="Publish at this time (with `publish`, or when approved in review)."
    )
    embargo_until: When | None = Field(None, description=EMBARGO_HELP)
    publish: bool = Field(False, description="Publish now (or at `go_live_at`); editors only.")
    submit_for_review: bool = Field(
        False, description='Submit the draft to the "Newsroom review" workflow.'
    )


class StoryPatch(Schema):
    """Only the fields sent change; the others stay as in the latest revision."""

    model_config = ConfigDict(extra="forbid")

    title: Title = None
    standfirst: Standfirst = None
    body_html: BodyHtml = None
    section: SectionRef = None
    authors: list[Slug] = Field(None, min_length=1, max_length=20)
    tags: list[TagName] = Field(None, max_length=30)
    dateline: Place = None
    go_live_at: When | None = None
    embargo_until: When | None = Field(None, description=EMBARGO_HELP)
    publish: bool = False
    submit_for_review: bool = False


class StoryOut(Schema):
    id: int
    url: str | None = Field(description="The public page, once the story is live.")
    admin_url: str
    status: str = Field(description="draft, in_review, scheduled, embargoed, expired or live.")
    has_unpublished_changes: bool
    title: str
    standfirst: str
    body_html: str
    section: str
    authors: list[str]
    tags: list[str]
    dateline: str
    go_live_at: datetime | None
    embargo_until: datetime | None
    first_published_at: datetime | None
    last_published_at: datetime | None
    revision_id: int | None
    warnings: list[str] = Field(
        default_factory=list, description="What was left out of body_html, and why."
    )


def _section(reference: str):
    sections = selectors.sections_at(reference)
    if not sections:
        raise FieldError("section", f"No section has the slug or path {reference!r}.")
    if len(sections) > 1:
        paths = ", ".join(s.url_path.strip("/").partition("/")[2] for s in sections)
        raise FieldError("section", f"{reference!r} names several sections; use one of {paths}.")
    return sections[0]


def _authors(slugs: list[str], user) -> list:
    if not slugs:
        own = getattr(user, "author_profile", None)
        if own is None:
            raise FieldError(
                "authors", "Name at least one author: your account has no author page."
            )
        return [own]
    found = selectors.authors_with_slugs(slugs)
    missing = [slug for slug in slugs if slug not in found]
    if missing:
        raise FieldError("authors", f"No author page has the slug {missing[0]!r}.")
    return list(dict.fromkeys(found[slug] for slug in slugs))


def _tags(names: list[str]) -> list[str]:
    """Tag names to set: an existing tag's own name, one tag for names differing in case."""
    existing = selectors.existing_tag_names(names)
    chosen: dict[str, str] = {}
    for name in names:
        chosen.setdefault(slugify(name) or name.lower(), existing.get(name, name))
    return list(chosen.values())


def _story(story_id: int) -> ArticlePage:
    article = ArticlePage.objects.filter(pk=story_id).first() if known_id(story_id) else None
    if article is None:
        raise HttpError(404, "No such story.")
    return article


def _story_out(article: ArticlePage, request, *, warnings=(), content=None) -> dict:
    """The story as its latest revision has it (or `content`, another version of it)."""
    content = content or article.get_latest_revision_as_object()
    return {
        "id": article.pk,
        "url": article.get_full_url(request) if article.live else None,
        "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        + reverse("wagtailadmin_pages:edit", args=[article.pk]),
        "status": selectors.story_status(article),
        "has_unpublished_changes": article.has_unpublished_changes,
        "title": content.title,
        "standfirst": content.standfirst,
        "body_html": body_to_html(content.body),
        "section": article.get_parent().slug,
        "authors": [link.author.slug for link in content.authors.all()],
        "tags": [tag.name for tag in content.tag_list],
        "dateline": content.dateline_place,
        "go_live_at": content.go_live_at,
        "embargo_until": content.embargo_until,
        "first_published_at": article.first_published_at,
        "last_published_at": article.last_published_at,
        "revision_id": article.latest_revision_id,
        "warnings": list(warnings),
    }


@router.post("/", response={201: StoryOut, **TOKEN_ERRORS})
def story_create(request, payload: StoryIn):
    """File a story: a draft, submitted for review, or (for editors) published."""
    section = _section(payload.section)
    authors = _authors(payload.authors, request.user)
    body = body_from_html(payload.body_html)
    article = services.article_file(
        user=request.user,
        section=section,
        title=payload.title,
        standfirst=payload.standfirst,
        body=body.blocks,
        authors=authors,
        tags=_tags(payload.tags),
        dateline_place=payload.dateline,
        go_live_at=payload.go_live_at,
        embargo_until=payload.embargo_until,
        publish=payload.publish,
        submit_for_review=payload.submit_for_review,
    )
    return Status(201, _story_out(article, request, warnings=body.warnings))


@router.get("/{story_id}/", response={200: StoryOut, **TOKEN_ERRORS})
def story_detail(request, story_id: int):
    """A story's latest revision, draft or not, for those who may edit it; others see
    only a live, public story as readers do."""
    article = _story(story_id)
    if article.permissions_for_user(request.user).can_edit():
        return _story_out(article, request)
    if ArticlePage.objects.live().public().filter(pk=article.pk).exists():
        return _story_out(article, request, content=article)
    raise HttpError(404, "No such story.")


@router.patch("/{story_id}/", response={200: StoryOut, **TOKEN_ERRORS})
def story_update(request, story_id: int, payload: StoryPatch):
    """Save a new revision with the fields sent; `publish` or `submit_for_review` it."""
    sent = payload.model_dump(exclude_unset=True)
    article = _story(story_id)
    changes = {
        name: sent[name]
        for name in ("title", "standfirst", "go_live_at", "embargo_until")
        if name in sent
    }
    if "dateline" in sent:
        changes["dateline_place"] = sent["dateline"]
    warnings = []
    if "body_html" in sent:
        body = body_from_html(sent["body_html"])
        changes["body"], warnings = body.blocks, body.warnings
    article = services.article_update(
        user=request.user,
        article=article,
        changes=changes,
        authors=_authors(sent["authors"], request.user) if "authors" in sent else None,
        tags=_tags(sent["tags"]) if "tags" in sent else None,
        section=_section(sent["section"]) if "section" in sent else None,
        publish=payload.publish,
        submit_for_review=payload.submit_for_review,
    )
    return _story_out(article, request, warnings=warnings)
