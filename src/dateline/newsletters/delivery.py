"""Sending an edition: every reader once, through any mail server, surviving a killed worker.

The ledger. Before anything is handed over, each recipient gets a `Delivery` row, unique
per (edition, subscriber). A sender works through the rows in batches: it claims a batch
(pending -> claimed, stamped with its lease token), hands each copy over, and records
what the server said: sent, failed (a permanent refusal), or pending again (a temporary
one, retried later with a growing delay).

The lease. One sender per edition at a time: the edition row carries the sender's token
and a lease it renews after every batch and every few seconds. A worker that dies stops
renewing; once the lease has expired the scheduler (`dateline newsletter tick`) queues the
edition again and the next sender takes over. Rows the dead sender had claimed go back to
pending. Nothing else is redone: rows marked sent stay sent.

Exactly once over SMTP. A server keeps a message only when it receives the final "." of
DATA (RFC 5321 4.1.1.4); a connection that drops before it is an aborted transaction.
So `SmtpTransport` sends the whole message, then commits the row as sent, then sends the
dot. A sender killed before the commit leaves a claimed row whose message the server
dropped: it is sent again. Killed after the commit: the row says sent and the server
holds the message (the dot is three bytes already in the kernel's buffer, or about to
be). The commit is conditional on the row still being claimed by this sender, so a
reader who unsubscribed a moment ago (the row is then skipped), or a takeover, stops
the copy: the connection is dropped without the dot.

Through an HTTP API (django-anymail) a request cannot be half-sent like that: the row is
marked "handing" before the call and sent after it. A sender killed during a call leaves
a handing row, which the next sender sends again with the same Message-ID (counted in
the edition's note; mailbox providers such as Gmail show one copy of a repeated id).

Lanes. Over SMTP one connection spends most of its time waiting for the server's
answers, so a sender may open DATELINE_NEWSLETTER_CONNECTIONS at once (default 1), each a
thread claiming its own batches; their rows carry the lane's token, derived from the
sender's, so a takeover releases all of them. With threads, another lane can run between
one lane's commit and its dot (Python switches threads every few milliseconds), which
widens the moment in which a killed worker loses a copy from microseconds to
milliseconds: one lane is the default.

Pace. The sender learns the pace the server accepts: a 421, a 4xx about rates, an HTTP 429
halves the rate and waits (1 s, doubling to a minute) before going on; a run of accepted
copies raises it again, up to DATELINE_NEWSLETTER_RATE if one is set. A batch holds about
two seconds of sending, so an unsubscribe waits behind at most that much.
"""

import copy
import logging
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django import db
from django.conf import settings
from django.db.models import F, Min, Q
from django.utils import timezone

from dateline.newsletters import rendering, selectors, transports
from dateline.newsletters.models import Delivery, Edition

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
BATCH_SECONDS = 2.0
MIN_BATCH, MAX_BATCH, FIRST_BATCH = 5, 500, 50
LEDGER_CHUNK = 2000
MAX_BACKOFF = 60.0
PATIENCE = 15  # refusals in a row ("slow down", no connection) before the edition stops
LANE_PREFIX = 28  # a lane's row token: the sender's token cut to this, then "-NNN"
SHORT_WAIT = 10  # seconds: a retry due sooner is waited for; a later one is left to the tick

Status = Delivery.Status
ACTIVE_EDITION = [Edition.Status.QUEUED, Edition.Status.SENDING]


def lease_seconds() -> int:
    return settings.DATELINE_NEWSLETTER_LEASE_SECONDS


@dataclass
class Pace:
    """How fast to send: unlimited until the server objects, then adaptive (AIMD)."""

    cap: float | None = None
    rate: float | None = None
    backoff: float = 0.0
    streak: int = 0
    throttles: int = 0
    measured: float = 0.0
    _next_at: float = 0.0

    def __post_init__(self):
        self.rate = self.cap

    def batch_size(self) -> int:
        speed = self.rate or self.measured or FIRST_BATCH / BATCH_SECONDS
        return max(MIN_BATCH, min(MAX_BATCH, int(speed * BATCH_SECONDS)))

    def throttled(self) -> float:
        """The server asked us to slow down: halve the rate; wait longer each time."""
        self.throttles += 1
        self.streak = 0
        self.rate = max(0.2, (self.rate or self.measured or 10.0) / 2)
        self.backoff = min(MAX_BACKOFF, max(1.0, self.backoff * 2))
        return self.backoff

    def accepted(self) -> None:
        self.streak += 1
        if self.streak % 20 == 0:
            self.backoff = 0.0
            if self.rate is not None:
                self.rate *= 1.25
                if self.cap is not None:
                    self.rate = min(self.rate, self.cap)
                elif self.measured and self.rate > 4 * self.measured:
                    self.rate = None  # far above what we reach anyway: no limit

    def wait(self, clock: Callable[[], float], sleep: Callable[[float], None]) -> None:
        if not self.rate:
            return
        now = clock()
        if self._next_at > now:
            sleep(self._next_at - now)
            now = self._next_at
        self._next_at = max(now, self._next_at) + 1.0 / self.rate


@dataclass
class Report:
    edition_id: int
    status: str = ""
    handed_over: int = 0
    failed: int = 0
    retried: int = 0
    throttles: int = 0
    resent_in_doubt: int = 0
    note: str = ""
    backoffs: list[float] = field(default_factory=list)


def _now() -> datetime:
    return timezone.now()


def _take_lease(edition_id: int, token: str) -> bool:
    now = _now()
    return bool(
        Edition.objects.filter(pk=edition_id, status__in=ACTIVE_EDITION)
        .filter(Q(lease_token="") | Q(lease_expires_at__lt=now) | Q(lease_token=token))
        .update(lease_token=token, lease_expires_at=now + timedelta(seconds=lease_seconds()))
    )


def _renew_lease(edition_id: int, token: str) -> bool:
    return bool(
        Edition.objects.filter(pk=edition_id, lease_token=token).update(
            lease_expires_at=_now() + timedelta(seconds=lease_seconds())
        )
    )


def ledger_build(edition: Edition) -> int:
    """Write a pending row for every recipient, in chunks (memory stays flat); idempotent."""
    if edition.recipients_ready:
        return edition.recipient_count
    ids = (
        selectors.recipients(edition.newsletter)
        .order_by("pk")
        .values_list("pk", flat=True)
        .distinct()
    )
    chunk: list[Delivery] = []
    for subscriber_id in ids.iterator(chunk_size=LEDGER_CHUNK):
        chunk.append(Delivery(edition_id=edition.pk, subscriber_id=subscriber_id))
        if len(chunk) >= LEDGER_CHUNK:
            Delivery.objects.bulk_create(chunk, ignore_conflicts=True)
            chunk = []
    if chunk:
        Delivery.objects.bulk_create(chunk, ignore_conflicts=True)
    count = Delivery.objects.filter(edition=edition).count()
    Edition.objects.filter(pk=edition.pk).update(recipients_ready=True, recipient_count=count)
    edition.recipients_ready, edition.recipient_count = True, count
    return count


def _release_abandoned(edition: Edition, token: str) -> int:
    """Rows a stopped sender had claimed go back to pending; returns how many were in doubt
    (handed to an HTTP provider when that sender stopped)."""
    abandoned = Delivery.objects.filter(
        edition=edition, status__in=[Status.CLAIMED, Status.HANDING]
    ).exclude(lease_token__startswith=token[:LANE_PREFIX])
    in_doubt = abandoned.filter(status=Status.HANDING).count()
    abandoned.update(status=Status.PENDING, lease_token="")
    return in_doubt


def _claim(edition: Edition, token: str, size: int) -> list[dict]:
    now = _now()
    due = (
        Delivery.objects.filter(edition=edition, status=Status.PENDING)
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        .order_by("pk")
        .values_list("pk", flat=True)[:size]
    )
    ids = list(due)
    if not ids:
        return []
    Delivery.objects.filter(pk__in=ids, status=Status.PENDING).update(
        status=Status.CLAIMED, lease_token=token
    )
    return list(
        Delivery.objects.filter(pk__in=ids, status=Status.CLAIMED, lease_token=token)
        .order_by("pk")
        .values("pk", "subscriber_id", "subscriber__email", "attempts")
    )


def _mark(pk: int, token: str, from_states, **changes) -> bool:
    return bool(
        Delivery.objects.filter(pk=pk, lease_token=token, status__in=from_states).update(**changes)
    )


def _retry_later(row: dict, token: str, detail: str) -> str:
    attempts = row["attempts"] + 1
    states = [Status.CLAIMED, Status.HANDING, Status.SENT]
    if attempts >= MAX_ATTEMPTS:
        _mark(row["pk"], token, states, status=Status.FAILED, attempts=attempts,
              error=f"Gave up after {attempts} tries: {detail}"[:300], lease_token="")  # fmt: skip
        return Status.FAILED
    delay = min(3600, 60 * 2 ** (attempts - 1))
    _mark(row["pk"], token, states, status=Status.PENDING, attempts=attempts, error=detail[:300],
          next_attempt_at=_now() + timedelta(seconds=delay), lease_token="")  # fmt: skip
    return Status.PENDING


class EditionSender:
    """Works through one edition's ledger until every row is settled or it must stop."""

    def __init__(self, edition_id: int, *, transport=None, sleep=time.sleep,
                 clock=time.monotonic):  # fmt: skip
        self.edition_id = edition_id
        self.token = uuid.uuid4().hex  # the edition's lease
        self.row_token = self.token  # the rows this lane claims (see _lanes)
        self.transport = transport
        self.sleep, self.clock = sleep, clock
        cap = settings.DATELINE_NEWSLETTER_RATE
        self.pace = Pace(cap=cap or None)
        self.report = Report(edition_id=edition_id)
        self._renewed_at = 0.0

    def _keep_lease(self, force: bool = False) -> bool:
        if force or self.clock() - self._renewed_at > lease_seconds() / 4:
            if not _renew_lease(self.edition_id, self.token):
                return False
            self._renewed_at = self.clock()
        return True

    def run(self) -> Report:
        report = self.report
        if not _take_lease(self.edition_id, self.token):
            report.note = "Another sender holds this edition, or it is not queued."
            return report
        self._renewed_at = self.clock()
        edition = Edition.objects.select_related("newsletter").get(pk=self.edition_id)
        ledger_build(edition)
        report.resent_in_doubt = _release_abandoned(edition, self.token)
        Edition.objects.filter(pk=edition.pk).update(
            status=Edition.Status.SENDING, started_at=edition.started_at or _now()
        )
        if report.resent_in_doubt:
            self._note(f"{report.resent_in_doubt} copies handed to the provider when the "
                       "previous sender stopped were sent again.")  # fmt: skip
        self.own_transport = self.transport is None
        self.transport = self.transport or transports.transport_from_settings()
        self.head = rendering.letterhead()
        # SMTP takes bytes: each copy is filled in from one serialised message.
        self.maker = None
        if self.transport.kind == "smtp":
            try:
                self.maker = rendering.CopyMaker(edition=edition, head=self.head)
            except ValueError:  # e.g. a header refused: each copy fails on its own, recorded
                self.maker = None
        lanes = settings.DATELINE_NEWSLETTER_CONNECTIONS if self.transport.kind == "smtp" else 1
        if self.own_transport and lanes > 1:
            self.transport.close()
            stopped = self._lanes(edition, lanes)
        else:
            try:
                stopped = self._send_all(edition)
            finally:
                self.transport.close()
        return self._finish(edition, stopped)

    def _lanes(self, edition: Edition, lanes: int) -> str:
        """Several SMTP connections at once, each a thread claiming its own batches (rows
        stamped with the lane's token): one connection spends most of its time waiting for
        the server's answers."""
        cap = settings.DATELINE_NEWSLETTER_RATE

        def lane(number: int) -> tuple[str, Report]:
            worker = copy.copy(self)
            worker.row_token = f"{self.token[:LANE_PREFIX]}-{number:03d}"
            worker.transport = transports.transport_from_settings()
            worker.pace = Pace(cap=cap / lanes if cap else None)
            worker.report = Report(edition_id=self.edition_id)
            try:
                return worker._send_all(edition), worker.report
            finally:
                worker.transport.close()
                db.connection.close()

        with ThreadPoolExecutor(max_workers=lanes, thread_name_prefix="newsletter") as pool:
            results = list(pool.map(lane, range(lanes)))
        for _stopped, report in results:
            self.report.handed_over += report.handed_over
            self.report.failed += report.failed
            self.report.retried += report.retried
            self.report.backoffs += report.backoffs
        reasons = [stopped for stopped, _report in results if stopped]
        return "lost" if "lost" in reasons else (reasons[0] if reasons else "")

    def _note(self, text: str) -> None:
        self.report.note = text[:500]
        Edition.objects.filter(pk=self.edition_id).update(note=text[:500])

    def _send_all(self, edition: Edition) -> str:
        """Returns "" when the ledger is settled or waits on retries, else why it stopped."""
        while True:
            if not self._keep_lease(force=True):
                return "lost"
            batch = _claim(edition, self.row_token, self.pace.batch_size())
            if not batch:
                return ""
            started, handed = self.clock(), 0
            for position, row in enumerate(batch):
                outcome = self._hand_over_patiently(edition, row)
                if outcome is None:
                    return "lost"
                handed += outcome.kind == transports.SENT
                if self._record(row, outcome):
                    # What this sender still holds goes back to pending for the next one.
                    for rest in batch[position + 1 :]:
                        _mark(rest["pk"], self.row_token, [Status.CLAIMED], status=Status.PENDING,
                              lease_token="")  # fmt: skip
                    self._note(outcome.detail)
                    return "fatal"
            elapsed = self.clock() - started
            if handed and elapsed > 0:
                speed = handed / elapsed
                self.pace.measured = speed if not self.pace.measured else (
                    0.7 * self.pace.measured + 0.3 * speed
                )  # fmt: skip

    def _hand_over_patiently(self, edition: Edition, row: dict) -> transports.Outcome | None:
        """Hand one copy over; while the server says "slow down" (or cannot be reached),
        wait longer each time and offer the same copy again. None: the lease was lost."""
        waits = 0
        while True:
            if not self._keep_lease():
                return None
            self.pace.wait(self.clock, self.sleep)
            outcome = self._hand_over(edition, row)
            busy = outcome.kind == transports.THROTTLED or (
                outcome.kind == transports.UNREACHABLE and not outcome.committed
            )
            if not busy:
                return outcome
            waits += 1
            if waits > PATIENCE:
                return transports.Outcome(
                    transports.FATAL,
                    f"Stopped after {waits} refusals in a row; the last: {outcome.detail}"[:300],
                )
            # Slowing down is not the reader's fault: it does not count as a try.
            _mark(row["pk"], self.row_token, [Status.CLAIMED, Status.HANDING, Status.SENT],
                  status=Status.CLAIMED, error=outcome.detail[:300])  # fmt: skip
            wait = self.pace.throttled()
            self.report.backoffs.append(wait)
            self.transport.drop()
            self.sleep(wait)
            if not self._keep_lease(force=True):
                return None

    def _hand_over(self, edition: Edition, row: dict) -> transports.Outcome:
        email = row["subscriber__email"]
        if not email:
            return transports.Outcome(transports.WITHDRAWN)
        try:
            if self.maker is not None:
                message = self.maker.copy(
                    email=email, subscriber_id=row["subscriber_id"], delivery_id=row["pk"]
                )
            else:
                message = rendering.personal_message(
                    edition=edition, html=edition.html_body, text=edition.text_body,
                    email=email, subscriber_id=row["subscriber_id"], delivery_id=row["pk"],
                    head=self.head,
                )  # fmt: skip
        except ValueError as error:
            return transports.Outcome(transports.FAILED, f"Refused to build the email: {error}")
        pk, token = row["pk"], self.row_token

        def begin() -> bool:
            return _mark(pk, token, [Status.CLAIMED], status=Status.HANDING)

        def accept() -> bool:
            return _mark(pk, token, [Status.CLAIMED, Status.HANDING], status=Status.SENT,
                         sent_at=_now(), error="")  # fmt: skip

        return self.transport.hand_over(message, begin=begin, accept=accept)

    def _record(self, row: dict, outcome: transports.Outcome) -> bool:
        """Write what the server said; True when the whole edition must stop."""
        report, kind, token = self.report, outcome.kind, self.row_token
        if kind == transports.SENT:
            report.handed_over += 1
            self.pace.accepted()
            if outcome.provider_id and self.transport.kind != "smtp":
                Delivery.objects.filter(pk=row["pk"]).update(provider_id=outcome.provider_id)
            return False
        if kind == transports.WITHDRAWN:
            _mark(row["pk"], token, [Status.CLAIMED], status=Status.SKIPPED, lease_token="")
            return False
        if kind == transports.UNREACHABLE:
            # The connection broke after the final dot: the server most likely has it.
            return False
        if kind == transports.FAILED:
            report.failed += 1
            _mark(row["pk"], token, [Status.CLAIMED, Status.HANDING, Status.SENT],
                  status=Status.FAILED, error=outcome.detail[:300], lease_token="",
                  attempts=F("attempts") + 1)  # fmt: skip
            return False
        if kind == transports.FATAL:
            _mark(row["pk"], token, [Status.CLAIMED, Status.HANDING, Status.SENT],
                  status=Status.PENDING, lease_token="")  # fmt: skip
            return True
        report.retried += 1  # a temporary refusal of this address: later, with a delay
        _retry_later(row, token, outcome.detail)
        return False

    def _finish(self, edition: Edition, stopped: str) -> Report:
        report = self.report
        counts = selectors.edition_counts(edition)
        waiting = counts[Status.PENDING] + counts["in_flight"]
        report.throttles = len(report.backoffs)
        changes: dict = {}
        if stopped == "lost":
            report.status = Edition.Status.SENDING
            report.note = report.note or "Another sender took this edition over."
            return report
        if stopped == "fatal":
            changes = {"status": Edition.Status.FAILED, "lease_token": "", "finished_at": _now()}
        elif waiting:
            # Temporary refusals wait for their retry time; the tick resumes the edition.
            next_try = Delivery.objects.filter(edition=edition, status=Status.PENDING).aggregate(
                first=Min("next_attempt_at")
            )["first"]
            if next_try and (next_try - _now()).total_seconds() <= SHORT_WAIT:
                self.sleep(max(0.0, (next_try - _now()).total_seconds()))
                return self.run_again(edition)
            changes = {"lease_token": "", "lease_expires_at": next_try}
            self._note(f"{waiting} copies wait to be tried again.")
        else:
            status = (
                Edition.Status.FAILED
                if counts[Status.SENT] == 0 and counts[Status.FAILED]
                else Edition.Status.SENT
            )
            changes = {"status": status, "lease_token": "", "finished_at": _now()}
        Edition.objects.filter(pk=edition.pk, lease_token=self.token).update(**changes)
        edition.refresh_from_db()
        report.status = edition.status
        return report

    def run_again(self, edition: Edition) -> Report:
        stopped = self._send_all(edition)
        return self._finish(edition, stopped)


def edition_deliver(*, edition_id: int, transport=None, sleep=time.sleep,
                    clock=time.monotonic) -> Report:  # fmt: skip
    """Send (or go on sending) an edition to everyone in its ledger. Safe to run twice at
    once or after a crash: the lease lets one sender work, the ledger says who is left."""
    return EditionSender(edition_id, transport=transport, sleep=sleep, clock=clock).run()


def editions_to_resume(*, now: datetime | None = None) -> list[int]:
    """Editions being sent whose sender stopped (its lease ran out), or whose retries are
    due, or queued a lease ago without a sender starting (a lost task)."""
    now = now or _now()
    stale = now - timedelta(seconds=lease_seconds())
    return list(
        Edition.objects.filter(status__in=ACTIVE_EDITION)
        .filter(
            Q(lease_expires_at__lt=now)
            | Q(lease_token="", lease_expires_at__isnull=True, queued_at__lt=stale)
        )
        .values_list("pk", flat=True)
    )
