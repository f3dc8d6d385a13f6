"""Comment text to HTML: plain text with paragraphs and automatic links, nothing else.

The text is escaped first, so no commenter markup survives; nh3 then cleans the
result again as a second line of defence.
"""

import re
from dataclasses import dataclass

import nh3
from django.utils.html import escape

URL_PATTERN = re.compile(r"\b(?:https?://|www\.)[^\s<>\"']+", re.IGNORECASE)
TRAILING_PUNCTUATION = ".,;:!?)]}'\""
LINK_REL = "nofollow ugc noopener"


@dataclass(frozen=True)
class RenderedText:
    html: str
    link_count: int


def _linkify(line: str) -> tuple[str, int]:
    parts, links, position = [], 0, 0
    for match in URL_PATTERN.finditer(line):
        url = match.group(0)
        trimmed = url.rstrip(TRAILING_PUNCTUATION)
        end = match.start() + len(trimmed)
        href = trimmed if "://" in trimmed else f"http://{trimmed}"
        parts.append(escape(line[position : match.start()]))
        parts.append(f'<a href="{escape(href)}">{escape(trimmed)}</a>')
        position = end
        links += 1
    parts.append(escape(line[position:]))
    return "".join(parts), links


def render_comment_text(text: str) -> RenderedText:
    paragraphs = [p for p in re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip()) if p.strip()]
    html_parts, links = [], 0
    for paragraph in paragraphs:
        lines = []
        for line in paragraph.strip().split("\n"):
            html_line, count = _linkify(line)
            lines.append(html_line)
            links += count
        html_parts.append("<p>" + "<br>".join(lines) + "</p>")
    html = nh3.clean(
        "".join(html_parts),
        tags={"p", "br", "a"},
        attributes={"a": {"href"}},
        url_schemes={"http", "https"},
        link_rel=LINK_REL,
    )
    return RenderedText(html=html, link_count=links)


def normalise_email(email: str) -> str:
    return email.strip().lower()
