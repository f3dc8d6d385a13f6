"""A send the mail server stops (a refused login) says so, and resumes without repeats."""

import pytest

from dateline.newsletters import delivery, selectors, services
from dateline.newsletters.models import Edition
from dateline.newsletters.transports import SmtpTransport
from tests.newsletters.factories import SubscriberFactory
from tests.newsletters.smtp_sink import Sink, SinkServer
from tests.ops.servers import free_port

pytestmark = pytest.mark.django_db


def test_a_refused_login_stops_the_edition_truthfully_and_resume_finishes_it(daily, story):
    readers = [SubscriberFactory(newsletters=[daily]) for _ in range(3)]
    refusing = {"on": True}
    sink = Sink(answer=lambda number, envelope: "530 5.7.0 Authentication required"
                if refusing["on"] and number >= 2 else None)  # fmt: skip
    with SinkServer(sink, free_port()) as server:
        edition = services.edition_send_now(newsletter=daily)

        def transport():
            return SmtpTransport(host="127.0.0.1", port=server.port, timeout=5)

        delivery.edition_deliver(edition_id=edition.pk, transport=transport())
        edition.refresh_from_db()
        assert edition.status == Edition.Status.FAILED
        assert "530 5.7.0" in edition.note
        counts = selectors.edition_counts(edition)
        assert (counts["sent"], counts["pending"], counts["failed"]) == (1, 2, 0)

        refusing["on"] = False
        services.edition_resume(edition=edition)
        delivery.edition_deliver(edition_id=edition.pk, transport=transport())
    edition.refresh_from_db()
    assert edition.status == Edition.Status.SENT
    assert sorted(sink.recipients().items()) == sorted((r.email, 1) for r in readers)
