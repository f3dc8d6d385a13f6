"""The news desk's records: preview links to embargoed stories, corrections, the settings
that name the corrections policy, and the editors' lineups of the fronts."""

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel, PublishingPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import DraftStateMixin, Orderable, PreviewableMixin, RevisionMixin

PREVIEW_SALT = "dateline.desk.preview-link"


class PreviewLink(models.Model):
    """A signed address at which one named partner can read a story before it is public.

    The address carries the link's id signed with the site's secret key, so it cannot be
    guessed or altered; it works until `expires_at` or until someone revokes it.
    """

    story = models.ForeignKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="preview_links"
    )
    partner = models.CharField(
        "For", max_length=200, help_text='Who may read it: "Reuters desk", "Dr Jane Moss".'
    )
    expires_at = models.DateTimeField(help_text="The link stops working at this time.")
    revoked = models.BooleanField(default=False, help_text="A revoked link stops working at once.")
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.partner}: {self.story.title}"

    @property
    def token(self) -> str:
        """The link's id signed without a timestamp: one address for the link's lifetime
        (its expiry and revocation are kept on the row, not in the address)."""
        return signing.Signer(salt=PREVIEW_SALT).sign(str(self.pk))

    @property
    def path(self) -> str:
        return reverse("desk:preview", args=[self.token])

    def clean(self):
        if self.expires_at and self.expires_at <= timezone.now() and not self.revoked:
            raise ValidationError({"expires_at": "Choose a time in the future."})

    @property
    def full_url(self) -> str:
        site = self.story.get_site()
        return (site.root_url if site else "") + self.path

    def works_at(self, when) -> bool:
        return not self.revoked and self.expires_at > when


class Correction(models.Model):
    """A correction, clarification or editor's note on a published story: a public record,
    listed at /corrections/. Not part of the story's revisions: publishing an older
    revision never takes one back."""

    class Kind(models.TextChoices):
        CORRECTION = "correction", "Correction"
        CLARIFICATION = "clarification", "Clarification"
        EDITORS_NOTE = "editors_note", "Editor's note"

    story = models.ForeignKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="corrections"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.CORRECTION)
    text = models.TextField(
        max_length=2000,
        help_text='What was wrong and what is right: "An earlier version gave the vote as 31-41."',
    )
    published_at = models.DateTimeField(
        default=timezone.now, db_index=True, help_text="The time readers see on it."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-published_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.story.title}"

    @property
    def anchor(self) -> str:
        return f"correction-{self.pk}"

    @property
    def shown_first(self) -> bool:
        """An editor's note is read before the story; corrections and clarifications after."""
        return self.kind == self.Kind.EDITORS_NOTE


@register_setting(icon="warning")
class DeskSettings(BaseSiteSetting):
    """Settings > News desk: the corrections policy page the Organization JSON-LD names."""

    corrections_policy = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The page explaining how the newsroom corrects mistakes (an ordinary page).",
    )

    panels = [FieldPanel("corrections_policy")]

    class Meta:
        verbose_name = "news desk"


class Front(PreviewableMixin, DraftStateMixin, RevisionMixin, ClusterableModel):
    """The editors' lineup of a front (the home page or a section page): the lead and top
    stories in order, and on the home page the order of the section blocks.

    A lineup is edited like a page: drafts, revisions, preview, scheduled publication (a
    morning lineup set the night before). Readers see its published version; slots it
    leaves empty, and picks whose time is up or that are no longer live, are filled with
    the newest stories (dateline.desk.selectors.front_lineup).
    """

    page = models.OneToOneField(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="front",
        help_text="The home page or a section page.",
    )

    panels = [
        PageChooserPanel("page", ["news.HomePage", "news.SectionPage"]),
        InlinePanel(
            "stories",
            heading="Lead and top stories",
            label="Story",
            help_text="The first is the lead. Drag to order; empty slots take the newest stories.",
        ),
        InlinePanel(
            "sections",
            heading="Section blocks (home page)",
            label="Section",
            help_text="The sections' blocks on the home page, in this order. None: menu order.",
        ),
        PublishingPanel(),
    ]

    class Meta:
        verbose_name = "front page lineup"
        # Wagtail adds it to snippets after migrating; declared, so a migration can grant it.
        permissions = [("publish_front", "Can publish front page lineup")]

    def __str__(self) -> str:
        return f"Front: {self.page.title}" if self.page_id else "Front"

    def clean(self):
        super().clean()
        if self.page_id and self.page.specific_class.__name__ not in ("HomePage", "SectionPage"):
            raise ValidationError({"page": "Only the home page and section pages have a lineup."})

    def get_preview_template(self, request, mode_name):
        return self.page.specific.get_template(request)

    def serve_preview(self, request, mode_name):
        """The front as readers would see it with this (unsaved or draft) lineup."""
        page = self.page.specific
        request.front_preview = self
        return page.serve_preview(request, page.default_preview_mode)


class FrontStory(Orderable):
    front = ParentalKey(Front, on_delete=models.CASCADE, related_name="stories")
    story = models.ForeignKey("news.ArticlePage", on_delete=models.CASCADE, related_name="+")
    keep_until = models.DateTimeField(
        null=True,
        blank=True,
        help_text='"Keep as lead until 18:00": after this time the slot takes the newest story.',
    )

    panels = [PageChooserPanel("story", "news.ArticlePage"), FieldPanel("keep_until")]


class FrontSection(Orderable):
    front = ParentalKey(Front, on_delete=models.CASCADE, related_name="sections")
    section = models.ForeignKey("news.SectionPage", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("section", "news.SectionPage")]
