"""Every write to comments. Email and spam checks run in tasks, enqueued after commit."""

import hashlib
import logging
from collections.abc import Hashable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urljoin

from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, send_mail
from django.db import IntegrityError, transaction
from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log as audit_log

from dateline.comments import akismet, jobs, pipeline, tokens
from dateline.comments.models import (
    Ban,
    Comment,
    ModerationDecision,
    ModeratorNote,
)
from dateline.comments.network import truncate_ip
from dateline.comments.pipeline import NAME_MAX, CommentRefused, Decision, Submission
from dateline.comments.rendering import normalise_email, render_comment_text
from dateline.comments.selectors import (
    comment_policy_for,
    comment_settings_for,
    comments_awaiting_moderators,
    site_root_of,
)
from dateline.comments.signals import comments_changed
from dateline.core import bulk
from dateline.news.models import ArticlePage
from dateline.security import ratelimit

log = logging.getLogger(__name__)
Action = ModerationDecision.Action
DELETED_TEXT = "[deleted]"
MODERATORS_GROUP = "Comment moderators"
DIGEST_DELAY = timedelta(minutes=10)
RECEIPT_DELAY = timedelta(seconds=5)
RECEIPT_BATCH = 200
REPORT_MEMORY = 60 * 60 * 24 * 30

__all__ = ["CommentRefused", "ImportedComment", "RequestMeta"]


@dataclass(frozen=True)
class RequestMeta:
    """What the request tells about the writer. The full IP is used for checks, never stored."""

    ip: str | None = None
    user_agent: str = ""


def _enqueue(task_name: str, *args) -> None:
    """Enqueue a task after commit; a broken queue never breaks the write that caused it."""

    def enqueue():
        try:
            jobs.named(task_name).enqueue(*args)
        except Exception:
            log.exception("Could not enqueue %s%r", task_name, args)

    transaction.on_commit(enqueue)


# The articles whose comments changed inside comment_changes_batched(), if one is open.
_batched_changes: ContextVar[set[int] | None] = ContextVar("batched_changes", default=None)


def _changed(article_id: int) -> None:
    """What readers see of an article's comments changed: recount it, announce it."""
    batch = _batched_changes.get()
    if batch is not None:
        batch.add(article_id)
        return
    comment_counts_recount(article_ids=[article_id])
    transaction.on_commit(lambda: comments_changed.send(sender=Comment, article_id=article_id))


@contextmanager
def comment_changes_batched() -> Iterator[None]:
    """Recount and announce the articles whose comments changed in this block together,
    when it ends: one UPDATE and one `comments_changed` (with `article_ids`) after commit,
    instead of one of each per article.

    For writers of many articles' comments in one transaction (an import's batch of
    stories); open it inside that transaction. A block that raises announces nothing
    (its transaction is rolled back). Nested, the outermost block does it.
    """
    if _batched_changes.get() is not None:
        yield
        return
    article_ids: set[int] = set()
    token = _batched_changes.set(article_ids)
    try:
        yield
    finally:
        _batched_changes.reset(token)
    if article_ids:
        ids = sorted(article_ids)
        comment_counts_recount(article_ids=ids)
        transaction.on_commit(lambda: comments_changed.send(sender=Comment, article_ids=ids))


def _approved_count():
    approved = (
        Comment.objects.filter(article=OuterRef("pk"), status=Comment.Status.APPROVED)
        .order_by()
        .values("article")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(approved, output_field=IntegerField()), 0)


def comment_counts_recount(*, article_ids=None) -> int:
    """Set the articles' comment counters (all articles when `article_ids` is None) to
    their approved comments, in one UPDATE of the counters that are wrong.

    Every comment service that changes what readers see calls it for its article, in
    its own transaction; `dateline comments recount` runs it for all, as a reconciler
    (after a restore, or a write made outside the services). Returns how many it fixed.
    """
    articles = ArticlePage.objects.all()
    if article_ids is not None:
        articles = articles.filter(pk__in=list(article_ids))
    wrong = articles.annotate(actual=_approved_count()).exclude(comment_count=F("actual"))
    return ArticlePage.objects.filter(pk__in=wrong.values("pk")).update(
        comment_count=_approved_count()
    )


def _record(comment: Comment, action: str, *, phase: str, reason: str = "", actor=None):
    return ModerationDecision.objects.create(
        comment=comment, action=action, phase=phase, reason=reason[:300], actor=actor
    )


def _submission_key(*, form_token: str, email: str, text: str, parent_id) -> str:
    material = "\x1f".join([form_token, email, text.strip(), str(parent_id or "")])
    return hashlib.sha256(material.encode("utf-8", "surrogatepass")).hexdigest()


def comment_submit(
    *,
    article,
    author_name: str,
    email: str,
    text: str,
    url: str = "",
    parent: Comment | None = None,
    user=None,
    notify_replies: bool = False,
    meta: RequestMeta,
    form_token: str,
    honeypot: str = "",
    now=None,
) -> Comment:
    """Run a reader's comment through the moderation pipeline and store it with its verdict.

    Raises CommentRefused (nothing stored) when a guard refuses it. Submitting the same
    form twice returns the comment the first submit stored.
    """
    now = now or timezone.now()
    email = normalise_email(email)
    settings = comment_settings_for(article)
    key = _submission_key(
        form_token=form_token, email=email, text=text, parent_id=parent and parent.pk
    )
    sub = Submission(
        article=article,
        settings=settings,
        policy=comment_policy_for(article, settings, now=now),
        author_name=author_name.strip(),
        email=email,
        url=url.strip(),
        text=text,
        parent=parent,
        user=user if user is not None and user.is_authenticated else None,
        ip=meta.ip,
        ip_prefix=truncate_ip(meta.ip),
        user_agent=meta.user_agent[:300],
        form_token=form_token,
        honeypot=honeypot,
        submission_key=key,
        now=now,
    )
    # The same form sent again (a double click, a retry): answer with what it stored.
    if resubmitted := sub.history_counts()["resubmitted"]:
        return Comment.objects.get(pk=resubmitted)
    decision = pipeline.run_pipeline(sub)
    try:
        with transaction.atomic():
            comment = Comment.objects.create(
                article=article,
                parent=parent,
                root_id=(parent.root_id or parent.pk) if parent else None,
                depth=parent.depth + 1 if parent else 0,
                author_name=sub.author_name,
                author_email=email,
                author_url=sub.url,
                user=sub.user,
                text=text.strip(),
                html=sub.html,
                link_count=sub.link_count,
                status=decision.status,
                ip_prefix=sub.ip_prefix,
                user_agent=sub.user_agent,
                created_at=now,
                notify_replies=notify_replies,
                submission_key=key,
                receipt_pending=bool(email),
            )
            _record(comment, decision.action, phase=decision.phase, reason=decision.reason)
            _after_decision(comment, decision, previous_status=None)
            if email:
                _schedule_receipts()
    except IntegrityError:
        # The same form arrived twice at once: the other request stored it.
        existing = Comment.objects.filter(submission_key=key).first()
        if existing is None:
            raise
        return existing
    return comment


def _after_decision(comment: Comment, decision: Decision, *, previous_status) -> None:
    """Side effects of a status change, all after commit."""
    status = comment.status
    if status == Comment.Status.PENDING:
        if decision.phase == "akismet":
            _enqueue("check_comment_with_akismet", comment.pk)
        else:
            _schedule_moderator_digest()
    if status == Comment.Status.APPROVED and previous_status != Comment.Status.APPROVED:
        if comment.parent_id:
            _enqueue("send_reply_notification", comment.pk)
    if Comment.Status.APPROVED in (status, previous_status):
        _changed(comment.article_id)


def _enqueue_batch(task_name: str, *, delay: timedelta, throttle_immediate: bool) -> None:
    """After commit, enqueue `task_name` to run in `delay`, unless one is already due then.

    The flag is taken after commit and expires no later than the task runs, so a task
    that runs finds every row committed by a request that saw the flag. A backend that
    cannot defer runs the task at once, throttled only if `throttle_immediate`.
    """

    def enqueue():
        try:
            task = jobs.named(task_name)
            deferred = task.get_backend().supports_defer
            if (deferred or throttle_immediate) and not ratelimit.allow(
                "comment-tasks-scheduled",
                task_name,
                limit=1,
                window_seconds=int(delay.total_seconds()),
            ):
                return
            if deferred:
                task = task.using(run_after=timezone.now() + delay)
            task.enqueue()
        except Exception:
            log.exception("Could not enqueue %s", task_name)

    transaction.on_commit(enqueue)


def _schedule_moderator_digest() -> None:
    """At most one digest email per DIGEST_DELAY, listing everything that waits."""
    _enqueue_batch("send_moderator_digest", delay=DIGEST_DELAY, throttle_immediate=True)


def _schedule_receipts() -> None:
    """One task per RECEIPT_DELAY sends every receipt still owed (not one task per comment)."""
    _enqueue_batch("send_comment_receipts", delay=RECEIPT_DELAY, throttle_immediate=False)


def _moderate(comment: Comment, action: str, *, actor, phase: str, reason: str = "") -> Comment:
    status = Decision(action, phase, reason).status
    with transaction.atomic():
        comment = Comment.objects.select_for_update().get(pk=comment.pk)
        previous = comment.status
        comment.status = status
        update = ["status"]
        if action != Action.HOLD:
            comment.needs_review = False
            update.append("needs_review")
        comment.save(update_fields=update)
        _record(comment, action, phase=phase, reason=reason, actor=actor)
        _after_decision(comment, Decision(action, phase, reason), previous_status=previous)
    return comment


def comment_approve(
    *, comment: Comment, moderator=None, reason: str = "", phase: str = "moderator"
):
    return _moderate(comment, Action.APPROVE, actor=moderator, phase=phase, reason=reason)


def comment_reject(*, comment: Comment, moderator=None, reason: str = "", phase: str = "moderator"):
    return _moderate(comment, Action.REJECT, actor=moderator, phase=phase, reason=reason)


def comment_mark_spam(
    *, comment: Comment, moderator=None, reason: str = "", phase: str = "moderator"
):
    return _moderate(comment, Action.SPAM, actor=moderator, phase=phase, reason=reason)


BULK_ACTIONS = {
    "approve": comment_approve,
    "reject": comment_reject,
    "spam": comment_mark_spam,
}


def comments_bulk_moderate(*, comment_ids, action: str, moderator) -> list[tuple[int, str, bool]]:
    """Apply one action to many comments; returns each one's state before, for an undo."""
    service = BULK_ACTIONS[action]
    comments = list(Comment.objects.filter(pk__in=comment_ids))
    before = [(comment.pk, comment.status, comment.needs_review) for comment in comments]
    with transaction.atomic():
        for comment in comments:
            service(comment=comment, moderator=moderator)
    return before


# Which action puts a comment back in a status (the undo of a desk action).
_RESTORING_ACTIONS = {
    Comment.Status.PENDING: Action.HOLD,
    Comment.Status.APPROVED: Action.APPROVE,
    Comment.Status.REJECTED: Action.REJECT,
    Comment.Status.SPAM: Action.SPAM,
}


def comments_restore(*, states: Sequence[tuple[int, str, bool]], moderator) -> int:
    """Undo a desk action: put each comment back in the status (and the reported queue)
    it was in, recorded in its audit log as the moderator's "Undo"."""
    restored = 0
    with transaction.atomic():
        for comment_id, status, needs_review in states:
            comment = Comment.objects.filter(pk=comment_id).first()
            if comment is None or status not in _RESTORING_ACTIONS:
                continue
            comment = _moderate(
                comment, _RESTORING_ACTIONS[status], actor=moderator, phase="moderator",
                reason="Undo",
            )  # fmt: skip
            if needs_review != comment.needs_review:
                Comment.objects.filter(pk=comment.pk).update(needs_review=needs_review)
            restored += 1
    return restored


def comment_report(*, comment: Comment, reporter: str, reason: str = "") -> bool:
    """A reader reports a comment; once per reporter. Returns False for a repeat report."""
    if comment.status != Comment.Status.APPROVED:
        return False
    # Once per reporter: a second report of the same comment is its second attempt.
    if not ratelimit.allow(
        "comment-reported", f"{comment.pk}:{reporter}", limit=1, window_seconds=REPORT_MEMORY
    ):
        return False
    threshold = comment_settings_for(comment.article).report_threshold
    with transaction.atomic():
        Comment.objects.filter(pk=comment.pk).update(report_count=F("report_count") + 1)
        comment.refresh_from_db(fields=["report_count", "needs_review"])
        _record(comment, Action.REPORT, phase="reader", reason=reason or "Reported by a reader.")
        if comment.report_count >= threshold and not comment.needs_review:
            Comment.objects.filter(pk=comment.pk).update(needs_review=True)
            comment.needs_review = True
            _record(
                comment,
                Action.FLAG,
                phase="reports",
                reason=f"{comment.report_count} reports: moved to the reported queue.",
            )
            _schedule_moderator_digest()
    return True


def comment_edit(*, comment: Comment, text: str, editor=None, now=None) -> Comment:
    """Change a comment's text; it goes through the content phases of the pipeline again."""
    now = now or timezone.now()
    settings = comment_settings_for(comment.article)
    sub = Submission(
        article=comment.article,
        settings=settings,
        policy=comment_policy_for(comment.article, settings, now=now),
        author_name=comment.author_name,
        email=comment.author_email,
        url=comment.author_url,
        text=text,
        parent=comment.parent,
        user=editor,
        ip_prefix=comment.ip_prefix,
        editing=comment,
        now=now,
    )
    decision = pipeline.run_pipeline(sub)
    with transaction.atomic():
        previous = comment.status
        comment.text, comment.html, comment.link_count = text.strip(), sub.html, sub.link_count
        comment.status, comment.edited_at = decision.status, now
        comment.save(update_fields=["text", "html", "link_count", "status", "edited_at"])
        _record(comment, Action.EDIT, phase="moderator" if editor else "writer", actor=editor)
        _record(comment, decision.action, phase=decision.phase, reason=decision.reason)
        # Announces the change when the comment was or is shown: one purge for the edit.
        _after_decision(comment, decision, previous_status=previous)
    return comment


def _blank_out(comment: Comment) -> None:
    rendered = render_comment_text(DELETED_TEXT)
    comment.text, comment.html, comment.link_count = DELETED_TEXT, rendered.html, 0
    comment.author_name, comment.author_email, comment.author_url = DELETED_TEXT, "", ""
    comment.ip_prefix, comment.user_agent, comment.user = None, "", None
    comment.notify_replies, comment.is_deleted = False, True
    comment.save()


def comment_delete(*, comment: Comment) -> Comment:
    """The writer deletes their comment: replies stay, the text becomes "[deleted]"."""
    with transaction.atomic():
        _blank_out(comment)
        _record(comment, Action.DELETE, phase="writer", reason="Deleted through the emailed link.")
        _changed(comment.article_id)
    return comment


def comments_erase(*, email: str) -> int:
    """Erase a commenter's personal data; their comments stay in threads as "[deleted]"."""
    email = normalise_email(email)
    with transaction.atomic():
        comments = list(Comment.objects.by_email(email))
        for comment in comments:
            _blank_out(comment)
            _record(comment, Action.ERASE, phase="privacy", reason="Erased on request.")
            _changed(comment.article_id)
        ModeratorNote.objects.filter(commenter_email=email).delete()
        Ban.objects.filter(kind=Ban.Kind.EMAIL, value=email).update(
            value=f"erased-{hashlib.sha256(email.encode()).hexdigest()[:16]}@invalid"
        )
    return len(comments)


def comments_export(*, email: str) -> list[dict]:
    """Everything stored about a commenter's comments, for a data-access request."""
    comments = Comment.objects.by_email(normalise_email(email)).select_related("article")
    return [
        {
            "id": comment.pk,
            "article": comment.article.title,
            "article_url": comment.article.full_url,
            "in_reply_to": comment.parent_id,
            "name": comment.author_name,
            "email": comment.author_email,
            "website": comment.author_url,
            "text": comment.text,
            "status": comment.status,
            "ip_network": comment.ip_prefix,
            "user_agent": comment.user_agent,
            "created_at": comment.created_at.isoformat(),
            "edited_at": comment.edited_at.isoformat() if comment.edited_at else None,
            "reply_notifications": comment.notify_replies,
        }
        for comment in comments.order_by("created_at", "pk")
    ]


def comments_purge_ips(*, older_than_days: int = 90, now=None) -> int:
    """Forget the network and user agent of comments older than the retention period."""
    cutoff = (now or timezone.now()) - timedelta(days=older_than_days)
    return (
        Comment.objects.filter(created_at__lt=cutoff)
        .filter(Q(ip_prefix__isnull=False) | ~Q(user_agent=""))
        .update(ip_prefix=None, user_agent="")
    )


def commenter_unsubscribe(*, email: str) -> int:
    return Comment.objects.by_email(email).filter(notify_replies=True).update(notify_replies=False)


def moderator_note_add(*, email: str, text: str, author, comment: Comment | None = None):
    """A note for the other moderators, in the desk's audit log under its author."""
    with transaction.atomic():
        note = ModeratorNote.objects.create(
            commenter_email=normalise_email(email),
            text=text.strip(),
            author=author,
            comment=comment,
        )
        audit_log(instance=note, action="wagtail.create", user=author)
    return note


def ban_create(*, kind: str, value: str, reason: str = "", moderator=None) -> Ban:
    """Ban an email address or an IP range (again: the reason is updated). The desk's
    audit log records which moderator did it, as it does for the Bans screens' edits."""
    ban = Ban(kind=kind, value=value, reason=reason)
    # The same ban again updates its reason: uniqueness is update_or_create's business.
    ban.full_clean(exclude=["created_at"], validate_unique=False, validate_constraints=False)
    with transaction.atomic():
        ban, created = Ban.objects.update_or_create(
            kind=ban.kind,
            value=ban.value,
            defaults={"reason": reason},
            create_defaults={"reason": reason, "created_by": moderator},
        )
        action = "wagtail.create" if created else "wagtail.edit"
        audit_log(instance=ban, action=action, user=moderator)
    return ban


# Emails, sent only from tasks


def _absolute(article, path: str) -> str:
    site = site_root_of(article)
    root = site.root_url if site else ""
    return urljoin(root + "/", path.lstrip("/"))


def _unsubscribe_url(article, email: str) -> str:
    token = tokens.link_token(action="unsubscribe", value=email)
    return _absolute(article, reverse("comments:unsubscribe", args=[token]))


def _send_receipt(comment: Comment) -> None:
    article = comment.article
    context = {
        "comment": comment,
        "article": article,
        "article_url": article.full_url,
        "delete_url": _absolute(
            article,
            reverse(
                "comments:delete",
                args=[tokens.link_token(action="delete", value=comment.pk)],
            ),
        ),
        "unsubscribe_url": _unsubscribe_url(article, comment.author_email)
        if comment.notify_replies
        else "",
    }
    send_mail(
        subject=f"Your comment on “{article.title}”",
        message=render_to_string("comments/email/receipt.txt", context),
        from_email=None,
        recipient_list=[comment.author_email],
    )


def _claim_receipts() -> list[Comment]:
    """Take up to RECEIPT_BATCH owed receipts; concurrent runs never take the same one.

    PostgreSQL skips rows another run has locked; SQLite runs one write transaction at
    a time (IMMEDIATE mode), so the second run sees the first one's claim.
    """
    with transaction.atomic():
        ids = list(
            Comment.objects.filter(receipt_pending=True)
            .select_for_update(skip_locked=True)
            .order_by("pk")
            .values_list("pk", flat=True)[:RECEIPT_BATCH]
        )
        Comment.objects.filter(pk__in=ids).update(receipt_pending=False)
    comments = list(Comment.objects.filter(pk__in=ids).order_by("pk"))
    articles = ArticlePage.objects.defer_streamfields().in_bulk(
        {comment.article_id for comment in comments}
    )
    for comment in comments:
        comment.article = articles[comment.article_id]
    return comments


def comment_receipts_send() -> int:
    """Send every receipt still owed, once each; returns how many were sent.

    A receipt the mail server refused is owed again and goes with the next batch.
    """
    sent = 0
    while comments := _claim_receipts():
        failed = []
        for comment in comments:
            if not comment.author_email:
                continue
            try:
                _send_receipt(comment)
                sent += 1
            except Exception:
                log.exception("Could not send the receipt for comment %s", comment.pk)
                failed.append(comment.pk)
        if failed:
            Comment.objects.filter(pk__in=failed).update(receipt_pending=True)
            break
    return sent


def reply_notification_send(*, comment_id: int) -> bool:
    """Email the parent's writer about an approved reply, if they opted in."""
    reply = Comment.objects.select_related("article", "parent").filter(pk=comment_id).first()
    if reply is None or reply.status != Comment.Status.APPROVED or reply.parent is None:
        return False
    parent = reply.parent
    if not parent.notify_replies or not parent.author_email:
        return False
    if parent.author_email == reply.author_email:
        return False
    article = reply.article
    unsubscribe = _unsubscribe_url(article, parent.author_email)
    message = EmailMessage(
        subject=f"{reply.author_name} replied to your comment on “{article.title}”",
        body=render_to_string(
            "comments/email/reply.txt",
            {
                "reply": reply,
                "parent": parent,
                "article": article,
                "reply_url": f"{article.full_url}#{reply.anchor}",
                "unsubscribe_url": unsubscribe,
            },
        ),
        to=[parent.author_email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.send()
    return True


def moderator_emails() -> list[str]:
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    return sorted(
        set(
            users.filter(Q(groups__name=MODERATORS_GROUP) | Q(is_superuser=True)).values_list(
                "email", flat=True
            )
        )
    )


def moderator_digest_send() -> int:
    """One email listing every comment that started waiting since the last digest."""
    waiting = list(comments_awaiting_moderators().order_by("created_at")[:200])
    reported = list(Comment.objects.reported().filter(moderators_notified=False)[:200])
    comments = waiting + [comment for comment in reported if comment not in waiting]
    recipients = moderator_emails()
    if not comments or not recipients:
        return 0
    plural = "s" if len(comments) != 1 else ""
    send_mail(
        subject=f"{len(comments)} comment{plural} waiting for moderation",
        message=render_to_string(
            "comments/email/moderator_digest.txt",
            {
                "comments": comments,
                "desk_url": urljoin(
                    django_settings.WAGTAILADMIN_BASE_URL + "/",
                    reverse("comments_admin:queue").lstrip("/"),
                ),
            },
        ),
        from_email=None,
        recipient_list=recipients,
    )
    Comment.objects.filter(pk__in=[comment.pk for comment in comments]).update(
        moderators_notified=True
    )
    return len(comments)


def comment_check_spam(*, comment_id: int) -> str | None:
    """Ask Akismet about a held comment; approve ham, mark spam, leave the rest pending."""
    comment = Comment.objects.select_related("article").filter(pk=comment_id).first()
    if comment is None or comment.status != Comment.Status.PENDING:
        return None
    settings = comment_settings_for(comment.article)
    if not settings.akismet_key:
        return None
    verdict = akismet.akismet_says_spam(
        key=settings.akismet_key,
        site_url=_absolute(comment.article, "/"),
        comment=comment,
        permalink=comment.article.full_url,
    )
    if verdict is True:
        comment_mark_spam(comment=comment, phase="akismet", reason="Akismet says spam.")
        return "spam"
    if verdict is False:
        comment_approve(comment=comment, phase="akismet", reason="Akismet says not spam.")
        return "approved"
    _schedule_moderator_digest()
    return None


@dataclass(frozen=True)
class ImportedComment:
    """One comment from another system (WordPress, the demo site), as it was moderated
    there. `key` is its id in that system; `parent_key` names its parent by the same kind
    of key. `ip` is the full address, of which only the network is stored."""

    key: Hashable
    author_name: str
    email: str
    text: str
    created_at: datetime
    url: str = ""
    status: str = Comment.Status.APPROVED
    parent_key: Hashable | None = None
    ip: str | None = None
    user_id: int | None = None


IMPORT_ACTIONS = {
    Comment.Status.APPROVED: Action.APPROVE,
    Comment.Status.PENDING: Action.HOLD,
    Comment.Status.REJECTED: Action.REJECT,
    Comment.Status.SPAM: Action.SPAM,
}
IMPORT_FIELDS = ["status", "text", "html", "link_count", "author_name", "author_url"]


def _imported_fields(row: ImportedComment) -> dict:
    """The stored fields of an imported comment, checked and cut to what the model holds."""
    if row.status not in IMPORT_ACTIONS:
        raise ValueError(f"comment {row.key!r}: unknown status {row.status!r}")
    if timezone.is_naive(row.created_at):
        raise ValueError(f"comment {row.key!r}: the date has no time zone")
    text = row.text.strip()
    rendered = render_comment_text(text)
    url = row.url.strip()
    return {
        "author_name": row.author_name.strip()[:NAME_MAX] or "Anonymous",
        "author_url": url if len(url) <= 200 and url.startswith(("http://", "https://")) else "",
        "text": text,
        "html": rendered.html,
        "link_count": min(rendered.link_count, 32767),
        "status": row.status,
    }


def comments_import(
    *,
    article,
    comments: Sequence[ImportedComment],
    stored: Mapping[Hashable, Comment] | None = None,
    reason: str = "Imported.",
) -> dict[Hashable, Comment]:
    """Store comments as another system moderated them, in bulk, without the pipeline.

    The one way importers and the demo site write comments. `stored` holds comments an
    earlier import made, by key: a row given again with such a key updates that comment
    (text, author, status); replies may name any of them as their parent. New comments
    are written parents first, a thread level at a time (dateline.core.bulk: in an
    import's batch on PostgreSQL, sent with the batch); a reply whose parent is nowhere
    to be found becomes a top-level comment. Each new comment, and each status
    that changed, gets its moderation decision (phase "import"). Every row is checked
    (ValueError) before anything is written; then one transaction, or, called inside
    one, part of it (no savepoint of its own: an importer's item has its own). After
    commit, `comments_changed` when readers see a difference, as for every other write.
    Returns the comments of `comments` by key.
    """
    known: dict[Hashable, Comment] = dict(stored or {})
    fields = {row.key: _imported_fields(row) for row in comments}
    updates = [row for row in comments if row.key in known]
    pending = [row for row in comments if row.key not in known]
    for row in updates:
        if known[row.key].article_id != article.pk:
            raise ValueError(f"comment {row.key!r} belongs to another story")
    for row in pending:
        parent = known.get(row.parent_key) if row.parent_key is not None else None
        if parent is not None and parent.article_id != article.pk:
            raise ValueError(f"comment {row.key!r}: its parent belongs to another story")
    result: dict[Hashable, Comment] = {}
    readers_see_it = False
    decisions: list[ModerationDecision] = []
    with transaction.atomic(savepoint=False):
        changed = []
        for row in updates:
            comment = known[row.key]
            previous = comment.status
            for name, value in fields[row.key].items():
                setattr(comment, name, value)
            changed.append(comment)
            readers_see_it |= Comment.Status.APPROVED in (previous, comment.status)
            if comment.status != previous:
                decisions.append(
                    ModerationDecision(
                        comment=comment, action=IMPORT_ACTIONS[comment.status],
                        phase="import", reason=reason[:300],
                    )
                )  # fmt: skip
            result[row.key] = comment
        if changed:
            Comment.objects.bulk_update(changed, IMPORT_FIELDS)
        # Parents before replies: each thread level has its ids before the next.
        for level in _thread_levels(pending, known):
            created = [_new_imported_comment(article, row, fields[row.key], known) for row in level]
            bulk.insert(Comment, created)
            for row, comment in zip(level, created, strict=True):
                known[row.key] = result[row.key] = comment
                readers_see_it |= comment.status == Comment.Status.APPROVED
                decisions.append(
                    ModerationDecision(
                        comment=comment, action=IMPORT_ACTIONS[comment.status],
                        phase="import", reason=reason[:300], at=comment.created_at,
                    )
                )  # fmt: skip
        bulk.insert(ModerationDecision, decisions)
        if readers_see_it:
            _changed(article.pk)
    return result


def _thread_levels(rows: list[ImportedComment], known: Mapping) -> Iterator[list]:
    """`rows` parents first: each level's parents are in `known` or an earlier level. A
    reply whose parent is nowhere (or a loop) comes last, at the top level, not lost."""
    placed = set(known)
    while rows:
        ready = [row for row in rows if row.parent_key is None or row.parent_key in placed]
        if not ready:
            ready = rows
        ready_ids = {id(row) for row in ready}  # by identity: rows may compare equal
        rows = [row for row in rows if id(row) not in ready_ids]
        placed.update(row.key for row in ready)
        yield ready


def _new_imported_comment(article, row: ImportedComment, fields: dict, known: dict) -> Comment:
    parent = known.get(row.parent_key) if row.parent_key is not None else None
    return Comment(
        article=article,
        parent=parent,
        root_id=(parent.root_id or parent.pk) if parent else None,
        depth=parent.depth + 1 if parent else 0,
        author_email=normalise_email(row.email)[:254],
        user_id=row.user_id,
        ip_prefix=truncate_ip(row.ip),
        created_at=row.created_at,
        **fields,
    )


def comment_import(
    *,
    article,
    author_name: str,
    email: str,
    text: str,
    url: str = "",
    parent: Comment | None = None,
    status: str = Comment.Status.APPROVED,
    created_at=None,
    reason: str = "Imported.",
) -> Comment:
    """Store one comment as it is, without the pipeline (see comments_import)."""
    row = ImportedComment(
        key="comment",
        parent_key="parent" if parent is not None else None,
        author_name=author_name,
        email=email,
        text=text,
        url=url,
        status=status,
        created_at=created_at or timezone.now(),
    )
    stored = {"parent": parent} if parent is not None else {}
    return comments_import(article=article, comments=[row], stored=stored, reason=reason)["comment"]
