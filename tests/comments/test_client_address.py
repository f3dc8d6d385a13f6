"""Behind the documented nginx, each commenter is counted, banned and trusted as themselves.

docs/operations.md puts a proxy on 127.0.0.1 in front and lists it in
DATELINE_TRUSTED_PROXIES. Every request then arrives from 127.0.0.1; only the hop the
proxy appends tells readers apart, and nothing a client writes itself is believed.
"""

import pytest
from django.test import TestCase

from dateline.comments.models import Ban, Comment, ModerationWord
from tests.comments.conftest import old_token, post_comment
from tests.comments.factories import CommentFactory

pytestmark = pytest.mark.django_db

PROXY = "127.0.0.1"
ANA, BEN = "203.0.113.5", "198.51.100.7"
IPV6_READER = "2001:db8:abcd:12::5"


@pytest.fixture(autouse=True)
def behind_nginx(settings):
    settings.DATELINE_TRUSTED_PROXIES = [PROXY]


def through_proxy(client, article, address, **fields):
    """A post as nginx passes it on: from the proxy, the reader's address appended."""
    return post_comment(client, article, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=address, **fields)


def test_the_stored_network_is_the_readers_not_the_proxys(client, article):
    assert through_proxy(client, article, ANA).status_code == 303
    assert through_proxy(client, article, IPV6_READER, email="v6@example.org").status_code == 303
    assert sorted(Comment.objects.values_list("ip_prefix", flat=True)) == [
        "2001:db8:abcd::",
        "203.0.113.0",
    ]


def test_one_reader_reaching_the_rate_limit_does_not_stop_another(
    client, article, comment_settings
):
    comment_settings.rate_limit_count = 2
    comment_settings.save()
    statuses = [
        through_proxy(
            client, article, ANA, email=f"ana{n}@example.org", text=f"Ana's {n}."
        ).status_code
        for n in range(3)
    ]
    assert statuses == [303, 303, 429]
    assert through_proxy(client, article, BEN, email="ben@example.org").status_code == 303


def test_an_address_ban_bans_that_reader_only(client, article):
    Ban.objects.create(kind=Ban.Kind.IP, value="203.0.113.0/24")
    assert through_proxy(client, article, ANA).status_code == 403
    assert through_proxy(client, article, BEN, email="ben@example.org").status_code == 303


def test_an_ipv6_reader_can_be_banned_by_network(client, article):
    Ban.objects.create(kind=Ban.Kind.IP, value="2001:db8:abcd::/48")
    assert through_proxy(client, article, IPV6_READER).status_code == 403
    assert through_proxy(
        client, article, "2001:db8:ffff::1", email="o@example.org"
    ).status_code == (303)


def test_a_trusted_commenter_is_trusted_from_their_own_network_only(
    client, article, comment_settings
):
    comment_settings.trusted_after = 2
    comment_settings.save()
    for n in range(2):
        assert through_proxy(client, article, ANA, text=f"Earlier comment {n}.").status_code == 303
    ModerationWord.objects.create(word="rubbish", kind="suspect")

    through_proxy(
        client, article, BEN, text="Rubbish, from elsewhere.", token=old_token(article, 30)
    )
    through_proxy(client, article, ANA, text="Rubbish, from home.", token=old_token(article, 20))

    from_elsewhere = Comment.objects.get(text="Rubbish, from elsewhere.")
    from_home = Comment.objects.get(text="Rubbish, from home.")
    assert from_elsewhere.status == Comment.Status.PENDING
    assert from_home.status == Comment.Status.APPROVED
    assert from_home.decisions.get().phase == "trusted"


def test_two_readers_behind_the_proxy_are_two_reporters(client, article):
    comment = CommentFactory(article=article)
    for address in (ANA, ANA, BEN):
        response = client.post(
            f"/comments/report/{comment.pk}/",
            REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=address, HTTP_ORIGIN="http://testserver",
        )  # fmt: skip
        assert response.status_code == 200
    comment.refresh_from_db()
    assert comment.report_count == 2


def test_a_reader_forging_forwarded_for_without_a_trusted_proxy_is_not_believed(
    client, article, comment_settings
):
    comment_settings.rate_limit_count = 2
    comment_settings.save()
    statuses = [
        post_comment(
            client, article, email=f"ana{n}@example.org", text=f"Ana's {n}.",
            REMOTE_ADDR=ANA, HTTP_X_FORWARDED_FOR=f"192.0.{n}.1", HTTP_FORWARDED=f"for=192.0.{n}.2",
        ).status_code
        for n in range(3)
    ]  # fmt: skip
    assert statuses == [303, 303, 429]
    assert set(Comment.objects.values_list("ip_prefix", flat=True)) == {"203.0.113.0"}


def test_behind_an_rfc_7239_proxy_the_forwarded_header_tells_readers_apart(
    client, article, settings
):
    settings.DATELINE_PROXY_HEADER = "forwarded"
    Ban.objects.create(kind=Ban.Kind.IP, value="2001:db8:abcd::/48")
    with TestCase.captureOnCommitCallbacks(execute=True):
        banned = post_comment(
            client, article, REMOTE_ADDR=PROXY, HTTP_FORWARDED=f'for="[{IPV6_READER}]:4711"'
        )
        welcome = post_comment(
            client, article, email="ben@example.org", REMOTE_ADDR=PROXY,
            HTTP_FORWARDED=f"for={BEN};proto=https", HTTP_X_FORWARDED_FOR=IPV6_READER,
        )  # fmt: skip
    assert (banned.status_code, welcome.status_code) == (403, 303)
    assert Comment.objects.get().ip_prefix == "198.51.100.0"
