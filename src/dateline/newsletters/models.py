"""Newsletters, their readers, their editions and the send ledger.

A reader is a `Subscriber` (one row per email address) with a `Subscription` to each
newsletter they asked for; a subscription counts only once the address is confirmed.
An `Edition` is one issue of a newsletter; sending it writes one `Delivery` row per
recipient before anything is handed to the mail server (see delivery.py).
"""

import re
from datetime import time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable

LINE_BREAKS = re.compile(r"[\r\n\x00-\x1f\x7f\u2028\u2029]")


def no_line_breaks(value: str) -> None:
    """Text that goes into an email header (a name, a subject) must stay on one line."""
    if LINE_BREAKS.search(value or ""):
        raise ValidationError("Line breaks and control characters are not allowed here.")


class Newsletter(models.Model):
    class Schedule(models.TextChoices):
        DAILY = "daily", "Daily digest at a set time"
        SECTION = "section", "When a story in its section is published"
        BREAKING = "breaking", "Breaking news: when an editor sends an alert"
        MANUAL = "manual", "Only editions written in the admin"

    name = models.CharField(max_length=100, validators=[no_line_breaks])
    slug = models.SlugField(max_length=50, unique=True)
    description = models.CharField(max_length=300, blank=True)
    schedule = models.CharField(max_length=20, choices=Schedule.choices, default=Schedule.MANUAL)
    section = models.ForeignKey(
        "news.SectionPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="For a section newsletter: the section whose stories it sends.",
    )
    send_time = models.TimeField(
        default=time(7, 0),
        help_text="For a daily digest: when it goes out, in the site's time zone.",
    )
    on_signup_forms = models.BooleanField(
        "Offer on sign-up forms", default=True, help_text="Readers can choose it on the site."
    )
    sort_order = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("schedule"), PageChooserPanel("section", "news.SectionPage"),
             FieldPanel("send_time")],
            heading="When it is sent",
        ),
        FieldPanel("on_signup_forms"),
        FieldPanel("sort_order"),
    ]  # fmt: skip

    class Meta:
        ordering = ["sort_order", "name"]
        permissions = [("send_edition", "Can send newsletter editions")]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        if self.schedule == self.Schedule.SECTION and not self.section_id:
            raise ValidationError({"section": "Choose the section this newsletter follows."})


class Subscriber(models.Model):
    """One email address. `confirmed_at`: when its owner first clicked a confirmation link."""

    email = models.EmailField(max_length=254, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.email


class Subscription(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for confirmation"
        ACTIVE = "active", "Subscribed"
        UNSUBSCRIBED = "unsubscribed", "Unsubscribed"

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="subscriptions"
    )
    newsletter = models.ForeignKey(
        Newsletter, on_delete=models.CASCADE, related_name="subscriptions"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    requested_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "newsletter"], name="one_subscription_per_newsletter"
            )
        ]
        indexes = [models.Index(fields=["newsletter", "status"])]


class Suppression(models.Model):
    """An address the mail provider reported as bouncing or complaining: never mailed again
    until its owner confirms a subscription anew."""

    class Reason(models.TextChoices):
        BOUNCE = "bounce", "Bounced"
        COMPLAINT = "complaint", "Marked as spam"
        REJECTED = "rejected", "Refused by the provider"
        MANUAL = "manual", "Added by an editor"

    email = models.EmailField(max_length=254, unique=True)
    reason = models.CharField(max_length=20, choices=Reason.choices)
    detail = models.CharField(max_length=300, blank=True)
    source = models.CharField(max_length=50, blank=True, help_text="The provider that said so.")
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.email


class Edition(ClusterableModel):
    class Kind(models.TextChoices):
        MANUAL = "manual", "Written in the admin"
        DIGEST = "digest", "Digest"
        ALERT = "alert", "Breaking news alert"

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SCHEDULED = "scheduled", "Scheduled"
        QUEUED = "queued", "Queued"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"
        CANCELLED = "cancelled", "Cancelled"

    newsletter = models.ForeignKey(Newsletter, on_delete=models.PROTECT, related_name="editions")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.MANUAL)
    # What makes an automatic edition unique (the day of a digest, the story of an alert):
    # two schedulers deciding at once create it once.
    key = models.CharField(max_length=100, editable=False)
    subject = models.CharField(max_length=200, validators=[no_line_breaks])
    intro = models.TextField(blank=True, help_text="A few words above the stories.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    scheduled_for = models.DateTimeField(null=True, blank=True)
    stories_until = models.DateTimeField(null=True, blank=True, editable=False)
    html_body = models.TextField(blank=True, editable=False)
    text_body = models.TextField(blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    queued_at = models.DateTimeField(null=True, blank=True, editable=False)
    started_at = models.DateTimeField(null=True, blank=True, editable=False)
    finished_at = models.DateTimeField(null=True, blank=True, editable=False)
    recipients_ready = models.BooleanField(default=False, editable=False)
    recipient_count = models.PositiveIntegerField(default=0, editable=False)
    # The sender holding this edition, and until when (see delivery.py).
    lease_token = models.CharField(max_length=32, blank=True, editable=False)
    lease_expires_at = models.DateTimeField(null=True, blank=True, editable=False)
    note = models.CharField(max_length=500, blank=True, editable=False)

    panels = [
        FieldPanel("newsletter"),
        FieldPanel("subject"),
        FieldPanel("intro"),
        InlinePanel("story_links", heading="Stories", label="Story", min_num=1),
    ]

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["newsletter", "key"], name="one_edition_per_key")
        ]

    def __str__(self) -> str:
        return self.subject

    @property
    def is_editable(self) -> bool:
        return self.status in {self.Status.DRAFT, self.Status.SCHEDULED}


class EditionStory(Orderable):
    edition = ParentalKey(Edition, on_delete=models.CASCADE, related_name="story_links")
    article = models.ForeignKey("news.ArticlePage", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("article", "news.ArticlePage")]


class Delivery(models.Model):
    """The send ledger: one row per (edition, recipient), written before the hand-over."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting"
        CLAIMED = "claimed", "Being sent"
        HANDING = "handing", "Being handed over"
        SENT = "sent", "Accepted by the mail server"
        FAILED = "failed", "Failed"
        SKIPPED = "skipped", "Not sent (unsubscribed or suppressed)"

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(
        Subscriber, null=True, on_delete=models.SET_NULL, related_name="deliveries"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    lease_token = models.CharField(max_length=32, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)
    provider_id = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name_plural = "deliveries"
        constraints = [
            models.UniqueConstraint(fields=["edition", "subscriber"], name="one_delivery_each")
        ]
        indexes = [models.Index(fields=["edition", "status"])]


@register_setting(icon="mail")
class NewsletterSettings(BaseSiteSetting):
    """What every newsletter email says about its sender (Settings > Newsletter settings)."""

    postal_address = models.TextField(
        blank=True,
        help_text="The publisher's postal address, printed at the foot of every newsletter "
        "(anti-spam laws ask for one).",
    )
    reply_to = models.EmailField(blank=True, help_text="Where readers' replies go.")

    panels = [FieldPanel("postal_address"), FieldPanel("reply_to")]

    class Meta:
        verbose_name = "Newsletter settings"
