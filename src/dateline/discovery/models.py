"""Settings editors change for feeds (Settings > Feed settings)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="link")
class FeedSettings(BaseSiteSetting):
    full_text = models.BooleanField(
        "Full text in feeds",
        default=False,
        help_text="Put the whole story in RSS, Atom and JSON Feed items, not only the standfirst.",
    )
    items_per_feed = models.PositiveSmallIntegerField(
        default=30, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )

    panels = [FieldPanel("full_text"), FieldPanel("items_per_feed")]

    class Meta:
        verbose_name = "Feed settings"


@register_setting(icon="image")
class SharingSettings(BaseSiteSetting):
    """The pictures search engines and social networks show for the site as a whole."""

    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The publisher logo in structured data: a wide PNG or JPEG, at least 600 px.",
    )
    default_social_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown on social networks for pages without a picture of their own.",
    )

    panels = [FieldPanel("logo"), FieldPanel("default_social_image")]

    class Meta:
        verbose_name = "Search and sharing"


class ArchiveMonth(models.Model):
    """How many live stories of a site were first published in a UTC month, and when the
    newest change among them was: the sitemap index's one read (decision 0020), and with
    no site, the whole archive's: where the API's numbered pages start (decision 0021).

    A figure derived from the stories, kept exact by `discovery.services.
    archive_months_recount`: the month of a story published, unpublished, deleted or moved
    is counted again from its stories (a range of the publication index), and `dateline
    sitemaps recount` counts every month. Never edited by hand.
    """

    # No site: every live story, of any site (where the API's article list finds a page).
    site = models.ForeignKey(
        "wagtailcore.Site", null=True, on_delete=models.CASCADE, related_name="+"
    )
    month = models.CharField(max_length=7)  # "2026-12"
    stories = models.PositiveIntegerField()
    lastmod = models.DateTimeField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["site", "month"], name="discovery_archive_month_uniq")
        ]

    def __str__(self) -> str:
        return f"{self.month}: {self.stories} stories"
