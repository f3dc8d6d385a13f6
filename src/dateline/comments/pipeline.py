"""The moderation pipeline every new or edited comment goes through, in order.

Two kinds of phase:
- guards refuse the comment outright (it is not stored) by raising `CommentRefused`;
  they always run, so an early approval cannot skip a rate limit or the form checks;
- status phases may decide the comment's status. The first decision wins; later
  status phases are skipped, and the deciding phase's reason is kept in the audit log.

A comment no phase decided about is approved (post-moderation), unless the site or
article is pre-moderated.
"""

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import BooleanField, ExpressionWrapper, Q, Value

from dateline.comments import tokens
from dateline.comments.models import Ban, Comment, CommentsMode, ModerationDecision, ModerationWord
from dateline.comments.rendering import render_comment_text
from dateline.security import ratelimit

NAME_MAX = 80
TEXT_MIN = 2
REPEAT_WINDOW = timedelta(hours=24)
MAX_STORED_DEPTH = 50
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")

Action = ModerationDecision.Action


class CommentRefused(Exception):
    """The comment is not stored. `field` names the form field at fault, if one is."""

    def __init__(
        self,
        message: str,
        *,
        phase: str,
        field: str | None = None,
        status_code: int = 400,
        retry_after: int | None = None,
    ):
        super().__init__(message)
        self.message = message
        self.phase = phase
        self.field = field
        self.status_code = status_code
        self.retry_after = retry_after


@dataclass(frozen=True)
class Decision:
    action: str  # approve, hold, reject or spam
    phase: str
    reason: str

    @property
    def status(self) -> str:
        return {
            Action.APPROVE: Comment.Status.APPROVED,
            Action.HOLD: Comment.Status.PENDING,
            Action.REJECT: Comment.Status.REJECTED,
            Action.SPAM: Comment.Status.SPAM,
        }[self.action]


@dataclass
class Submission:
    """Everything the phases look at. `ip` is the full address and is never stored."""

    article: object
    settings: object
    policy: object
    author_name: str
    email: str
    url: str
    text: str
    parent: Comment | None = None
    user: object = None
    ip: str | None = None
    ip_prefix: str | None = None
    user_agent: str = ""
    form_token: str | None = None
    honeypot: str = ""
    editing: Comment | None = None
    submission_key: str | None = None
    now: datetime | None = None
    html: str = ""
    link_count: int = 0
    notes: list[str] = field(default_factory=list)
    _history_counts: dict | None = field(default=None, init=False, repr=False)

    @property
    def is_edit(self) -> bool:
        return self.editing is not None

    def history(self):
        """The writer's earlier comments (not the one being edited)."""
        earlier = Comment.objects.by_email(self.email)
        return earlier.exclude(pk=self.editing.pk) if self.editing else earlier

    def history_counts(self) -> dict:
        """What the phases count in the writer's history, from one query they share.

        Small rows counted here cost a fraction of an SQL aggregate's compilation, which
        matters on the posting path. `resubmitted` is the earlier comment stored from
        this very form submission (same `submission_key`), if any.
        """
        if self._history_counts is None:
            text = self.text.strip()
            # This runs before the guards: a text the database cannot hold (NUL) must not
            # reach a query; the length guard refuses it anyway.
            same_text = (
                Value(False)
                if CONTROL_CHARACTERS.search(text)
                else ExpressionWrapper(Q(text=text), output_field=BooleanField())
            )
            rows = (
                self.history()
                .annotate(same_text=same_text)
                .values_list(
                    "pk",
                    "status",
                    "ip_prefix",
                    "article_id",
                    "created_at",
                    "submission_key",
                    "same_text",
                )  # fmt: skip
            )
            counts = dict.fromkeys(
                ["approved", "refused", "same_network", "same_text_here", "same_text_recent"], 0
            )
            counts["resubmitted"] = None
            refused = {Comment.Status.REJECTED, Comment.Status.SPAM}
            since = self.now - REPEAT_WINDOW
            for pk, status, ip_prefix, article_id, created_at, key, same_text in rows:
                if status == Comment.Status.APPROVED:
                    counts["approved"] += 1
                    counts["same_network"] += ip_prefix == self.ip_prefix
                counts["refused"] += status in refused
                if same_text and status != Comment.Status.REJECTED:
                    counts["same_text_here"] += article_id == self.article.pk
                    counts["same_text_recent"] += created_at >= since
                if key and key == self.submission_key:
                    counts["resubmitted"] = pk
            self._history_counts = counts
        return self._history_counts


@dataclass(frozen=True)
class Phase:
    name: str
    run: Callable[[Submission], Decision | None]
    guard: bool = False
    on_new: bool = True
    on_edit: bool = True


def check_lengths(sub: Submission) -> None:
    if not sub.author_name.strip():
        raise CommentRefused("Please enter your name.", phase="length", field="name")
    if len(sub.author_name) > NAME_MAX:
        raise CommentRefused(
            f"Please keep your name under {NAME_MAX} characters.", phase="length", field="name"
        )
    stripped = sub.text.strip()
    if len(stripped) < TEXT_MIN:
        raise CommentRefused("Please write a comment.", phase="length", field="text")
    if len(stripped) > sub.settings.max_length:
        raise CommentRefused(
            f"Please keep your comment under {sub.settings.max_length:,} characters "
            f"(it has {len(stripped):,}).",
            phase="length",
            field="text",
        )
    for name, value in (("name", sub.author_name), ("text", sub.text), ("url", sub.url)):
        if CONTROL_CHARACTERS.search(value):
            raise CommentRefused(
                "This contains characters we cannot store.", phase="length", field=name
            )


def check_open(sub: Submission) -> None:
    if not sub.policy.is_open:
        raise CommentRefused(sub.policy.reason, phase="closed", status_code=403)
    # One query for both kinds: this address's ban and every IP range (there are few).
    wanted = Q(kind=Ban.Kind.EMAIL, value=sub.email)
    if sub.ip:
        wanted |= Q(kind=Ban.Kind.IP)
    active = Ban.objects.filter(Q(expires_at__isnull=True) | Q(expires_at__gt=sub.now))
    if any(ban.kind == Ban.Kind.EMAIL or ban.matches_ip(sub.ip) for ban in active.filter(wanted)):
        raise CommentRefused("You cannot comment on this site.", phase="closed", status_code=403)


def check_reply_target(sub: Submission) -> None:
    parent = sub.parent
    if parent is None:
        return
    if (
        parent.article_id != sub.article.pk
        or parent.status != Comment.Status.APPROVED
        or parent.depth >= MAX_STORED_DEPTH
    ):
        raise CommentRefused(
            "You can only reply to a published comment on this story.",
            phase="reply",
            field="parent",
        )


def sanitise(sub: Submission) -> None:
    rendered = render_comment_text(sub.text)
    sub.html, sub.link_count = rendered.html, rendered.link_count


def check_repeat(sub: Submission) -> Decision | None:
    counts = sub.history_counts()
    if not sub.is_edit and counts["same_text_here"]:
        raise CommentRefused(
            "You already posted this comment here.", phase="duplicate", field="text",
            status_code=409,
        )  # fmt: skip
    if counts["same_text_recent"]:
        return Decision(Action.HOLD, "duplicate", "Same text posted on another story today.")
    return None


def approve_trusted(sub: Submission) -> Decision | None:
    user = sub.user
    if (
        user is not None
        and user.is_authenticated
        and (user.is_staff or user.has_perm("comments.moderate_comment"))
    ):
        return Decision(Action.APPROVE, "trusted", "Written by staff.")
    threshold = sub.settings.trusted_after
    if not threshold:
        return None
    history = sub.history_counts()
    # An email address alone proves nothing; the writer must also be signed in as the
    # earlier comments' user or write from the same network as one of them.
    signed_in_as_writer = (
        user is not None
        and user.is_authenticated
        and sub.history().filter(user=user, status=Comment.Status.APPROVED).exists()
    )
    if (
        history["approved"] >= threshold
        and history["refused"] == 0
        and (signed_in_as_writer or (sub.ip_prefix and history["same_network"]))
    ):
        return Decision(
            Action.APPROVE, "trusted", f"Trusted commenter ({history['approved']} approved)."
        )
    return None


@functools.lru_cache(maxsize=16)
def _word_pattern(words: tuple[str, ...]) -> re.Pattern | None:
    """Compiled once per distinct list: the list is read on every post, compiling costs more."""
    if not words:
        return None
    alternatives = [re.escape(word).replace(r"\*", r"\w*") for word in words]
    return re.compile(r"(?<!\w)(" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


def check_words(sub: Submission) -> Decision | None:
    haystack = "\n".join([sub.author_name, sub.url, sub.text])
    lists = {Kind: [] for Kind in ModerationWord.Kind.values}
    for word, kind in ModerationWord.objects.values_list("word", "kind"):
        lists[kind].append(word)
    banned = _word_pattern(tuple(lists[ModerationWord.Kind.BANNED]))
    if banned and (match := banned.search(haystack)):
        return Decision(Action.REJECT, "words", f'Banned word "{match.group(0)}".')
    suspect = _word_pattern(tuple(lists[ModerationWord.Kind.SUSPECT]))
    if suspect and (match := suspect.search(haystack)):
        return Decision(Action.HOLD, "words", f'Suspect word "{match.group(0)}".')
    return None


def check_links(sub: Submission) -> Decision | None:
    if sub.link_count > sub.settings.max_links:
        return Decision(
            Action.HOLD,
            "links",
            f"{sub.link_count} links (more than {sub.settings.max_links}).",
        )
    return None


def check_rate(sub: Submission) -> None:
    """At most `rate_limit_count` posts per window from one email and from one network.

    Counted in the shared counters of dateline.security.ratelimit, so the limit holds
    across every worker and node, not per process.
    """
    user = sub.user
    if user is not None and user.is_authenticated and user.is_staff:
        return
    limit, window = sub.settings.rate_limit_count, max(sub.settings.rate_limit_window, 1)
    if not limit:
        return
    subjects = [("comments-email", sub.email)]
    if sub.ip_prefix:
        subjects.append(("comments-network", sub.ip_prefix))
    attempts = ratelimit.attempts(subjects, limit=limit, window_seconds=window)
    refused = [attempt for attempt in attempts if not attempt.allowed]
    if refused:
        raise CommentRefused(
            "You are commenting too fast. Please wait a few minutes and try again.",
            phase="rate",
            status_code=429,
            retry_after=max(attempt.retry_after for attempt in refused),
        )


def check_form(sub: Submission) -> None:
    if sub.honeypot:
        raise CommentRefused("Your comment could not be accepted.", phase="form")
    try:
        tokens.check_form_token(
            sub.form_token or "", article_id=sub.article.pk, now=sub.now.timestamp()
        )
    except tokens.TokenError as error:
        raise CommentRefused(str(error), phase="form") from error


def hold_first_timers(sub: Submission) -> Decision | None:
    needed = sub.settings.first_time_hold
    if not needed:
        return None
    approved = sub.history_counts()["approved"]
    if approved < needed:
        return Decision(
            Action.HOLD, "first_time", f"New commenter ({approved} of {needed} approved so far)."
        )
    return None


def hold_premoderated(sub: Submission) -> Decision | None:
    if sub.policy.mode == CommentsMode.PREMODERATED:
        return Decision(Action.HOLD, "premoderation", "Comments on this story are pre-moderated.")
    return None


def hold_for_spam_check(sub: Submission) -> Decision | None:
    if sub.settings.akismet_key:
        return Decision(Action.HOLD, "akismet", "Waiting for the Akismet spam check.")
    return None


PHASES: list[Phase] = [
    Phase("length", check_lengths, guard=True),
    Phase("closed", check_open, guard=True, on_edit=False),
    Phase("reply", check_reply_target, guard=True, on_edit=False),
    Phase("sanitise", sanitise, guard=True),
    Phase("duplicate", check_repeat),
    Phase("trusted", approve_trusted),
    Phase("words", check_words),
    Phase("links", check_links),
    Phase("rate", check_rate, guard=True, on_edit=False),
    Phase("form", check_form, guard=True, on_edit=False),
    Phase("first_time", hold_first_timers),
    Phase("premoderation", hold_premoderated),
    Phase("akismet", hold_for_spam_check),
]

PASSED = Decision(Action.APPROVE, "pipeline", "Passed every check.")

# What the desk and the audit log call each phase, and the other deciders, in words.
PHASE_LABELS = {
    "length": "Length check",
    "closed": "Comments closed",
    "reply": "Reply check",
    "sanitise": "Text clean-up",
    "duplicate": "Repeated comment",
    "trusted": "Trusted commenter",
    "words": "Word list",
    "links": "Too many links",
    "rate": "Posting too fast",
    "form": "Form check",
    "first_time": "New commenter",
    "premoderation": "Story is pre-moderated",
    "akismet": "Akismet spam check",
    "pipeline": "Automatic checks",
    "moderator": "Moderator",
    "reader": "Reader report",
    "reports": "Reader reports",
    "writer": "The commenter",
    "privacy": "Privacy request",
    "import": "Imported",
}


def phase_label(phase: str) -> str:
    """A phase's name in words ("first_time" is "New commenter")."""
    return PHASE_LABELS.get(phase, phase.replace("_", " ").capitalize())


def run_pipeline(sub: Submission) -> Decision:
    """Run every phase in order; return the deciding one, or PASSED."""
    decision = None
    for phase in PHASES:
        if not (phase.on_edit if sub.is_edit else phase.on_new):
            continue
        if decision is not None and not phase.guard:
            continue
        result = phase.run(sub)
        if result is not None and not phase.guard:
            decision = result
    return decision or PASSED
