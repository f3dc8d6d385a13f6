"""RSS 2.0, RSS 1.0 (RDF) and Atom through feedparser, in any encoding it can decode.

A feed that is not well-formed XML is refused as a whole (feedparser's forgiving parser
could recover part of a truncated feed, and half a story is worse than none); HTML's
named entities (`&nbsp;`), which many feeds use without declaring, are not a reason.
"""

from __future__ import annotations

import io
import re
import xml.sax
from datetime import UTC, datetime
from html.entities import name2codepoint

import feedparser

from dateline.wire.parsers.common import (
    ParsedSource,
    SourceError,
    WireEntry,
    clean_html,
    clean_text,
    fingerprint,
    safe_url,
    text_to_html,
    usable_id,
    usable_version,
)

VERSIONS = {
    "rss20": "RSS 2.0",
    "rss091u": "RSS 0.91",
    "rss091n": "RSS 0.91",
    "rss092": "RSS 0.92",
    "rss093": "RSS 0.93",
    "rss094": "RSS 0.94",
    "rss10": "RSS 1.0",
    "rss090": "RSS 0.90",
    "atom10": "Atom 1.0",
    "atom03": "Atom 0.3",
    "rss": "RSS",
    "atom": "Atom",
}
_XML_ENTITIES = {"amp", "lt", "gt", "quot", "apos"}
_NAMED_ENTITY = re.compile(rb"&([A-Za-z][A-Za-z0-9]{1,31});")


def _numeric_entities(data: bytes) -> bytes:
    """HTML's named entities as numeric references, which every XML parser knows."""

    def replace(match: re.Match[bytes]) -> bytes:
        name = match[1].decode("ascii")
        if name in _XML_ENTITIES or name not in name2codepoint:
            return match[0]
        return b"&#%d;" % name2codepoint[name]

    return _NAMED_ENTITY.sub(replace, data)


def _when(entry, key: str) -> datetime | None:
    # dict.get: feedparser's own get() would answer "updated" with "published".
    value = dict.get(entry, f"{key}_parsed")
    if not value:
        return None
    try:
        return datetime(*value[:6], tzinfo=UTC)
    except (TypeError, ValueError):
        return None


def _body(entry) -> str:
    """The fullest text the entry has: content (HTML preferred), else its summary."""
    contents = entry.get("content") or []
    for wanted in ("text/html", "application/xhtml+xml"):
        for content in contents:
            if content.get("type") == wanted and content.get("value", "").strip():
                return clean_html(content["value"])
    for content in contents:
        if content.get("value", "").strip():
            return text_to_html(content["value"])
    detail = entry.get("summary_detail") or {}
    summary = entry.get("summary", "")
    if detail.get("type") == "text/plain":
        return text_to_html(summary)
    return clean_html(summary)


def _summary(entry, body: str) -> str:
    if not entry.get("content"):
        return ""  # the summary is the body
    return clean_text(re.sub(r"<[^>]+>", " ", entry.get("summary", "")))


def _entry(
    entry, feed_rights: str, parsed: ParsedSource, position: int, *, atom: bool
) -> WireEntry | None:
    guid = usable_id(entry.get("id") or entry.get("link"))
    label = guid or f"item {position}"
    if not guid:
        parsed.skip(label, "it has no id (guid) or link")
        return None
    headline = entry.get("title", "")
    if (entry.get("title_detail") or {}).get("type") in ("text/html", "application/xhtml+xml"):
        headline = re.sub(r"<[^>]+>", "", headline)
    headline = clean_text(headline)
    body = _body(entry)
    if not headline:
        parsed.skip(label, "it has no headline")
        return None
    updated = _when(entry, "updated")
    published = _when(entry, "published")
    # Feeds give no version: Atom's <updated> (which must change with the entry), else
    # the content itself (an RSS pubDate stays the same through corrections).
    version = usable_version(dict.get(entry, "updated")) if atom and updated else ""
    authors = [clean_text(a.get("name")) for a in entry.get("authors") or [] if a.get("name")]
    byline = ", ".join(a for a in authors if a) or clean_text(entry.get("author"))
    return WireEntry(
        guid=guid,
        version=version or fingerprint(headline, body, entry.get("summary", "")),
        headline=headline,
        body_html=body,
        summary=_summary(entry, body),
        byline=byline,
        link=safe_url(entry.get("link")),
        language=clean_text(entry.get("language"))[:20],
        credit=clean_text(entry.get("rights") or feed_rights)[:200],
        version_created=updated or published,
        first_created=published or updated,
        subjects=tuple(
            clean_text(tag.get("term"))[:100] for tag in entry.get("tags") or [] if tag.get("term")
        ),
    )


def parse_feed(data: bytes, *, content_type: str = "", location: str = "") -> ParsedSource:
    """Items of an RSS/Atom feed; raises SourceError when the feed cannot be trusted."""
    headers = {"content-location": location} if location else {}
    if content_type:
        headers["content-type"] = content_type
    result = feedparser.parse(
        io.BytesIO(_numeric_entities(data)), response_headers=headers, sanitize_html=True
    )
    problem = result.get("bozo_exception")
    if isinstance(problem, xml.sax.SAXParseException):
        raise SourceError(
            f"The feed is not well-formed XML (line {problem.getLineNumber()}, column "
            f"{problem.getColumnNumber()}: {problem.getMessage()})."
        )
    if isinstance(problem, feedparser.CharacterEncodingUnknown):
        raise SourceError("The feed's character encoding could not be recognised.")
    version = result.get("version") or ""
    if not version:
        raise SourceError("This is not an RSS or Atom feed.")
    parsed = ParsedSource(format=VERSIONS.get(version, version))
    if isinstance(problem, feedparser.CharacterEncodingOverride):
        parsed.warnings.append(f"Encoding: {problem}.")
    feed_rights = clean_text(result.feed.get("rights"))
    for position, entry in enumerate(result.entries, start=1):
        item = _entry(entry, feed_rights, parsed, position, atom=version.startswith("atom"))
        if item is not None:
            parsed.items.append(item)
    return parsed
