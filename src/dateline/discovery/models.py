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
