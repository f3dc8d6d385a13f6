"""Live blogs through the API: /api/v1/live/ (token).

A token acts as its user, with the desk's own checks (dateline.live.services): whoever
may edit the page posts, edits, pins and deletes entries; ending coverage and publishing
a new blog take an editor's rights.
"""

from datetime import datetime
from typing import Annotated

from django.core.exceptions import ValidationError
from django.urls import reverse
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from pydantic import ConfigDict, Field, StringConstraints

from dateline.api.auth import token_auth
from dateline.api.errors import TOKEN_ERRORS, ErrorOut, FieldError
from dateline.api.pagination import known_id
from dateline.live import conf, selectors, services
from dateline.live.models import LiveBlogPage, LiveEntry
from dateline.live.rendering import entry_text
from dateline.news import selectors as news_selectors

router = Router(auth=token_auth, tags=["live"])

Text = Annotated[str, StringConstraints(strip_whitespace=True, max_length=services.MAX_TEXT)]


class LiveBlogIn(Schema):
    model_config = ConfigDict(extra="forbid")

    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=255)]
    standfirst: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=600)
    ]
    section: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=255)]
    authors: list[str] = Field(default_factory=list, max_length=20)
    publish: bool = Field(True, description="Open it to readers now (editors only).")


class LiveBlogPatch(Schema):
    model_config = ConfigDict(extra="forbid")

    ended: bool = Field(description="true ends the coverage (editors only); it cannot reopen.")


class EntryIn(Schema):
    model_config = ConfigDict(extra="forbid")

    body_html: Text = Field(description="Paragraphs, links, bold, italic and lists are kept.")
    key_event: bool = False
    title: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] = Field(
        "", description="The key event's name in the key events list."
    )


class EntryPatch(Schema):
    model_config = ConfigDict(extra="forbid")

    body_html: Text = None
    key_event: bool = None
    title: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] = None
    pinned: bool = None


class EntryOut(Schema):
    id: int
    url: str = Field(description="The entry's permalink.")
    posted_at: datetime
    edited_at: datetime | None
    key_event: bool
    title: str
    pinned: bool
    text: str


class LiveBlogOut(Schema):
    id: int
    url: str | None
    title: str
    standfirst: str
    status: str = Field(description="live, ended or draft.")
    coverage_started_at: datetime | None
    ended_at: datetime | None
    stream_url: str | None = Field(description="Server-Sent Events of every change.")
    poll_url: str | None = Field(description="The cacheable answer to poll, for this interval.")
    poll_interval: int
    latest_event: int
    entries: list[EntryOut] = Field(description="The latest 20 entries, newest first.")


def _blog(blog_id: int) -> LiveBlogPage:
    blogs = LiveBlogPage.objects.defer_streamfields()
    blog = blogs.filter(pk=blog_id).first() if known_id(blog_id) else None
    if blog is None:
        raise HttpError(404, "No such live blog.")
    return blog


def _entry(blog: LiveBlogPage, entry_id: int) -> LiveEntry:
    entry = (
        LiveEntry.objects.filter(pk=entry_id, blog=blog, deleted_at__isnull=True).first()
        if known_id(entry_id)
        else None
    )
    if entry is None:
        raise HttpError(404, "No such entry.")
    return entry


def _absolute(request, path: str) -> str:
    return request.build_absolute_uri(path)


def _entry_out(request, blog, entry) -> dict:
    return {
        "id": entry.pk,
        "url": _absolute(request, blog.url + blog.reverse_subpage("entry", args=[entry.pk])),
        "posted_at": entry.posted_at,
        "edited_at": entry.edited_at,
        "key_event": entry.key_event,
        "title": entry.title,
        "pinned": entry.pinned,
        "text": entry_text(entry),
    }


def _blog_out(request, blog: LiveBlogPage) -> dict:
    setting = conf.live_settings_for(request)
    following = blog.live and blog.is_open
    return {
        "id": blog.pk,
        "url": blog.get_full_url(request) if blog.live else None,
        "title": blog.title,
        "standfirst": blog.standfirst,
        "status": "ended" if blog.ended_at else ("live" if blog.live else "draft"),
        "coverage_started_at": blog.coverage_started_at,
        "ended_at": blog.ended_at,
        "stream_url": _absolute(request, reverse("live:stream", args=[blog.pk]))
        if following
        else None,
        "poll_url": _absolute(request, conf.poll_url(blog.pk, setting.poll_interval))
        if following
        else None,
        "poll_interval": setting.poll_interval,
        "latest_event": selectors.last_seq(blog.pk),
        "entries": [
            _entry_out(request, blog, entry) for entry in selectors.visible_entries(blog)[:20]
        ],
    }


def _body(html: str) -> list[dict]:
    try:
        return services.entry_body(html=html)
    except ValidationError as error:
        raise FieldError("body_html", " ".join(error.messages)) from error


@router.post("/", response={201: LiveBlogOut, **TOKEN_ERRORS})
def live_blog_create(request, payload: LiveBlogIn):
    """Open a live blog under a section (published at once with an editor's token)."""
    sections = news_selectors.sections_at(payload.section)
    if len(sections) != 1:
        raise FieldError("section", f"No single section has the slug or path {payload.section!r}.")
    authors = news_selectors.authors_with_slugs(payload.authors)
    if missing := [slug for slug in payload.authors if slug not in authors]:
        raise FieldError("authors", f"No author page has the slug {missing[0]!r}.")
    own = getattr(request.user, "author_profile", None)
    byline = [authors[slug] for slug in payload.authors] or ([own] if own else [])
    blog = services.live_blog_create(
        section=sections[0],
        title=payload.title,
        standfirst=payload.standfirst,
        authors=byline,
        publish=payload.publish,
        user=request.user,
    )
    return Status(201, _blog_out(request, blog))


@router.get("/{blog_id}/", response={200: LiveBlogOut, **TOKEN_ERRORS})
def live_blog_detail(request, blog_id: int):
    """The blog, its latest entries, and where readers follow it (stream and poll)."""
    blog = _blog(blog_id)
    if not (blog.live or services.can_post(request.user, blog)):
        raise HttpError(404, "No such live blog.")
    return _blog_out(request, blog)


@router.patch("/{blog_id}/", response={200: LiveBlogOut, **TOKEN_ERRORS})
def live_blog_update(request, blog_id: int, payload: LiveBlogPatch):
    """End the coverage: the page becomes an archive."""
    blog = _blog(blog_id)
    if payload.ended:
        blog = services.live_blog_end(blog=blog, user=request.user)
    elif blog.ended_at is not None:
        raise FieldError("ended", "An ended live blog cannot reopen.")
    return _blog_out(request, blog)


@router.post("/{blog_id}/entries/", response={201: EntryOut, 409: ErrorOut, **TOKEN_ERRORS})
def live_entry_create(request, blog_id: int, payload: EntryIn):
    """Post an entry; open pages show it within a second."""
    blog = _blog(blog_id)
    try:
        entry = services.live_entry_post(
            blog=blog,
            user=request.user,
            body=_body(payload.body_html),
            key_event=payload.key_event,
            title=payload.title,
        )
    except ValidationError as error:
        if "blog" in error.message_dict:
            raise HttpError(409, "This live blog has ended.") from error
        raise
    return Status(201, _entry_out(request, blog, entry))


@router.patch("/{blog_id}/entries/{entry_id}/", response={200: EntryOut, **TOKEN_ERRORS})
def live_entry_update(request, blog_id: int, entry_id: int, payload: EntryPatch):
    """Change an entry's body, key-event flag or title, or pin or unpin it."""
    blog = _blog(blog_id)
    entry = _entry(blog, entry_id)
    sent = payload.model_dump(exclude_unset=True)
    if {"body_html", "key_event", "title"} & sent.keys():
        entry = services.live_entry_edit(
            entry=entry,
            user=request.user,
            body=_body(sent["body_html"]) if sent.get("body_html") is not None else None,
            key_event=sent.get("key_event"),
            title=sent.get("title"),
        )
    if sent.get("pinned") is not None:
        entry = services.live_entry_pin(entry=entry, user=request.user, pinned=sent["pinned"])
    return _entry_out(request, blog, entry)


@router.delete("/{blog_id}/entries/{entry_id}/", response={204: None, **TOKEN_ERRORS})
def live_entry_remove(request, blog_id: int, entry_id: int):
    """Take an entry off the page (the desk keeps it, with its history)."""
    blog = _blog(blog_id)
    services.live_entry_delete(entry=_entry(blog, entry_id), user=request.user)
    return Status(204, None)
