"""A reader's data: `dateline newsletter export EMAIL` shows all of it, `erase` forgets it."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from dateline.newsletters.models import Delivery, Subscriber, Subscription
from tests.newsletters.conftest import committed
from tests.newsletters.factories import SubscriberFactory

pytestmark = pytest.mark.django_db


def newsletter_command(*args) -> str:
    out = StringIO()
    call_command("newsletter", *args, stdout=out)
    return out.getvalue()


def test_export_then_erase_an_address(daily, breaking, story):
    from dateline.newsletters import services

    SubscriberFactory(email="ana@example.org", newsletters=[daily, breaking])
    committed(services.edition_send_now, newsletter=daily)
    data = json.loads(newsletter_command("export", "ana@example.org"))
    assert {s["newsletter"] for s in data["subscriber"]["subscriptions"]} == {
        "Daily briefing", "Breaking news",
    }  # fmt: skip
    assert data["subscriber"]["emails"][0]["status"] == "sent"

    assert "Erased" in newsletter_command("erase", "ana@example.org")
    assert not Subscriber.objects.exists() and not Subscription.objects.exists()
    # The count of what was sent stays; nothing in it names the reader.
    assert Delivery.objects.get().subscriber is None
    with pytest.raises(Exception, match="Nothing is stored"):
        newsletter_command("export", "ana@example.org")


def test_the_send_command_waits_for_every_reader(daily, story):
    SubscriberFactory(newsletters=[daily])
    out = newsletter_command("send", "daily", "--wait")
    assert "Sent; 1 recipients, 1 handed over, 0 failed" in out
