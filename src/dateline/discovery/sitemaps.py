"""Sitemaps: the story archive by month (with lead images), sections, authors and tags.

The archive's files are written straight from the few columns they print
(`archive_sitemap`): at 100,000 stories, building pages with bylines to print an
address and a date cost seconds and a hundred megabytes per file. Sections, authors and
tags are few and use Wagtail's sitemap (full URLs from the page's own site). The index
and the Google News sitemap are in views.py.
"""

from collections.abc import Iterable, Iterator
from datetime import UTC
from xml.sax.saxutils import escape

from django.db.models import Count, Max
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.images import get_image_model

from dateline.discovery import selectors
from dateline.news.models import AuthorPage, HomePage, SectionPage

URLSET_OPEN = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">\n'
)


def _w3c(value) -> str:
    return value.astimezone(UTC).isoformat(timespec="seconds")


def archive_sitemap(rows: Iterable[tuple], *, root_url: str, root_path: str) -> Iterator[str]:
    """The XML of one archive file, line by line, from `selectors.archive_entries` rows."""
    storage = get_image_model()._meta.get_field("file").storage
    yield URLSET_OPEN
    for url_path, first, last, updated, image_file in rows:
        location = escape(root_url + "/" + url_path.removeprefix(root_path))
        lastmod = selectors._latest(first, last, updated)
        line = f"<url><loc>{location}</loc><lastmod>{_w3c(lastmod)}</lastmod>"
        if image_file:
            image = storage.url(image_file)
            image = image if "://" in image else root_url + image
            line += f"<image:image><image:loc>{escape(image)}</image:loc></image:image>"
        yield line + "</url>\n"
    yield "</urlset>\n"


class SelectorSitemap(WagtailSitemap):
    """Entries as dicts with location, lastmod and images, for discovery/sitemap.xml."""

    limit = selectors.ARCHIVE_FILE_URLS
    page_model = None  # the pages it lists, for `for_index`

    def for_index(self, newest_story):
        """(number of files, lastmod) for the index, from one aggregate. Every story is in
        a section and has an author, so the newest story's change is theirs too."""
        found = (
            self.page_model.objects.live()
            .public()
            .aggregate(count=Count("pk"), latest=Max("last_published_at"))
        )
        pages = max(1, -(-found["count"] // self.limit))
        return pages, selectors._latest(found["latest"], newest_story)

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


class AnnotatedSitemap(SelectorSitemap):
    """Items that carry their own `lastmod` (computed by the selector)."""

    def lastmod(self, obj):
        return obj.lastmod

    def get_latest_lastmod(self):
        return max((item.lastmod for item in self.items() if item.lastmod), default=None)


class SectionSitemap(AnnotatedSitemap):
    page_model = SectionPage

    def items(self):
        return list(selectors.sitemap_sections())


class AuthorSitemap(AnnotatedSitemap):
    page_model = AuthorPage

    def items(self):
        return list(selectors.sitemap_authors())


class TagSitemap(AnnotatedSitemap):
    def items(self):
        return selectors.sitemap_tags()

    def get_latest_lastmod(self):
        return selectors.sitemap_tags_lastmod()

    def for_index(self, newest_story):
        """Tags change with their stories: the newest story's change stands for them (an
        upper bound, cheaper than a join over every tagged story)."""
        return max(1, self.paginator.num_pages), newest_story

    def location(self, obj):
        if not hasattr(self, "_home"):
            self._home = HomePage.objects.first()
        return self.get_wagtail_site().root_url + selectors.tag_path(obj, home=self._home)


SITEMAPS = {
    "sections": SectionSitemap,
    "authors": AuthorSitemap,
    "tags": TagSitemap,
}
