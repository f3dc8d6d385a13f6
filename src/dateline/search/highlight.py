"""Search snippets: escape everything first, then mark the words that matched."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

TERM = re.compile(r"\w+", re.UNICODE)
SNIPPET_CHARS = 240


def query_terms(query: str) -> list[str]:
    """The words of a query, longest first so "reform" marks before "ref"."""
    terms = {term.lower() for term in TERM.findall(query) if term.lower() not in {"and", "or"}}
    return sorted(terms, key=len, reverse=True)


def _pattern(terms: list[str]) -> re.Pattern | None:
    if not terms:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(t) for t in terms) + r")\w*", re.I)


def highlight(text: str, terms: list[str]) -> SafeString:
    """`text` as HTML, every word starting with a query term wrapped in <mark>."""
    pattern = _pattern(terms)
    if pattern is None:
        return mark_safe(escape(text))  # noqa: S308 - escaped just now
    parts, position = [], 0
    for match in pattern.finditer(text):
        parts.append(escape(text[position : match.start()]))
        parts.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every part escaped, <mark> is ours


def snippet(text: str, terms: list[str], *, length: int = SNIPPET_CHARS) -> SafeString:
    """About `length` characters of `text` around its first match, highlighted."""
    text = " ".join(text.split())
    pattern = _pattern(terms)
    match = pattern.search(text) if pattern else None
    start = 0 if match is None else max(0, match.start() - length // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < match.start() else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    excerpt = text[start:end]
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + highlight(excerpt, terms) + suffix)  # noqa: S308 - see highlight
