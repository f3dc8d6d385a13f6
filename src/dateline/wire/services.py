"""Writes for the wire: ingesting sources, polling providers, making stories from items.

Ingest is idempotent on (provider, guid, version): a version already stored changes
nothing, so a source read a hundred times creates each item once. A newer version
updates the item and flags the stories made from it; a withheld or killed item flags
them too. A source that cannot be read stores nothing: it is parsed whole before the
first write, and items are then written in batches, each item with its version row and
its flags in the same transaction.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import Comment

from dateline.news import services as news_services
from dateline.news.body import body_from_html
from dateline.wire.fetch import FetchError, fetch
from dateline.wire.models import WireItem, WireItemVersion, WireProvider, WireStory
from dateline.wire.parsers import SourceError, WireEntry, parse_source

logger = logging.getLogger("dateline.wire")

BATCH = 250
MAX_BACKOFF = timedelta(hours=6)
MAX_RETRY_AFTER = timedelta(hours=24)
FLAG_FOR_STATUS = {
    WireItem.Status.USABLE: WireStory.Flag.UPDATED,
    WireItem.Status.WITHHELD: WireStory.Flag.WITHHELD,
    WireItem.Status.CANCELED: WireStory.Flag.KILLED,
}


@dataclass
class IngestReport:
    """What one reading of a source did, for the command, the log and the admin."""

    source: str
    format: str = ""
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    flagged: int = 0
    not_modified: bool = False
    error: str = ""

    def summary(self) -> str:
        if self.error:
            return f"refused: {self.error}"
        if self.not_modified:
            return "not modified since the last reading"
        flagged = f", {self.flagged} stories flagged" if self.flagged else ""
        return (
            f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged, "
            f"{len(self.skipped)} skipped{flagged}"
        )


# -- ingest ------------------------------------------------------------------------------


def _supersedes(entry: WireEntry, version: str, created: datetime | None) -> bool:
    """Whether `entry` is newer than the version `version` created at `created`: numeric
    versions by number, others by the agency's version time (a content hash changes with
    the content, its date may not), and without either the one that arrived last."""
    if entry.version.isdigit() and version.isdigit():
        return int(entry.version) > int(version)
    if entry.version_created and created:
        return entry.version_created >= created
    return True


def _item_fields(entry: WireEntry, now: datetime) -> dict:
    return {
        "version": entry.version,
        "headline": entry.headline[:500],
        "summary": entry.summary,
        "body_html": entry.body_html,
        "byline": entry.byline[:200],
        "credit": entry.credit[:200],
        "link": entry.link,
        "language": entry.language,
        "located": entry.located,
        "slugline": entry.slugline,
        "ednote": entry.ednote,
        "urgency": entry.urgency,
        "status": entry.pubstatus,
        "embargoed_until": entry.embargoed,
        "version_created": entry.version_created or now,
        "first_created": entry.first_created,
        "subjects": list(entry.subjects),
        "renditions": [dict(r) for r in entry.renditions],
        "associations": [dict(a) for a in entry.associations],
        "updated_at": now,
    }


def _version_row(item: WireItem, now: datetime) -> WireItemVersion:
    return WireItemVersion(
        item=item,
        version=item.version,
        status=item.status,
        headline=item.headline,
        summary=item.summary,
        body_html=item.body_html,
        ednote=item.ednote,
        version_created=item.version_created,
        received_at=now,
    )


def _newest_per_guid(entries: list[WireEntry], report: IngestReport) -> list[WireEntry]:
    """One entry per guid: a source that lists an item twice keeps its newest version."""
    chosen: dict[str, WireEntry] = {}
    for entry in entries:
        kept = chosen.get(entry.guid)
        if kept is None:
            chosen[entry.guid] = entry
            continue
        if entry.version == kept.version:
            report.skipped.append((entry.guid, "listed twice with the same version"))
            continue
        newer = _supersedes(entry, kept.version, kept.version_created)
        chosen[entry.guid] = entry if newer else kept
        older = kept if newer else entry
        report.skipped.append((entry.guid, f"listed twice; version {older.version} was older"))
    return list(chosen.values())


@transaction.atomic
def _store_batch(provider: WireProvider, entries: list[WireEntry], report: IngestReport) -> None:
    now = timezone.now()
    stored = {
        item.guid: item
        for item in WireItem.objects.filter(provider=provider, guid__in=[e.guid for e in entries])
    }
    known = set(
        WireItemVersion.objects.filter(item__in=stored.values()).values_list(
            "item__guid", "version"
        )
    )
    new_items, new_versions = [], []
    for entry in entries:
        item = stored.get(entry.guid)
        if item is None:
            new_items.append(
                WireItem(
                    provider=provider, guid=entry.guid, received_at=now, **_item_fields(entry, now)
                )
            )
            continue
        if (entry.guid, entry.version) in known:
            report.unchanged += 1
            continue
        if not _supersedes(entry, item.version, item.version_created):
            report.skipped.append(
                (entry.guid, f"version {entry.version} is older than the stored {item.version}")
            )
            continue
        fields = _item_fields(entry, now)
        if entry.pubstatus != WireItem.Status.USABLE:
            # A withhold or kill notice is about the story: the desk keeps reading what
            # was withdrawn, with the agency's note saying why.
            keep = ("headline", "summary", "body_html", "byline", "credit", "link", "subjects")
            fields = {name: value for name, value in fields.items() if name not in keep}
        for name, value in fields.items():
            setattr(item, name, value)
        item.save()
        new_versions.append(_version_row(item, now))
        report.updated += 1
        report.flagged += WireStory.objects.filter(item=item).update(
            flag=FLAG_FOR_STATUS[item.status], flagged_at=now
        )
    if new_items:
        WireItem.objects.bulk_create(new_items)  # sets their ids on SQLite and PostgreSQL
        new_versions.extend(_version_row(item, now) for item in new_items)
        report.created += len(new_items)
    WireItemVersion.objects.bulk_create(new_versions)


def wire_ingest(
    *,
    provider: WireProvider,
    data: bytes,
    format: str = "",
    content_type: str = "",
    location: str = "",
) -> IngestReport:
    """Store every item of one source for `provider`.

    Raises SourceError (nothing stored) when the source cannot be read as a whole.
    """
    report = IngestReport(source=location or provider.source)
    parsed = parse_source(
        data, format=format or provider.format, content_type=content_type, location=location
    )
    report.format = parsed.format
    report.skipped.extend(parsed.skipped)
    report.warnings.extend(parsed.warnings)
    entries = _newest_per_guid(parsed.items, report)
    for start in range(0, len(entries), BATCH):
        _store_batch(provider, entries[start : start + BATCH], report)
    return report


# -- polling -----------------------------------------------------------------------------


def _backoff(provider: WireProvider, retry_after: int | None) -> timedelta:
    """Twice the wait after each failure in a row, from the poll interval up to 6 hours;
    longer if the server asked (Retry-After), up to a day."""
    delay = timedelta(seconds=provider.poll_interval * 2 ** min(provider.failures, 20))
    delay = min(delay, MAX_BACKOFF)
    if retry_after:
        delay = max(delay, min(timedelta(seconds=retry_after), MAX_RETRY_AFTER))
    return delay


def _read_upload(provider: WireProvider) -> tuple[bytes, str]:
    limit = settings.DATELINE_WIRE_MAX_BYTES
    try:
        with provider.upload.open("rb") as upload:
            data = upload.read(limit + 1)
    except OSError as error:
        raise FetchError(f"The uploaded file cannot be read: {error.strerror or error}.") from error
    if len(data) > limit:
        raise FetchError(f"The uploaded file is larger than {limit // 1_048_576} MB.")
    return data, hashlib.sha256(data).hexdigest()


def provider_poll(*, provider: WireProvider) -> IngestReport:
    """Read a provider's source once and record the outcome; never raises for a bad source.

    A failure (unreachable, an HTTP error, too big, too slow, unreadable) is logged with
    its reason and the provider waits longer before the next try; nothing is stored. The
    conditional-GET validators are kept only after a successful ingest, so a source that
    failed half-way is fetched whole again.
    """
    now = timezone.now()
    report = IngestReport(source=provider.source)
    validators = {}
    try:
        if provider.url:
            fetched = fetch(provider.url, etag=provider.etag, last_modified=provider.last_modified)
            if fetched.not_modified:
                report.not_modified = True
            else:
                report = wire_ingest(
                    provider=provider,
                    data=fetched.body,
                    content_type=fetched.content_type,
                    location=provider.url,
                )
                validators = {"etag": fetched.etag, "last_modified": fetched.last_modified}
        else:
            data, digest = _read_upload(provider)
            if digest == provider.content_hash:
                report.not_modified = True
            else:
                report = wire_ingest(provider=provider, data=data)
                validators = {"content_hash": digest}
    except (FetchError, SourceError) as error:
        report.error = str(error)
        retry_after = getattr(error, "retry_after", None)
        provider.failures += 1
        delay = _backoff(provider, retry_after)
        WireProvider.objects.filter(pk=provider.pk).update(
            failures=provider.failures,
            last_error=report.error,
            last_polled_at=now,
            next_poll_at=now + delay,
        )
        logger.warning(
            "Wire provider %r: %s Next try in %s (failure %d in a row).",
            provider.name,
            report.error,
            _duration(delay),
            provider.failures,
        )
        return report
    WireProvider.objects.filter(pk=provider.pk).update(
        failures=0,
        last_error="",
        last_polled_at=now,
        last_success_at=now,
        next_poll_at=now + timedelta(seconds=provider.poll_interval),
        **validators,
    )
    logger.info("Wire provider %r: %s.", provider.name, report.summary())
    return report


def _duration(delta: timedelta) -> str:
    seconds = int(delta.total_seconds())
    if seconds < 120:
        return f"{seconds} s"
    if seconds < 7200:
        return f"{seconds // 60} min"
    return f"{seconds // 3600} h"


def providers_due(now: datetime | None = None):
    now = now or timezone.now()
    return WireProvider.objects.filter(active=True).filter(
        Q(next_poll_at__isnull=True) | Q(next_poll_at__lte=now)
    )


def provider_claim(*, provider: WireProvider, now: datetime | None = None) -> bool:
    """Mark a due provider as being polled, so no other scheduler queues it again; only
    the scheduler whose update matched the provider's state queues the task."""
    now = now or timezone.now()
    claimed = WireProvider.objects.filter(
        pk=provider.pk, next_poll_at=provider.next_poll_at
    ).update(next_poll_at=now + timedelta(seconds=max(provider.poll_interval, 60)))
    return claimed == 1


def provider_for_source(*, source: str, name: str = "") -> tuple[WireProvider, bool]:
    """The provider `dateline wire ingest` files items under: the one named, else the one
    with this URL, else a new inactive one named after the source (never polled)."""
    if name:
        provider = WireProvider.objects.filter(name=name).first()
        if provider is None:
            raise ValidationError({"provider": f"No wire provider is called {name!r}."})
        return provider, False
    if source.startswith(("http://", "https://")):
        provider = WireProvider.objects.filter(url=source).first()
        if provider is not None:
            return provider, False
        label = source.split("//", 1)[1].split("/", 1)[0]
        return WireProvider.objects.get_or_create(
            name=label[:100], defaults={"url": source[:1000], "active": False}
        )
    label = Path(source).name[:100] or "Local files"
    provider = WireProvider.objects.filter(name=label).first()
    if provider is not None:
        return provider, False
    return WireProvider.objects.create(name=label, active=False), True


# -- stories from the wire ---------------------------------------------------------------


def wire_notes(item: WireItem) -> list[str]:
    """What the desk must know and readers must not see: the embargo, the agency's note."""
    notes = []
    if item.is_embargoed:
        when = timezone.localtime(item.embargoed_until)
        notes.append(
            f"Wire embargo: not for publication before {when:%Y-%m-%d %H:%M %Z}. The "
            "go-live time is set to it: publishing schedules the story for then."
        )
    if item.ednote:
        notes.append(f"Agency note: {item.ednote}")
    return notes


@transaction.atomic
def wire_story_create(*, item: WireItem, user, section=None, authors=None) -> WireStory:
    """A draft article from a wire item, filed as `user` with their page permissions.

    Headline, summary and the sanitised body come from the item; the byline is the
    user's own author page unless `authors` are given; the agency and its reporter are
    credited at the foot, with a link to the source. The embargo and the agency's note
    become editor comments on the draft (seen in the editor, never by readers), and an
    embargo still running becomes the draft's go-live time, so publishing it schedules it.
    """
    if item.status != WireItem.Status.USABLE:
        raise ValidationError({"item": f"This item is {item.get_status_display().lower()}."})
    section = section or item.provider.default_section
    if section is None:
        raise ValidationError({"section": "Choose a section: the provider has no default."})
    if not authors:
        own = getattr(user, "author_profile", None)
        if own is None:
            raise ValidationError({"authors": "Choose an author: your account has no author page."})
        authors = [own]
    body = body_from_html(item.body_html + _credit_html(item))
    version = item.versions.get(version=item.version)
    article = news_services.article_file(
        user=user,
        section=section,
        title=item.headline[:255],
        standfirst=(item.summary or item.headline)[:600],
        authors=authors,
        body=body.blocks,
        dateline_place=item.located[:100],
        embargo_until=item.embargoed_until if item.is_embargoed else None,
    )
    for note in wire_notes(item):
        Comment.objects.create(page=article, user=user, text=note, contentpath="title")
    return WireStory.objects.create(
        item=item, article=article, made_from=version, checked_against=version, made_by=user
    )


def _credit_html(item: WireItem) -> str:
    credit = item.credit or item.provider.credit or item.provider.name
    byline = f"{escape(item.byline)}, " if item.byline else ""
    link = f' (<a href="{escape(item.link)}">source</a>)' if item.link else ""
    return f"<p><i>{byline}{escape(credit)}</i>{link}</p>"


def wire_story_checked(*, story: WireStory, user) -> WireStory:
    """The desk has seen the wire's change: clear the flag, compare with this version next."""
    if not story.article.permissions_for_user(user).can_edit():
        raise PermissionDenied("You may not edit this story.")
    story.checked_against = story.item.versions.get(version=story.item.version)
    story.flag = WireStory.Flag.NONE
    story.flagged_at = None
    story.save(update_fields=["checked_against", "flag", "flagged_at"])
    return story
