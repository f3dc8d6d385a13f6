"""Plain-text helpers for article bodies."""

import re

from django.utils.html import strip_tags

WORD = re.compile(r"\w+(?:['’-]\w+)*")


def stream_text(body) -> str:
    """The readable text of a StreamField body, block by block, without markup."""
    parts: list[str] = []
    for block in body:
        value = block.value
        if block.block_type in {"paragraph", "subheading"}:
            parts.append(strip_tags(str(getattr(value, "source", value))))
        elif block.block_type == "pull_quote":
            parts.append(value["quote"])
        elif block.block_type == "fact_box":
            parts.append(value["title"])
            parts.append(strip_tags(value["body"].source))
    return "\n".join(parts)


def count_words(body) -> int:
    return len(WORD.findall(stream_text(body)))


def names_in_words(names: list[str]) -> str:
    """ "Ana", "Ana and Tom", "Ana, Tom and Lea": a byline as a sentence says it."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"
