"""The corrections log as RSS and Atom: the same corrections as /corrections/."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from dateline.desk.selectors import published_corrections
from dateline.discovery.selectors import site_for, site_name_for

CORRECTIONS_IN_FEED = 50


class CorrectionsFeed(Feed):
    def get_object(self, request, *args, **kwargs):
        self.site = site_for(request)
        return None

    def title(self):
        return f"Corrections | {site_name_for(self.site)}"

    def link(self):
        return reverse("desk:corrections")

    def description(self):
        return f"Corrections and clarifications published by {site_name_for(self.site)}."

    def items(self):
        return published_corrections()[:CORRECTIONS_IN_FEED]

    def item_title(self, item):
        return f"{item.get_kind_display()}: {item.story.title}"

    def item_description(self, item):
        return item.text

    def item_link(self, item):
        return f"{item.story.get_full_url()}#{item.anchor}"

    def item_guid(self, item):
        return f"tag:{self.site.hostname},{item.created_at:%Y-%m-%d}:correction:{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.published_at


class CorrectionsAtomFeed(CorrectionsFeed):
    feed_type = Atom1Feed
    subtitle = CorrectionsFeed.description

    def item_guid(self, item):
        return super().item_guid(item) + ":atom"
