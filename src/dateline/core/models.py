"""Site-wide settings editors change in the admin (Settings > Site settings)."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

SOCIAL_NETWORKS = [
    ("facebook_url", "Facebook"),
    ("x_url", "X"),
    ("instagram_url", "Instagram"),
    ("youtube_url", "YouTube"),
    ("linkedin_url", "LinkedIn"),
    ("bluesky_url", "Bluesky"),
    ("mastodon_url", "Mastodon"),
    ("whatsapp_url", "WhatsApp"),
]


SOCIAL_HELP = 'Your page there, shown under "Connect with us"; empty: no link.'


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    tagline = models.CharField(
        max_length=200, blank=True, help_text="A line under the site's name in the masthead."
    )
    publisher_name = models.CharField(
        max_length=200, blank=True, help_text="Legal name of the publisher, for structured data."
    )
    contact_email = models.EmailField(blank=True, help_text="Shown in the footer for tips.")
    facebook_url = models.URLField("Facebook", blank=True, help_text=SOCIAL_HELP)
    x_url = models.URLField("X", blank=True, help_text=SOCIAL_HELP)
    instagram_url = models.URLField("Instagram", blank=True, help_text=SOCIAL_HELP)
    youtube_url = models.URLField("YouTube", blank=True, help_text=SOCIAL_HELP)
    linkedin_url = models.URLField("LinkedIn", blank=True, help_text=SOCIAL_HELP)
    bluesky_url = models.URLField("Bluesky", blank=True, help_text=SOCIAL_HELP)
    mastodon_url = models.URLField("Mastodon", blank=True, help_text=SOCIAL_HELP)
    whatsapp_url = models.URLField("WhatsApp channel", blank=True, help_text=SOCIAL_HELP)

    panels = [
        FieldPanel("tagline"),
        FieldPanel("publisher_name"),
        FieldPanel("contact_email"),
        MultiFieldPanel(
            [FieldPanel(field) for field, _label in SOCIAL_NETWORKS],
            heading='"Connect with us" links',
        ),
    ]

    class Meta:
        verbose_name = "Site settings"

    @property
    def social_links(self) -> list[tuple[str, str]]:
        """(network name, url) for every network the site has filled in, in display order."""
        return [(label, url) for field, label in SOCIAL_NETWORKS if (url := getattr(self, field))]
