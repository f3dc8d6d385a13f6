"""The HTML readers are sent for an entry, the pinned box and the key events list.

The page renders these same templates, so an entry pushed to an open page looks exactly
like the one a reload shows.
"""

from django.template.loader import render_to_string
from django.utils.html import strip_tags

from dateline.live.models import LiveBlogPage, LiveEntry


def entry_html(entry: LiveEntry, *, blog: LiveBlogPage | None = None) -> str:
    blog = blog or entry.blog
    return render_to_string("live/entry.html", {"entry": entry, "blog": blog}).strip()


def key_events_html(blog: LiveBlogPage, key_events: list[LiveEntry]) -> str:
    return render_to_string(
        "live/key_events.html", {"blog": blog, "key_events": key_events}
    ).strip()


def pinned_html(blog: LiveBlogPage, pinned: LiveEntry | None) -> str:
    return render_to_string("live/pinned.html", {"blog": blog, "pinned": pinned}).strip()


def entry_text(entry: LiveEntry) -> str:
    """The entry's words as plain text (feeds' summaries, JSON-LD's articleBody)."""
    parts = []
    for block in entry.body:
        if block.block_type == "text":
            parts.append(strip_tags(block.value.source).strip())
        elif block.block_type == "quote":
            quote = block.value["quote"]
            attribution = block.value.get("attribution")
            parts.append(f"“{quote}”" + (f" ({attribution})" if attribution else ""))
        elif block.block_type == "image" and block.value.get("caption"):
            parts.append(block.value["caption"])
    return "\n\n".join(part for part in parts if part)


def entry_headline(entry: LiveEntry, limit: int = 110) -> str:
    """The key event's title, or the entry's first words."""
    if entry.title:
        return entry.title
    text = " ".join(entry_text(entry).split())
    if len(text) <= limit:
        return text or f"Update {entry.pk}"
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"
