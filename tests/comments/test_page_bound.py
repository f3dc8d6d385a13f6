"""A page of comments holds at most COMMENTS_PER_PAGE, whatever the shape of the threads."""

import re

import pytest

from dateline.comments import selectors
from dateline.comments.selectors import replies_per_thread
from tests.comments.factories import CommentFactory

pytestmark = pytest.mark.django_db

BOUND = 8


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr("dateline.comments.selectors.COMMENTS_PER_PAGE", BOUND)
    monkeypatch.setattr("dateline.comments.selectors.THREADS_PER_PAGE", 3)


def shown(html: str) -> list[str]:
    return re.findall(r"Words number (\d+)\.", html)


def long_thread(article, replies: int, *, chain: bool = False):
    root = CommentFactory(article=article, text="Words number 0.")
    parent = root
    for n in range(1, replies + 1):
        reply = CommentFactory(article=article, parent=parent, text=f"Words number {n}.")
        parent = reply if chain else root
    return root


@pytest.mark.parametrize("chain", [False, True], ids=["wide", "deep"])
def test_one_long_thread_fills_one_bounded_page_and_continues_on_its_own(
    client, article, small_pages, chain
):
    root = long_thread(article, 20, chain=chain)
    html = client.get(article.url).content.decode()
    assert shown(html) == [str(n) for n in range(BOUND)]
    more = re.search(r'<a href="(/comments/article/\d+/thread/\d+/)">Show (\d+) more replies', html)
    assert more and more[1] == f"/comments/article/{article.pk}/thread/{root.pk}/"
    assert more[2] == str(20 - (BOUND - 1))
    first = client.get(more[1])
    assert first.status_code == 200
    assert shown(first.content.decode()) == ["0", *(str(n) for n in range(1, BOUND + 1))]
    third = client.get(f"{more[1]}?page=3").content.decode()
    assert shown(third) == ["0", *(str(n) for n in range(2 * BOUND + 1, 21))]
    assert "in reply to" in third or not chain
    assert client.get(f"{more[1]}?page=4").status_code == 404
    assert client.get(f"{more[1]}?page=x").status_code == 404


def test_short_threads_share_the_page_and_keep_all_their_replies(client, article, small_pages):
    short = long_thread(article, 1)
    long = long_thread(article, 30)
    page = selectors.comment_page(article)
    counted = sum(1 + count_nodes(node.children) for node in page.threads)
    assert counted <= BOUND
    by_root = {node.comment.pk: node for node in page.threads}
    assert len(by_root[short.pk].children) == 1 and by_root[short.pk].more_replies == 0
    assert by_root[long.pk].more_replies == 30 - len(by_root[long.pk].children)


def count_nodes(nodes) -> int:
    return sum(1 + count_nodes(node.children) for node in nodes)


def test_the_share_is_the_largest_that_fits():
    assert replies_per_thread({1: 2, 2: 3}, 10) is None
    assert replies_per_thread({1: 1, 2: 30}, 6) == 5
    assert replies_per_thread({1: 10, 2: 10, 3: 10}, 7) == 2


def test_a_comment_page_past_the_end_is_404(client, article):
    CommentFactory(article=article)
    assert client.get(f"{article.url}?cpage=2").status_code == 404
    assert client.get(f"/comments/article/{article.pk}/?page=2").status_code == 404
    assert client.get(f"/comments/article/{article.pk}/thread/999999/").status_code == 404


def test_a_page_costs_a_fixed_number_of_queries_however_long_the_threads(
    article, small_pages, django_assert_num_queries
):
    # Roots, reply counts, replies, and the article's count.
    for replies in (3, 40):
        long_thread(article, replies, chain=True)
        article.__dict__.pop("approved_comment_count", None)
        with django_assert_num_queries(4):
            selectors.comment_page(article)
