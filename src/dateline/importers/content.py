"""WordPress post content to Dateline Article body blocks.

``wordpress_html_to_blocks()`` takes ``post_content`` exactly as a WXR export holds it
(block-editor markup with ``<!-- wp:... -->`` comments, or classic-editor text that
WordPress only turns into paragraphs at display time) and returns StreamField-style
``{"type": ..., "value": ...}`` dicts for the Article body:

==============  ===========================================================================
``paragraph``   rich-text HTML: ``<p>`` (or one ``<ul>``/``<ol>``), ``<a href>``, ``<b>``,
                ``<i>``, ``<br>``; cleaned by nh3 as the very last step
``subheading``  plain text, from ``<h1>``-``<h6>``
``quote``       ``{"quote": text, "attribution": text}``, from ``<blockquote>`` and the
                quote/pullquote blocks (the attribution comes from ``<cite>``)
``image``       ``{"src", "wp_attachment_id", "alt", "caption", "credit"}``, from ``<img>``,
                image blocks with ``<figcaption>`` and ``[caption]`` shortcodes
``embed``       a URL, from embed blocks, ``[embed]``, a known provider's URL alone on a
                line, and YouTube/Vimeo ``<iframe>`` players
==============  ===========================================================================

Anything an editor should look at after the import (a shortcode Dateline does not run, a
removed ``<script>``, an iframe from an unknown host) is listed in ``warnings``; the
conversion itself never raises. The module is pure: no Django, no network.

Regular expressions only find shortcodes, block delimiters and bare URLs on a line, the
three things that are not HTML; the HTML itself goes through lxml's parser.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlsplit

import lxml.html
import nh3
from lxml import etree

__all__ = ["ConvertedContent", "html_to_blocks", "html_to_text", "wordpress_html_to_blocks"]

RICH_TEXT_TAGS = frozenset({"p", "a", "b", "strong", "i", "em", "ul", "ol", "li", "br"})
LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

# Hosts whose bare URLs WordPress would turn into an oEmbed player (and Wagtail can too).
EMBED_PROVIDERS = (
    "youtube.com",
    "youtu.be",
    "vimeo.com",
    "dailymotion.com",
    "dai.ly",
    "twitter.com",
    "x.com",
    "instagram.com",
    "facebook.com",
    "soundcloud.com",
    "spotify.com",
    "tiktok.com",
    "flickr.com",
    "flic.kr",
    "ted.com",
    "mixcloud.com",
    "reddit.com",
    "tumblr.com",
    "imgur.com",
    "scribd.com",
    "slideshare.net",
    "speakerdeck.com",
    "wordpress.tv",
    "videopress.com",
    "bsky.app",
)

# Shortcodes that come with WordPress or with the plugins news sites run most; any of
# these is reported even when written bare ("[gallery]"), other bracketed words only when
# they look like a shortcode (attributes, a closing tag, "/]").
KNOWN_SHORTCODES = frozenset(
    {
        "audio",
        "caption",
        "embed",
        "gallery",
        "playlist",
        "video",
        "wp_caption",
        "contact-form-7",
        "contact-form",
        "gravityform",
        "wpforms",
        "ninja_form",
        "mc4wp_form",
        "ad",
        "adsense",
        "tweet",
        "youtube",
        "vimeo",
        "soundcloud",
        "googlemaps",
        "polldaddy",
        "crowdsignal",
        "slideshow",
        "instagram",
        "recent-posts",
        "related",
        "et_pb_section",
        "vc_row",
        "vc_column",
        "vc_column_text",
        "fusion_builder_container",
    }
)


@dataclass(frozen=True)
class ConvertedContent:
    blocks: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def wordpress_html_to_blocks(html: str) -> ConvertedContent:
    """Convert one post's ``post_content`` into Article body blocks plus warnings."""
    converter = _Converter()
    text = _usable_text(html or "")
    if "<!-- wp:" in text:
        for name, attrs, inner in _split_top_level_blocks(text, converter.warn):
            converter.block(name, attrs, inner)
    else:
        converter.classic(text)
    return ConvertedContent(
        blocks=converter.blocks, warnings=list(dict.fromkeys(converter.warnings))
    )


_BLOCK_TAG = re.compile(r"<(?:p|div|br|ul|ol|li|h[1-6]|blockquote|figure|table|pre)\b", re.I)


def html_to_blocks(html: str) -> ConvertedContent:
    """Convert ordinary HTML (an API body, an agency story) into body blocks plus warnings.

    No WordPress conventions (block comments, shortcodes); text without any block-level
    tag is split into paragraphs at blank lines, as a plain-text wire story is written.
    """
    converter = _Converter()
    text = _usable_text(html or "")
    converter.html(text, autop=not _BLOCK_TAG.search(text))
    return ConvertedContent(
        blocks=converter.blocks, warnings=list(dict.fromkeys(converter.warnings))
    )


def html_to_text(html: str) -> str:
    """Plain text of an HTML snippet (a title, an excerpt), entities decoded."""
    root = _parse_fragment(_usable_text(html or ""))
    return _plain_text(root) if root is not None else ""


# -- input -------------------------------------------------------------------------------

# Characters that cannot exist in an XML/HTML tree (lxml refuses them outright).
_UNUSABLE_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _usable_text(text: str) -> str:
    return _UNUSABLE_CHARS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _parse_fragment(source: str) -> etree._Element | None:
    """Parse an HTML fragment; the returned element is a container for its content."""
    if not source.strip():
        return None
    try:
        document = lxml.html.document_fromstring(f"<html><body>{source}</body></html>")
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        fallback = lxml.html.Element("body")
        fallback.text = source
        return fallback
    body = document.find("body")
    return body if body is not None else lxml.html.Element("body")


# -- block-editor markup -----------------------------------------------------------------

_BLOCK_DELIMITER = re.compile(
    r"<!--\s+(?P<closer>/)?wp:(?P<name>[a-z][a-z0-9_-]*(?:/[a-z][a-z0-9_-]*)?)\s+"
    r"(?P<attrs>\{.*?\}\s+)?(?P<void>/)?-->",
    re.DOTALL,
)


def _split_top_level_blocks(text: str, warn) -> list[tuple[str, dict[str, Any], str]]:
    """Cut serialized blocks into (name, attrs, inner HTML) at the top level.

    Inner blocks (list items, a quote's paragraphs) stay inside their parent's HTML, where
    their delimiters are plain comments the HTML walk ignores. Text between top-level
    blocks is classic content ("core/freeform").
    """
    segments: list[tuple[str, dict[str, Any], str]] = []
    depth = 0
    position = 0
    current: tuple[str, dict[str, Any], int] | None = None
    for match in _BLOCK_DELIMITER.finditer(text):
        name = match["name"] if "/" in match["name"] else f"core/{match['name']}"
        if depth == 0:
            if match["closer"]:
                continue  # a stray closer: an ordinary comment
            if text[position : match.start()].strip():
                segments.append(("core/freeform", {}, text[position : match.start()]))
            attrs = _block_attrs(match["attrs"], name, warn)
            if match["void"]:
                segments.append((name, attrs, ""))
                position = match.end()
            else:
                current = (name, attrs, match.end())
                depth = 1
        elif match["void"]:
            continue
        elif match["closer"]:
            depth -= 1
            if depth == 0 and current is not None:
                segments.append((current[0], current[1], text[current[2] : match.start()]))
                position = match.end()
                current = None
        else:
            depth += 1
    if current is not None:
        warn(
            f"The block wp:{current[0].removeprefix('core/')} is not closed; its content was kept."
        )
        segments.append((current[0], current[1], text[current[2] :]))
    elif text[position:].strip():
        segments.append(("core/freeform", {}, text[position:]))
    return segments


def _block_attrs(raw: str | None, name: str, warn) -> dict[str, Any]:
    if not raw:
        return {}
    try:
        attrs = json.loads(raw)
    except ValueError:
        warn(f"The settings of a wp:{name.removeprefix('core/')} block could not be read.")
        return {}
    return attrs if isinstance(attrs, dict) else {}


# -- shortcodes and bare URLs (classic content) --------------------------------------------

# Opens with a literal "[" so the search jumps from bracket to bracket (an optional
# group first made it try every character of the post: 150 times slower).
_SHORTCODE_OPEN = re.compile(
    r"\[(?P<escape>\[)?(?P<name>[A-Za-z][\w-]*)(?P<attrs>(?:\s[^\]]*?)?)(?P<selfclose>/)?\]"
)
_SHORTCODE_ATTR = re.compile(
    r"""(?P<key>[\w-]+)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'\]]+))"""
)
_BARE_URL_LINE = re.compile(r"^[ \t]*(?P<url>https?://[^\s<>\"]+)[ \t]*$", re.MULTILINE)
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
_AUTOP_BREAK = re.compile(r"(?:<br>)?[ \t]*\n[ \t]*")
_WHITESPACE = re.compile(r"[ \t\n]+")
_SPACES = re.compile(r"[ \t]+")
_LEADING_BREAKS = re.compile(r"^(?:[ \t\n]|<br>)+")


def _strip_breaks(markup: str) -> str:
    """Markup without the white space and <br>s around it.

    Not one regular expression: a trailing ``(...)+$`` is tried at every space of the
    paragraph; that was three times slower, about a quarter of converting a long post.
    """
    markup = _LEADING_BREAKS.sub("", markup)
    while True:
        markup = markup.rstrip(" \t\n")
        if not markup.endswith("<br>"):
            return markup
        markup = markup[: -len("<br>")]


def _shortcode_attrs(raw: str) -> dict[str, str]:
    return {
        m["key"].lower(): html_lib.unescape(m["dq"] or m["sq"] or m["bare"] or "")
        for m in _SHORTCODE_ATTR.finditer(raw)
    }


def _attachment_id(raw: str | None) -> int | None:
    match = re.search(r"(\d+)$", (raw or "").strip())
    return int(match[1]) if match else None


def _esc_attr(value: str) -> str:
    return html_lib.escape(value, quote=True)


class _Converter:
    def __init__(self) -> None:
        self.blocks: list[dict[str, Any]] = []
        self.warnings: list[str] = []
        self._paragraph: list[str] = []
        self._autop = False
        self._block_attachment_id: int | None = None

    def warn(self, message: str) -> None:
        self.warnings.append(message)

    # -- entry points --------------------------------------------------------------------

    def block(self, name: str, attrs: dict[str, Any], inner: str) -> None:
        if name == "core/freeform":
            self.classic(inner)
        elif name == "core/embed" or name.startswith("core-embed/"):
            url = attrs.get("url") if isinstance(attrs.get("url"), str) else ""
            self.embed(url or html_to_text(inner).strip())
        elif name == "core/shortcode":
            self.classic(inner)
        elif name in ("core/more", "core/nextpage", "core/separator", "core/spacer"):
            return
        elif not inner.strip():
            if name == "core/block":
                self.warn(
                    f"A reusable block (wp_block {attrs.get('ref', '?')}) was left out; "
                    "its content lives in a separate post."
                )
            else:
                self.warn(
                    f"The block wp:{name.removeprefix('core/')} is generated by WordPress "
                    "when the page is shown and has no saved content; it was left out."
                )
        else:
            attachment = attrs.get("id") if name == "core/image" else None
            self._block_attachment_id = attachment if isinstance(attachment, int) else None
            self.html(self._expand_shortcodes(inner), autop=False)
            self._block_attachment_id = None

    def classic(self, text: str) -> None:
        """Classic-editor content: shortcodes, auto-embeds, then wpautop paragraphs."""
        if not text.strip():
            return
        text = self._expand_shortcodes(text)
        text = _BARE_URL_LINE.sub(self._bare_url, text)
        self.html(text, autop=True)

    def html(self, source: str, *, autop: bool) -> None:
        root = _parse_fragment(source)
        if root is None:
            return
        self._flush()
        previous, self._autop = self._autop, autop
        try:
            self._children(root)
            self._flush()
        finally:
            self._autop = previous

    # -- shortcodes ----------------------------------------------------------------------

    def _expand_shortcodes(self, text: str) -> str:
        out: list[str] = []
        position = 0
        while True:
            match = _SHORTCODE_OPEN.search(text, position)
            if match is None:
                break
            out.append(text[position : match.start()])
            name = match["name"]
            closing_tag = f"[/{name}]"
            if match["escape"]:
                # [[gallery]] is how WordPress writes a literal "[gallery]".
                end = match.end() + 1 if text[match.end() : match.end() + 1] == "]" else match.end()
                out.append(text[match.start() + 1 : end - 1] if end > match.end() else match[0])
                position = end
                continue
            close_at = -1 if match["selfclose"] else text.find(closing_tag, match.end())
            attrs = _shortcode_attrs(match["attrs"])
            lowered = name.lower()
            if lowered in ("caption", "wp_caption") and close_at >= 0:
                out.append(self._caption(attrs, text[match.end() : close_at]))
                position = close_at + len(closing_tag)
            elif lowered == "embed" and close_at >= 0:
                url = html_lib.unescape(text[match.end() : close_at]).strip()
                out.append(f'\n\n<figure data-dateline-embed="{_esc_attr(url)}"></figure>\n\n')
                position = close_at + len(closing_tag)
            else:
                looks_like_shortcode = (
                    lowered in KNOWN_SHORTCODES
                    or "=" in match["attrs"]
                    or bool(match["selfclose"])
                    or close_at >= 0
                )
                if looks_like_shortcode:
                    self.warn(
                        f"Shortcode [{name}] is not supported by Dateline; it was kept as text."
                    )
                out.append(match[0])
                position = match.end()
        out.append(text[position:])
        return "".join(out)

    def _caption(self, attrs: dict[str, str], inner: str) -> str:
        attachment = _attachment_id(attrs.get("id"))
        caption = attrs.get("caption", "")
        figcaption = f"<figcaption>{html_lib.escape(caption)}</figcaption>" if caption else ""
        data = f' data-wp-attachment-id="{attachment}"' if attachment else ""
        return f"\n\n<figure{data}>{inner}{figcaption}</figure>\n\n"

    def _bare_url(self, match: re.Match[str]) -> str:
        url = match["url"]
        if _is_embed_provider(url):
            return f'\n<figure data-dateline-embed="{_esc_attr(url)}"></figure>\n'
        return f'<a href="{_esc_attr(url)}">{html_lib.escape(url)}</a>'

    # -- the HTML walk -------------------------------------------------------------------

    def _children(self, element: etree._Element) -> None:
        self._text(element.text)
        for child in element:
            self._node(child)
            self._text(child.tail)

    def _text(self, text: str | None) -> None:
        if not text:
            return
        if not self._autop:
            self._paragraph.append(html_lib.escape(text, quote=False))
            return
        # wpautop: a blank line ends a paragraph.
        for index, part in enumerate(_BLANK_LINE.split(text)):
            if index:
                self._flush()
            self._paragraph.append(html_lib.escape(part, quote=False))

    def _node(self, element: etree._Element) -> None:
        tag = _tag(element)
        if tag is None:
            return
        if tag in _DROPPED:
            self._dropped(tag)
            return
        if tag == "br":
            self._paragraph.append("<br>")
            return
        if tag not in _BLOCK_LEVEL:
            if _contains_block(element):
                self._children(element)  # e.g. <a href><img></a>: keep the image
            else:
                self._paragraph.append(self._inline_html(element))
            return
        self._flush()
        handler = {
            "ul": self._list,
            "ol": self._list,
            "blockquote": self._blockquote,
            "figure": self._figure,
            "img": self._image,
            "iframe": self._iframe,
            "table": self._table,
            "pre": self._pre,
            "hr": lambda element: None,
        }.get(tag)
        if handler is not None:
            handler(element)
        elif tag in _HEADINGS:
            text = _plain_text(element)
            if text:
                self.blocks.append({"type": "subheading", "value": text})
        else:
            self._children(element)  # p, div and other containers
        self._flush()

    def _flush(self) -> None:
        if not self._paragraph:
            return
        markup = "".join(self._paragraph)
        self._paragraph = []
        if self._autop:
            markup = _AUTOP_BREAK.sub("<br>", markup.strip(" \t\n"))
        else:
            markup = _WHITESPACE.sub(" ", markup)
        markup = _SPACES.sub(" ", _strip_breaks(markup))
        self._add_rich_text(f"<p>{markup}</p>")

    def _add_rich_text(self, markup: str) -> None:
        cleaned = _sanitize(markup)
        root = _parse_fragment(cleaned)
        if root is not None and root.text_content().strip():
            self.blocks.append({"type": "paragraph", "value": cleaned})

    def _dropped(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.warn(f"A <{tag}> element was removed.")
        elif tag not in ("head", "title", "meta", "link", "base"):
            self.warn(f"A <{tag}> element was left out.")

    def _inline_html(self, element: etree._Element, *, in_list: bool = False) -> str:
        """Serialise inline content with only the rich-text tags; the rest is unwrapped."""
        tag = _tag(element)
        if tag is None:
            return ""
        if tag in _DROPPED:
            self._dropped(tag)
            return ""
        if tag == "br":
            return "<br>"
        if tag in ("img", "iframe"):
            self.warn(f"An <{tag}> inside a list was left out.")
            return ""
        opening = closing = ""
        if tag in ("b", "strong"):
            opening, closing = "<b>", "</b>"
        elif tag in ("i", "em"):
            opening, closing = "<i>", "</i>"
        elif tag == "a":
            href = _safe_link(element.get("href"))
            if href:
                opening, closing = f'<a href="{_esc_attr(href)}">', "</a>"
        elif in_list and tag in ("ul", "ol", "li"):
            opening, closing = f"<{tag}>", f"</{tag}>"
        elif in_list and tag in _BLOCK_LEVEL:
            opening = " "  # a <p> inside an <li>: keep words apart
        parts = [opening, html_lib.escape(element.text or "", quote=False)]
        for child in element:
            parts.append(self._inline_html(child, in_list=in_list))
            parts.append(html_lib.escape(child.tail or "", quote=False))
        parts.append(closing)
        return "".join(parts)

    # -- block-level elements ------------------------------------------------------------

    def _list(self, element: etree._Element) -> None:
        markup = self._inline_html(element, in_list=True)
        markup = re.sub(r"\s+", " ", markup)
        markup = re.sub(r"\s*(</?(?:ul|ol|li)>)\s*", r"\1", markup)
        self._add_rich_text(markup)

    def _blockquote(self, element: etree._Element, *, attribution: str = "") -> None:
        classes = element.get("class", "")
        if any(c in classes for c in ("twitter-tweet", "instagram-media", "tiktok-embed")):
            for link in element.iter("a"):
                href = link.get("href", "")
                if _is_embed_provider(href) and re.search(r"/(status|p|reel|video)/", href):
                    self.embed(href)
                    return
        cites = list(element.iter("cite"))
        names = [_plain_text(c) for c in cites]
        for cite in cites:
            _remove_keeping_tail(cite)
        attribution = "; ".join(n for n in names if n) or attribution
        quote = _plain_text(element)
        if quote:
            self.blocks.append(
                {"type": "quote", "value": {"quote": quote, "attribution": attribution}}
            )

    def _figure(self, element: etree._Element) -> None:
        url = element.get("data-dateline-embed")
        if url is not None:
            self.embed(url)
            return
        classes = element.get("class", "")
        figcaption = next(iter(element.iter("figcaption")), None)
        blockquote = next(iter(element.iter("blockquote")), None)
        if blockquote is not None:
            attribution = _plain_text(figcaption) if figcaption is not None else ""
            self._blockquote(blockquote, attribution=attribution)
            return
        if "wp-block-embed" in classes:
            iframe = next(iter(element.iter("iframe")), None)
            if iframe is not None:
                self._iframe(iframe)
            else:
                if figcaption is not None:
                    _remove_keeping_tail(figcaption)
                self.embed(_plain_text(element).split("\n")[0].strip())
            return
        images = list(element.iter("img"))
        nested = list(element.iterdescendants("figure"))
        if len(images) == 1 and not nested:
            if figcaption is not None:
                caption = _plain_text(figcaption)
            else:
                caption = _plain_text(element)  # [caption]: the text after the image
            attachment = _attachment_id(element.get("data-wp-attachment-id"))
            self._image(images[0], caption=caption, attachment_id=attachment)
            return
        self._children(element)  # galleries, figures of text or frames

    def _image(
        self, element: etree._Element, *, caption: str = "", attachment_id: int | None = None
    ) -> None:
        src = ""
        for attribute in ("src", "data-src", "data-lazy-src", "data-orig-file"):
            candidate = (element.get(attribute) or "").strip()
            if candidate and not candidate.lower().startswith("data:"):
                src = candidate
                break
        src = _safe_media_url(src)
        if not src:
            self.warn("An image without a usable web address was left out.")
            return
        match = re.search(r"\bwp-image-(\d+)\b", element.get("class", ""))
        wp_id = int(match[1]) if match else attachment_id or self._block_attachment_id
        if wp_id is None:
            wp_id = _attachment_id(element.get("data-id"))
        self.blocks.append(
            {
                "type": "image",
                "value": {
                    "src": src,
                    "wp_attachment_id": wp_id,
                    "alt": " ".join((element.get("alt") or "").split()),
                    "caption": caption,
                    "credit": "",
                },
            }
        )

    def _iframe(self, element: etree._Element) -> None:
        src = (element.get("src") or element.get("data-src") or "").strip()
        url = _player_to_page_url(src)
        if url:
            self.embed(url)
            return
        host = urlsplit(src).hostname if src.startswith(("http:", "https:", "//")) else None
        self.warn(f"An embedded frame from {host or 'an unknown address'} was left out.")

    def _table(self, element: etree._Element) -> None:
        self.warn("A table was turned into plain paragraphs, one per row.")
        for row in element.iter("tr"):
            cells = [_plain_text(c) for c in row if _tag(c) in ("td", "th")]
            text = " | ".join(c.replace("\n", " ") for c in cells if c)
            if text:
                self._add_rich_text(f"<p>{html_lib.escape(text, quote=False)}</p>")

    def _pre(self, element: etree._Element) -> None:
        text = element.text_content().strip("\n")
        lines = html_lib.escape(text, quote=False).split("\n")
        self._add_rich_text("<p>" + "<br>".join(lines) + "</p>")

    def embed(self, url: str) -> None:
        url = (url or "").strip()
        parts = urlsplit(url) if url else None
        if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
            self.warn(f"An embed without a usable web address ({url[:80]!r}) was left out.")
            return
        self.blocks.append({"type": "embed", "value": url})


# -- helpers -----------------------------------------------------------------------------

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BLOCK_LEVEL = _HEADINGS | frozenset(
    {
        "p",
        "div",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "figure",
        "figcaption",
        "img",
        "iframe",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
        "caption",
        "pre",
        "hr",
        "section",
        "article",
        "aside",
        "header",
        "footer",
        "nav",
        "main",
        "address",
        "center",
        "details",
        "summary",
        "hgroup",
        "picture",
        "body",
        "html",
    }
)
_DROPPED = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "object",
        "embed",
        "applet",
        "form",
        "input",
        "button",
        "select",
        "textarea",
        "svg",
        "math",
        "canvas",
        "audio",
        "video",
        "map",
        "head",
        "title",
        "meta",
        "link",
        "base",
        "frame",
        "frameset",
        "noframes",
    }
)


def _tag(element: etree._Element) -> str | None:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else None  # comments and PIs have no tag


def _contains_block(element: etree._Element) -> bool:
    return any(_tag(d) in _BLOCK_LEVEL for d in element.iterdescendants())


def _remove_keeping_tail(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail or ""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)


def _plain_text(element: etree._Element) -> str:
    """Text of an element: block boundaries and <br> become newlines, spaces collapse."""
    pieces: list[str] = []

    def walk(node: etree._Element) -> None:
        tag = _tag(node)
        if tag is None or tag in _DROPPED:
            return
        if tag == "br":
            pieces.append("\n")
            return
        block = tag in _BLOCK_LEVEL
        if block:
            pieces.append("\n")
        pieces.append(node.text or "")
        for child in node:
            walk(child)
            pieces.append(child.tail or "")
        if block:
            pieces.append("\n")

    pieces.append(element.text or "")
    for child in element:
        walk(child)
        pieces.append(child.tail or "")
    lines = (re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in "".join(pieces).split("\n"))
    return "\n".join(line for line in lines if line)


def _sanitize(markup: str) -> str:
    return nh3.clean(
        markup,
        tags=set(RICH_TEXT_TAGS),
        attributes={"a": {"href"}},
        url_schemes=set(LINK_SCHEMES),
        link_rel=None,
        strip_comments=True,
    )


def _scheme(url: str) -> str | None:
    """The URL's scheme as a browser would see it (it ignores tabs, newlines, case)."""
    compact = re.sub(r"[\x00-\x20]", "", url)
    match = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", compact)
    return match[1].lower() if match else None


def _safe_link(href: str | None) -> str:
    href = re.sub(r"[\t\n\r]", "", href or "").strip()
    if not href:
        return ""
    scheme = _scheme(href)
    return href if scheme is None or scheme in LINK_SCHEMES else ""


def _safe_media_url(url: str) -> str:
    if url.startswith("//"):
        url = "https:" + url
    scheme = _scheme(url)
    return url if scheme in ("http", "https") or (scheme is None and url) else ""


def _is_embed_provider(url: str) -> bool:
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return False
    return any(host == domain or host.endswith("." + domain) for domain in EMBED_PROVIDERS)


def _player_to_page_url(src: str) -> str | None:
    """The public page of a YouTube/Vimeo/Spotify/SoundCloud/Dailymotion player frame."""
    if src.startswith("//"):
        src = "https:" + src
    try:
        parts = urlsplit(src)
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    path = parts.path
    if parts.scheme not in ("http", "https"):
        return None
    if host.endswith(("youtube.com", "youtube-nocookie.com")):
        match = re.match(r"/embed/([\w-]{6,})", path)
        return f"https://www.youtube.com/watch?v={match[1]}" if match else None
    if host == "player.vimeo.com":
        match = re.match(r"/video/(\d+)", path)
        return f"https://vimeo.com/{match[1]}" if match else None
    if host == "open.spotify.com" and path.startswith("/embed/"):
        return f"https://open.spotify.com/{path.removeprefix('/embed/')}"
    if host == "w.soundcloud.com":
        target = parse_qs(parts.query).get("url", [""])[0]
        return target if target.startswith("https://") else None
    if host.endswith("dailymotion.com"):
        match = re.match(r"/embed/video/(\w+)", path)
        return f"https://www.dailymotion.com/video/{match[1]}" if match else None
    return None
