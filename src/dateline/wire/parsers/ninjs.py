"""IPTC ninjs (News in JSON) 1.x, 2.x and 3.x.

1.x has `headline`, `body_html`/`body_text`, `description_text` and `renditions` /
`associations` as objects keyed by name; 2.x has arrays: `headlines`, `bodies`,
`descriptions`, `renditions` and `associations`, each entry with a role/name; 3.x writes
property names in camelCase (`versionCreated`, `pubStatus`, `contentType`). Names are
read case-insensitively, so one reader covers all three. A source is one item, an array
of items, or an object holding them in `items`/`data`.
"""

from __future__ import annotations

import codecs
import json
import re

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

TEXT_TYPES = ("text", "composite", "")
HTML_TYPES = ("text/html", "application/xhtml+xml")
MAIN_ROLES = ("", "main", "body", "headline", "default")


def _lower_keys(value):
    if isinstance(value, dict):
        return {str(key).lower(): _lower_keys(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_lower_keys(item) for item in value]
    return value


def _camel_case(value) -> bool:
    return isinstance(value, dict) and any(re.search(r"[a-z][A-Z]", key) for key in value)


def _decode(data: bytes, charset: str) -> str:
    if charset and codecs.lookup(charset).name not in ("utf-8", "utf-16", "utf-32"):
        try:
            return data.decode(charset)
        except (UnicodeDecodeError, LookupError) as error:
            raise SourceError(f"The document is not valid {charset} text.") from error
    try:
        return data.decode(json.detect_encoding(data))
    except UnicodeDecodeError as error:
        raise SourceError(
            f"The document is not valid UTF-8 text (byte {data[error.start]:#x} at "
            f"position {error.start}); ninjs is UTF-8."
        ) from error


def load_documents(data: bytes, charset: str = "") -> list:
    """The JSON objects of a ninjs source; raises SourceError for anything else."""
    try:
        text = _decode(data, charset)
    except LookupError as error:
        raise SourceError(f"Unknown character set {charset!r}.") from error
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise SourceError(
            f"The document is not valid JSON (line {error.lineno}, column {error.colno}: "
            f"{error.msg})."
        ) from error
    except RecursionError as error:
        raise SourceError("The JSON document is nested too deeply.") from error
    if isinstance(document, dict):
        for key in ("items", "data"):
            if isinstance(document.get(key), list) and "uri" not in document:
                return document[key]
        return [document]
    if isinstance(document, list):
        return document
    raise SourceError("The JSON document is neither a ninjs item nor a list of them.")


def _version_label(raw: dict) -> str:
    standard = raw.get("standard") if isinstance(raw.get("standard"), dict) else {}
    declared = str(standard.get("version") or "")
    schema = str(raw.get("$schema") or standard.get("schema") or "")
    match = re.search(r"(\d+)\.\d+", declared) or re.search(r"schema_(\d+)\.\d+", schema)
    if match:
        return f"{match[1]}.x"
    if _camel_case(raw):
        return "3.x"
    if any(key in raw for key in ("headlines", "bodies", "descriptions")):
        return "2.x"
    return "1.x"


def _pick(entries, kinds=None) -> dict | None:
    """The main entry of a ninjs 2.x array (headlines, bodies...), preferring `kinds`."""
    entries = [e for e in entries if isinstance(e, dict) and isinstance(e.get("value"), str)]
    for wanted in kinds or (None,):
        for entry in entries:
            role = str(entry.get("role") or "").lower()
            kind = str(entry.get("contenttype") or "").lower()
            if role in MAIN_ROLES and (wanted is None or kind == wanted):
                return entry
    return entries[0] if entries else None


def _headline(item: dict) -> str:
    if isinstance(item.get("headlines"), list):
        chosen = _pick(item["headlines"])
        if chosen:
            return clean_text(chosen["value"])
    return clean_text(item.get("headline") or item.get("title"))


def _body(item: dict) -> str:
    if isinstance(item.get("bodies"), list):
        chosen = _pick(item["bodies"], kinds=(*HTML_TYPES, "text/plain", ""))
        if chosen is None:
            return ""
        kind = str(chosen.get("contenttype") or "").lower()
        if kind in HTML_TYPES or (not kind and "<" in chosen["value"]):
            return clean_html(chosen["value"])
        return text_to_html(chosen["value"])
    for key in ("body_html", "body_xhtml"):
        if isinstance(item.get(key), str) and item[key].strip():
            return clean_html(item[key])
    return text_to_html(item.get("body_text") if isinstance(item.get("body_text"), str) else "")


def _summary(item: dict) -> str:
    if isinstance(item.get("descriptions"), list):
        chosen = _pick(item["descriptions"])
        return clean_text(re.sub(r"<[^>]+>", " ", chosen["value"])) if chosen else ""
    text = item.get("description_text") or item.get("description_html") or ""
    return clean_text(re.sub(r"<[^>]+>", " ", text)) if isinstance(text, str) else ""


def _named(value) -> list[dict]:
    """1.x keeps renditions/associations in an object keyed by name, 2.x in an array."""
    if isinstance(value, dict):
        return [{**entry, "name": name} for name, entry in value.items() if isinstance(entry, dict)]
    if isinstance(value, list):
        return [entry for entry in value if isinstance(entry, dict)]
    return []


def _number(value):
    return value if isinstance(value, int | float) and not isinstance(value, bool) else None


def _rendition(entry: dict) -> dict:
    return {
        "name": clean_text(entry.get("name"))[:100],
        "href": safe_url(entry.get("href")),
        "contenttype": clean_text(entry.get("contenttype") or entry.get("mimetype"))[:100],
        "width": _number(entry.get("width")),
        "height": _number(entry.get("height")),
    }


def _association(entry: dict) -> dict:
    renditions = [_rendition(r) for r in _named(entry.get("renditions"))]
    hrefs = [r["href"] for r in renditions if r["href"]]
    return {
        "name": clean_text(entry.get("name"))[:100],
        "uri": clean_text(entry.get("uri"))[:500],
        "type": clean_text(entry.get("type"))[:20],
        "headline": _headline(entry)[:255],
        "byline": clean_text(entry.get("by") or entry.get("byline"))[:200],
        "href": hrefs[0] if hrefs else "",
    }


def _link(renditions: list[dict]) -> str:
    for rendition in renditions:
        if rendition["contenttype"] in HTML_TYPES and rendition["href"]:
            return rendition["href"]
    return ""


def _credit(item: dict) -> str:
    holder = item.get("copyrightholder")
    if isinstance(holder, dict):
        holder = holder.get("name")
    if not holder and isinstance(item.get("infosources"), list) and item["infosources"]:
        first = item["infosources"][0]
        holder = first.get("name") if isinstance(first, dict) else ""
    return clean_text(holder)[:200]


def _subjects(item: dict) -> tuple[str, ...]:
    names = []
    for key in ("subjects", "subject"):
        for subject in item.get(key) or []:
            if isinstance(subject, dict) and subject.get("name"):
                names.append(clean_text(subject["name"])[:100])
    return tuple(dict.fromkeys(names))


def _entry(raw, parsed: ParsedSource, position: int) -> WireEntry | None:
    if not isinstance(raw, dict):
        parsed.skip(f"item {position}", "it is not a JSON object")
        return None
    item = _lower_keys(raw)
    guid = usable_id(item.get("uri"))
    label = guid or f"item {position}"
    if not guid:
        parsed.skip(label, "it has no uri")
        return None
    kind = clean_text(item.get("type")).lower()
    if kind not in TEXT_TYPES:
        parsed.skip(label, f"it is a {kind} item, not text")
        return None
    headline = _headline(item)
    status = pubstatus(item.get("pubstatus"))
    if not headline and status == "usable":  # a kill notice may carry nothing but its id
        parsed.skip(label, "it has no headline")
        return None
    body = _body(item)
    renditions = [_rendition(r) for r in _named(item.get("renditions"))]
    version_created = parse_datetime(item.get("versioncreated"))
    version = usable_version(item.get("version")) or usable_version(item.get("versioncreated"))
    return WireEntry(
        guid=guid,
        version=version or fingerprint(headline, body),
        headline=headline,
        body_html=body,
        summary=_summary(item),
        byline=clean_text(item.get("by") or item.get("byline"))[:200],
        link=_link(renditions),
        language=clean_text(item.get("language"))[:20],
        located=clean_text(item.get("located"))[:100],
        slugline=clean_text(item.get("slugline"))[:100],
        ednote=clean_text(item.get("ednote"))[:1000],
        credit=_credit(item),
        urgency=urgency(item.get("urgency")),
        pubstatus=status,
        kind=kind or "text",
        version_created=version_created,
        first_created=parse_datetime(item.get("firstcreated")) or version_created,
        embargoed=parse_datetime(item.get("embargoed")),
        subjects=_subjects(item),
        renditions=tuple(renditions),
        associations=tuple(_association(a) for a in _named(item.get("associations"))),
    )


def parse_ninjs(data: bytes, *, charset: str = "") -> ParsedSource:
    documents = load_documents(data, charset)
    labels = {_version_label(d) for d in documents if isinstance(d, dict)}
    parsed = ParsedSource(format="ninjs " + "/".join(sorted(labels)) if labels else "ninjs")
    for position, raw in enumerate(documents, start=1):
        entry = _entry(raw, parsed, position)
        if entry is not None:
            parsed.items.append(entry)
    return parsed
