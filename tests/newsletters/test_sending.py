"""An edition reaches every confirmed reader once, with their own unsubscribe headers, and
the ledger tells the truth about what the mail server did with each copy."""

import re
from datetime import timedelta
from email import message_from_bytes

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from dateline.newsletters import delivery, selectors, services
from dateline.newsletters.models import Delivery, Edition, Newsletter, Subscription
from dateline.newsletters.transports import BackendTransport, SmtpTransport
from tests.newsletters.conftest import committed
from tests.newsletters.factories import NewsletterFactory, SubscriberFactory
from tests.newsletters.smtp_sink import Sink, SinkServer
from tests.ops.servers import free_port

pytestmark = pytest.mark.django_db


class Sleeps(list):
    """Stands in for time.sleep: remembers how long the sender chose to wait."""

    def __call__(self, seconds: float) -> None:
        self.append(round(seconds, 3))


@pytest.fixture
def readers(daily, breaking):
    return [
        SubscriberFactory(email=f"reader{n}@example.org", newsletters=[daily]) for n in range(3)
    ]


def queued(newsletter) -> Edition:
    """An edition queued as `dateline newsletter send` queues it, not yet sent."""
    return services.edition_send_now(newsletter=newsletter)


def test_every_confirmed_reader_gets_one_copy_with_their_own_unsubscribe_headers(
    client, readers, daily, breaking, story
):
    services.subscription_request  # noqa: B018 - an unconfirmed reader gets nothing:
    pending = SubscriberFactory(email="pending@example.org")
    Subscription.objects.create(subscriber=pending, newsletter=daily)
    pending.confirmed_at = None
    pending.save()
    gone = SubscriberFactory(email="gone@example.org", newsletters=[daily])
    services.subscription_cancel(subscriber=gone)
    SubscriberFactory(email="bounced@example.org", newsletters=[daily])
    services.suppression_add(email="bounced@example.org", reason="bounce")
    SubscriberFactory(email="alerts-only@example.org", newsletters=[breaking])

    edition = committed(services.edition_send_now, newsletter=daily)

    assert sorted(message.to[0] for message in mail.outbox) == [r.email for r in readers]
    edition.refresh_from_db()
    assert edition.status == Edition.Status.SENT
    counts = selectors.edition_counts(edition)
    assert (counts["total"], counts["sent"], counts["failed"]) == (3, 3, 0)
    tokens_seen = set()
    for message in mail.outbox:
        header = message.extra_headers["List-Unsubscribe"]
        https, mailto = re.fullmatch(r"<(https://[^>]+)>, <(mailto:[^>]+)>", header).groups()
        assert https.startswith("https://news.example.com/newsletters/unsubscribe/")
        assert mailto.startswith("mailto:unsubscribe@news.example.com?subject=unsubscribe%20")
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        tokens_seen.add(https)
        html = message.alternatives[0][0]
        assert story.title in html and story.title in message.body
        assert f"https://news.example.com{story.url}" in html
        assert f"https://news.example.com{story.url}" in message.body
    assert len(tokens_seen) == 3  # each reader's link is their own


def test_the_one_click_post_unsubscribes_at_once_and_a_second_is_harmless(
    client, readers, daily, story
):
    committed(services.edition_send_now, newsletter=daily)
    header = mail.outbox[0].extra_headers["List-Unsubscribe"]
    path = re.search(r"<https://news\.example\.com(/[^>]+)>", header)[1]
    reader = mail.outbox[0].to[0]

    def status():
        return Subscription.objects.get(subscriber__email=reader, newsletter=daily).status

    assert client.get(path).status_code == 200 and status() == "active"  # GET changes nothing
    # What a mail client sends (RFC 8058): a POST with this body, from no page of ours.
    one_click = {"List-Unsubscribe": "One-Click"}
    assert client.post(path, one_click).status_code == 200
    assert status() == "unsubscribed"
    assert client.post(path, one_click).status_code == 200
    assert status() == "unsubscribed"


def test_sending_the_edition_again_sends_no_one_a_second_copy(readers, daily, story):
    edition = committed(queued, daily)
    assert len(mail.outbox) == 3
    Edition.objects.filter(pk=edition.pk).update(status=Edition.Status.SENDING)
    delivery.edition_deliver(edition_id=edition.pk)
    assert len(mail.outbox) == 3
    with pytest.raises(ValueError):
        services.edition_queue(edition=edition)


def test_a_reader_who_unsubscribes_during_the_send_gets_nothing_more(readers, daily, story):
    last = readers[-1]

    class UnsubscribeMidway(BackendTransport):
        def hand_over(self, message, **kwargs):
            if message.to[0] == readers[0].email:
                services.subscription_cancel(subscriber=last, newsletter=daily)
            return super().hand_over(message, **kwargs)

    edition = queued(daily)
    delivery.edition_deliver(edition_id=edition.pk, transport=UnsubscribeMidway())
    assert last.email not in [message.to[0] for message in mail.outbox]
    assert Delivery.objects.get(edition=edition, subscriber=last).status == "skipped"


def test_names_and_subjects_cannot_carry_a_header(readers, daily, story):
    with pytest.raises(ValidationError):
        Newsletter(name="Daily\r\nBcc: everyone@example.org", slug="x").full_clean()
    with pytest.raises(ValidationError):
        services.edition_draft_create(
            newsletter=daily, subject="Hello\nBcc: everyone@example.org", articles=[story]
        )
    # Even a subject written past the validation is refused when the email is built.
    edition = queued(daily)
    Edition.objects.filter(pk=edition.pk).update(subject="Hello\nBcc: everyone@example.org")
    report = delivery.edition_deliver(edition_id=edition.pk)
    assert mail.outbox == []
    assert report.failed == 3 and report.status == Edition.Status.FAILED
    assert all("Refused to build" in row.error for row in selectors.edition_failures(edition))


@pytest.fixture
def sink_server():
    def start(sink: Sink) -> SinkServer:
        return SinkServer(sink, free_port())

    return start


def smtp_to(server: SinkServer) -> SmtpTransport:
    return SmtpTransport(host="127.0.0.1", port=server.port, timeout=5)


def test_the_sender_slows_down_when_the_server_says_so_and_loses_no_one(
    sink_server, readers, daily, story
):
    busy = {2, 3, 4}  # the server's 2nd to 4th answers: "421 slow down"
    sink = Sink(
        answer=lambda number, envelope: "421 4.7.0 Try again later" if number in busy else None
    )
    sleeps = Sleeps()
    with sink_server(sink) as server:
        report = delivery.edition_deliver(
            edition_id=queued(daily).pk, transport=smtp_to(server), sleep=sleeps
        )
    assert sorted(sink.recipients().items()) == [(r.email, 1) for r in readers]
    assert report.backoffs == [1.0, 2.0, 4.0]  # waiting longer each time it is refused
    assert report.failed == 0 and report.status == Edition.Status.SENT
    assert all(item.one_click for item in sink.received)


def test_a_refused_address_is_recorded_and_listed_the_others_are_sent(
    sink_server, readers, daily, story
):
    refused = readers[1].email

    def answer(number, envelope):
        return "550 5.1.1 No such mailbox" if envelope.rcpt_tos == [refused] else None

    sink = Sink(answer=answer)
    with sink_server(sink) as server:
        edition = queued(daily)
        report = delivery.edition_deliver(edition_id=edition.pk, transport=smtp_to(server))
    edition.refresh_from_db()
    assert edition.status == Edition.Status.SENT
    counts = selectors.edition_counts(edition)
    assert (counts["sent"], counts["failed"]) == (2, 1) and report.failed == 1
    [failure] = selectors.edition_failures(edition)
    assert failure.subscriber.email == refused and "550 5.1.1 No such mailbox" in failure.error


def test_a_temporary_refusal_is_tried_again_later(sink_server, readers, daily, story):
    later = readers[2].email
    tries = []

    def answer(number, envelope):
        if envelope.rcpt_tos == [later]:
            tries.append(number)
            if len(tries) == 1:
                return "451 4.3.0 Mailbox busy"
        return None

    sink = Sink(answer=answer)
    with sink_server(sink) as server:
        edition = queued(daily)
        delivery.edition_deliver(edition_id=edition.pk, transport=smtp_to(server))
        edition.refresh_from_db()
        assert edition.status == Edition.Status.SENDING  # truthfully: one copy still waits
        assert "1 copies wait" in edition.note
        row = Delivery.objects.get(edition=edition, subscriber__email=later)
        assert row.status == "pending" and row.next_attempt_at > timezone.now()
        # The scheduler's tick picks it up once the retry is due.
        Delivery.objects.filter(pk=row.pk).update(next_attempt_at=timezone.now())
        Edition.objects.filter(pk=edition.pk).update(lease_expires_at=timezone.now())
        assert edition.pk in delivery.editions_to_resume(now=timezone.now() + timedelta(seconds=1))
        delivery.edition_deliver(edition_id=edition.pk, transport=smtp_to(server))
    edition.refresh_from_db()
    assert edition.status == Edition.Status.SENT
    assert sink.recipients()[later] == 1


def test_an_smtp_copy_carries_html_and_text_parts(sink_server, readers, daily, story):
    sink = Sink(keep_bodies=True)
    with sink_server(sink) as server:
        delivery.edition_deliver(edition_id=queued(daily).pk, transport=smtp_to(server))
    message = message_from_bytes(sink.bodies[0])
    kinds = [part.get_content_type() for part in message.walk()]
    assert kinds == ["multipart/alternative", "text/plain", "text/html"]
    assert message["Message-ID"].startswith("<edition-")


def test_a_second_newsletter_with_no_readers_is_sent_to_no_one(story):
    empty = NewsletterFactory(slug="empty")
    edition = committed(services.edition_send_now, newsletter=empty)
    edition.refresh_from_db()
    assert edition.status == Edition.Status.SENT and edition.recipient_count == 0
