"""A reader signs up: double opt-in by a signed link, at most one email an hour, and no
answer that tells whether an address was already subscribed."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from dateline.newsletters import tokens
from dateline.newsletters.models import Subscriber, Subscription
from tests.newsletters.conftest import aged_token, committed, link_in, subscribe
from tests.newsletters.factories import SubscriberFactory

pytestmark = pytest.mark.django_db


def statuses(email="ana@example.org") -> dict[str, str]:
    return dict(
        Subscription.objects.filter(subscriber__email=email).values_list(
            "newsletter__slug", "status"
        )
    )


def test_the_form_on_the_front_page_signs_a_reader_up_after_they_confirm(client, daily, story):
    html = client.get("/").content.decode()
    form = re.search(
        r'<form action="(/newsletters/subscribe/)" method="post".*?</form>', html, re.S
    )
    assert form and 'value="daily"' in form[0] and 'name="token"' in form[0]

    response = subscribe(client)
    assert response.status_code == 303
    assert response["Location"] == "/newsletters/check-your-inbox/"
    assert statuses() == {"daily": "pending"}
    [email] = mail.outbox
    assert email.to == ["ana@example.org"]
    assert "Daily briefing" in email.body

    confirm = link_in(email.body, "confirm")
    page = client.get(confirm)
    assert page.status_code == 200 and "Yes, subscribe me" in page.content.decode()
    assert statuses() == {"daily": "pending"}  # a mail scanner following the link changes nothing
    done = client.post(confirm)
    assert done.status_code == 200 and "You are subscribed" in done.content.decode()
    assert statuses() == {"daily": "active"}
    assert client.post(confirm).status_code == 200  # twice is the same as once
    assert statuses() == {"daily": "active"}


def test_nothing_is_sent_to_an_address_before_it_confirms(client, daily, story):
    from dateline.newsletters.services import edition_send_now

    subscribe(client)
    mail.outbox.clear()
    committed(edition_send_now, newsletter=daily)
    assert mail.outbox == []


def test_asking_again_within_the_hour_sends_no_second_email(client, daily, breaking):
    subscribe(client)
    subscribe(client, newsletters=["breaking"])
    assert len(mail.outbox) == 1
    assert statuses() == {"daily": "pending", "breaking": "pending"}
    Subscriber.objects.update(confirmation_sent_at=timezone.now() - timedelta(minutes=61))
    subscribe(client)
    assert len(mail.outbox) == 2


def test_the_answer_is_the_same_for_a_new_and_an_already_subscribed_address(client, daily):
    SubscriberFactory(email="known@example.org", newsletters=[daily])

    def answer(email):
        response = subscribe(client, email=email)
        return response.status_code, response["Location"], response.content

    assert answer("known@example.org") == answer("new@example.org")
    # The owner of the known address learns it is subscribed, in their own inbox.
    known = [email for email in mail.outbox if email.to == ["known@example.org"]]
    assert "already" in known[0].subject and "/newsletters/manage/" in known[0].body


def test_a_filled_honeypot_gets_the_usual_answer_and_nothing_happens(client, daily):
    response = subscribe(client, contact_me_by_fax_only="http://spam.example")
    assert response.status_code == 303
    assert not Subscriber.objects.exists() and mail.outbox == []


@pytest.mark.parametrize(
    "change, status, message",
    [
        ({"token": "forged"}, 400, "The form was damaged"),
        ({"token_age": 0}, 400, "quicker than anyone"),
        ({"token_age": 2 * 24 * 3600}, 400, "has expired"),
        ({"email": "not-an-address"}, 400, "valid email address"),
        ({"email": "ana@example.org\r\nBcc: all@example.org"}, 400, "valid email address"),
        ({"email": "ana@example.org\nbcc:all@example.org"}, 400, "valid email address"),
        ({"newsletters": []}, 400, "choose at least one"),
        ({"newsletters": ["no-such-letter"]}, 400, "choose from the newsletters listed"),
    ],
)
def test_bad_sign_ups_are_refused_with_a_reason_and_store_nothing(
    client, daily, change, status, message
):
    if "token_age" in change:
        change = {"token": aged_token(change["token_age"])}
    response = subscribe(client, **change)
    assert response.status_code == status
    assert message in response.content.decode()
    assert not Subscriber.objects.exists() and mail.outbox == []


def test_a_sign_up_from_another_site_is_refused(client, daily):
    response = subscribe(client, origin=False)
    assert response.status_code == 403
    assert not Subscriber.objects.exists()


def test_too_many_sign_ups_from_one_network_are_slowed_down(client, daily):
    answers = [
        subscribe(client, email=f"reader{number}@example.org").status_code for number in range(21)
    ]
    assert answers[:20] == [303] * 20
    assert answers[20] == 429


def test_a_forged_or_expired_confirmation_link_changes_nothing(client, daily):
    subscribe(client)
    subscriber = Subscriber.objects.get()
    forged = link_in(mail.outbox[0].body, "confirm")[:-3] + "xx/"
    response = client.post(forged)
    assert response.status_code == 400
    assert "This link does not work" in response.content.decode()
    assert statuses() == {"daily": "pending"}

    old = tokens.link_token(action="confirm", subscriber_id=subscriber.pk, email=subscriber.email)
    later = timezone.now().timestamp() + tokens.CONFIRM_MAX_AGE + 60
    import time

    real_time = time.time
    time.time = lambda: later
    try:
        response = client.post(f"/newsletters/confirm/{old}/")
    finally:
        time.time = real_time
    assert response.status_code == 400 and "expired" in response.content.decode()
    assert statuses() == {"daily": "pending"}


def test_confirming_lifts_a_suppression(client, daily):
    from dateline.newsletters.models import Suppression

    Suppression.objects.create(email="ana@example.org", reason="bounce")
    subscribe(client)
    client.post(link_in(mail.outbox[0].body, "confirm"))
    assert not Suppression.objects.exists()
