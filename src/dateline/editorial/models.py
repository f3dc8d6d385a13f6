"""The newsroom's own admin settings."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.admin.widgets.switch import SwitchInput
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="user")
class NewsroomSettings(BaseSiteSetting):
    create_author_pages = models.BooleanField(
        "Give new reporters an author page",
        default=True,
        help_text=(
            "When someone without an author page starts a story, create one with their name "
            "and put it in the byline. Untick to have an editor make author pages by hand."
        ),
    )

    panels = [FieldPanel("create_author_pages", widget=SwitchInput)]

    class Meta:
        verbose_name = "Newsroom settings"
