"""Every write of live coverage: blogs, entries, pins, the end of coverage, the event log.

Each change to what readers see records one event in the page's log in the same
transaction, and after commit bumps the page's ``live-<id>`` purge counter (every
server process on every node sees it and fans the new events out to its readers) and
``page-<id>`` (the page cache re-renders the page and its feeds).
"""

import json
from collections.abc import Iterable
from datetime import timedelta

import nh3
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.html import linebreaks, urlize

from dateline.edge import keys as surrogate
from dateline.edge.invalidation import purge
from dateline.live import rendering, selectors
from dateline.live.models import (
    LiveBlogPage,
    LiveChannel,
    LiveEntry,
    LiveEntryChange,
    LiveEvent,
)
from dateline.news.models import ArticleAuthor, AuthorPage, SectionPage

ENTRY_HTML_TAGS = {"p", "br", "a", "b", "strong", "i", "em", "ul", "ol", "li"}
MAX_TEXT = 20_000
# Newly approved comments are announced if they were written within this window.
COMMENT_WINDOW = timedelta(days=7)


class Kind:
    """The names of the events in a page's log (the SSE ``event:`` field)."""

    ENTRY = "entry"
    EDIT = "edit"
    DELETE = "delete"
    PIN = "pin"
    KEY_EVENTS = "key-events"
    END = "end"
    COMMENT = "comment"


# --- the event log ------------------------------------------------------------------


def live_event_record(
    *, page_id: int, kind: str, data: dict, page_changed: bool = True
) -> LiveEvent:
    """Append an event to the page's log (inside the caller's transaction).

    The channel row's counter is incremented first, which holds its lock until commit,
    so two writers number their events one after the other and commit in that order.
    `page_changed=False` when the page's own purge is someone else's (comments: the
    comment services' announcement already purges the page).
    """
    # The increment locks the row until commit (PostgreSQL's row lock; SQLite's write
    # transaction), so the next writer reads the number after ours.
    if not LiveChannel.objects.filter(pk=page_id).update(last_seq=F("last_seq") + 1):
        LiveChannel.objects.get_or_create(page_id=page_id)
        LiveChannel.objects.filter(pk=page_id).update(last_seq=F("last_seq") + 1)
    seq = LiveChannel.objects.filter(pk=page_id).values_list("last_seq", flat=True).get()
    event = LiveEvent.objects.create(
        channel_id=page_id,
        seq=seq,
        kind=kind,
        data=json.dumps(data, ensure_ascii=False, separators=(",", ":")),
    )
    _announce(page_id, page_changed=page_changed)
    return event


def _announce(page_id: int, *, page_changed: bool = True) -> None:
    """After commit: wake every server process following the page; re-render the page."""
    keys = {surrogate.live_key(page_id)}
    if page_changed:
        keys.add(surrogate.page_key(page_id))
    # Entries are not the page's own content (its row, header and body stay as they are).
    purge(keys, comments_only=True)


# --- bodies -------------------------------------------------------------------------


def entry_body(
    *,
    text: str = "",
    html: str = "",
    image=None,
    caption: str = "",
    embed_url: str = "",
    quote: str = "",
    quote_attribution: str = "",
) -> list[dict]:
    """An entry's StreamField data from what a desk form or an API call gives.

    `text` is plain text (paragraphs and links made for it); `html` is cleaned down to
    paragraphs, emphasis, lists and links.
    """
    blocks: list[dict] = []
    if len(text) > MAX_TEXT or len(html) > MAX_TEXT:
        raise ValidationError({"body": f"At most {MAX_TEXT} characters."})
    if text.strip():
        paragraphs = linebreaks(urlize(text.strip(), nofollow=True, autoescape=True))
        blocks.append({"type": "text", "value": paragraphs})
    if html.strip():
        cleaned = nh3.clean(
            html,
            tags=ENTRY_HTML_TAGS,
            attributes={"a": {"href"}},
            url_schemes={"http", "https", "mailto"},
            link_rel="noopener",
        ).strip()
        if not cleaned.startswith("<"):
            cleaned = linebreaks(cleaned)
        if nh3.clean(cleaned, tags=set()).strip():
            blocks.append({"type": "text", "value": cleaned})
    if image is not None:
        blocks.append({"type": "image", "value": {"image": image.pk, "caption": caption[:500]}})
    if embed_url.strip():
        blocks.append({"type": "embed", "value": embed_url.strip()})
    if quote.strip():
        blocks.append(
            {
                "type": "quote",
                "value": {"quote": quote.strip(), "attribution": quote_attribution.strip()[:200]},
            }
        )
    if not blocks:
        raise ValidationError({"body": "An entry needs some text, a picture, an embed or a quote."})
    return blocks


# --- permissions --------------------------------------------------------------------


def can_post(user, blog: LiveBlogPage) -> bool:
    """Reporters who may edit the page may post, edit and delete its entries."""
    return bool(user and user.is_active and blog.permissions_for_user(user).can_edit())


def can_end(user, blog: LiveBlogPage) -> bool:
    """Ending coverage is a publishing decision."""
    return bool(user and user.is_active and blog.permissions_for_user(user).can_publish())


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


# --- live blogs ---------------------------------------------------------------------


@transaction.atomic
def live_blog_create(
    *,
    section: SectionPage,
    title: str,
    standfirst: str,
    authors: Iterable[AuthorPage] = (),
    summary: str = "",
    slug: str = "",
    publish: bool = True,
    user=None,
) -> LiveBlogPage:
    """Create a live blog under `section`, open for entries; published unless told not to.

    With a `user`, the admin's own checks apply: adding a page under the section, and
    publishing it.
    """
    if user is not None:
        permissions = section.permissions_for_user(user)
        _require(permissions.can_add_subpage(), "You may not add pages to this section.")
        _require(
            not publish or permissions.can_publish_subpage(),
            "You may not publish in this section; create the live blog with publish: false "
            "for an editor to publish.",
        )
    blog = LiveBlogPage(
        title=title, standfirst=standfirst, summary=summary, coverage_started_at=timezone.now()
    )
    if slug:
        blog.slug = slug
    for position, author in enumerate(authors):
        blog.authors.add(ArticleAuthor(author=author, sort_order=position))
    if not publish:
        blog.live = False
    section.add_child(instance=blog)
    revision = blog.save_revision(user=user, log_action=False)
    if publish:
        revision.publish(user=user, log_action=False)
        blog.refresh_from_db()
    LiveChannel.objects.get_or_create(page_id=blog.pk)
    return blog


@transaction.atomic
def live_blog_end(*, blog: LiveBlogPage, user=None) -> LiveBlogPage:
    """Close coverage: the page becomes an archive (no connection, no polling)."""
    if user is not None:
        _require(can_end(user, blog), "You may not end this live blog.")
    blog = LiveBlogPage.objects.select_for_update().get(pk=blog.pk)
    if blog.ended_at is not None:
        return blog
    blog.ended_at = timezone.now()
    LiveBlogPage.objects.filter(pk=blog.pk).update(ended_at=blog.ended_at)
    live_event_record(page_id=blog.pk, kind=Kind.END, data={"ended_at": blog.ended_at.isoformat()})
    # The page's own row changed (the badge, the JSON-LD): everything kept of it goes.
    purge({surrogate.page_key(blog.pk), surrogate.LISTING})
    return blog


# --- entries ------------------------------------------------------------------------


def _entry_authors(user) -> list[AuthorPage]:
    profile = getattr(user, "author_profile", None) if user is not None else None
    return [profile] if profile is not None else []


def _record_change(entry: LiveEntry, action: str, user) -> None:
    LiveEntryChange.objects.create(
        entry=entry,
        action=action,
        user=user,
        body=entry.body.get_prep_value(),
        title=entry.title,
        key_event=entry.key_event,
    )


def _entry_event_data(entry: LiveEntry, blog: LiveBlogPage) -> dict:
    return {
        "id": entry.pk,
        "html": rendering.entry_html(entry, blog=blog),
        "key_event": entry.key_event,
        "title": entry.title,
        "pinned": entry.pinned,
        "posted_at": entry.posted_at.isoformat(),
    }


def _key_events_changed(blog: LiveBlogPage) -> None:
    live_event_record(
        page_id=blog.pk,
        kind=Kind.KEY_EVENTS,
        data={"html": rendering.key_events_html(blog, selectors.key_events(blog))},
    )


def _validate_title(title: str, key_event: bool) -> str:
    title = (title or "").strip()
    if len(title) > 200:
        raise ValidationError({"title": "At most 200 characters."})
    return title


def _refuse_if_ended(blog: LiveBlogPage) -> None:
    ended = LiveBlogPage.objects.filter(pk=blog.pk).values_list("ended_at", flat=True).get()
    if ended is not None:
        raise ValidationError({"blog": "This live blog has ended; it takes no more entries."})


@transaction.atomic
def live_entry_post(
    *,
    blog: LiveBlogPage,
    body: list[dict],
    user=None,
    key_event: bool = False,
    title: str = "",
    authors: Iterable[AuthorPage] | None = None,
    posted_at=None,
) -> LiveEntry:
    """Post an entry at the top of the blog; every open page shows it within a second."""
    if user is not None:
        _require(can_post(user, blog), "You may not post to this live blog.")
    title = _validate_title(title, key_event)
    _refuse_if_ended(blog)
    entry = LiveEntry(
        blog=blog,
        body=body,
        posted_by=user,
        key_event=bool(key_event),
        title=title,
        posted_at=posted_at or timezone.now(),
    )
    # The body's blocks are checked; the rows it points at were just read.
    entry.full_clean(exclude=["authors", "blog", "posted_by"], validate_constraints=False)
    entry.save()
    byline = list(authors) if authors is not None else _entry_authors(user)
    LiveEntry.authors.through.objects.bulk_create(
        [LiveEntry.authors.through(liveentry=entry, authorpage=author) for author in byline]
    )
    entry._prefetched_objects_cache = {"authors": byline}  # what the event's HTML shows
    _record_change(entry, LiveEntryChange.Action.POSTED, user)
    live_event_record(page_id=blog.pk, kind=Kind.ENTRY, data=_entry_event_data(entry, blog))
    if entry.key_event:
        _key_events_changed(blog)
    return entry


@transaction.atomic
def live_entry_edit(
    *,
    entry: LiveEntry,
    user=None,
    body: list[dict] | None = None,
    key_event: bool | None = None,
    title: str | None = None,
) -> LiveEntry:
    """Change an entry's body, key-event flag or title; open pages replace it in place."""
    entry = LiveEntry.objects.select_for_update().select_related("blog").get(pk=entry.pk)
    blog = entry.blog
    if user is not None:
        _require(can_post(user, blog), "You may not edit entries of this live blog.")
    if entry.deleted_at is not None:
        raise ValidationError({"entry": "This entry was deleted."})
    was_key, old_title = entry.key_event, entry.title
    if body is not None:
        entry.body = body
    if key_event is not None:
        entry.key_event = bool(key_event)
    if title is not None:
        entry.title = _validate_title(title, entry.key_event)
    entry.edited_at = timezone.now()
    entry.full_clean(exclude=["authors"])
    entry.save()
    _record_change(entry, LiveEntryChange.Action.EDITED, user)
    live_event_record(page_id=blog.pk, kind=Kind.EDIT, data=_entry_event_data(entry, blog))
    if entry.key_event or was_key:
        if (was_key, old_title) != (entry.key_event, entry.title) or entry.key_event:
            _key_events_changed(blog)
    if entry.pinned:
        _pin_changed(blog, entry)
    return entry


@transaction.atomic
def live_entry_delete(*, entry: LiveEntry, user=None) -> LiveEntry:
    """Take an entry off the page (kept, with its history, for the desk)."""
    entry = LiveEntry.objects.select_for_update().select_related("blog").get(pk=entry.pk)
    blog = entry.blog
    if user is not None:
        _require(can_post(user, blog), "You may not delete entries of this live blog.")
    if entry.deleted_at is not None:
        return entry
    was_pinned = entry.pinned
    entry.deleted_at = timezone.now()
    entry.pinned = False
    entry.save(update_fields=["deleted_at", "pinned"])
    _record_change(entry, LiveEntryChange.Action.DELETED, user)
    live_event_record(page_id=blog.pk, kind=Kind.DELETE, data={"id": entry.pk})
    if entry.key_event:
        _key_events_changed(blog)
    if was_pinned:
        _pin_changed(blog, None)
    return entry


def _pin_changed(blog: LiveBlogPage, pinned: LiveEntry | None) -> None:
    live_event_record(
        page_id=blog.pk,
        kind=Kind.PIN,
        data={"id": pinned.pk if pinned else None, "html": rendering.pinned_html(blog, pinned)},
    )


@transaction.atomic
def live_entry_pin(*, entry: LiveEntry, user=None, pinned: bool = True) -> LiveEntry:
    """Pin an entry above the stream (unpinning whichever was), or unpin it."""
    entry = LiveEntry.objects.select_for_update().select_related("blog").get(pk=entry.pk)
    blog = entry.blog
    if user is not None:
        _require(can_post(user, blog), "You may not pin entries of this live blog.")
    if entry.deleted_at is not None:
        raise ValidationError({"entry": "This entry was deleted."})
    if entry.pinned == pinned:
        return entry
    if pinned:
        for other in LiveEntry.objects.filter(blog=blog, pinned=True).exclude(pk=entry.pk):
            other.pinned = False
            other.save(update_fields=["pinned"])
            _record_change(other, LiveEntryChange.Action.UNPINNED, user)
    entry.pinned = pinned
    entry.save(update_fields=["pinned"])
    action = LiveEntryChange.Action.PINNED if pinned else LiveEntryChange.Action.UNPINNED
    _record_change(entry, action, user)
    _pin_changed(blog, entry if pinned else None)
    return entry


# --- comments on any story ----------------------------------------------------------


def _announceable(article_ids, since):
    """The comments of `article_ids` readers see, made since `since` (COMMENT_WINDOW)."""
    from dateline.comments.models import Comment

    return Comment.objects.filter(
        article_id__in=list(article_ids), status="approved", created_at__gte=since
    )


def with_recent_comments(article_ids) -> set[int]:
    """Those of `article_ids` with comments `live_comments_announce` would look at."""
    recent = _announceable(article_ids, timezone.now() - COMMENT_WINDOW)
    return set(recent.order_by().values_list("article_id", flat=True).distinct())


def live_comments_announce(*, article_id: int) -> int:
    """Record an event for each comment readers can now see that no event announced yet.

    Called after any change to an article's comments commits; returns how many comments
    were announced. Only recent comments are considered (COMMENT_WINDOW).
    """
    since = timezone.now() - COMMENT_WINDOW
    visible = list(_announceable([article_id], since).order_by("pk").values_list("pk", flat=True))
    if not visible:  # a removal, or old comments (an import): nothing to announce
        return 0
    with transaction.atomic():
        LiveChannel.objects.get_or_create(page_id=article_id)
        channel = LiveChannel.objects.select_for_update().get(pk=article_id)
        announced = set(
            LiveEvent.objects.filter(
                channel=channel, kind=Kind.COMMENT, created_at__gte=since - COMMENT_WINDOW
            ).values_list("data", flat=True)
        )
        announced_ids = {json.loads(data)["id"] for data in announced}
        new = [pk for pk in visible if pk not in announced_ids]
        if not new:
            return 0
        from dateline.live.comments import comment_event_data

        for data in comment_event_data(article_id, new):
            live_event_record(page_id=article_id, kind=Kind.COMMENT, data=data, page_changed=False)
    return len(new)
