"""The Dateline demo site's text, read from the data files in demo_data/.

- demo_data/site.toml: the site's name and tagline, its sections, authors and tags;
- demo_data/stories/NN-slug.md: one story each, in the order the demo publishes them
  (00 is the long read). TOML front matter between `+++` lines (section, headline,
  standfirst, dateline, authors, tags, image caption and credit, an optional
  [pull_quote] and [fact_box]), then the body: one paragraph per block of text, and
  `## Subheading` lines before the paragraph they open;
- demo_data/comments.toml: the demo commenters and what they write.

Everything there was written for this project. The people, towns, companies and most
of the countries are invented; real countries and institutions appear only as neutral
background. Reading needs no Django, so tests can import this module on its own.
"""

import tomllib
from pathlib import Path

DATA = Path(__file__).resolve().parent / "demo_data"
FRONT_MATTER = "+++"


def read_story(text: str) -> dict:
    """A story dict (the shape news.builders.body_blocks takes) from its Markdown file."""
    _, front, body = text.split(FRONT_MATTER + "\n", 2)
    story = tomllib.loads(front)
    story.setdefault("pull_quote", None)
    story.setdefault("fact_box", None)
    paragraphs: list[str] = []
    subheadings: dict[int, str] = {}
    for block in body.split("\n\n"):
        block = block.strip()
        if block.startswith("## "):
            subheadings[len(paragraphs)] = block.removeprefix("## ").strip()
        elif block:
            paragraphs.append(" ".join(block.split("\n")))
    story["paragraphs"] = paragraphs
    story["subheadings"] = subheadings
    return story


def _stories() -> tuple[dict, list[dict]]:
    stories = [
        read_story(path.read_text(encoding="utf-8"))
        for path in sorted((DATA / "stories").glob("*.md"))
    ]
    long_reads = [story for story in stories if story.pop("long_read", False)]
    return long_reads[0], [story for story in stories if story not in long_reads]


_site = tomllib.loads((DATA / "site.toml").read_text(encoding="utf-8"))
_comments = tomllib.loads((DATA / "comments.toml").read_text(encoding="utf-8"))

SITE_NAME: str = _site["site_name"]
TAGLINE: str = _site["tagline"]
SECTIONS: list[dict] = _site["sections"]
AUTHORS: list[dict] = _site["authors"]
TAGS: list[str] = _site["tags"]
LONG_READ, ARTICLES = _stories()
COMMENTERS: list[dict] = _comments["commenters"]
COMMENT_TEXTS: list[str] = _comments["comment_texts"]
REPLY_TEXTS: list[str] = _comments["reply_texts"]
