"""Each live blog's own RSS and Atom feed: its latest entries, newest first."""

from django.contrib.syndication.views import Feed
from django.utils import feedgenerator

from dateline.discovery.selectors import site_for
from dateline.live import rendering, selectors

FEED_ENTRIES = 50


class LiveEntryFeed(Feed):
    feed_type = feedgenerator.Rss201rev2Feed
    route = "feed_rss"

    def get_object(self, request, blog):
        self.request = request
        self.root_url = site_for(request).root_url
        self.blog = blog
        return blog

    def title(self, blog):
        return f"{blog.title} (live)"

    def link(self, blog):
        return blog.get_full_url(self.request)

    def feed_url(self, blog):
        return self.root_url + blog.url + blog.reverse_subpage(self.route)

    def description(self, blog):
        return blog.standfirst

    def items(self, blog):
        return list(selectors.visible_entries(blog)[:FEED_ENTRIES])

    def item_title(self, entry):
        return rendering.entry_headline(entry)

    def item_link(self, entry):
        return self.root_url + self.blog.url + self.blog.reverse_subpage("entry", args=[entry.pk])

    def item_guid(self, entry):
        return f"{self.root_url}/live/{self.blog.pk}/entries/{entry.pk}"

    item_guid_is_permalink = False

    def item_description(self, entry):
        return rendering.entry_html(entry, blog=self.blog)

    def item_pubdate(self, entry):
        return entry.posted_at

    def item_updateddate(self, entry):
        return entry.edited_at or entry.posted_at

    def item_author_name(self, entry):
        names = [author.title for author in entry.authors.all()]
        return ", ".join(names) or None


class LiveEntryAtomFeed(LiveEntryFeed):
    feed_type = feedgenerator.Atom1Feed
    route = "feed_atom"

    def subtitle(self, blog):
        return blog.standfirst
