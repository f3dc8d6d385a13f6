"""The benchmark's export synthesizer shapes comments as the issue-19 archive asks."""

import re
from pathlib import Path

from tests.importers.synthesize_export import (
    COMMENT_STEP,
    EXTRA_COMMENT_IDS,
    MAX_COPIES,
    synthesize,
)

SOURCE = Path("tests/fixtures/wordpress/newsroom.xml")


def comments_per_post(path) -> list[list[tuple[str, str]]]:
    """(id, parent) of every comment, per post, in the file's order."""
    text = path.read_text(encoding="utf-8")
    posts = [item for item in re.findall(r"<item>.*?</item>", text, re.DOTALL)
             if "<wp:post_type><![CDATA[post]]>" in item]  # fmt: skip
    return [
        re.findall(
            r"<wp:comment_id>(\d+)</wp:comment_id>.*?<wp:comment_parent>(\d+)<", post, re.DOTALL
        )
        for post in posts
    ]


def depth_of_longest_thread(comments) -> int:
    parents = dict(comments)
    deepest = 0
    for comment_id in parents:
        depth = 0
        while parents.get(comment_id, "0") != "0":
            comment_id, depth = parents[comment_id], depth + 1
        deepest = max(deepest, depth)
    return deepest


def test_a_real_shape_keeps_the_total_with_a_few_busy_stories_and_deep_threads(tmp_path):
    even, real = tmp_path / "even.xml", tmp_path / "real.xml"
    assert synthesize(SOURCE, even, copies=40, comments=10) == 200
    assert synthesize(SOURCE, real, copies=40, comments=10, shape="real") == 200
    even_posts, real_posts = comments_per_post(even), comments_per_post(real)
    assert sum(map(len, real_posts)) == sum(map(len, even_posts))
    assert max(map(len, even_posts)) < 20
    assert sorted(map(len, real_posts))[-2] >= 100
    assert depth_of_longest_thread(max(real_posts, key=len)) >= 99
    ids = [comment_id for post in real_posts for comment_id, _ in post]
    assert len(ids) == len(set(ids))


def test_the_last_copys_comment_ids_stay_below_the_added_comments_ids():
    """The 100,000-story export (20,000 copies) once repeated comment ids: copy 10,000's
    shifted ids reached the first added comment's."""
    source_ids = [int(i) for i in re.findall(r"<wp:comment_id>(\d+)<", SOURCE.read_text())]
    assert (MAX_COPIES - 1) * COMMENT_STEP + max(source_ids) < EXTRA_COMMENT_IDS
    assert EXTRA_COMMENT_IDS + 10**12 < 2**63  # still a WordPress (and PostgreSQL) bigint
