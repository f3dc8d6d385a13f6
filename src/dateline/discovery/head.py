"""What goes in a reader page's <head> for machines: canonical URL, feeds, social cards, JSON-LD.

`page_head()` looks at the template context a page already has (`page`, and `tag`
on tag pages) and returns plain data for templates/discovery/head.html.
"""

from dataclasses import dataclass, field

from django.utils.html import strip_tags
from wagtail.images.models import Filter

from dateline.core.models import SiteSettings
from dateline.discovery import selectors, structured_data
from dateline.discovery.models import SharingSettings
from dateline.discovery.selectors import FEED_FORMAT_LABELS, FEED_FORMATS, FEED_MIME_TYPES
from dateline.news.models import ArticlePage, AuthorIndexPage, AuthorPage, HomePage, SectionPage

# Parsed once: Wagtail parses a spec given as text again on every look-up.
SOCIAL_IMAGE = Filter(spec="fill-1200x630")


@dataclass
class HeadData:
    canonical: str
    title: str
    description: str
    og_type: str = "website"
    image: dict | None = None
    feeds: list[dict] = field(default_factory=list)
    article: dict = field(default_factory=dict)
    json_ld: list[dict] = field(default_factory=list)
    twitter_site: str = ""
    site_name: str = ""
    # base.html already writes <meta name="description"> when the editor set one.
    description_in_base: bool = False


def _feed_links(site, scope_title: str, kind: str, key: str = "") -> list[dict]:
    return [
        {
            "href": site.root_url + selectors.feed_path(fmt, kind=kind, key=key),
            "type": FEED_MIME_TYPES[fmt],
            "title": f"{scope_title} ({FEED_FORMAT_LABELS[fmt]})",
        }
        for fmt in FEED_FORMATS
    ]


def _image(picture, request) -> dict | None:
    if picture is None:
        return None
    # get_renditions, not get_rendition: Wagtail 8.0's get_rendition writes what it found
    # back to the rendition cache even when it was prefetched (fixed upstream, wagtail#14541).
    rendition = picture.get_renditions(SOCIAL_IMAGE)[SOCIAL_IMAGE.spec]
    return {
        "url": structured_data.absolute(request, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": picture.title,
    }


def _x_handle(site_settings) -> str:
    """The @handle of the X profile URL in the site settings, for twitter:site."""
    path = site_settings.x_url.rstrip("/").rsplit("/", 1)[-1] if site_settings.x_url else ""
    return f"@{path}" if path and "." not in path else ""


def _canonical(request, site) -> str:
    """The page's address with the listing page it shows (a number, or a cursor deep in
    the archive: news.pagination); any other query string is not part of it."""
    number = request.GET.get("page", "")
    query = f"?page={number}" if number.isdigit() and int(number) > 1 else ""
    for name in ("before", "after"):
        cursor = request.GET.get(name, "")
        if cursor and all(part.isdigit() for part in cursor.split(".", 1)):
            query = f"?{name}={cursor}"
    return f"{site.root_url}{request.path}{query}"


def page_head(context) -> HeadData:
    request = context["request"]
    page = context.get("page")
    tag = context.get("tag")
    site = selectors.site_for(request)
    site_name = selectors.site_name_for(site)
    site_settings = SiteSettings.for_request(request)
    description = ""
    if page is not None:
        description = getattr(page, "search_description", "") or ""
    head = HeadData(
        canonical=_canonical(request, site),
        title=(getattr(page, "seo_title", "") or getattr(page, "title", "")) or site_name,
        description=description,
        twitter_site=_x_handle(site_settings),
        site_name=site_name,
        description_in_base=bool(description),
    )
    head.feeds = _feed_links(site, site_name, "site")

    if isinstance(page, HomePage) and tag is not None:
        head.title = f"Stories tagged “{tag.name}”"
        head.description = f"Stories about {tag.name}."
        head.feeds = _feed_links(site, f"{tag.name} | {site_name}", "tag", tag.slug) + head.feeds
        head.json_ld = [
            structured_data.breadcrumbs(
                request, [("Home", f"{site.root_url}/"), (tag.name, head.canonical)]
            )
        ]
    elif isinstance(page, HomePage):
        head.title = site_name
        head.description = head.description or site_settings.tagline
        head.json_ld = structured_data.home_json_ld(request)
    elif isinstance(page, SectionPage):
        head.description = head.description or page.intro
        key = selectors.section_key(page, site)
        head.feeds = _feed_links(site, f"{page.title} | {site_name}", "section", key) + head.feeds
        head.json_ld = [
            structured_data.breadcrumbs(request, structured_data.page_trail(request, page))
        ]
    elif isinstance(page, AuthorPage):
        head.og_type = "profile"
        head.description = head.description or page.role or f"Stories by {page.title}."
        head.image = _image(page.photo, request)
        head.feeds = _feed_links(site, f"{page.title} | {site_name}", "author", page.slug) + (
            head.feeds
        )
        head.json_ld = structured_data.author_json_ld(
            page, request, photo_url=head.image["url"] if head.image else ""
        )
    elif isinstance(page, AuthorIndexPage):
        head.json_ld = [
            structured_data.breadcrumbs(request, structured_data.page_trail(request, page))
        ]
    elif isinstance(page, ArticlePage):
        # The article's own JSON-LD comes from its template (news_tags.article_structured_data).
        head.og_type = "article"
        head.description = head.description or page.standfirst
        head.image = _image(page.lead_picture, request)
        head.article = {
            "published_time": page.first_published_at,
            "modified_time": selectors.article_modified_at(page),
            "section": page.section.title,
            "authors": [author.get_full_url(request) for author in page.byline],
            "tags": [tag.name for tag in page.tag_list],
        }
    if head.image is None:
        head.image = _image(SharingSettings.for_request(request).default_social_image, request)
    head.description = strip_tags(head.description or "").strip()
    return head
