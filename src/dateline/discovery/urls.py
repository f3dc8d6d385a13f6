from django.urls import path, register_converter
from django.views.generic import RedirectView

from dateline.discovery import views


class FeedFormatConverter:
    regex = "rss|atom|json"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


class MonthConverter:
    """A month of the story archive, "2026-12"."""

    regex = "[0-9]{4}-[0-9]{2}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(FeedFormatConverter, "feedformat")
register_converter(MonthConverter, "month")

app_name = "discovery"
urlpatterns = [
    path("feeds/<feedformat:fmt>/", views.feed, name="site_feed"),
    path(
        "feeds/<feedformat:fmt>/section/<path:key>/",
        views.feed,
        {"kind": "section"},
        name="section_feed",
    ),
    path(
        "feeds/<feedformat:fmt>/author/<slug:key>/",
        views.feed,
        {"kind": "author"},
        name="author_feed",
    ),
    path("feeds/<feedformat:fmt>/tag/<slug:key>/", views.feed, {"kind": "tag"}, name="tag_feed"),
    # Where WordPress served its feeds: subscribers of a migrated site keep their feed.
    path("feed/", RedirectView.as_view(url="/feeds/rss/", permanent=True)),
    path("feed/atom/", RedirectView.as_view(url="/feeds/atom/", permanent=True)),
    path("sitemap.xml", views.sitemap_index, name="sitemap"),
    path(
        "sitemap-articles-<month:month>.xml",
        views.sitemap_archive,
        name="sitemap_archive",
    ),
    path("sitemap-<slug:section>.xml", views.sitemap_section, name="sitemap_section"),
    path("news-sitemap.xml", views.news_sitemap, name="news_sitemap"),
    path("share/mastodon/", views.share_mastodon, name="share_mastodon"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]
