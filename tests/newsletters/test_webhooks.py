"""The mail provider reports bounces and complaints through django-anymail's signed
webhooks: the address is suppressed at once and gets nothing more until it re-confirms."""

import hashlib
import hmac
import json
import time
from base64 import b64encode

import pytest
from anymail.inbound import AnymailInboundMessage
from django.core import mail

from dateline.newsletters import rendering, services
from dateline.newsletters.models import Subscription, Suppression
from tests.newsletters.conftest import committed
from tests.newsletters.factories import SubscriberFactory

pytestmark = pytest.mark.django_db
SIGNING_KEY = "key-mailgun-webhook-signing-key"
AUTH = {"HTTP_AUTHORIZATION": "Basic " + b64encode(b"hooks:a-long-webhook-secret").decode()}
URL = "/newsletters/webhooks/mailgun/tracking/"


@pytest.fixture
def webhooks(settings):
    settings.ANYMAIL = {
        "WEBHOOK_SECRET": "hooks:a-long-webhook-secret",
        "MAILGUN_WEBHOOK_SIGNING_KEY": SIGNING_KEY,
    }


def mailgun_event(event: str, recipient: str, *, key: str = SIGNING_KEY, **data) -> str:
    """A Mailgun webhook body, signed as Mailgun signs it (HMAC-SHA256 of timestamp+token)."""
    timestamp, token = str(int(time.time())), "a" * 50
    signature = hmac.new(key.encode(), f"{timestamp}{token}".encode(), hashlib.sha256)
    return json.dumps(
        {
            "signature": {"timestamp": timestamp, "token": token,
                          "signature": signature.hexdigest()},
            "event-data": {"event": event, "recipient": recipient, "timestamp": time.time(),
                           "id": "event-1", "message": {"headers": {"message-id": "m@x"}},
                           **data},
        }
    )  # fmt: skip


def test_a_signed_hard_bounce_suppresses_the_address_at_once(client, webhooks, daily, story):
    reader = SubscriberFactory(email="gone@example.org", newsletters=[daily])
    SubscriberFactory(email="here@example.org", newsletters=[daily])
    body = mailgun_event(
        "failed",
        "gone@example.org",
        severity="permanent",
        reason="bounce",
        **{"delivery-status": {"code": 550, "message": "No such user"}},
    )
    response = client.post(URL, body, content_type="application/json", **AUTH)
    assert response.status_code == 200
    suppression = Suppression.objects.get(email="gone@example.org")
    assert suppression.reason == "bounce" and suppression.source == "Mailgun"

    committed(services.edition_send_now, newsletter=daily)
    assert [message.to for message in mail.outbox] == [["here@example.org"]]
    # Subscribing again and confirming lifts it.
    services.subscription_confirm(subscriber=reader)
    assert not Suppression.objects.exists()


def test_a_complaint_suppresses_the_address(client, webhooks, daily):
    SubscriberFactory(email="annoyed@example.org", newsletters=[daily])
    body = mailgun_event("complained", "annoyed@example.org")
    assert client.post(URL, body, content_type="application/json", **AUTH).status_code == 200
    assert Suppression.objects.get().reason == "complaint"


def test_a_forged_webhook_is_refused_and_changes_nothing(client, webhooks, daily):
    SubscriberFactory(email="reader@example.org", newsletters=[daily])
    forged = mailgun_event("complained", "reader@example.org", key="not-the-key")
    assert client.post(URL, forged, content_type="application/json", **AUTH).status_code == 400
    unsigned = mailgun_event("complained", "reader@example.org")
    assert client.post(URL, unsigned, content_type="application/json").status_code == 400
    assert not Suppression.objects.exists()


def test_webhooks_answer_nothing_until_a_secret_is_configured(client, settings, daily):
    settings.ANYMAIL = {}
    body = mailgun_event("complained", "reader@example.org")
    assert client.post(URL, body, content_type="application/json").status_code == 404
    assert not Suppression.objects.exists()


def test_the_mailto_unsubscribe_works_through_the_providers_inbound_mail(daily, story):
    reader = SubscriberFactory(email="reader@example.org", newsletters=[daily])
    committed(services.edition_send_now, newsletter=daily)
    header = mail.outbox[0].extra_headers["List-Unsubscribe"]
    subject = header.split("subject=")[1].rstrip(">").replace("%20", " ").replace("%3A", ":")
    message = AnymailInboundMessage.construct(
        from_email="someone@else.example", to=rendering.unsubscribe_mailto(), subject=subject
    )
    assert services.unsubscribe_from_inbound(message=message) == 1
    assert Subscription.objects.get(subscriber=reader).status == "unsubscribed"
    forged = AnymailInboundMessage.construct(subject="unsubscribe not-a-token")
    assert services.unsubscribe_from_inbound(message=forged) == 0
