"""Write a big WXR export for the import benchmark by repeating the posts of a real one.

    python tests/importers/synthesize_export.py SOURCE.xml OUT.xml --copies 50 [--comments 20]
        [--days-apart 1] [--shape even|real]

Every copy of a post gets new post, comment and parent ids, its own slug and permalink,
so the importer sees distinct stories. `--comments N` adds N approved comments to every
post copy (every third a reply to the comment before it), for a comment-heavy export
from a small source such as tests/fixtures/wordpress/newsroom.xml. `--shape real` keeps
that total but spreads it as a real site does: in every hundred posts one has 10N
comments in a single thread 10N deep, nine have 5N each, the other ninety N/2.
`--days-apart D` (a fraction too) dates copy k D*k days before the source's dates, so
the archive spans years (as a real one does, for the sitemaps by month) instead of one
week. The output is written as it is made: memory holds the source's items once, never
the output.
"""

import argparse
import re
import sys
from datetime import datetime, timedelta
from pathlib import Path

ITEM = re.compile(r"<item>.*?</item>", re.DOTALL)
POST_ID = re.compile(r"<wp:post_id>(\d+)</wp:post_id>")
COMMENT_ID = re.compile(r"<wp:comment_id>(\d+)</wp:comment_id>")
COMMENT_PARENT = re.compile(r"<wp:comment_parent>(\d+)</wp:comment_parent>")
POST_NAME = re.compile(r"<wp:post_name><!\[CDATA\[([^\]]*)\]\]></wp:post_name>")
LINK = re.compile(r"<link>([^<]*?)/?</link>")
POST_TYPE = re.compile(r"<wp:post_type><!\[CDATA\[post\]\]></wp:post_type>")
POST_DATES = re.compile(
    r"<wp:(post_date|post_date_gmt|post_modified|post_modified_gmt)><!\[CDATA\["
    r"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)\]\]>"
)


def _earlier(item: str, days: float) -> str:
    def replace(match: re.Match) -> str:
        if match.group(2).startswith("0000"):  # WordPress's "no date" (a draft's GMT date)
            return match.group(0)
        moved = datetime.fromisoformat(match.group(2)) - timedelta(days=days)
        return f"<wp:{match.group(1)}><![CDATA[{moved:%Y-%m-%d %H:%M:%S}]]>"

    return POST_DATES.sub(replace, item)


def _shift(pattern: re.Pattern, tag: str, offset: int):
    def replace(match: re.Match) -> str:
        value = int(match.group(1))
        return f"<wp:{tag}>{value + offset if value else 0}</wp:{tag}>"

    return lambda text: pattern.sub(replace, text)


EXTRA_COMMENT = """\t\t<wp:comment>
\t\t\t<wp:comment_id>{id}</wp:comment_id>
\t\t\t<wp:comment_author><![CDATA[Reader {n}]]></wp:comment_author>
\t\t\t<wp:comment_author_email><![CDATA[reader{n}@example.com]]></wp:comment_author_email>
\t\t\t<wp:comment_author_url></wp:comment_author_url>
\t\t\t<wp:comment_author_IP><![CDATA[192.0.2.{ip}]]></wp:comment_author_IP>
\t\t\t<wp:comment_date><![CDATA[2024-03-15 10:{minute:02d}:00]]></wp:comment_date>
\t\t\t<wp:comment_date_gmt><![CDATA[2024-03-15 09:{minute:02d}:00]]></wp:comment_date_gmt>
\t\t\t<wp:comment_content><![CDATA[Comment {n}: the timetable changed again, see https://example.com/timetable.]]></wp:comment_content>
\t\t\t<wp:comment_approved><![CDATA[1]]></wp:comment_approved>
\t\t\t<wp:comment_type><![CDATA[comment]]></wp:comment_type>
\t\t\t<wp:comment_parent>{parent}</wp:comment_parent>
\t\t\t<wp:comment_user_id>0</wp:comment_user_id>
\t\t</wp:comment>
"""
# Beyond every shifted id of the source: copy N's comments are shifted by N * COMMENT_STEP
# (10**12 was reached at 10,000 copies, and the 100,000-story export repeated ids).
COMMENT_STEP = 100_000_000
MAX_COPIES = 10_000_000
EXTRA_COMMENT_IDS = COMMENT_STEP * MAX_COPIES


def _with_comments(item: str, *, count: int, first_id: int, chain: bool = False) -> str:
    """`count` comments at the end of `item`: every third a reply to the one before, or
    (`chain`) each a reply to the one before, one thread `count` deep."""
    comments = []
    for n in range(count):
        parent = first_id + n - 1 if n and (chain or n % 3 == 2) else 0
        comments.append(
            EXTRA_COMMENT.format(id=first_id + n, n=n, ip=n % 250 + 1, minute=n % 60, parent=parent)
        )
    end = item.rindex("</item>")
    return item[:end] + "".join(comments) + item[end:]


def _real_shape(written: int, comments: int) -> tuple[int, bool]:
    """The comments of the `written`th post and whether they form one chain, for
    `--shape real`: the average stays `comments` over every hundred posts."""
    place = written % 100
    if place == 0:
        return comments * 10, True
    if place < 10:
        return comments * 5, False
    return comments // 2, False


def synthesize(
    source: Path,
    out: Path,
    *,
    copies: int,
    comments: int = 0,
    days_apart: float = 0,
    shape: str = "even",
) -> int:
    if copies > MAX_COPIES:
        raise ValueError(f"at most {MAX_COPIES:,} copies: their comment ids would meet")
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
            post_offset, comment_offset = copy * 10_000_000, copy * COMMENT_STEP
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
                    if days_apart:
                        item = _earlier(item, copy * days_apart)
                if comments:
                    count, chain = (
                        _real_shape(written, comments) if shape == "real" else (comments, False)
                    )
                    item = _with_comments(
                        item,
                        count=count,
                        first_id=EXTRA_COMMENT_IDS + written * comments * 10,
                        chain=chain,
                    )
                output.write(item + "\n")
                written += 1
        output.write(text[end:])
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--copies", type=int, default=50)
    parser.add_argument("--comments", type=int, default=0, help="extra comments per post")
    parser.add_argument("--days-apart", type=float, default=0, help="days between copies")
    parser.add_argument("--shape", choices=["even", "real"], default="even")
    args = parser.parse_args()
    count = synthesize(
        args.source,
        args.out,
        copies=args.copies,
        comments=args.comments,
        days_apart=args.days_apart,
        shape=args.shape,
    )
    sys.stdout.write(f"{args.out}: {count} posts\n")


if __name__ == "__main__":
    main()
