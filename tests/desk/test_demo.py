"""The demo newsroom has a curated front, a corrected story and an embargoed one."""

import pytest

from dateline.desk.demo import build_demo_desk
from dateline.desk.models import Correction, Front, PreviewLink
from dateline.news import demo
from dateline.news.models import ArticlePage

pytestmark = pytest.mark.django_db


def test_the_demo_desk_is_built_once(client, home):
    demo.build_demo()
    build_demo_desk()
    build_demo_desk()  # again: nothing changes
    assert Correction.objects.count() == 1 and Front.objects.count() == 2

    html = client.get("/").text
    lead = html.split('aria-label="Top stories"', 1)[1].split("card-grid")[0]
    assert "First grain ships clear the Strait of Calvessa" in lead

    held = ArticlePage.objects.get(slug="harwick-mutual-and-corran-bank-agree-to-merge")
    assert not held.live and held.go_live_at == held.embargo_until
    assert "Harwick Mutual" not in html
    assert client.get("/business/harwick-mutual-and-corran-bank-agree-to-merge/").status_code == 404
    link = PreviewLink.objects.get(story=held)
    assert "Harwick Mutual" in client.get(link.path).text

    corrected = Correction.objects.get().story
    assert "52.7 percent" in client.get(corrected.url).text
    assert "52.7 percent" in client.get("/corrections/").text
    assert "/corrections-policy/" in client.get("/corrections/").text
