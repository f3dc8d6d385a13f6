"""GET /api/v1/wire/: the desk's items for tools, behind a token and the desk permission."""

import pytest

from dateline.wire.models import WireItem, WireProvider
from tests.api.client import token_for

pytestmark = pytest.mark.django_db

WIRE = "/api/v1/wire/"


@pytest.fixture
def token(newsroom_user):
    return token_for(newsroom_user("Editors", "ed"))


@pytest.fixture
def stocked(ingest):
    ingest("ninjs-list.json")
    ingest("ninjs-2.2.json")
    fjord = WireProvider.objects.create(name="Fjord Wire", url="https://fjord-wire.example/g2")
    ingest("newsml-g2.xml", to=fjord)
    return fjord


def test_items_newest_first_with_their_facts(api, token, stocked):
    data = api.get(WIRE, token=token).json()
    assert data["count"] == 5
    assert [item["headline"] for item in data["results"]][:4] == [
        "Snow closes mountain pass",  # no version time given: when it arrived
        "Central bank holds rates at 3.25%",  # 16:00
        "Fish market reopens after fire",  # 14:58
        "Oil fund returns 14% as technology shares rally",  # 14:55
    ]
    oil = data["results"][3]
    assert oil["provider"] == "Fjord Wire" and oil["version"] == "2"
    assert oil["embargoed_until"] == "2026-12-05T18:00:00Z" and oil["status"] == "usable"
    assert oil["story_ids"] == []


def test_filters_by_provider_search_status_and_time(api, token, stocked, ingest):
    assert api.get(WIRE, token=token, provider=stocked.pk).json()["count"] == 2
    assert [i["headline"] for i in api.get(WIRE, token=token, q="ferry").json()["results"]] == [
        "Island ferry link to reopen after two-year repair"
    ]
    ingest("ninjs-2.2-canceled.json")
    killed = api.get(WIRE, token=token, status="canceled").json()["results"]
    assert [item["guid"] for item in killed] == [WireItem.objects.get(status="canceled").guid]
    changed_at = WireItem.objects.get(status="canceled").updated_at
    later = api.get(WIRE, token=token, updated_after=changed_at.isoformat()).json()
    assert later["count"] == 0
    assert api.get(WIRE, token=token, provider=999).status_code == 404
    too_early = api.get(WIRE, token=token, updated_after="0001-01-01T00:00:00+01:00")
    assert too_early.status_code == 400
    assert too_early.json()["errors"][0]["field"] == "updated_after"
    control = api.get(WIRE, token=token, q="ferry\x00")  # PostgreSQL's text cannot hold it
    assert control.status_code == 400
    assert control.json()["errors"][0]["field"] == "q"


def test_the_wire_needs_a_token_and_the_desk_permission(api, stocked, django_user_model):
    assert api.get(WIRE).status_code == 401
    outsider = django_user_model.objects.create_user("outsider", password="x" * 16)
    refused = api.get(WIRE, token=token_for(outsider))
    assert refused.status_code == 403
    assert refused.json()["detail"] == "You may not read the wire desk."


def test_listing_costs_the_same_queries_for_any_number_of_items(
    api, token, stocked, django_assert_num_queries
):
    # The token and its last use, the user's permissions (2), the count, the page, stories.
    with django_assert_num_queries(7):
        api.get(WIRE, token=token)
