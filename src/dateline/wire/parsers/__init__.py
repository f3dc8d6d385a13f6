"""Pure parsers for agency copy: bytes in, cleaned items out. No Django, no network.

`parse_source(data, format=...)` reads RSS/Atom (feedparser), IPTC ninjs 1.x-3.x (JSON)
or NewsML-G2 (lxml) and returns a `ParsedSource`: the items, the items left out with the
reason, and warnings. A source that cannot be read as a whole (not well-formed, not
JSON, an HTML page, an unknown encoding) raises `SourceError` with a reason a person can
act on; nothing partial is ever returned.
"""

from __future__ import annotations

import re
from email.message import Message

from dateline.wire.parsers.common import ParsedSource, SourceError, WireEntry
from dateline.wire.parsers.feeds import parse_feed
from dateline.wire.parsers.newsml import parse_newsml
from dateline.wire.parsers.ninjs import parse_ninjs

__all__ = ["FORMATS", "ParsedSource", "SourceError", "WireEntry", "detect_format", "parse_source"]

FORMATS = ("auto", "feed", "ninjs", "newsml")

_HTML = re.compile(
    rb"^(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.I | re.S
)
_XML_ROOT = re.compile(rb"<(?![?!])(?:[\w.-]+:)?([\w.-]+)")


def _prefix(data: bytes) -> bytes:
    """The start of the document, readable for sniffing whatever its encoding (UTF-16's
    zero bytes dropped, a BOM and leading space skipped)."""
    head = data[:4096]
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        head = head.removeprefix(bom)
    return head.replace(b"\x00", b"").lstrip()


def detect_format(data: bytes) -> str:
    """feed, ninjs or newsml from the document itself; SourceError if it is none of them."""
    head = _prefix(data)
    if not head:
        raise SourceError("The document is empty.")
    if _HTML.match(head):
        raise SourceError(_html_reason(head))
    if head[:1] in (b"{", b"["):
        return "ninjs"
    body = re.sub(rb"^(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>|\s)*", b"", head, flags=re.S)
    match = _XML_ROOT.match(body)
    if match is None:
        raise SourceError("The document is neither XML nor JSON.")
    root = match[1].lower()
    if root in (b"newsmessage", b"newsitem"):
        return "newsml"
    if root in (b"rss", b"feed", b"rdf", b"channel"):
        return "feed"
    raise SourceError(
        f"A <{match[1].decode('ascii', 'replace')}> document is not a known wire format."
    )


def _html_reason(head: bytes) -> str:
    title = re.search(rb"<title[^>]*>(.*?)</title>", head, re.I | re.S)
    named = f' ("{title[1].decode("utf-8", "replace").strip()[:80]}")' if title else ""
    return f"This is an HTML page{named}, not a feed: a login or error page, or the wrong address?"


def _charset(content_type: str) -> str:
    message = Message()
    message["content-type"] = content_type or "application/octet-stream"
    return message.get_content_charset() or ""


def parse_source(
    data: bytes, *, format: str = "auto", content_type: str = "", location: str = ""
) -> ParsedSource:
    """Every item of one source (a fetched URL or a file), cleaned and ready to store."""
    if format not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}, not {format!r}")
    head = _prefix(data)
    if _HTML.match(head):
        raise SourceError(_html_reason(head))
    if format == "auto":
        format = detect_format(data)
    if format == "ninjs":
        return parse_ninjs(data, charset=_charset(content_type))
    if format == "newsml":
        return parse_newsml(data)
    return parse_feed(data, content_type=content_type, location=location)
