"""Plain-text helpers for article bodies."""

import re

from django.utils.html import strip_tags

WORD = re.compile(r"\w+(?:['’-]\w+)*")


def stream_text(body) -> str:
    """The readable text of a StreamField body, block by block, without markup.

    Read from the stored JSON, not the blocks' values: a picture's block would load its
    image (a query per story, ten on a page of search results) to say nothing here.
    """
    parts: list[str] = []
    for block in body.raw_data:
        kind, value = block.get("type"), block.get("value")
        if kind in {"paragraph", "subheading"}:
            parts.append(strip_tags(str(value or "")))
        elif kind == "pull_quote":
            parts.append((value or {}).get("quote") or "")
        elif kind == "fact_box":
            parts.append((value or {}).get("title") or "")
            parts.append(strip_tags((value or {}).get("body") or ""))
    return "\n".join(parts)


def count_words(body) -> int:
    return len(WORD.findall(stream_text(body)))


def names_in_words(names: list[str]) -> str:
    """ "Ana", "Ana and Tom", "Ana, Tom and Lea": a byline as a sentence says it."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"
