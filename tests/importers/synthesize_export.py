"""Write a big WXR export for the import benchmark by repeating the posts of a real one.

    python tests/importers/synthesize_export.py SOURCE.xml OUT.xml --copies 50

Every copy of a post gets new post, comment and parent ids, its own slug and permalink,
so the importer sees distinct stories. The output is written as it is made: memory
holds the source's items once, never the output.
"""

import argparse
import re
import sys
from pathlib import Path

ITEM = re.compile(r"<item>.*?</item>", re.DOTALL)
POST_ID = re.compile(r"<wp:post_id>(\d+)</wp:post_id>")
COMMENT_ID = re.compile(r"<wp:comment_id>(\d+)</wp:comment_id>")
COMMENT_PARENT = re.compile(r"<wp:comment_parent>(\d+)</wp:comment_parent>")
POST_NAME = re.compile(r"<wp:post_name><!\[CDATA\[([^\]]*)\]\]></wp:post_name>")
LINK = re.compile(r"<link>([^<]*?)/?</link>")
POST_TYPE = re.compile(r"<wp:post_type><!\[CDATA\[post\]\]></wp:post_type>")


def _shift(pattern: re.Pattern, tag: str, offset: int):
    def replace(match: re.Match) -> str:
        value = int(match.group(1))
        return f"<wp:{tag}>{value + offset if value else 0}</wp:{tag}>"

    return lambda text: pattern.sub(replace, text)


def synthesize(source: Path, out: Path, *, copies: int) -> int:
    text = source.read_text(encoding="utf-8")
    first = text.index("<item>")
    end = text.rindex("</channel>")
    items = ITEM.findall(text, first, end)
    posts = [item for item in items if POST_TYPE.search(item)]
    others = [item for item in items if not POST_TYPE.search(item)]
    written = 0
    with out.open("w", encoding="utf-8") as output:
        output.write(text[:first])
        for item in others:
            output.write(item + "\n")
        for copy in range(copies):
            post_offset, comment_offset = copy * 10_000_000, copy * 100_000_000
            shift_post = _shift(POST_ID, "post_id", post_offset)
            shift_comment = _shift(COMMENT_ID, "comment_id", comment_offset)
            shift_parent = _shift(COMMENT_PARENT, "comment_parent", comment_offset)
            for item in posts:
                if copy:
                    item = shift_parent(shift_comment(shift_post(item)))
                    item = POST_NAME.sub(
                        lambda m, c=copy: (
                            f"<wp:post_name><![CDATA[{m.group(1)}-{c}]]></wp:post_name>"
                        ),
                        item,
                    )
                    item = LINK.sub(lambda m, c=copy: f"<link>{m.group(1)}-{c}/</link>", item, 1)
                output.write(item + "\n")
                written += 1
        output.write(text[end:])
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--copies", type=int, default=50)
    args = parser.parse_args()
    count = synthesize(args.source, args.out, copies=args.copies)
    sys.stdout.write(f"{args.out}: {count} posts\n")


if __name__ == "__main__":
    main()
