"""Agency wire: the providers the newsroom takes copy from, their items, and the stories
made from them.

An item is identified by (provider, guid); each version of it the provider sent is kept
once (`WireItemVersion`, unique on item and version), so reading the same source again
creates nothing. The item itself shows its newest version.
"""

from django.core.validators import MinValueValidator, URLValidator
from django.db import models
from django.utils import timezone

HTTP_ONLY = URLValidator(schemes=["http", "https"])


class WireProvider(models.Model):
    """An agency feed: a URL polled on a schedule, or an uploaded file."""

    class Format(models.TextChoices):
        AUTO = "auto", "Recognise it"
        FEED = "feed", "RSS or Atom"
        NINJS = "ninjs", "IPTC ninjs (JSON)"
        NEWSML = "newsml", "IPTC NewsML-G2"

    name = models.CharField(max_length=100, unique=True)
    url = models.URLField(
        "URL",
        max_length=1000,
        blank=True,
        validators=[HTTP_ONLY],
        help_text="The feed's address, fetched every poll interval.",
    )
    upload = models.FileField(
        upload_to="wire/",
        blank=True,
        help_text="Or a file from the agency (read when uploaded and at each poll).",
    )
    format = models.CharField(max_length=10, choices=Format.choices, default=Format.AUTO)
    poll_interval = models.PositiveIntegerField(
        "Poll every (seconds)", default=300, validators=[MinValueValidator(60)]
    )
    default_section = models.ForeignKey(
        "news.SectionPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Where stories made from this provider's items are filed.",
    )
    credit = models.CharField(
        "Credit line",
        max_length=200,
        blank=True,
        help_text='Shown with stories made from its items, e.g. "Nordic Wire Agency".',
    )
    active = models.BooleanField(default=True, help_text="Polled by the scheduler.")

    # Polling state, written by the poller only.
    etag = models.CharField(max_length=500, blank=True, editable=False)
    last_modified = models.CharField(max_length=100, blank=True, editable=False)
    content_hash = models.CharField(max_length=64, blank=True, editable=False)
    next_poll_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_polled_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_success_at = models.DateTimeField(null=True, blank=True, editable=False)
    failures = models.PositiveIntegerField(default=0, editable=False)
    last_error = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        permissions = [("use_wire_desk", "Can read the wire desk and make stories from it")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(active=False) | ~models.Q(url="") | ~models.Q(upload=""),
                name="active_wire_provider_has_a_source",
                violation_error_message="Give the feed's URL or upload a file.",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def source(self) -> str:
        return self.url or (self.upload.name if self.upload else "")


class WireItemQuerySet(models.QuerySet):
    def newest_first(self):
        return self.order_by("-version_created", "-pk")


class WireItem(models.Model):
    """One agency story, as its newest version has it."""

    class Status(models.TextChoices):
        USABLE = "usable", "Usable"
        WITHHELD = "withheld", "Withheld"
        CANCELED = "canceled", "Killed"

    provider = models.ForeignKey(WireProvider, on_delete=models.CASCADE, related_name="items")
    guid = models.CharField(max_length=500)
    version = models.CharField(max_length=64)
    headline = models.CharField(max_length=500)
    summary = models.TextField(blank=True)
    body_html = models.TextField(blank=True)
    byline = models.CharField(max_length=200, blank=True)
    credit = models.CharField(max_length=200, blank=True)
    link = models.URLField(max_length=1000, blank=True)
    language = models.CharField(max_length=20, blank=True)
    located = models.CharField(max_length=100, blank=True)
    slugline = models.CharField(max_length=100, blank=True)
    ednote = models.TextField("Editorial note", blank=True)
    urgency = models.PositiveSmallIntegerField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.USABLE)
    embargoed_until = models.DateTimeField(null=True, blank=True)
    version_created = models.DateTimeField(db_index=True)
    first_created = models.DateTimeField(null=True, blank=True)
    subjects = models.JSONField(default=list, blank=True)
    renditions = models.JSONField(default=list, blank=True)
    associations = models.JSONField(default=list, blank=True)
    received_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = WireItemQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["provider", "guid"], name="one_wire_item_per_guid")
        ]
        indexes = [models.Index(fields=["provider", "-version_created"])]

    def __str__(self) -> str:
        return self.headline or self.guid

    @property
    def is_embargoed(self) -> bool:
        return self.embargoed_until is not None and self.embargoed_until > timezone.now()


class WireItemVersion(models.Model):
    """A version of an item as it arrived: what a story was made from, and what changed."""

    item = models.ForeignKey(WireItem, on_delete=models.CASCADE, related_name="versions")
    version = models.CharField(max_length=64)
    status = models.CharField(max_length=10, choices=WireItem.Status.choices)
    headline = models.CharField(max_length=500)
    summary = models.TextField(blank=True)
    body_html = models.TextField(blank=True)
    ednote = models.TextField(blank=True)
    version_created = models.DateTimeField()
    received_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-version_created", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["item", "version"], name="one_row_per_wire_version")
        ]

    def __str__(self) -> str:
        return f"{self.item} (version {self.version})"


class WireStory(models.Model):
    """A story made from a wire item, and whether the desk must look at it again."""

    class Flag(models.TextChoices):
        NONE = "", "Up to date"
        UPDATED = "updated", "Wire updated"
        WITHHELD = "withheld", "Wire withheld"
        KILLED = "killed", "Wire killed"

    item = models.ForeignKey(WireItem, on_delete=models.CASCADE, related_name="stories")
    article = models.OneToOneField(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="wire_source"
    )
    made_from = models.ForeignKey(WireItemVersion, on_delete=models.PROTECT, related_name="+")
    checked_against = models.ForeignKey(
        WireItemVersion,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The version the desk last compared the story with.",
    )
    made_by = models.ForeignKey("auth.User", null=True, on_delete=models.SET_NULL, related_name="+")
    made_at = models.DateTimeField(default=timezone.now)
    flag = models.CharField(max_length=10, choices=Flag.choices, blank=True, default="")
    flagged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-made_at"]

    def __str__(self) -> str:
        return f"{self.article} from {self.item}"
