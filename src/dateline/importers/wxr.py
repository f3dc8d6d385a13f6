"""Streaming reader for WordPress eXtended RSS (WXR) exports.

WordPress's "Tools > Export" writes one RSS file holding the whole site: a channel header,
the authors, the terms, then one ``<item>`` per post, page or attachment, each carrying its
own comments. Exports of busy news sites run to gigabytes, so this module walks the file
with ``lxml.etree.iterparse`` and throws every item away once it has been turned into a
record: memory stays flat whatever the size of the file.

``iter_wxr()`` yields, in file order::

    WxrSite       once, before anything else
    WxrAuthor     one per <wp:author>
    WxrTerm       one per category, tag or custom-taxonomy term
    WxrPost       one per <item> (posts, pages, attachments, any custom post type)
    WxrProblem    in place of anything that could not be read, and the file goes on

The parser is pure: no Django, no network, no DTD or entity loading. It reports what the
file says and leaves decisions (which post types to import, what to do with spam) to the
importer. A file that is not well-formed XML, or not a WordPress export at all, raises
``WxrError``.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, tzinfo
from types import MappingProxyType
from typing import IO, Literal, NamedTuple

from lxml import etree

__all__ = [
    "CommentStatus",
    "WxrAuthor",
    "WxrComment",
    "WxrError",
    "WxrPost",
    "WxrProblem",
    "WxrRecord",
    "WxrSite",
    "WxrTerm",
    "WxrTermRef",
    "iter_wxr",
    "read_site",
]

SUPPORTED_WXR_VERSIONS = ("1.0", "1.1", "1.2")
_WP_NAMESPACE = re.compile(r"^https?://wordpress\.org/export/(?P<version>[^/]+)/$")
_EXCERPT_NAMESPACE = re.compile(r"^https?://wordpress\.org/export/[^/]+/excerpt/$")
_CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
_DC_NS = "http://purl.org/dc/elements/1.1/"
_ZERO_DATE = "0000-00-00 00:00:00"

CommentStatus = Literal["approved", "pending", "spam", "trash"]
_COMMENT_STATUSES: dict[str, CommentStatus] = {
    "1": "approved",
    "approve": "approved",
    "0": "pending",
    "hold": "pending",
    "spam": "spam",
    "trash": "trash",
    # WordPress parks the comments of a trashed post as 'post-trashed'.
    "post-trashed": "trash",
}


class WxrError(Exception):
    """The file cannot be read as a WordPress export at all."""

    def __init__(self, message: str, *, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.line = line
        self.column = column


@dataclass(frozen=True)
class WxrSite:
    title: str
    link: str
    description: str
    language: str
    base_site_url: str
    base_blog_url: str
    wxr_version: str


@dataclass(frozen=True)
class WxrAuthor:
    wp_id: int | None
    login: str
    email: str
    display_name: str
    first_name: str
    last_name: str


@dataclass(frozen=True)
class WxrTerm:
    """A category, a tag, or a term of another taxonomy (``kind`` is then its name)."""

    kind: str
    taxonomy: str
    wp_id: int | None
    slug: str
    name: str
    parent_slug: str | None
    description: str


class WxrTermRef(NamedTuple):
    """A post's reference to a term, as written on the item: ``(domain, slug, name)``."""

    domain: str
    slug: str
    name: str


@dataclass(frozen=True)
class WxrComment:
    wp_id: int
    parent_id: int | None
    author_name: str
    author_email: str
    author_url: str
    author_ip: str
    date: datetime
    content: str
    status: CommentStatus
    user_id: int | None
    type: str


@dataclass(frozen=True)
class WxrPost:
    """One ``<item>``. ``date`` is None only for drafts WordPress never gave a date."""

    wp_id: int
    post_type: str
    title: str
    link: str
    guid: str
    slug: str
    status: str
    date: datetime | None
    modified: datetime | None
    excerpt: str
    content: str
    creator: str
    categories: tuple[WxrTermRef, ...]
    tags: tuple[WxrTermRef, ...]
    other_terms: tuple[WxrTermRef, ...]
    # Read-only; when a key repeats, the first value wins, as get_post_meta(..., single=True).
    postmeta: Mapping[str, str]
    attachment_url: str
    parent_id: int | None
    menu_order: int
    comment_status: str
    password: str
    is_sticky: bool
    comments: tuple[WxrComment, ...] = field(default=())


ProblemKind = Literal[
    "invalid-item",  # the item is skipped
    "invalid-comment",  # the comment is skipped, the post is kept
    "orphan-comment",  # the comment is kept as a top-level comment
    "unknown-comment-status",  # the comment is kept as pending
    "invalid-author",  # the author is skipped
    "invalid-term",  # the term is skipped
]


@dataclass(frozen=True)
class WxrProblem:
    """Something in the file that was skipped or repaired; ``wp_id`` is the item's id."""

    kind: ProblemKind
    wp_id: int | None
    message: str
    line: int | None = None


WxrRecord = WxrSite | WxrAuthor | WxrTerm | WxrPost | WxrProblem


class _Invalid(Exception):
    """Raised inside the reader for one bad record; turned into a WxrProblem."""


def read_site(source: str | os.PathLike[str] | IO[bytes]) -> WxrSite:
    """Return the site header without reading the rest of the file."""
    for record in iter_wxr(source):
        if isinstance(record, WxrSite):
            return record
    raise WxrError("the export has no <channel>")  # unreachable: iter_wxr raises first


def iter_wxr(
    source: str | os.PathLike[str] | IO[bytes],
    *,
    local_timezone: tzinfo = UTC,
) -> Iterator[WxrRecord]:
    """Yield the records of a WXR export in file order, in constant memory.

    ``source`` is a path or a binary file object. Dates come from the ``*_gmt`` fields;
    WordPress leaves those empty for some drafts, and then the local-time field is read in
    ``local_timezone`` (a WXR file does not say which timezone the site used). Every
    datetime returned is timezone-aware UTC.
    """
    name = os.fspath(source) if isinstance(source, str | os.PathLike) else _stream_name(source)
    reader = _Reader(local_timezone)
    parser = etree.iterparse(
        os.fspath(source) if isinstance(source, os.PathLike) else source,
        events=("start-ns", "end"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        remove_blank_text=False,
        huge_tree=False,
    )
    try:
        for event, payload in parser:
            if event == "start-ns":
                reader.namespace_declared(*payload)
            else:
                yield from reader.element_ended(payload)
    except etree.XMLSyntaxError as exc:
        raise _syntax_error(name, exc) from exc
    yield from reader.finish(name)


def _syntax_error(name: str, exc: etree.XMLSyntaxError) -> WxrError:
    line, column = exc.position if exc.position else (exc.lineno, None)
    # libxml2 appends ", line N, column M" to its message; say it once, in front.
    reason = re.sub(r",? line \d+, column \d+$", "", (exc.msg or "").strip())
    if "EntityRef" in reason:
        reason += " (a bare '&' outside CDATA? it must be written &amp;)"
    where = f"line {line}" + (f", column {column}" if column else "")
    return WxrError(f"{name}: not well-formed XML at {where}: {reason}", line=line, column=column)


def _stream_name(stream: object) -> str:
    stream_name = getattr(stream, "name", None)
    return stream_name if isinstance(stream_name, str) else "<stream>"


class _Reader:
    """Turns iterparse 'end' events into records; keeps only what the header needs."""

    def __init__(self, local_timezone: tzinfo):
        self.local_timezone = local_timezone
        self.declared: dict[str, str] = {}
        self.wp: str | None = None
        self.excerpt_ns: str | None = None
        self.version = ""
        self.checked = False
        self.channel_seen = False
        self.header: dict[str, str] = {}
        self.site: WxrSite | None = None
        self.seen_terms: set[tuple[str, str]] = set()

    def namespace_declared(self, prefix: str, uri: str) -> None:
        self.declared[prefix] = uri

    # -- structure -------------------------------------------------------------------

    def _check_document(self, element: etree._Element) -> None:
        """Runs at the first end event, when every namespace on <rss>/<channel> is known."""
        self.checked = True
        root = element.getroottree().getroot()
        if root.tag != "rss":
            raise WxrError(f"not a WordPress export: the root element is <{root.tag}>, not <rss>")
        for uri in self.declared.values():
            match = _WP_NAMESPACE.match(uri)
            if match:
                if match["version"] not in SUPPORTED_WXR_VERSIONS:
                    raise WxrError(
                        f"unsupported WXR version {match['version']} (namespace {uri}); "
                        f"this importer reads versions {', '.join(SUPPORTED_WXR_VERSIONS)}"
                    )
                self.wp, self.version = uri, match["version"]
            elif _EXCERPT_NAMESPACE.match(uri):
                self.excerpt_ns = uri
        if self.wp is None:
            raise WxrError(
                "not a WordPress export: the file does not declare the WXR namespace "
                '(xmlns:wp="http://wordpress.org/export/1.2/"); is it a plain RSS feed?'
            )
        if self.excerpt_ns is None:
            self.excerpt_ns = f"http://wordpress.org/export/{self.version}/excerpt/"

    def element_ended(self, element: etree._Element) -> Iterator[WxrRecord]:
        if not self.checked:
            self._check_document(element)
        parent = element.getparent()
        if parent is None:
            return
        if element.tag == "channel" and parent.getparent() is None:
            self.channel_seen = True
            if self.site is None:
                yield self._make_site()
            return
        if parent.tag != "channel":
            return  # parts of an item or term: read when their parent ends
        try:
            yield from self._channel_child(element)
        finally:
            # Constant memory: drop this element and everything before it.
            element.clear(keep_tail=False)
            while element.getprevious() is not None:
                del parent[0]

    def _channel_child(self, element: etree._Element) -> Iterator[WxrRecord]:
        wp = self.wp
        tag = element.tag
        if self.site is None:
            header_tag = self._header_tag(tag)
            if header_tag is not None:
                self.header.setdefault(header_tag, (element.text or "").strip())
                return
            yield self._make_site()
        if tag == f"{{{wp}}}author":
            yield self._author(element)
        elif tag in (f"{{{wp}}}category", f"{{{wp}}}tag", f"{{{wp}}}term"):
            yield from self._term(element)
        elif tag == "item":
            yield from self._item(element)

    def _header_tag(self, tag: str) -> str | None:
        if tag in ("title", "link", "description", "language", "pubDate"):
            return tag
        prefix = f"{{{self.wp}}}"
        if tag.startswith(prefix) and tag[len(prefix) :] in (
            "wxr_version",
            "base_site_url",
            "base_blog_url",
        ):
            return tag[len(prefix) :]
        return None

    def _make_site(self) -> WxrSite:
        h = self.header
        self.site = WxrSite(
            title=h.get("title", ""),
            link=h.get("link", ""),
            description=h.get("description", ""),
            language=h.get("language", ""),
            base_site_url=h.get("base_site_url", ""),
            base_blog_url=h.get("base_blog_url", "") or h.get("link", ""),
            wxr_version=h.get("wxr_version", "") or self.version,
        )
        return self.site

    def finish(self, name: str) -> Iterator[WxrRecord]:
        if not self.checked:
            raise WxrError(f"{name}: the file holds no XML elements")
        if not self.channel_seen:
            raise WxrError(f"not a WordPress export: {name} has no <channel> inside <rss>")
        return iter(())

    # -- records ---------------------------------------------------------------------

    def _wp(self, fields: dict[str, str], name: str) -> str:
        return fields.get(f"{{{self.wp}}}{name}", "")

    def _author(self, element: etree._Element) -> WxrAuthor | WxrProblem:
        f = _child_texts(element)
        login = self._wp(f, "author_login").strip()
        raw_id = self._wp(f, "author_id")
        try:
            wp_id = _optional_int(raw_id, "author_id")
        except _Invalid as exc:
            return WxrProblem(
                "invalid-author", None, f"author {login!r}: {exc}", element.sourceline
            )
        if not login:
            return WxrProblem("invalid-author", wp_id, "an author has no login", element.sourceline)
        return WxrAuthor(
            wp_id=wp_id,
            login=login,
            email=self._wp(f, "author_email").strip(),
            display_name=self._wp(f, "author_display_name").strip() or login,
            first_name=self._wp(f, "author_first_name").strip(),
            last_name=self._wp(f, "author_last_name").strip(),
        )

    def _term(self, element: etree._Element) -> Iterator[WxrTerm | WxrProblem]:
        local = etree.QName(element).localname
        f = _child_texts(element)
        if local == "category":
            taxonomy = "category"
            slug = self._wp(f, "category_nicename")
            name = self._wp(f, "cat_name")
            parent = self._wp(f, "category_parent")
            description = self._wp(f, "category_description")
        elif local == "tag":
            taxonomy = "post_tag"
            slug = self._wp(f, "tag_slug")
            name = self._wp(f, "tag_name")
            parent = ""
            description = self._wp(f, "tag_description")
        else:
            taxonomy = self._wp(f, "term_taxonomy").strip()
            slug = self._wp(f, "term_slug")
            name = self._wp(f, "term_name")
            parent = self._wp(f, "term_parent")
            description = self._wp(f, "term_description")
        slug = slug.strip()
        try:
            wp_id = _optional_int(self._wp(f, "term_id"), "term_id")
        except _Invalid as exc:
            yield WxrProblem("invalid-term", None, f"term {slug!r}: {exc}", element.sourceline)
            return
        if not slug or not taxonomy:
            yield WxrProblem(
                "invalid-term",
                wp_id,
                f"a {local} has no slug or taxonomy (name {name!r})",
                element.sourceline,
            )
            return
        # WordPress 6 lists categories and tags twice: as <wp:category>/<wp:tag> and
        # again as <wp:term>. Report each term once.
        if (taxonomy, slug) in self.seen_terms:
            return
        self.seen_terms.add((taxonomy, slug))
        kind = {"category": "category", "post_tag": "tag"}.get(taxonomy, taxonomy)
        yield WxrTerm(
            kind=kind,
            taxonomy=taxonomy,
            wp_id=wp_id,
            slug=slug,
            # WordPress stores term names HTML-escaped ("Ports &amp; shipping").
            name=html.unescape(name.strip()) or slug,
            parent_slug=parent.strip() or None,
            description=description,
        )

    def _item(self, item: etree._Element) -> Iterator[WxrPost | WxrProblem]:
        f = _child_texts(item)
        raw_id = self._wp(f, "post_id").strip()
        title = f.get("title", "")
        line = item.sourceline
        try:
            wp_id = _required_int(raw_id, "post_id")
        except _Invalid as exc:
            yield WxrProblem("invalid-item", None, f"item {title!r}: {exc}", line)
            return
        try:
            post = self._post(item, f, wp_id)
        except _Invalid as exc:
            yield WxrProblem("invalid-item", wp_id, f"item {title!r}: {exc}", line)
            return
        comments, problems = self._comments(item, wp_id)
        yield WxrPost(**post, comments=comments)
        yield from problems

    def _post(self, item: etree._Element, f: dict[str, str], wp_id: int) -> dict[str, object]:
        categories: list[WxrTermRef] = []
        tags: list[WxrTermRef] = []
        others: list[WxrTermRef] = []
        for ref in _term_refs(item):
            {"category": categories, "post_tag": tags}.get(ref.domain, others).append(ref)
        postmeta: dict[str, str] = {}
        for meta in item.iterchildren(f"{{{self.wp}}}postmeta"):
            key = self._wp(_child_texts(meta), "meta_key")
            if key and key not in postmeta:
                postmeta[key] = self._wp(_child_texts(meta), "meta_value")
        return {
            "wp_id": wp_id,
            "post_type": self._wp(f, "post_type").strip() or "post",
            "title": f.get("title", ""),
            "link": f.get("link", "").strip(),
            "guid": f.get("guid", "").strip(),
            "slug": self._wp(f, "post_name").strip(),
            "status": self._wp(f, "status").strip() or "publish",
            "date": self._datetime(f, "post_date"),
            "modified": self._datetime(f, "post_modified"),
            "excerpt": f.get(f"{{{self.excerpt_ns}}}encoded", ""),
            "content": f.get(f"{{{_CONTENT_NS}}}encoded", ""),
            "creator": f.get(f"{{{_DC_NS}}}creator", "").strip(),
            "categories": tuple(categories),
            "tags": tuple(tags),
            "other_terms": tuple(others),
            "postmeta": MappingProxyType(postmeta),
            "attachment_url": self._wp(f, "attachment_url").strip(),
            "parent_id": _optional_int(self._wp(f, "post_parent"), "post_parent"),
            "menu_order": _optional_int(
                self._wp(f, "menu_order"), "menu_order", allow_negative=True
            )
            or 0,
            "comment_status": self._wp(f, "comment_status").strip(),
            "password": self._wp(f, "post_password"),
            "is_sticky": self._wp(f, "is_sticky").strip() == "1",
        }

    def _datetime(self, f: dict[str, str], name: str) -> datetime | None:
        """``name_gmt`` as UTC, else ``name`` read in the local timezone, else None."""
        gmt = self._wp(f, f"{name}_gmt").strip()
        if gmt and gmt != _ZERO_DATE:
            return _parse_wp_datetime(gmt, f"{name}_gmt", UTC)
        local = self._wp(f, name).strip()
        if local and local != _ZERO_DATE:
            return _parse_wp_datetime(local, name, self.local_timezone)
        return None

    def _comments(
        self, item: etree._Element, post_id: int
    ) -> tuple[tuple[WxrComment, ...], list[WxrProblem]]:
        comments: list[WxrComment] = []
        problems: list[WxrProblem] = []
        lines: dict[int, int | None] = {}
        for element in item.iterchildren(f"{{{self.wp}}}comment"):
            try:
                comment = self._comment(element, problems, post_id)
            except _Invalid as exc:
                problems.append(
                    WxrProblem(
                        "invalid-comment",
                        post_id,
                        f"a comment on post {post_id} was skipped: {exc}",
                        element.sourceline,
                    )
                )
                continue
            if comment.wp_id in lines:
                problems.append(
                    WxrProblem(
                        "invalid-comment",
                        post_id,
                        f"comment {comment.wp_id} appears twice on post {post_id}; "
                        "the second copy was skipped",
                        element.sourceline,
                    )
                )
                continue
            lines[comment.wp_id] = element.sourceline
            comments.append(comment)
        return _repair_threads(comments, post_id, problems, lines), problems

    def _comment(
        self, element: etree._Element, problems: list[WxrProblem], post_id: int
    ) -> WxrComment:
        f = _child_texts(element)
        wp_id = _required_int(self._wp(f, "comment_id"), "comment_id")
        date = self._datetime(f, "comment_date")
        if date is None:
            raise _Invalid(f"comment {wp_id} has no date")
        raw_status = self._wp(f, "comment_approved").strip()
        status = _COMMENT_STATUSES.get(raw_status)
        if status is None:
            status = "pending"
            problems.append(
                WxrProblem(
                    "unknown-comment-status",
                    post_id,
                    f"comment {wp_id} has status {raw_status!r}; it was kept as pending",
                    element.sourceline,
                )
            )
        return WxrComment(
            wp_id=wp_id,
            parent_id=_optional_int(self._wp(f, "comment_parent"), "comment_parent"),
            # Stored escaped, like term names: pingbacks carry "Site &raquo; Title".
            author_name=html.unescape(self._wp(f, "comment_author").strip()),
            author_email=self._wp(f, "comment_author_email").strip(),
            author_url=self._wp(f, "comment_author_url").strip(),
            author_ip=self._wp(f, "comment_author_IP").strip(),
            date=date,
            content=self._wp(f, "comment_content"),
            status=status,
            user_id=_optional_int(self._wp(f, "comment_user_id"), "comment_user_id"),
            # WordPress before 5.5 stored ordinary comments with an empty type.
            type=self._wp(f, "comment_type").strip() or "comment",
        )


def _repair_threads(
    comments: list[WxrComment],
    post_id: int,
    problems: list[WxrProblem],
    lines: dict[int, int | None],
) -> tuple[WxrComment, ...]:
    """Make every reply point at a comment of the same post, without cycles.

    A reply whose parent is missing (deleted, or spam that the exporter left out) or that
    sits in a loop becomes a top-level comment: the text is kept, the thread is not.
    """
    by_id = {c.wp_id: c for c in comments}
    fixed: dict[int, WxrComment] = {}
    for comment in comments:
        parent = comment.parent_id
        reason = None
        if parent is not None and parent not in by_id:
            reason = f"its parent comment {parent} is not in the export"
        elif parent is not None:
            visited = {comment.wp_id}
            cursor: int | None = parent
            while cursor is not None:
                if cursor in visited:
                    reason = f"its parent chain loops back on itself (via comment {cursor})"
                    break
                visited.add(cursor)
                ancestor = fixed.get(cursor) or by_id.get(cursor)
                cursor = ancestor.parent_id if ancestor else None
        if reason:
            problems.append(
                WxrProblem(
                    "orphan-comment",
                    post_id,
                    f"comment {comment.wp_id} on post {post_id} is kept as a top-level "
                    f"comment: {reason}",
                    lines.get(comment.wp_id),
                )
            )
            comment = replace(comment, parent_id=None)
        fixed[comment.wp_id] = comment
    return tuple(fixed[c.wp_id] for c in comments)


def _term_refs(item: etree._Element) -> Iterator[WxrTermRef]:
    """The item's <category> elements; WXR 1.0 also writes nameless duplicates and 'tag'."""
    seen: set[tuple[str, str]] = set()
    refs: list[WxrTermRef] = []
    for element in item.iterchildren("category"):
        domain = (element.get("domain") or "category").strip()
        if domain == "tag":
            domain = "post_tag"
        name = html.unescape((element.text or "").strip())
        slug = (element.get("nicename") or "").strip()
        refs.append(WxrTermRef(domain, slug, name))
    with_slug = {(r.domain, r.name) for r in refs if r.slug}
    for ref in refs:
        key = (ref.domain, ref.slug or ref.name)
        if (not ref.slug and (ref.domain, ref.name) in with_slug) or key in seen:
            continue
        seen.add(key)
        yield ref


def _child_texts(element: etree._Element) -> dict[str, str]:
    """Text of each direct child by tag (first one wins): one pass instead of a search each."""
    texts: dict[str, str] = {}
    for child in element:
        tag = child.tag
        if isinstance(tag, str) and tag not in texts:
            texts[tag] = child.text or ""
    return texts


def _required_int(raw: str, field_name: str) -> int:
    value = _optional_int(raw, field_name)
    if value is None:
        raise _Invalid(f"{field_name} is missing")
    return value


def _optional_int(raw: str, field_name: str, *, allow_negative: bool = False) -> int | None:
    """WordPress writes 0 for "none" in id fields; return None for it."""
    raw = raw.strip()
    if not raw:
        return None
    if not raw.isascii() or not raw.removeprefix("-").isdigit():
        raise _Invalid(f"{field_name} {raw!r} is not a number")
    value = int(raw)
    if value < 0 and not allow_negative:
        raise _Invalid(f"{field_name} {raw!r} is negative")
    return value or None


_WP_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}")


def _parse_wp_datetime(raw: str, field_name: str, tz: tzinfo) -> datetime:
    try:
        if not _WP_DATETIME.fullmatch(raw):
            raise ValueError(raw)
        moment = datetime.fromisoformat(raw).replace(tzinfo=tz)
    except ValueError:
        raise _Invalid(
            f"{field_name} {raw!r} is not a date (expected YYYY-MM-DD HH:MM:SS)"
        ) from None
    return moment.astimezone(UTC)
