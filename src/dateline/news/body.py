"""Article bodies from HTML: what the API and the wire desk file, sanitised into blocks.

The HTML goes through the same converter as the WordPress import (lxml, then nh3 on each
rich-text block): paragraphs and lists keep bold, italic and links; headings become
subheadings, block quotes pull quotes, player frames and known providers' links embeds.
Anything else is left out and named in `warnings`, so whoever filed it can see what.
"""

from dataclasses import dataclass, field

from django.utils.html import format_html

from dateline.importers.content import html_to_blocks

SUBHEADING_MAX = 200
ATTRIBUTION_MAX = 200


@dataclass(frozen=True)
class Body:
    blocks: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def body_from_html(html: str) -> Body:
    """StreamField data for an ArticlePage body from HTML, with what was left out."""
    converted = html_to_blocks(html)
    warnings = list(converted.warnings)
    blocks: list[dict] = []
    for block in converted.blocks:
        kind, value = block["type"], block["value"]
        if kind in ("paragraph", "embed"):
            blocks.append({"type": kind, "value": value})
        elif kind == "subheading":
            blocks.append({"type": "subheading", "value": value[:SUBHEADING_MAX]})
        elif kind == "quote":
            quote = {"quote": value["quote"], "attribution": value["attribution"][:ATTRIBUTION_MAX]}
            blocks.append({"type": "pull_quote", "value": quote})
        elif kind == "image":
            warnings.append(
                f"An image ({value['src'][:200]}) was left out: add pictures from the "
                "image library in the admin."
            )
    return Body(blocks=blocks, warnings=warnings)


def body_to_html(body) -> str:
    """A stored body as plain HTML, for the API: no templates, no embed look-ups."""
    parts: list[str] = []
    for block in body:
        value = block.value
        if block.block_type == "paragraph":
            parts.append(str(value))
        elif block.block_type == "subheading":
            parts.append(format_html("<h2>{}</h2>", value))
        elif block.block_type == "pull_quote":
            parts.append(
                format_html(
                    "<blockquote><p>{}</p><cite>{}</cite></blockquote>",
                    value["quote"],
                    value["attribution"],
                )
            )
        elif block.block_type == "embed" and value is not None:
            parts.append(format_html('<p><a href="{0}">{0}</a></p>', value.url))
        elif block.block_type == "image" and value["image"] is not None:
            rendition = value["image"].get_rendition("width-1200")
            parts.append(
                format_html(
                    '<figure><img src="{}" alt=""><figcaption>{}</figcaption></figure>',
                    rendition.url,
                    value["caption"],
                )
            )
        elif block.block_type == "fact_box":
            parts.append(
                format_html("<aside><h3>{}</h3>{}</aside>", value["title"], str(value["body"]))
            )
    return "\n".join(parts)
