"""Sitemaps: the story archive by month (with lead images), sections, authors and tags.

The archive's files are written straight from the few columns they print
(`archive_sitemap`): at 100,000 stories, building pages with bylines to print an
address and a date cost seconds and a hundred megabytes per file. Sections, authors and
tags are few and use Wagtail's sitemap (full URLs from the page's own site). The index
and the Google News sitemap are in views.py.
"""

from collections.abc import Iterable, Iterator
from datetime import UTC
from itertools import islice
from xml.sax.saxutils import escape

from django.db.models import Count, Max
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.images import get_image_model

from dateline.discovery import selectors
from dateline.i18n.languages import default_language
from dateline.i18n.selectors import translations_by_key
from dateline.news.models import ArticlePage, AuthorPage, HomePage, SectionPage

URLSET_OPEN = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">\n'
)
URLSET_OPEN_LANGUAGES = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1" '
    'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)


def _w3c(value) -> str:
    return value.astimezone(UTC).isoformat(timespec="seconds")


def archive_sitemap(
    rows: Iterable[tuple], *, root_url: str, roots: dict[str, str]
) -> Iterator[str]:
    """The XML of one archive file, line by line, from `selectors.archive_entries` rows.

    `roots` maps each home page's url_path to its language's address prefix
    (`selectors.site_roots`); with several languages each story also lists its language
    versions (one query per 500 rows)."""
    storage = get_image_model()._meta.get_field("file").storage
    multilingual = len(roots) > 1
    yield URLSET_OPEN_LANGUAGES if multilingual else URLSET_OPEN
    rows = iter(rows)
    while chunk := list(islice(rows, 500)):
        versions = _archive_versions(chunk, root_url, roots) if multilingual else {}
        for url_path, first, last, updated, image_file, key in chunk:
            location = escape(_address(url_path, root_url, roots))
            lastmod = selectors._latest(first, last, updated)
            line = f"<url><loc>{location}</loc><lastmod>{_w3c(lastmod)}</lastmod>"
            if image_file:
                image = storage.url(image_file)
                image = image if "://" in image else root_url + image
                line += f"<image:image><image:loc>{escape(image)}</image:loc></image:image>"
            for link in versions.get(key, ()):
                line += (
                    f'<xhtml:link rel="alternate" hreflang="{link["hreflang"]}" '
                    f'href="{escape(link["href"])}"/>'
                )
            yield line + "</url>\n"
    yield "</urlset>\n"


def _address(url_path: str, root_url: str, roots: dict[str, str]) -> str:
    root_path = max((root for root in roots if url_path.startswith(root)), key=len, default="")
    return root_url + roots.get(root_path, "/") + url_path.removeprefix(root_path)


def _archive_versions(chunk: list[tuple], root_url: str, roots: dict[str, str]) -> dict:
    """hreflang sets (`hreflang_links`) of the stories in `chunk`, by translation key."""
    keys = {row[5] for row in chunk}
    found: dict = {}
    for key, url_path, language in (
        ArticlePage.objects.live()
        .public()
        .filter(translation_key__in=keys)
        .values_list("translation_key", "url_path", "locale__language_code")
    ):
        found.setdefault(key, []).append((language, _address(url_path, root_url, roots)))
    return {key: hreflang_links(versions) for key, versions in found.items()}


def hreflang_links(versions: list[tuple[str, str]]) -> list[dict]:
    """xhtml:link alternates for one page from its (language, address) versions: every
    version and x-default, the same list in each version's entry (reciprocal); nothing for
    a page in one language."""
    if len(versions) < 2:
        return []
    links = [{"hreflang": code, "href": href} for code, href in sorted(versions)]
    default = [link for link in links if link["hreflang"] == default_language()]
    return links + [{"hreflang": "x-default", "href": default[0]["href"]}] if default else links


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
            .exact_type(self.page_model)  # the pages of that type, not the whole tree
            .aggregate(count=Count("pk"), latest=Max("last_published_at"))
        )
        pages = max(1, -(-found["count"] // self.limit))
        return pages, selectors._latest(found["latest"], newest_story)

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
                "alternates": hreflang_links(
                    [
                        (version.locale.language_code, version.get_full_url())
                        for version in versions.get(getattr(item, "translation_key", 0), [])
                    ]
                ),
            }
            for item in items
        ]
        lastmods = [url["lastmod"] for url in urls if url["lastmod"]]
        self.latest_lastmod = max(lastmods) if lastmods else None
        return urls


class AnnotatedSitemap(SelectorSitemap):
    """Items that carry their own `lastmod` (computed by the selector)."""

    def lastmod(self, obj):
        return obj.lastmod


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
