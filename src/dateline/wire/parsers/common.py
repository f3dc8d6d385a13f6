"""What every wire parser returns, and the small cleaning they share. No Django here."""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

import nh3

# Tags kept in a stored wire body: enough to read and to turn into article blocks, nothing
# that runs, loads or styles anything in the desk's preview.
BODY_TAGS = {
    "p", "br", "b", "strong", "i", "em", "a", "ul", "ol", "li",
    "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "cite", "pre",
}  # fmt: skip
LINK_SCHEMES = {"http", "https", "mailto"}
PUBSTATUSES = ("usable", "withheld", "canceled")
ID_MAX = 500
VERSION_MAX = 64

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_SPACES = re.compile(r"\s+")


class SourceError(Exception):
    """The source as a whole cannot be read; the message says why, for a person."""


@dataclass(frozen=True)
class WireEntry:
    """One agency item as its source describes it, cleaned but not yet stored."""

    guid: str
    version: str
    headline: str
    body_html: str = ""
    summary: str = ""
    byline: str = ""
    link: str = ""
    language: str = ""
    located: str = ""
    slugline: str = ""
    ednote: str = ""
    credit: str = ""
    urgency: int | None = None
    pubstatus: str = "usable"
    kind: str = "text"
    version_created: datetime | None = None
    first_created: datetime | None = None
    embargoed: datetime | None = None
    subjects: tuple[str, ...] = ()
    renditions: tuple[dict, ...] = ()
    associations: tuple[dict, ...] = ()


@dataclass
class ParsedSource:
    """Everything read from one source: its items, and those left out with the reason."""

    format: str
    items: list[WireEntry] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def skip(self, item: str, reason: str) -> None:
        self.skipped.append((item, reason))


def clean_text(value) -> str:
    """One line of plain text: entities decoded, control characters gone, spaces collapsed."""
    if value is None:
        return ""
    text = html.unescape(str(value)) if "&" in str(value) else str(value)
    return _SPACES.sub(" ", _CONTROL.sub("", text)).strip()


def clean_html(value: str | None) -> str:
    """Agency HTML reduced to readable, inert markup (nh3)."""
    if not value:
        return ""
    cleaned = nh3.clean(
        _CONTROL.sub("", value),
        tags=BODY_TAGS,
        attributes={"a": {"href"}},
        url_schemes=LINK_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    return cleaned.strip()


def text_to_html(value: str | None) -> str:
    """Plain wire text as paragraphs: a blank line (or an indented line) starts one."""
    if not value:
        return ""
    text = _CONTROL.sub("", value).replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = re.split(r"\n\s*\n|\n(?=[ \t]+\S)", text)
    return "".join(
        f"<p>{html.escape(_SPACES.sub(' ', p).strip(), quote=False)}</p>"
        for p in paragraphs
        if p.strip()
    )


def parse_datetime(value) -> datetime | None:
    """An aware UTC datetime from ISO 8601 text (naive taken as UTC), else None."""
    if not value or not isinstance(value, str):
        return None
    text = value.strip()
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    try:
        return parsed.astimezone(UTC)
    except (OverflowError, ValueError):
        return None


def fingerprint(*parts: str) -> str:
    """A version for sources that give none: the content's own hash."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8", "replace")).hexdigest()
    return f"sha256:{digest[:16]}"


def usable_id(value) -> str:
    text = clean_text(value)
    return text if len(text) <= ID_MAX else ""


def usable_version(value) -> str:
    return clean_text(value)[:VERSION_MAX]


def pubstatus(value) -> str:
    """usable, withheld or canceled from ninjs values or G2 qcodes (stat:canceled)."""
    text = clean_text(value).lower().rpartition(":")[2]
    if text in ("cancelled", "kill", "killed"):
        return "canceled"
    return text if text in PUBSTATUSES else "usable"


def urgency(value) -> int | None:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return number if 1 <= number <= 9 else None


def safe_url(value) -> str:
    text = clean_text(value)
    return text if re.match(r"https?://", text, re.I) and len(text) <= 1000 else ""
