"""Sitemaps: articles (with their lead images), sections, authors and tags.

Built on Wagtail's sitemap (full URLs from the page's own site), each over a named
selector; the index and the Google News sitemap are in views.py.
"""

from django.db.models import Max
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap

from dateline.discovery import selectors
from dateline.news.models import HomePage


class SelectorSitemap(WagtailSitemap):
    """Entries as dicts with location, lastmod and images, for discovery/sitemap.xml."""

    lastmod_field = "last_published_at"

    def images(self, item) -> list[dict]:
        return []

    def _urls(self, page, protocol, domain):
        urls = [
            {
                "location": self.location(item),
                "lastmod": self.lastmod(item),
                "images": self.images(item),
            }
            for item in self.paginator.page(page).object_list
        ]
        lastmods = [url["lastmod"] for url in urls if url["lastmod"]]
        self.latest_lastmod = max(lastmods) if lastmods else None
        return urls

    def get_latest_lastmod(self):
        return self.items().aggregate(latest=Max(self.lastmod_field))["latest"]


class ArticleSitemap(SelectorSitemap):
    def items(self):
        return selectors.sitemap_articles()

    def lastmod(self, obj):
        return selectors.article_modified_at(obj)

    def images(self, item):
        if item.lead_image is None:
            return []
        root_url = self.get_wagtail_site().root_url
        url = item.lead_image.file.url
        return [
            {
                "location": url if "://" in url else root_url + url,
                "caption": item.lead_image_caption,
            }
        ]


class SectionSitemap(SelectorSitemap):
    def items(self):
        return selectors.sitemap_sections()


class AuthorSitemap(SelectorSitemap):
    def items(self):
        return selectors.sitemap_authors()


class TagSitemap(SelectorSitemap):
    lastmod_field = "lastmod"

    def items(self):
        return selectors.sitemap_tags()

    def location(self, obj):
        if not hasattr(self, "_home"):
            self._home = HomePage.objects.first()
        return self.get_wagtail_site().root_url + selectors.tag_path(obj, home=self._home)

    def lastmod(self, obj):
        return obj.lastmod

    def get_latest_lastmod(self):
        return max((tag.lastmod for tag in self.items() if tag.lastmod), default=None)


SITEMAPS = {
    "articles": ArticleSitemap,
    "sections": SectionSitemap,
    "authors": AuthorSitemap,
    "tags": TagSitemap,
}
