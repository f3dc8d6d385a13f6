"""Every write to newsletters: sign-ups, confirmations, unsubscribes, privacy requests,
suppressions, and editions from draft to queued. Sending itself is delivery.py.

Emails and sends run in tasks, enqueued after the transaction commits.
"""

import logging
import re
import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

from dateline.newsletters import rendering, selectors, signup, tokens
from dateline.newsletters.models import (
    Delivery,
    Edition,
    EditionStory,
    Newsletter,
    Subscriber,
    Subscription,
    Suppression,
)

log = logging.getLogger(__name__)

CONFIRMATION_INTERVAL = timedelta(hours=1)
DIGEST_LOOKBACK = timedelta(days=1)
# A daily digest the site could not send at its time (the server was down) still goes out
# this late; after that the day is skipped rather than a morning email arriving at night.
DIGEST_GRACE = timedelta(hours=4)

__all__ = ["SignupRefused"]
SignupRefused = signup.SignupRefused


def normalise_email(email: str) -> str:
    """Addresses are stored as typed, except that the domain is case-insensitive."""
    email = (email or "").strip()
    local, at, domain = email.rpartition("@")
    return f"{local}@{domain.lower()}" if at else email


def _enqueue(task_name: str, *args) -> None:
    from dateline.newsletters import tasks

    def enqueue():
        try:
            getattr(tasks, task_name).enqueue(*args)
        except Exception:
            log.exception("Could not enqueue %s%r", task_name, args)

    transaction.on_commit(enqueue)


# Readers


def subscription_request(
    *,
    email: str,
    newsletters: list[Newsletter],
    network: str | None,
    form_token: str,
    honeypot: str = "",
    now: datetime | None = None,
) -> None:
    """A reader asks for newsletters. Nothing is sent to them before they confirm.

    Runs the sign-up checks (signup.CHECKS; SignupRefused stores nothing), records the
    choice as pending, and emails a confirmation link, at most once an hour per address.
    An address already subscribed to everything it asked for gets a note with its manage
    link instead. The caller learns nothing about which happened.
    """
    now = now or timezone.now()
    request = signup.Signup(
        email=normalise_email(email),
        newsletters=list(newsletters),
        network=network,
        form_token=form_token,
        honeypot=honeypot,
        now=now,
    )
    if signup.run_checks(request) == signup.DROP:
        return
    with transaction.atomic():
        subscriber, _created = Subscriber.objects.get_or_create(email=request.email)
        for newsletter in request.newsletters:
            subscription, created = Subscription.objects.get_or_create(
                subscriber=subscriber, newsletter=newsletter, defaults={"requested_at": now}
            )
            if not created and subscription.status != Subscription.Status.ACTIVE:
                subscription.status = Subscription.Status.PENDING
                subscription.requested_at = now
                subscription.save(update_fields=["status", "requested_at"])
        # One email an hour, whatever the number of requests: claimed by a conditional update,
        # so two requests at once cannot both send.
        claimed = (
            Subscriber.objects.filter(pk=subscriber.pk)
            .filter(
                Q(confirmation_sent_at__isnull=True)
                | Q(confirmation_sent_at__lte=now - CONFIRMATION_INTERVAL)
            )
            .update(confirmation_sent_at=now)
        )
        if claimed:
            _enqueue("send_confirmation", subscriber.pk)


def confirmation_send(*, subscriber_id: int) -> bool:
    """The confirmation email: a link confirming what waits, or, when nothing waits, a note
    that the address is already subscribed with its manage link."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None:
        return False
    subscriptions = selectors.subscriptions_of(subscriber).values()
    pending = [s.newsletter for s in subscriptions if s.status == Subscription.Status.PENDING]
    active = [s.newsletter for s in subscriptions if s.status == Subscription.Status.ACTIVE]
    confirmed = subscriber.confirmed_at is not None
    site = rendering.default_site()
    site_name = rendering.site_name(site)
    context = {
        "site_name": site_name,
        "pending": pending,
        "active": active if confirmed else [],
        "confirm_url": rendering.link_url("confirm", subscriber),
        "manage_url": rendering.link_url("manage", subscriber) if confirmed else "",
    }
    subject = (
        f"Please confirm your subscription to {site_name}"
        if pending
        else f"You are already subscribed to {site_name}"
    )
    EmailMessage(
        subject=subject,
        body=render_to_string("newsletters/email/confirm.txt", context),
        from_email=rendering.sender_address(site),
        to=[subscriber.email],
    ).send()
    return True


def subscription_confirm(*, subscriber: Subscriber, now: datetime | None = None) -> list:
    """The reader clicked the confirmation link: what they asked for starts. Idempotent.

    Confirming also lifts a suppression: the owner of the address asked again.
    """
    now = now or timezone.now()
    with transaction.atomic():
        subscriptions = list(
            subscriber.subscriptions.select_related("newsletter").filter(
                status=Subscription.Status.PENDING
            )
        )
        Subscription.objects.filter(pk__in=[s.pk for s in subscriptions]).update(
            status=Subscription.Status.ACTIVE, confirmed_at=now, unsubscribed_at=None
        )
        if subscriber.confirmed_at is None:
            subscriber.confirmed_at = now
            subscriber.save(update_fields=["confirmed_at"])
        Suppression.objects.filter(email__iexact=subscriber.email).delete()
    return [subscription.newsletter for subscription in subscriptions]


def _withdraw_deliveries(subscriber: Subscriber, *, newsletter=None, reason: str) -> int:
    """Anything not yet handed over to this reader is not sent (see delivery.py: the
    sender commits a row as sent only while it is still claimed)."""
    rows = Delivery.objects.filter(
        subscriber=subscriber,
        status__in=[Delivery.Status.PENDING, Delivery.Status.CLAIMED],
    )
    if newsletter is not None:
        rows = rows.filter(edition__newsletter=newsletter)
    return rows.update(status=Delivery.Status.SKIPPED, error=reason, lease_token="")


def subscription_cancel(
    *, subscriber: Subscriber, newsletter: Newsletter | None = None, now: datetime | None = None
) -> int:
    """Unsubscribe from one newsletter, or from all. Takes effect at once; idempotent."""
    now = now or timezone.now()
    with transaction.atomic():
        subscriptions = subscriber.subscriptions.exclude(status=Subscription.Status.UNSUBSCRIBED)
        if newsletter is not None:
            subscriptions = subscriptions.filter(newsletter=newsletter)
        count = subscriptions.update(status=Subscription.Status.UNSUBSCRIBED, unsubscribed_at=now)
        _withdraw_deliveries(subscriber, newsletter=newsletter, reason="Unsubscribed.")
    return count


def subscriptions_update(
    *, subscriber: Subscriber, newsletters: list[Newsletter], now: datetime | None = None
) -> None:
    """The manage page: exactly these newsletters from now on.

    The signed link came to this address, so what is chosen there starts at once.
    """
    now = now or timezone.now()
    wanted = {newsletter.pk for newsletter in newsletters}
    with transaction.atomic():
        current = selectors.subscriptions_of(subscriber)
        for newsletter in newsletters:
            subscription = current.get(newsletter.pk)
            if subscription is None:
                Subscription.objects.create(
                    subscriber=subscriber, newsletter=newsletter,
                    status=Subscription.Status.ACTIVE, requested_at=now, confirmed_at=now,
                )  # fmt: skip
            elif subscription.status != Subscription.Status.ACTIVE:
                subscription.status = Subscription.Status.ACTIVE
                subscription.confirmed_at, subscription.unsubscribed_at = now, None
                subscription.save(update_fields=["status", "confirmed_at", "unsubscribed_at"])
        for newsletter_id, subscription in current.items():
            if newsletter_id not in wanted and subscription.status != "unsubscribed":
                subscription_cancel(subscriber=subscriber, newsletter=subscription.newsletter)
        if subscriber.confirmed_at is None:
            subscriber.confirmed_at = now
            subscriber.save(update_fields=["confirmed_at"])


def subscriber_import(
    *, email: str, newsletters: list[Newsletter], confirmed_at: datetime | None = None
) -> Subscriber:
    """Store a reader who already confirmed elsewhere (a list moved from another provider,
    the demo site): subscribed at once, no email sent. Existing choices are kept."""
    confirmed_at = confirmed_at or timezone.now()
    with transaction.atomic():
        subscriber, _created = Subscriber.objects.get_or_create(
            email=normalise_email(email), defaults={"confirmed_at": confirmed_at}
        )
        for newsletter in newsletters:
            Subscription.objects.update_or_create(
                subscriber=subscriber, newsletter=newsletter,
                defaults={"status": Subscription.Status.ACTIVE, "confirmed_at": confirmed_at},
            )  # fmt: skip
    return subscriber


def subscriber_export(*, email: str) -> dict | None:
    """Everything stored about an address, for a data-access request."""
    email = normalise_email(email)
    subscriber = Subscriber.objects.filter(email__iexact=email).first()
    suppression = Suppression.objects.filter(email__iexact=email).first()
    if subscriber is None and suppression is None:
        return None
    data: dict = {"email": email, "subscriber": None, "suppression": None}
    if subscriber is not None:
        data["subscriber"] = {
            "created_at": subscriber.created_at.isoformat(),
            "confirmed_at": _iso(subscriber.confirmed_at),
            "confirmation_sent_at": _iso(subscriber.confirmation_sent_at),
            "subscriptions": [
                {
                    "newsletter": s.newsletter.name,
                    "status": s.status,
                    "requested_at": _iso(s.requested_at),
                    "confirmed_at": _iso(s.confirmed_at),
                    "unsubscribed_at": _iso(s.unsubscribed_at),
                }
                for s in subscriber.subscriptions.select_related("newsletter").order_by("pk")
            ],
            "emails": [
                {
                    "newsletter": d.edition.newsletter.name,
                    "subject": d.edition.subject,
                    "status": d.status,
                    "sent_at": _iso(d.sent_at),
                    "error": d.error,
                }
                for d in subscriber.deliveries.select_related("edition__newsletter").order_by("pk")
            ],
        }
    if suppression is not None:
        data["suppression"] = {
            "reason": suppression.reason,
            "detail": suppression.detail,
            "source": suppression.source,
            "created_at": suppression.created_at.isoformat(),
        }
    return data


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def subscriber_erase(*, email: str) -> bool:
    """Forget an address: its subscriptions and suppression go, its ledger rows lose their
    link to it (the counts of past sends stay)."""
    email = normalise_email(email)
    with transaction.atomic():
        subscribers = list(Subscriber.objects.filter(email__iexact=email))
        for subscriber in subscribers:
            _withdraw_deliveries(subscriber, reason="Address erased.")
        deleted, _ = Subscriber.objects.filter(pk__in=[s.pk for s in subscribers]).delete()
        suppressed, _ = Suppression.objects.filter(email__iexact=email).delete()
    return bool(deleted or suppressed)


def suppression_add(*, email: str, reason: str, detail: str = "", source: str = "") -> Suppression:
    """Stop mailing an address (a bounce, a complaint): at once, until it confirms again."""
    email = normalise_email(email)
    with transaction.atomic():
        suppression, created = Suppression.objects.get_or_create(
            email=email, defaults={"reason": reason, "detail": detail[:300], "source": source[:50]}
        )
        if not created and reason == Suppression.Reason.COMPLAINT:
            suppression.reason, suppression.detail = reason, detail[:300]
            suppression.save(update_fields=["reason", "detail"])
        for subscriber in Subscriber.objects.filter(email__iexact=email):
            _withdraw_deliveries(
                subscriber, reason=f"Suppressed: {suppression.get_reason_display()}."
            )
    return suppression


SUPPRESSING_EVENTS = {
    "bounced": Suppression.Reason.BOUNCE,
    "complained": Suppression.Reason.COMPLAINT,
    "rejected": Suppression.Reason.REJECTED,
}


def suppression_from_event(*, event, esp_name: str) -> Suppression | None:
    """A provider's webhook (through django-anymail, which checked its signature) reports a
    bounce, a complaint, a refusal or an unsubscribe: act on it at once."""
    email = normalise_email(event.recipient or "")
    if not email:
        return None
    if event.event_type == "unsubscribed":
        for subscriber in Subscriber.objects.filter(email__iexact=email):
            subscription_cancel(subscriber=subscriber)
        return None
    reason = SUPPRESSING_EVENTS.get(event.event_type)
    if reason is None:
        return None
    detail = event.description or event.mta_response or event.reject_reason or ""
    return suppression_add(email=email, reason=reason, detail=str(detail), source=esp_name)


UNSUBSCRIBE_SUBJECT = re.compile(r"unsubscribe\s+(\S+)", re.IGNORECASE)


def unsubscribe_from_inbound(*, message) -> int:
    """A reader's mail client used the List-Unsubscribe mailto: the subject carries the
    signed token of the copy they received (the sender's address proves nothing)."""
    match = UNSUBSCRIBE_SUBJECT.search(message.subject or "")
    if match is None:
        return 0
    try:
        data = tokens.read_link_token(match[1], action=tokens.UNSUBSCRIBE)
    except tokens.LinkError:
        return 0
    subscriber = selectors.subscriber_for_link(data)
    if subscriber is None:
        return 0
    newsletter = Newsletter.objects.filter(pk=data.get("n")).first()
    return subscription_cancel(subscriber=subscriber, newsletter=newsletter)


# Editions


def unique_edition_key(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def edition_draft_create(
    *, newsletter: Newsletter, subject: str, intro: str = "", articles=(), user=None
) -> Edition:
    """A manual edition, written in the admin: these stories, this intro."""
    edition = Edition(
        newsletter=newsletter, subject=subject, intro=intro, kind=Edition.Kind.MANUAL,
        key=unique_edition_key("manual"), created_by=user,
    )  # fmt: skip
    edition.full_clean(exclude=["key"])
    with transaction.atomic():
        edition.save()
        _add_stories(edition, articles)
    return edition


def _add_stories(edition: Edition, articles) -> None:
    EditionStory.objects.bulk_create(
        EditionStory(edition=edition, article=article, sort_order=position)
        for position, article in enumerate(articles)
    )


def _local_now(now: datetime) -> datetime:
    return now.astimezone(ZoneInfo(settings.TIME_ZONE))


def _last_cutoff(newsletter: Newsletter) -> datetime | None:
    last = (
        Edition.objects.filter(newsletter=newsletter, stories_until__isnull=False)
        .order_by("-stories_until")
        .values_list("stories_until", flat=True)
        .first()
    )
    return last


def digest_due_key(newsletter: Newsletter, now: datetime) -> str | None:
    """The key of the digest due now, or None when none is due (the schedule as data)."""
    if newsletter.schedule == Newsletter.Schedule.DAILY:
        local = _local_now(now)
        due = local.replace(
            hour=newsletter.send_time.hour, minute=newsletter.send_time.minute,
            second=0, microsecond=0,
        )  # fmt: skip
        if due <= local <= due + DIGEST_GRACE:
            return f"daily-{local.date().isoformat()}"
        return None
    if newsletter.schedule == Newsletter.Schedule.SECTION:
        return "section"  # whenever stories wait; made unique by the newest story's id below
    return None


def digest_build(*, newsletter: Newsletter, now: datetime | None = None) -> Edition | None:
    """The automatic edition due now, queued to send, or None if nothing is due or new.

    A digest holds the stories first published since the last one (at most a day back),
    in front-page order. Two schedulers deciding at once create it once (`key`).
    """
    now = now or timezone.now()
    key = digest_due_key(newsletter, now)
    if key is None:
        return None
    since = max(
        filter(None, [_last_cutoff(newsletter), newsletter.created_at, now - DIGEST_LOOKBACK])
    )
    stories = selectors.stories_published_between(newsletter, since, now)
    if not stories:
        return None
    if newsletter.schedule == Newsletter.Schedule.SECTION:
        key = f"section-{max(story.pk for story in stories)}"
        subject = (
            stories[0].title if len(stories) == 1 else f"{newsletter.name}: {stories[0].title}"
        )
    else:
        subject = f"{newsletter.name}: {stories[0].title}"
    if Edition.objects.filter(newsletter=newsletter, key=key).exists():
        return None
    try:
        with transaction.atomic():
            edition = Edition.objects.create(
                newsletter=newsletter, kind=Edition.Kind.DIGEST, key=key,
                subject=subject[:200], stories_until=now, created_at=now,
            )  # fmt: skip
            _add_stories(edition, stories)
            edition_queue(edition=edition, now=now)
    except IntegrityError:
        return None  # another scheduler built it a moment ago
    return edition


def alert_request(*, article, user=None, now: datetime | None = None) -> list[Edition]:
    """An editor asks for a breaking-news alert about `article`, once per breaking newsletter.

    Sent as soon as the story is live (now, or when its scheduled publication comes).
    """
    now = now or timezone.now()
    editions = []
    for newsletter in Newsletter.objects.filter(schedule=Newsletter.Schedule.BREAKING):
        key = f"alert-{article.pk}"
        if Edition.objects.filter(newsletter=newsletter, key=key).exists():
            continue
        try:
            with transaction.atomic():
                edition = Edition.objects.create(
                    newsletter=newsletter, kind=Edition.Kind.ALERT, key=key,
                    subject=f"Breaking: {article.title}"[:200], created_by=user,
                    status=Edition.Status.SCHEDULED, scheduled_for=now,
                )  # fmt: skip
                _add_stories(edition, [article])
                if article.live:
                    edition_queue(edition=edition, now=now)
        except IntegrityError:
            continue
        editions.append(edition)
    return editions


def edition_schedule(*, edition: Edition, when: datetime) -> Edition:
    """Send the edition at `when` (the scheduler queues it then)."""
    if not edition.is_editable:
        raise ValueError("Only a draft or scheduled edition can be scheduled.")
    edition.status, edition.scheduled_for = Edition.Status.SCHEDULED, when
    edition.save(update_fields=["status", "scheduled_for"])
    return edition


def edition_cancel(*, edition: Edition) -> Edition:
    if not edition.is_editable:
        raise ValueError("This edition is already being sent.")
    edition.status = Edition.Status.CANCELLED
    edition.save(update_fields=["status"])
    return edition


def edition_queue(*, edition: Edition, now: datetime | None = None) -> Edition:
    """Freeze what the edition says (rendered once, for everyone) and queue it for sending."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = Edition.objects.select_for_update().get(pk=edition.pk)
        if locked.status not in {Edition.Status.DRAFT, Edition.Status.SCHEDULED}:
            raise ValueError(f"This edition is {locked.get_status_display().lower()} already.")
        body = rendering.edition_email(locked)
        locked.html_body, locked.text_body = body.html, body.text
        locked.status, locked.queued_at = Edition.Status.QUEUED, now
        locked.save(update_fields=["html_body", "text_body", "status", "queued_at"])
        _enqueue("deliver_edition", locked.pk)
    edition.refresh_from_db()
    return edition


def edition_resume(*, edition: Edition) -> Edition:
    """Go on with an edition that stopped (the mail server refused our login, could not be
    reached): the copies not yet accepted are sent, the others are not sent again."""
    updated = Edition.objects.filter(pk=edition.pk, status=Edition.Status.FAILED).update(
        status=Edition.Status.QUEUED, lease_token="", lease_expires_at=None, note=""
    )
    if not updated:
        raise ValueError("Only an edition that stopped can be resumed.")
    Delivery.objects.filter(edition=edition, status=Delivery.Status.PENDING).update(
        next_attempt_at=None
    )
    _enqueue("deliver_edition", edition.pk)
    edition.refresh_from_db()
    return edition


def edition_send_test(*, edition: Edition, email: str) -> None:
    """Send the edition as it stands to one address (the editor's own), now."""
    body = rendering.edition_email(edition)
    message = rendering.personal_message(
        edition=edition, html=body.html, text=body.text, email=email,
        subscriber_id=0, delivery_id=f"test-{uuid.uuid4().hex[:8]}",
        head=rendering.letterhead(), subject=f"[Test] {edition.subject}",
    )  # fmt: skip
    message.send()


CATCH_UP_STORIES = 10


def edition_send_now(*, newsletter: Newsletter, user=None, now: datetime | None = None) -> Edition:
    """Send an edition of `newsletter` now (`dateline newsletter send SLUG`): the next one
    written or scheduled in the admin, else a digest of the stories since the last edition,
    else (nothing new) the latest stories."""
    now = now or timezone.now()
    waiting = (
        Edition.objects.filter(
            newsletter=newsletter, status__in=[Edition.Status.DRAFT, Edition.Status.SCHEDULED]
        )
        .order_by("scheduled_for", "created_at", "pk")
        .first()
    )
    if waiting is not None:
        return edition_queue(edition=waiting, now=now)
    since = max(filter(None, [_last_cutoff(newsletter), now - DIGEST_LOOKBACK]))
    stories = selectors.stories_published_between(newsletter, since, now)
    if not stories:
        stories = selectors.stories_published_between(newsletter, now - timedelta(days=3650), now)
        stories = stories[:CATCH_UP_STORIES]
    if not stories:
        raise ValueError(f"There are no stories to send in {newsletter.name}.")
    kind = (
        Edition.Kind.ALERT
        if newsletter.schedule == Newsletter.Schedule.BREAKING
        else Edition.Kind.DIGEST
    )
    if kind == Edition.Kind.ALERT:
        stories = stories[:1]
    with transaction.atomic():
        edition = Edition.objects.create(
            newsletter=newsletter, kind=kind, key=unique_edition_key("now"), created_by=user,
            subject=f"{newsletter.name}: {stories[0].title}"[:200], stories_until=now,
        )  # fmt: skip
        _add_stories(edition, stories)
        return edition_queue(edition=edition, now=now)


def editions_due(*, now: datetime | None = None) -> list[Edition]:
    """Scheduled editions whose time has come (alerts: once their story is live)."""
    now = now or timezone.now()
    due = []
    scheduled = Edition.objects.filter(status=Edition.Status.SCHEDULED, scheduled_for__lte=now)
    for edition in scheduled.select_related("newsletter"):
        if edition.kind == Edition.Kind.ALERT:
            story = edition.story_links.select_related("article").first()
            if story is None or not story.article.live:
                continue
        due.append(edition)
    return due


def newsletters_tick(*, now: datetime | None = None) -> dict[str, int]:
    """What the scheduler does every half minute: queue due editions, build due digests,
    and hand sends whose sender stopped (a killed worker) to a new one."""
    from dateline.newsletters import delivery

    now = now or timezone.now()
    done = {"queued": 0, "digests": 0, "resumed": 0}
    for edition in editions_due(now=now):
        try:
            edition_queue(edition=edition, now=now)
            done["queued"] += 1
        except ValueError:
            pass
    automatic = Newsletter.objects.filter(
        schedule__in=[Newsletter.Schedule.DAILY, Newsletter.Schedule.SECTION]
    ).select_related("section")
    for newsletter in automatic:
        if digest_build(newsletter=newsletter, now=now) is not None:
            done["digests"] += 1
    for edition_id in delivery.editions_to_resume(now=now):
        _enqueue("deliver_edition", edition_id)
        done["resumed"] += 1
    return done
