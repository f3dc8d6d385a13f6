"""Reader comments, the moderation record behind them, and the desk's tools.

A comment's email address is private: it is shown only in the moderation desk
and in emails to its writer, never on a public page.
"""

import ipaddress

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from dateline.comments.settings_form import CommentSettingsForm


class CommentsMode(models.TextChoices):
    OPEN = "open", "Open: comments that pass the automatic checks appear at once"
    PREMODERATED = "premoderated", "Pre-moderated: every comment waits for a moderator"
    CLOSED = "closed", "Closed: no new comments"


class CommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Comment.Status.APPROVED)

    def by_email(self, email: str):
        return self.filter(author_email=email.strip().lower())

    def reported(self):
        return self.filter(status=Comment.Status.APPROVED, needs_review=True)


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Rejected"
        SPAM = "spam", "Spam"

    article = models.ForeignKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="comments"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    # The top-level comment of the thread (null for a top-level comment): a page of
    # threads loads all their replies in one query.
    root = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    depth = models.PositiveSmallIntegerField(default=0)

    author_name = models.CharField("Name", max_length=80)
    author_email = models.EmailField("Email", max_length=254, blank=True)
    author_url = models.URLField("Website", max_length=200, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="comments",
    )

    text = models.TextField("Comment")
    html = models.TextField(editable=False, help_text="The sanitised text as readers see it.")
    link_count = models.PositiveSmallIntegerField(default=0, editable=False)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )

    ip_prefix = models.GenericIPAddressField(
        "IP network", null=True, blank=True, help_text="Truncated to /24 (IPv4) or /48 (IPv6)."
    )
    user_agent = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    edited_at = models.DateTimeField(null=True, blank=True)

    report_count = models.PositiveIntegerField(default=0)
    needs_review = models.BooleanField(
        default=False, help_text="Reported by enough readers to wait for a moderator."
    )
    notify_replies = models.BooleanField(default=False)
    is_deleted = models.BooleanField(default=False)
    moderators_notified = models.BooleanField(default=False)
    # The writer's receipt email is still to be sent (by the batched receipts task).
    receipt_pending = models.BooleanField(default=False)
    # A digest of the form token and content: a double submit stores one comment.
    submission_key = models.CharField(max_length=64, unique=True, null=True, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(fields=["article", "status", "created_at"]),
            models.Index(fields=["author_email"]),
        ]
        permissions = [("moderate_comment", "Can moderate comments")]

    def __str__(self) -> str:
        return f"{self.author_name} on {self.article_id}: {self.text[:40]}"

    @property
    def anchor(self) -> str:
        return f"comment-{self.pk}"


class ModerationDecision(models.Model):
    """One decision about a comment: by a pipeline phase, a moderator, a reader or its writer."""

    class Action(models.TextChoices):
        APPROVE = "approve", "Approved"
        HOLD = "hold", "Held for moderation"
        REJECT = "reject", "Rejected"
        SPAM = "spam", "Marked as spam"
        FLAG = "flag", "Flagged"
        REPORT = "report", "Reported by a reader"
        EDIT = "edit", "Edited"
        DELETE = "delete", "Deleted by its writer"
        ERASE = "erase", "Personal data erased"

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="decisions")
    action = models.CharField(max_length=10, choices=Action.choices)
    phase = models.CharField(max_length=40, help_text="Pipeline phase, or who acted.")
    reason = models.CharField(max_length=300, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} ({self.phase}): {self.reason}"


class ModerationWord(models.Model):
    """A word or phrase the pipeline watches for. `*` matches any letters: `spam*`."""

    class Kind(models.TextChoices):
        BANNED = "banned", "Banned: the comment is rejected"
        SUSPECT = "suspect", "Suspect: the comment waits for a moderator"

    word = models.CharField(max_length=100, unique=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.SUSPECT)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    panels = [FieldPanel("word"), FieldPanel("kind")]

    class Meta:
        ordering = ["kind", "word"]
        verbose_name = "word list entry"
        verbose_name_plural = "word lists"

    def __str__(self) -> str:
        return f"{self.word} ({self.kind})"

    def save(self, *args, **kwargs):
        self.word = self.word.strip().lower()
        super().save(*args, **kwargs)


class Ban(models.Model):
    """Refuses comments from an email address or an IP range."""

    class Kind(models.TextChoices):
        EMAIL = "email", "Email address"
        IP = "ip", "IP address or range (CIDR)"

    kind = models.CharField(max_length=5, choices=Kind.choices)
    value = models.CharField(
        max_length=254, help_text="An email address, or an IP range such as 203.0.113.0/24."
    )
    reason = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="banned by",
    )
    expires_at = models.DateTimeField(null=True, blank=True, help_text="Empty: never.")

    panels = [
        FieldPanel("kind"),
        FieldPanel("value"),
        FieldPanel("reason"),
        FieldPanel("expires_at"),
    ]

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "value"], name="unique_ban")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.value}"

    def clean(self):
        self.value = self.value.strip()
        if self.kind == self.Kind.EMAIL:
            self.value = self.value.lower()
            if "@" not in self.value:
                raise ValidationError({"value": "Enter an email address."})
        else:
            try:
                self.value = str(ipaddress.ip_network(self.value, strict=False))
            except ValueError as error:
                raise ValidationError({"value": "Enter an IP address or a CIDR range."}) from error

    def matches_ip(self, ip: str | None) -> bool:
        if self.kind != self.Kind.IP or not ip:
            return False
        try:
            return ipaddress.ip_address(ip) in ipaddress.ip_network(self.value, strict=False)
        except ValueError:
            return False


class ModeratorNote(models.Model):
    """What moderators want each other to know about a commenter."""

    commenter_email = models.EmailField(max_length=254, db_index=True)
    comment = models.ForeignKey(
        Comment, null=True, blank=True, on_delete=models.SET_NULL, related_name="notes"
    )
    text = models.TextField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.text[:60]


@register_setting(icon="comment")
class CommentSettings(BaseSiteSetting):
    """Site-wide comment defaults; an article can override the mode and the closing delay."""

    mode = models.CharField(
        "Comments",
        max_length=20,
        choices=CommentsMode.choices,
        default=CommentsMode.OPEN,
        help_text="For every story that does not choose otherwise in its own settings.",
    )
    close_after_days = models.PositiveIntegerField(
        "Close comments after (days)",
        default=14,
        help_text="Days after a story is published; 0 keeps comments open for good.",
    )
    first_time_hold = models.PositiveIntegerField(
        "Hold new commenters until approved",
        default=1,
        help_text=(
            "A commenter's comments wait for a moderator until this many of theirs were "
            "approved; 0 holds nobody for being new."
        ),
    )
    trusted_after = models.PositiveIntegerField(
        "Trust commenters after",
        default=10,
        help_text=(
            "Approved comments (and none rejected) after which a commenter's comments appear "
            "without the word-list and link checks; 0 trusts nobody automatically."
        ),
    )
    report_threshold = models.PositiveIntegerField(
        "Reader reports before review",
        default=3,
        help_text="Reports from readers that send a published comment back to the moderators.",
    )
    max_links = models.PositiveIntegerField(
        "Most links in a comment",
        default=2,
        help_text="Comments with more links than this wait for a moderator.",
    )
    max_length = models.PositiveIntegerField(
        "Longest comment (characters)",
        default=5000,
        help_text="Longer comments are refused, with a message telling the writer the limit.",
    )
    rate_limit_count = models.PositiveIntegerField(
        "Comments per commenter",
        default=5,
        help_text=(
            "How many comments one email address, or one network, may post in the time below; "
            "0 sets no limit."
        ),
    )
    rate_limit_window = models.PositiveIntegerField(
        "...within (seconds)", default=600, help_text="600 is ten minutes."
    )
    akismet_key = models.CharField(
        "Akismet API key",
        max_length=64,
        blank=True,
        help_text=(
            "A key from akismet.com: comments are checked for spam by Akismet before they "
            "appear. Empty: no Akismet check."
        ),
    )

    base_form_class = CommentSettingsForm
    panels = [
        MultiFieldPanel(
            [FieldPanel("mode"), FieldPanel("close_after_days")], heading="Defaults for stories"
        ),
        MultiFieldPanel(
            [
                FieldPanel("first_time_hold"),
                FieldPanel("trusted_after"),
                FieldPanel("report_threshold"),
                FieldPanel("max_links"),
                FieldPanel("max_length"),
            ],
            heading="What waits for a moderator",
        ),
        MultiFieldPanel(
            [FieldPanel("rate_limit_count"), FieldPanel("rate_limit_window")],
            heading="Posting too fast",
        ),
        MultiFieldPanel(
            [FieldPanel("akismet_key"), FieldPanel("remove_akismet_key")], heading="Akismet"
        ),
    ]

    class Meta:
        verbose_name = "Comment settings"
