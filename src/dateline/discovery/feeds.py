"""RSS 2.0, Atom 1.0 and JSON Feed 1.1 for the site, its sections, authors and tags.

One `FeedItem` per story feeds all three formats; the XML formats are Django's
syndication feeds with two extensions (Media RSS and full content).

Each format gives a story its own id (the RSS guid as it always was, then `:atom` and
`:json`): readers such as newsboat and Thunderbird treat one id as one item across all
their subscriptions, so a reader subscribed to the RSS and the Atom feed saw only one
feed's items. Several authors are one `dc:creator` in RSS ("Ana Ribeiro and Tom
Okafor"; readers keep only the last of several) and one `<author>` each in Atom.
"""

from dataclasses import dataclass

import lxml.html
from django.contrib.syndication.views import Feed
from django.http import Http404, JsonResponse
from django.utils import feedgenerator, translation
from wagtail.models import Site

from dateline.discovery import selectors
from dateline.discovery.models import FeedSettings
from dateline.edge import dependencies
from dateline.edge import keys as edge_keys
from dateline.news.selectors import CARD_IMAGE, attach_sections
from dateline.news.text import names_in_words

MEDIA_NS = "http://search.yahoo.com/mrss/"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
ID_SUFFIX = {"rss": "", "atom": ":atom", "json": ":json"}


@dataclass(frozen=True)
class FeedImage:
    url: str
    width: int
    height: int
    length: int
    mime_type: str
    caption: str
    credit: str


@dataclass(frozen=True)
class FeedItem:
    """Everything any feed format says about one story."""

    guid: str
    url: str
    title: str
    summary: str
    content_html: str
    published: object
    updated: object
    authors: list[tuple[str, str]]
    categories: list[str]
    image: FeedImage | None


def _lead_image(article, root_url: str) -> FeedImage | None:
    if article.lead_image is None:
        return None
    rendition = article.lead_image.get_rendition(CARD_IMAGE)
    try:
        length = rendition.file.size
    except OSError:
        length = 0
    url = rendition.url if "://" in rendition.url else root_url + rendition.url
    return FeedImage(
        url=url,
        width=rendition.width,
        height=rendition.height,
        length=length,
        mime_type=f"image/{rendition.file.name.rsplit('.', 1)[-1].lower().replace('jpg', 'jpeg')}",
        caption=article.lead_image_caption or article.lead_image.title,
        credit=article.lead_image_credit,
    )


def _absolute_html(html: str, base_url: str) -> str:
    """Story HTML with every link and image made absolute, as feed readers need."""
    if not html.strip():
        return ""
    wrapper = lxml.html.fragment_fromstring(html, create_parent="div")
    wrapper.make_links_absolute(base_url, resolve_base_href=False)
    inner = (wrapper.text or "") + "".join(
        lxml.html.tostring(child, encoding="unicode") for child in wrapper
    )
    return inner


def feed_items(scope: selectors.FeedScope, *, site: Site, full_text: bool, limit: int) -> list:
    articles = scope.articles.prefetch_related("tags")
    if full_text:
        articles = articles.defer(None)  # the body is needed, not only the teaser fields
    articles = attach_sections(articles[:limit])
    edge_keys.add(*dependencies.lists(*articles).sent)
    root_url = site.root_url
    items = []
    for article in articles:
        url = root_url + article.url if article.url.startswith("/") else article.url
        items.append(
            FeedItem(
                guid=selectors.article_guid(article, site),
                url=url,
                title=article.title,
                summary=article.standfirst,
                content_html=_absolute_html(str(article.body), url) if full_text else "",
                published=article.first_published_at,
                updated=selectors.article_modified_at(article),
                authors=[
                    (link.author.title, root_url + link.author.url)
                    for link in article.authors.all()
                ],
                categories=[article.section.title, *(tag.name for tag in article.tag_list)],
                image=_lead_image(article, root_url),
            )
        )
    return items


def _feed_context(request, kind: str, key: str):
    site = selectors.site_for(request)
    scope = selectors.feed_scope(site=site, kind=kind, key=key)
    if scope is None:
        raise Http404("No such feed.")
    feed_settings = FeedSettings.for_site(site)
    items = feed_items(
        scope,
        site=site,
        full_text=feed_settings.full_text,
        limit=feed_settings.items_per_feed,
    )
    return site, scope, items


class _MediaElements:
    """Writes Media RSS, content and Dublin Core extensions shared by RSS and Atom."""

    def _add_extensions(self, handler, item, *, dc_creator: bool):
        if dc_creator and item["authors"]:
            handler.addQuickElement(
                "dc:creator", names_in_words([name for name, _url in item["authors"]])
            )
        image = item["image"]
        if image is not None:
            handler.startElement(
                "media:content",
                {
                    "url": image.url,
                    "medium": "image",
                    "type": image.mime_type,
                    "width": str(image.width),
                    "height": str(image.height),
                },
            )
            if image.caption:
                handler.addQuickElement("media:description", image.caption)
            if image.credit:
                handler.addQuickElement("media:credit", image.credit)
            handler.endElement("media:content")


class RssWithMedia(_MediaElements, feedgenerator.Rss201rev2Feed):
    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:media": MEDIA_NS,
            "xmlns:content": CONTENT_NS,
            "xmlns:dc": DC_NS,
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        self._add_extensions(handler, item, dc_creator=True)
        if item["content_html"]:
            handler.addQuickElement("content:encoded", item["content_html"])


class AtomWithMedia(_MediaElements, feedgenerator.Atom1Feed):
    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name, url in item["authors"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.addQuickElement("uri", url)
            handler.endElement("author")
        self._add_extensions(handler, item, dc_creator=False)
        if item["content_html"]:
            handler.addQuickElement("content", item["content_html"], {"type": "html"})


class ArticleFeed(Feed):
    """The RSS feed of a scope; `AtomArticleFeed` is the same list in Atom."""

    feed_type = RssWithMedia
    format = "rss"

    def get_object(self, request, kind="site", key=""):
        site, scope, items = _feed_context(request, kind, key)
        self.site = site
        return scope, items

    def title(self, obj):
        return obj[0].title

    def link(self, obj):
        return obj[0].page_url

    def feed_url(self, obj):
        return self.site.root_url + obj[0].feed_path(self.format)

    def description(self, obj):
        return obj[0].description

    def author_name(self, obj):
        return selectors.site_name_for(self.site)

    def feed_guid(self, obj):
        return self.feed_url(obj)

    def items(self, obj):
        return obj[1]

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.url

    def item_guid(self, item):
        return item.guid + ID_SUFFIX[self.format]

    item_guid_is_permalink = False

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published

    def item_updateddate(self, item):
        return item.updated

    def item_categories(self, item):
        return item.categories

    def item_enclosures(self, item):
        if item.image is None:
            return []
        image = item.image
        return [feedgenerator.Enclosure(image.url, str(image.length), image.mime_type)]

    def item_extra_kwargs(self, item):
        return {"authors": item.authors, "image": item.image, "content_html": item.content_html}


class AtomArticleFeed(ArticleFeed):
    feed_type = AtomWithMedia
    format = "atom"

    def subtitle(self, obj):
        return obj[0].description


def json_feed(request, kind="site", key=""):
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1) of the same stories."""
    site, scope, items = _feed_context(request, kind, key)
    payload = {
        "version": JSON_FEED_VERSION,
        "title": scope.title,
        "home_page_url": scope.page_url,
        "feed_url": site.root_url + scope.feed_path("json"),
        "description": scope.description,
        "language": translation.get_language(),
        "authors": [{"name": selectors.site_name_for(site), "url": site.root_url + "/"}],
        "items": [_json_item(item) for item in items],
    }
    response = JsonResponse(payload, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/feed+json; charset=utf-8"
    return response


def _json_item(item: FeedItem) -> dict:
    entry = {
        "id": item.guid + ID_SUFFIX["json"],
        "url": item.url,
        "title": item.title,
        "summary": item.summary,
        "date_published": item.published.isoformat() if item.published else None,
        "date_modified": item.updated.isoformat() if item.updated else None,
        "authors": [{"name": name, "url": url} for name, url in item.authors],
        "tags": item.categories,
    }
    if item.content_html:
        entry["content_html"] = item.content_html
    else:
        entry["content_text"] = item.summary
    if item.image is not None:
        entry["image"] = item.image.url
        entry["attachments"] = [
            {
                "url": item.image.url,
                "mime_type": item.image.mime_type,
                "size_in_bytes": item.image.length,
            }
        ]
    return {key: value for key, value in entry.items() if value is not None}
