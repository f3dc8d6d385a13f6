"""IPTC NewsML-G2 text items (lxml): a newsMessage of items, or one newsItem.

Metadata comes from itemMeta and contentMeta; the text from the contentSet's inlineXML
(NITF `body.content` or XHTML `body`) or inlineData (plain text). Picture, video and
other items are listed as skipped. The parser never resolves entities or fetches DTDs.
"""

from __future__ import annotations

from lxml import etree

from dateline.wire.parsers.common import (
    ParsedSource,
    SourceError,
    WireEntry,
    clean_html,
    clean_text,
    fingerprint,
    parse_datetime,
    pubstatus,
    safe_url,
    text_to_html,
    urgency,
    usable_id,
    usable_version,
)

G2 = "http://iptc.org/std/nar/2006-10-01/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NITF_HEADINGS = {"hl1": "h2", "hl2": "h3"}
TEXT_CLASSES = ("ninat:text", "ninat:composite", "")


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=False
    )


def _local(element) -> str:
    tag = element.tag
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _first(element, *path: str):
    """The first descendant following `path` (local names, any namespace)."""
    current = element
    for name in path:
        if current is None:
            return None
        current = next((child for child in current if _local(child) == name), None)
    return current


def _all(element, name: str) -> list:
    return [child for child in element if _local(child) == name] if element is not None else []


def _text(element) -> str:
    return clean_text("".join(element.itertext())) if element is not None else ""


def _plain_html(element) -> str:
    """An XML fragment's children as HTML, namespaces dropped, NITF's tags mapped."""
    copy = etree.fromstring(etree.tostring(element), _parser())
    for node in copy.iter():
        if not isinstance(node.tag, str):
            continue
        name = etree.QName(node).localname
        node.tag = NITF_HEADINGS.get(name, "div" if name == "block" else name)
        node.attrib.pop("id", None)
    etree.cleanup_namespaces(copy)
    parts = [copy.text or ""] + [
        etree.tostring(child, encoding="unicode", method="html") for child in copy
    ]
    return clean_html("".join(parts))


def _body(item) -> str:
    content_set = _first(item, "contentSet")
    if content_set is None:
        return ""
    for inline in _all(content_set, "inlineXML"):
        body_content = next((e for e in inline.iter() if _local(e) == "body.content"), None)
        if body_content is not None:
            return _plain_html(body_content)
        body = next((e for e in inline.iter() if _local(e) == "body"), None)
        if body is not None:
            return _plain_html(body)
    for inline in _all(content_set, "inlineData"):
        return text_to_html(inline.text)
    return ""


def _qcode(element) -> str:
    return (element.get("qcode") or "").strip() if element is not None else ""


def _entry(item, parsed: ParsedSource, position: int) -> WireEntry | None:
    guid = usable_id(item.get("guid"))
    label = guid or f"item {position}"
    if not guid:
        parsed.skip(label, "it has no guid")
        return None
    meta = _first(item, "itemMeta")
    content = _first(item, "contentMeta")
    item_class = _qcode(_first(meta, "itemClass"))
    if item_class not in TEXT_CLASSES:
        parsed.skip(label, f"it is a {item_class.partition(':')[2] or item_class} item, not text")
        return None
    status = pubstatus(_qcode(_first(meta, "pubStatus")))
    headline = _text(_first(content, "headline"))
    if not headline and status == "usable":
        parsed.skip(label, "it has no headline")
        return None
    body = _body(item)
    version_created = parse_datetime(_text(_first(meta, "versionCreated")))
    summaries = _all(content, "description")
    summary = next(
        (d for d in summaries if (d.get("role") or "") in ("", "drol:summary")),
        summaries[0] if summaries else None,
    )
    links = [safe_url(link.get("href")) for link in _all(meta, "link")]
    creators = [_text(_first(c, "name")) for c in _all(content, "creator")]
    language = _first(content, "language")
    return WireEntry(
        guid=guid,
        version=usable_version(item.get("version")) or fingerprint(headline, body),
        headline=headline,
        body_html=body,
        summary=_text(summary),
        byline=(_text(_first(content, "by")) or ", ".join(c for c in creators if c))[:200],
        link=next((link for link in links if link), ""),
        language=clean_text(language.get("tag") if language is not None else item.get(XML_LANG))[
            :20
        ],
        located=_text(_first(content, "located", "name"))[:100],
        slugline=_text(_first(content, "slugline"))[:100],
        ednote=_text(_first(meta, "edNote"))[:1000],
        credit=_text(_first(item, "rightsInfo", "copyrightHolder", "name"))[:200],
        urgency=urgency(_text(_first(content, "urgency"))),
        pubstatus=status,
        kind=item_class.partition(":")[2] or "text",
        version_created=version_created,
        first_created=parse_datetime(_text(_first(meta, "firstCreated"))) or version_created,
        embargoed=parse_datetime(_text(_first(meta, "embargoed"))),
        subjects=tuple(
            dict.fromkeys(
                _text(_first(s, "name"))[:100]
                for s in _all(content, "subject")
                if _text(_first(s, "name"))
            )
        ),
    )


def parse_newsml(data: bytes) -> ParsedSource:
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as error:
        raise SourceError(f"The document is not well-formed XML ({error.msg}).") from error
    except ValueError as error:  # e.g. an encoding lxml does not know
        raise SourceError(f"The document cannot be read as XML ({error}).") from error
    if etree.QName(root).namespace != G2 or _local(root) not in ("newsMessage", "newsItem"):
        raise SourceError("This is not a NewsML-G2 newsMessage or newsItem.")
    parsed = ParsedSource(format="NewsML-G2")
    if _local(root) == "newsItem":
        items = [root]
    else:
        items = []
        for item_set in _all(root, "itemSet"):
            for child in item_set:
                if _local(child) == "newsItem":
                    items.append(child)
                elif isinstance(child.tag, str):
                    parsed.skip(child.get("guid") or _local(child), f"it is a {_local(child)}")
    for position, item in enumerate(items, start=1):
        entry = _entry(item, parsed, position)
        if entry is not None:
            parsed.items.append(entry)
    return parsed
