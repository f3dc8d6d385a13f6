"""Sitemaps: articles (with their lead images), sections, authors and tags.

Built on Wagtail's sitemap (full URLs from the page's own site), each over a named
selector; the index and the Google News sitemap are in views.py.
"""

from django.db.models import Max
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap

from dateline.discovery import selectors
from dateline.i18n.languages import default_language
from dateline.i18n.selectors import translations_by_key
from dateline.news.models import HomePage


class SelectorSitemap(WagtailSitemap):
    """Entries as dicts with location, lastmod and images, for discovery/sitemap.xml."""

    def images(self, item) -> list[dict]:
        return []

    def alternates(self, items) -> dict:
        """Each page's language versions, by translation key (one query; none with one
        language configured)."""
        return translations_by_key([item for item in items if hasattr(item, "translation_key")])

    def _urls(self, page, protocol, domain):
        items = list(self.paginator.page(page).object_list)
        versions = self.alternates(items)
        urls = [
            {
                "location": self.location(item),
                "lastmod": self.lastmod(item),
                "images": self.images(item),
                "alternates": hreflang_entries(versions.get(getattr(item, "translation_key", 0))),
            }
            for item in items
        ]
        lastmods = [url["lastmod"] for url in urls if url["lastmod"]]
        self.latest_lastmod = max(lastmods) if lastmods else None
        return urls

    def get_latest_lastmod(self):
        return self.items().aggregate(latest=Max("last_published_at"))["latest"]


def hreflang_entries(versions) -> list[dict]:
    """xhtml:link alternates for one page: every live version and x-default, the same list
    in each version's entry (reciprocal); nothing for a page in one language."""
    if not versions or len(versions) < 2:
        return []
    entries = [
        {"hreflang": version.locale.language_code, "href": version.get_full_url()}
        for version in versions
    ]
    default = [e for e in entries if e["hreflang"] == default_language()]
    return entries + [{"hreflang": "x-default", "href": default[0]["href"]}] if default else entries


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
