"""Reads for feeds, sitemaps and structured data.

Every article listing here goes through `news.selectors`, so a section feed, the
section sitemap entry and the section page agree on which stories exist.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db import NotSupportedError
from django.db.models import (
    Case,
    CharField,
    Count,
    DateTimeField,
    Func,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Page, Site

from dateline.discovery.models import ArchiveMonth
from dateline.i18n.languages import default_language, is_multilingual
from dateline.i18n.selectors import in_language
from dateline.news import selectors as news
from dateline.news.models import ArticlePage, AuthorPage, SectionPage

FEED_FORMATS = ("rss", "atom", "json")
FEED_FORMAT_LABELS = {"rss": "RSS", "atom": "Atom", "json": "JSON Feed"}
FEED_MIME_TYPES = {
    "rss": "application/rss+xml",
    "atom": "application/atom+xml",
    "json": "application/feed+json",
}
NEWS_SITEMAP_WINDOW = timedelta(hours=48)
NEWS_SITEMAP_LIMIT = 1000


@dataclass(frozen=True)
class FeedScope:
    """What one feed covers: the whole site, a section, an author or a tag."""

    kind: str
    key: str
    title: str
    description: str
    page_url: str
    articles: QuerySet

    def feed_path(self, fmt: str) -> str:
        return feed_path(fmt, kind=self.kind, key=self.key)


def feed_path(fmt: str, *, kind: str = "site", key: str = "") -> str:
    if kind == "site":
        return reverse("discovery:site_feed", kwargs={"fmt": fmt})
    return reverse(f"discovery:{kind}_feed", kwargs={"fmt": fmt, "key": key})


def site_for(request) -> Site:
    return Site.find_for_request(request) or Site.objects.select_related("root_page").get(
        is_default_site=True
    )


def site_name_for(site: Site) -> str:
    return site.site_name or "Dateline"


def section_key(section: Page, site: Site) -> str:
    """A section's address below the site root ("world/europe"), used in its feed URL."""
    if is_multilingual():  # below its own language's home page ("/home-uk/svit/")
        return section.url_path.strip("/").partition("/")[2]
    return section.url_path.removeprefix(site.root_page.url_path).strip("/")


def feed_scope(*, site: Site, kind: str, key: str = "") -> FeedScope | None:
    """The scope a feed URL names, or None when there is no such public section/author/tag."""
    name = site_name_for(site)
    root_url = site.root_url
    if kind == "site":
        home_url = root_url + reverse("wagtail_serve", args=("",))  # "/uk/" in Ukrainian
        return FeedScope(
            kind, "", name, f"The latest news from {name}", home_url, news.article_cards()
        )
    if kind == "section":
        key = key.strip("/")
        if is_multilingual():  # the section of that address in the reader's language tree
            sections = in_language(SectionPage.objects.all()).filter(
                url_path__endswith=f"/{key}/", depth=site.root_page.depth + key.count("/") + 1
            )
        else:
            sections = SectionPage.objects.filter(url_path=f"{site.root_page.url_path}{key}/")
        # Through the sections (news/0008's index, in order): Wagtail does not index
        # url_path, and the page table holds every story of the archive.
        section = sections.exact_type(SectionPage).live().public().order_by("title").first()
        if section is None:
            return None
        return FeedScope(
            kind,
            key,
            f"{section.title} | {name}",
            section.intro or f"The latest {section.title} news from {name}",
            section.get_full_url(),
            news.section_articles(section),
        )
    if kind == "author":
        author = AuthorPage.objects.live().public().filter(slug=key).first()
        if author is None:
            return None
        return FeedScope(
            kind,
            key,
            f"{author.title} | {name}",
            f"Stories by {author.title} for {name}",
            author.get_full_url(),
            news.articles_by(author),
        )
    if kind == "tag":
        tag = Tag.objects.filter(slug=key).first()
        if tag is None:
            return None
        return FeedScope(
            kind,
            key,
            f"{tag.name} | {name}",
            f"Stories about {tag.name} from {name}",
            root_url + tag_path(tag),
            news.articles_tagged(tag),
        )
    return None


def tag_path(tag, *, home=None) -> str:
    """The reader page for a tag, served by the home page's /tags/<slug>/ route."""
    home = home or news.reader_home()
    return home.url + home.reverse_subpage("tag", kwargs={"slug": tag.slug})


def news_language(article=None) -> str:
    """A story's language as Google News wants it: ISO 639 ("en"), or zh-cn / zh-tw."""
    code = settings.LANGUAGE_CODE.lower()
    if article is not None and is_multilingual():
        code = article.locale.language_code.lower()
    return code if code in {"zh-cn", "zh-tw"} else code.split("-")[0]


def article_modified_at(article) -> datetime | None:
    """When a story last changed for readers: its last publication, its editorial update
    or its latest correction."""
    published = article.first_published_at or article.latest_revision_created_at
    changes = [article.last_published_at, article.updated_at, article.corrected_at, published]
    return max(filter(None, changes), default=None)


def article_guid(article, site: Site) -> str:
    """A tag: URI (RFC 4151) built from the page id, so edits and slug changes keep it."""
    minted = article.first_published_at or article.latest_revision_created_at or timezone.now()
    return f"tag:{site.hostname},{minted:%Y-%m-%d}:article:{article.pk}"


# The story archive's sitemaps: a file per month of first publication (UTC), split in
# pages of this many URLs when a month holds more (WordPress core's choice). A story
# published or changed touches its own month's file and the index only.
ARCHIVE_FILE_URLS = 2000
MAX_ARCHIVE_PAGES = 1000  # a month of 2,000,000 stories; past it the offset is junk


class PublicationMonth(Func):
    """The UTC month ("2026-12") of a datetime column, computed in SQL.

    Not TruncMonth: on SQLite that calls a Python function per row, and the index groups
    every story. SQLite keeps datetimes as UTC text, so the month is its first 7 characters.
    """

    output_field = CharField()

    def as_sql(self, compiler, connection, **extra):
        raise NotSupportedError("PublicationMonth supports SQLite and PostgreSQL.")

    def as_sqlite(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, template="substr(%(expressions)s, 1, 7)")

    def as_postgresql(self, compiler, connection, **extra):
        template = "to_char(%(expressions)s AT TIME ZONE 'UTC', 'YYYY-MM')"
        return super().as_sql(compiler, connection, template=template)


@dataclass(frozen=True)
class ArchiveFile:
    """One sitemap file of the story archive: a month's stories, or a page of them."""

    month: str  # "2026-12"
    number: int  # the page within the month, from 1
    lastmod: datetime | None  # the newest change to any story in the file's month


def site_root_path(site: Site) -> str:
    """The site's root url_path, from Wagtail's cached site roots (no query); with several
    languages, the first language's."""
    for root in Site.get_site_root_paths():
        if root.site_id == site.pk and (
            not is_multilingual() or root.language_code == default_language()
        ):
            return root.root_path
    return site.root_page.url_path


def site_roots(site: Site) -> dict[str, str]:
    """Each of the site's home pages' url_paths, and the address prefix of its language
    ("/" for the first language, "/uk/"), from Wagtail's cached site roots (no query)."""
    if not is_multilingual():
        return {site_root_path(site): "/"}
    return {
        root.root_path: "/"
        if root.language_code == default_language()
        else f"/{root.language_code}/"
        for root in Site.get_site_root_paths()
        if root.site_id == site.pk
    }


def archive_stories(site: Site | None) -> QuerySet:
    """Live, public stories of this site that have been published (in every language);
    with no site, of every site: the API's article list."""
    in_site = Q()
    for root_path in site_roots(site) if site is not None else ():
        in_site |= Q(url_path__startswith=root_path)
    return ArticlePage.objects.live().public().filter(in_site, first_published_at__isnull=False)


def publication_month(moment: datetime) -> str:
    """The archive month ("2026-12", UTC) of a story first published at `moment`."""
    return f"{moment.astimezone(UTC):%Y-%m}"


def archive_month_counts(site: Site | None, *, months=None):
    """(month, live stories, newest change) of the site's archive, counted from the
    stories: every month, or only `months` ("2026-12"), each a range of the publication
    index. What `ArchiveMonth` keeps (discovery.services.archive_months_recount)."""
    stories = archive_stories(site)
    if months is not None:
        if not months:
            return
        in_months = Q()
        for month in months:
            start, end = month_bounds(*(int(part) for part in month.split("-")))
            in_months |= Q(first_published_at__gte=start, first_published_at__lt=end)
        stories = stories.filter(in_months)
    grouped = (
        stories.annotate(month=PublicationMonth("first_published_at"))
        .order_by()
        .values("month")
        .annotate(
            count=Count("pk"),
            published=Max("last_published_at"),
            updated=Max("updated_at"),
            first=Max("first_published_at"),
        )
    )
    for row in grouped:
        yield row["month"], row["count"], _latest(row["published"], row["updated"], row["first"])


def archive_files(site: Site) -> list[ArchiveFile]:
    """Every sitemap file of the archive, newest month first, from the kept figures
    (`ArchiveMonth`): one read of a few hundred rows, whatever the archive's size."""
    months = (
        ArchiveMonth.objects.filter(site=site)
        .order_by("-month")
        .values_list("month", "stories", "lastmod")
    )
    files = []
    for month, stories, lastmod in months:
        pages = -(-stories // ARCHIVE_FILE_URLS)
        files.extend(ArchiveFile(month, number, lastmod) for number in range(1, pages + 1))
    return files


def archive_position(position: int) -> tuple[datetime, int] | None:
    """Where the story `position` places from the newest (0: the newest) of every live
    story (the API's article list, no filter) is, from the kept figures of the whole
    archive (`ArchiveMonth` of no site): the end of its month, and how many of the
    stories published before that end come before it. One read of a few hundred rows
    instead of an index read of every story before it; None past the last story."""
    before = 0
    months = ArchiveMonth.objects.filter(site=None).order_by("-month")
    for month, stories in months.values_list("month", "stories"):
        if before + stories > position:
            year, number = (int(part) for part in month.split("-"))
            return month_bounds(year, number)[1], position - before
        before += stories
    return None


def month_bounds(year: int, month: int) -> tuple[datetime, datetime]:
    """The first instant of a UTC month and of the next one; ValueError for no such month."""
    start = datetime(year, month, 1, tzinfo=UTC)
    end = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=UTC)
    return start, end


def archive_entries(site: Site, *, year: int, month: int, number: int = 1):
    """The rows of one archive file, oldest first: the few columns a sitemap prints
    (address, dates, lead picture's file), as tuples, never as pages."""
    start, end = month_bounds(year, month)
    offset = (number - 1) * ARCHIVE_FILE_URLS
    rows = (
        archive_stories(site)
        .filter(first_published_at__gte=start, first_published_at__lt=end)
        .order_by("first_published_at", "pk")
        .values_list(
            "url_path",
            "first_published_at",
            "last_published_at",
            "updated_at",
            "lead_image__file",
            "translation_key",
        )  # fmt: skip
    )
    return rows[offset : offset + ARCHIVE_FILE_URLS]


def news_sitemap_articles(*, now: datetime | None = None) -> list:
    """Stories first published in the last 48 hours, newest first, at most 1,000 (Google News)."""
    since = (now or timezone.now()) - NEWS_SITEMAP_WINDOW
    cards = news.article_cards(
        ArticlePage.objects.filter(first_published_at__gte=since), language=None
    )
    if is_multilingual():
        cards = cards.select_related("locale")  # each story's news:language
    return news.attach_sections(cards[:NEWS_SITEMAP_LIMIT])


def section_queryset() -> QuerySet:
    """Public sections in menu (tree) order."""
    return SectionPage.objects.live().public().order_by("path")


def _latest(*values):
    return max(filter(None, values), default=None)


def sitemap_sections():
    """Live sections, by title; lastmod: the section's own publication or the latest
    change of its newest live story (the first card of its page), read per section from
    the start of the publication index, not by sorting every story in it. The read goes
    as far back as the section's newest story: a section whose pages are all drafts or
    long unpublished costs a walk of the index."""
    newest = news.article_cards(
        ArticlePage.objects.filter(path__startswith=OuterRef("path")), language=None
    ).values("last_published_at")[:1]
    sections = (
        SectionPage.objects.live()
        .public()
        .exact_type(SectionPage)  # news/0008's index, in title order
        # Not asked of a section with no page under it: the walk from the newest story
        # would read the whole index to find none (150 ms at 53,000 stories).
        .annotate(
            newest_story_at=Case(
                When(numchild=0, then=Value(None)),
                default=Subquery(newest),
                output_field=DateTimeField(),
            )
        )
        .order_by("title")
    )
    for section in sections:
        section.lastmod = _latest(section.last_published_at, section.newest_story_at)
        yield section


def sitemap_authors():
    """Live author pages, by title; lastmod: the profile's own publication or the latest
    change of the author's newest live story, from the start of their listing index
    (news/0007), not by sorting every story they wrote."""
    newest = news.article_cards(
        ArticlePage.objects.filter(authors__author=OuterRef("pk")),
        language=None,
        listed_by=news.BY_BYLINE,
    ).values("last_published_at")[:1]
    authors = (
        AuthorPage.objects.live()
        .public()
        .exact_type(AuthorPage)  # news/0008's index, in title order
        .annotate(newest_story_at=Subquery(newest))
        .order_by("title")
    )
    for author in authors:
        author.lastmod = _latest(author.last_published_at, author.newest_story_at)
        yield author


def sitemap_tags() -> QuerySet:
    """Tags with at least one live public story; lastmod: the latest change of the newest
    of them, the first card of the tag's page. Read per tag from the start of its listing
    index (news/0007), not by grouping every tagged story of the archive (293 ms at
    100,000 stories)."""
    newest = news.article_cards(
        ArticlePage.objects.filter(tagged_items__tag=OuterRef("pk")),
        language=None,
        listed_by=news.BY_TAGGING,
    ).values("last_published_at")[:1]
    return (
        Tag.objects.annotate(lastmod=Subquery(newest))
        .filter(lastmod__isnull=False)
        .order_by("name")
    )
