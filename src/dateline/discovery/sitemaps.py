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
        return self.items().aggregate(latest=Max("last_published_at"))["latest"]


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


class AnnotatedSitemap(SelectorSitemap):
    """Items that carry their own `lastmod` (computed by the selector)."""

    def lastmod(self, obj):
        return obj.lastmod

    def get_latest_lastmod(self):
        return max((item.lastmod for item in self.items() if item.lastmod), default=None)


class SectionSitemap(AnnotatedSitemap):
    def items(self):
        return list(selectors.sitemap_sections())


class AuthorSitemap(AnnotatedSitemap):
    def items(self):
        return list(selectors.sitemap_authors())


class TagSitemap(AnnotatedSitemap):
    def items(self):
        return selectors.sitemap_tags()

    def location(self, obj):
        if not hasattr(self, "_home"):
            self._home = HomePage.objects.first()
        return self.get_wagtail_site().root_url + selectors.tag_path(obj, home=self._home)


SITEMAPS = {
    "articles": ArticleSitemap,
    "sections": SectionSitemap,
    "authors": AuthorSitemap,
    "tags": TagSitemap,
}
