"""Live coverage: live blogs, their entries, and the ordered event log readers follow.

A live blog is an article (it has a headline, standfirst, byline, section and lead
picture, and is listed, fed and mapped like one) whose page also shows a stream of
entries. What readers are pushed is not the entries but the *event log*: one row per
change (entry posted, edited, deleted, pinned, key events changed, coverage ended,
comment approved), numbered 1, 2, 3... per page. A reader who reconnects says the last
number it saw and gets exactly the rows after it. The same log carries an ordinary
article's newly approved comments.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField

from dateline.live.blocks import LiveEntryBodyBlock
from dateline.news.models import ArticlePage

ENTRIES_PER_PAGE = 20


class LiveBlogPage(RoutablePageMixin, ArticlePage):
    """A story told as it happens: a summary on top, then timestamped entries, newest first.

    Whether coverage is open (``ended_at``) is not part of the page's content: it is set
    from the live desk, and publishing an older revision never re-opens a blog.
    """

    summary = RichTextField(
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text="The key points so far, kept current by the editors. Shown above the entries.",
    )
    coverage_started_at = models.DateTimeField(null=True, blank=True, editable=False)
    ended_at = models.DateTimeField(null=True, blank=True, editable=False)

    parent_page_types = ["news.SectionPage"]
    subpage_types: list[str] = []
    template = "live/live_blog_page.html"

    content_panels = ArticlePage.content_panels[:2] + [FieldPanel("summary")]
    content_panels += ArticlePage.content_panels[2:]

    class Meta:
        verbose_name = "live blog"

    @property
    def is_open(self) -> bool:
        return self.ended_at is None

    def with_content_json(self, content):
        """A revision never carries the live state: it stays as the desk set it."""
        page = super().with_content_json(content)
        page.coverage_started_at = self.coverage_started_at
        page.ended_at = self.ended_at
        return page

    def get_context(self, request, *args, **kwargs):
        from dateline.live import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.live_blog_page(blog=self, request=request))
        return context

    @path("entries/<int:entry_id>/", name="entry")
    def entry_permalink(self, request, entry_id: int):
        """Opens the blog at one entry, however far down the stream it has gone."""
        from django.http import Http404
        from django.shortcuts import redirect

        from dateline.live import selectors

        entry = selectors.visible_entries(self).filter(pk=entry_id).first()
        if entry is None:
            raise Http404("No such entry.")
        return redirect(selectors.entry_location(blog=self, entry=entry))

    @path("feed/rss/", name="feed_rss")
    def feed_rss(self, request):
        from dateline.live.feeds import LiveEntryFeed

        return LiveEntryFeed()(request, blog=self)

    @path("feed/atom/", name="feed_atom")
    def feed_atom(self, request):
        from dateline.live.feeds import LiveEntryAtomFeed

        return LiveEntryAtomFeed()(request, blog=self)


class LiveEntry(models.Model):
    """One update in a live blog. Deleting one keeps the row (and its history), hidden."""

    blog = models.ForeignKey(LiveBlogPage, on_delete=models.CASCADE, related_name="entries")
    posted_at = models.DateTimeField(default=timezone.now, db_index=True)
    authors = models.ManyToManyField("news.AuthorPage", blank=True, related_name="live_entries")
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = StreamField(LiveEntryBodyBlock())
    key_event = models.BooleanField(default=False)
    title = models.CharField(
        max_length=200, blank=True, help_text="The key event's name in the key events list."
    )
    pinned = models.BooleanField(default=False)
    edited_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-pk"]
        verbose_name_plural = "live entries"
        constraints = [
            models.UniqueConstraint(
                fields=["blog"],
                condition=models.Q(pinned=True),
                name="one_pinned_entry_per_blog",
            )
        ]

    def __str__(self):
        return self.title or f"Entry {self.pk}"

    @property
    def anchor(self) -> str:
        return f"entry-{self.pk}"


class LiveEntryChange(models.Model):
    """Who changed an entry, when, and what it said afterwards: the desk's history."""

    class Action(models.TextChoices):
        POSTED = "posted", "Posted"
        EDITED = "edited", "Edited"
        DELETED = "deleted", "Deleted"
        PINNED = "pinned", "Pinned"
        UNPINNED = "unpinned", "Unpinned"

    entry = models.ForeignKey(LiveEntry, on_delete=models.CASCADE, related_name="changes")
    action = models.CharField(max_length=20, choices=Action.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    body = models.JSONField(default=list, blank=True)
    title = models.CharField(max_length=200, blank=True)
    key_event = models.BooleanField(default=False)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.get_action_display()} entry {self.entry_id} at {self.at:%Y-%m-%d %H:%M}"


class LiveChannel(models.Model):
    """The event log's head for one page: the number of its last event.

    Writing an event locks this row, so events of one page are numbered and committed
    in order: a reader who has seen event 7 has seen 1-6 (no gap on any database).
    """

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    last_seq = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"Live events of page {self.page_id} (last {self.last_seq})"


class LiveEvent(models.Model):
    """One change readers are told about, with everything the page needs to show it."""

    channel = models.ForeignKey(LiveChannel, on_delete=models.CASCADE, related_name="events")
    seq = models.PositiveIntegerField()
    kind = models.CharField(max_length=30)
    # Serialised once when written: every reader is sent these exact bytes.
    data = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["seq"]
        constraints = [models.UniqueConstraint(fields=["channel", "seq"], name="one_event_per_seq")]

    def __str__(self):
        return f"{self.kind} #{self.seq} of page {self.channel_id}"


@register_setting(icon="time")
class LiveSettings(BaseSiteSetting):
    """How readers follow live pages: the newsroom's brake when the site is under load."""

    poll_interval = models.PositiveIntegerField(
        "Polling interval (seconds)",
        default=10,
        help_text="How often readers who cannot hold a live connection ask for news. Every "
        "answer tells them this interval, so raising it slows every reader down.",
    )
    streaming = models.BooleanField(
        "Live connections",
        default=True,
        help_text="Untick to close every live connection: readers fall back to polling at the "
        "interval above.",
    )

    panels = [FieldPanel("poll_interval"), FieldPanel("streaming")]

    class Meta:
        verbose_name = "Live coverage"

    def clean(self):
        from django.core.exceptions import ValidationError

        if not 2 <= self.poll_interval <= 600:
            raise ValidationError({"poll_interval": "Between 2 and 600 seconds."})
