"""What everything the edge keeps shows, and so which changes make it old: every rule here.

The edge keeps whole responses (the page cache, dateline.edge.wsgi), rendered pieces of
pages (dateline.edge.fragments) and, in each worker, rows and routes
(dateline.edge.memory, dateline.edge.routing). Each is stamped with the purge counters of
what it depends on, and a response names what it shows in its ``Surrogate-Key`` header
so that a CDN can purge it too. This module is the one place that says what those are;
dateline.edge.invalidation says which change purges what, and dateline.edge.keys names
the keys.

The rules are written in a reader's terms, not in keys:

- ``shows(*pages)``: it shows these pages (a headline, a card, a byline) but none of
  their comments: approving a comment leaves it alone.
- ``shows_with_comments(*pages)``: it shows these pages and something of their comments
  (a count, the threads): a comment approved or removed changes it too.
- ``shows_comments_of(*pages)``: it shows these pages' comments and nothing else of
  them (the threads, the count): an edit of the story leaves it alone.
- ``SITE_SETTINGS``: the site's settings and its menu of top-level sections.
- ``NEW_STORIES``: any story published anywhere may belong in it. Checked before it is
  used again, but not sent: a CDN or the page cache would otherwise drop every article
  on every publication.
- ``stories_tagged(*tags)``: a story published with one of these tags may belong in it
  (related stories chosen by tag). Sent: publishing a story purges its tags' keys.

Everything kept also goes when everything is purged (a page moved or renamed, a site or
a view restriction changed).

Adding a field of the article to its header needs nothing here. Showing another page in
it (a series, a desk) means naming that page in `article_header` below.
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC
from itertools import chain

from django.conf import settings
from django.core.paginator import Page as PaginatorPage
from django.db.models import QuerySet
from wagtail.models import Page

from dateline.edge import keys
from dateline.news.selectors import related_articles, related_choice, related_pick_ids


@dataclass(frozen=True)
class Depends:
    """What a kept thing depends on: ``sent`` in the ``Surrogate-Key`` of every response
    that shows it, ``stamped`` checked before it is used again."""

    sent: frozenset[str] = frozenset()
    stamped: frozenset[str] = frozenset()

    def __or__(self, other: "Depends") -> "Depends":
        return Depends(self.sent | other.sent, self.stamped | other.stamped)

    @property
    def checked(self) -> frozenset[str]:
        """The keys whose counters it is stamped with: its own, and ``all``."""
        return self.stamped | {keys.ALL}


def _page_keys(pages: Iterable) -> frozenset[str]:
    return frozenset(keys.page_key(page.pk) for page in pages if page is not None and page.pk)


def shows(*pages) -> Depends:
    """It shows these pages, but none of their comments."""
    return _showing(_page_keys(pages))


def _showing(page_keys: frozenset[str]) -> Depends:
    return Depends(
        sent=page_keys, stamped=frozenset(keys.page_parts(page_keys, keys.CONTENT_PREFIX))
    )


def shows_with_comments(*pages) -> Depends:
    """It shows these pages and something of their comments (a count, the threads)."""
    shown = _page_keys(pages)
    return Depends(sent=shown, stamped=shown)


def shows_comments_of(*pages) -> Depends:
    """It shows these pages' comments and nothing else of them."""
    shown = _page_keys(pages)
    return Depends(sent=shown, stamped=frozenset(keys.page_parts(shown, keys.COMMENTS_PREFIX)))


SITE_SETTINGS = Depends(sent=frozenset({keys.SETTINGS}), stamped=frozenset({keys.SETTINGS}))
NEW_STORIES = Depends(stamped=frozenset({keys.LISTING}))


def lists(*pages) -> Depends:
    """A list of these pages (a feed) that any publication may also change: a story's
    lead image replaced purges the story's key, not ``listing``."""
    listing = frozenset({keys.LISTING})
    return shows(*pages) | Depends(sent=listing, stamped=listing)


# The corrections log (/corrections/, its feeds): any correction added, changed or removed.
CORRECTIONS_LOG = Depends(sent=frozenset({keys.CORRECTIONS}), stamped=frozenset({keys.CORRECTIONS}))


def front(page) -> Depends:
    """The curated part of a front (lead, top stories, section blocks): its published
    lineup. Publishing a lineup purges this and nothing else; the stories it shows are
    named by the page's own rules (its cards)."""
    return Depends(sent=frozenset({keys.front_key(page.pk)}))


def stories_tagged(*tags) -> Depends:
    """A story published with one of these tags may take a place in it."""
    tagged = frozenset(keys.tag_key(tag.pk) for tag in tags)
    return Depends(sent=tagged, stamped=tagged)


# Fragments of reader pages (dateline.edge.fragments), by the name their template tag uses.


def article_header(article) -> Depends:
    """Section, headline, standfirst, byline, dates and the comment count."""
    return shows_with_comments(article) | shows(article.section, *article.byline)


def article_body(article) -> Depends:
    """The lead picture, the dateline and the body (its pictures and links included:
    changing a picture or deleting a linked page purges the article, see invalidation)."""
    return shows(article)


def article_footer(article) -> Depends:
    """Topic links, share links and the site's social links."""
    return shows(article) | SITE_SETTINGS


def article_structured_data(article) -> Depends:
    """The JSON-LD: headline, section trail, authors, publisher and the comment count."""
    return shows_with_comments(article) | shows(*article.sections, *article.byline) | SITE_SETTINGS


def article_head(article) -> Depends:
    """Canonical link, feed links, OpenGraph and Twitter cards: no comment count."""
    return shows(article, article.section, *article.byline) | SITE_SETTINGS


def related_stories(article) -> Depends:
    """Which stories show under the story: chosen by its own picks and tags (and those
    stories being live), or by tag, where any new story may take a place. The cards
    themselves are the fragment inside it (`related_cards`), whose rule it takes on."""
    chosen, chosen_by_tag = related_choice(article)
    # A pick not live yet takes its place when it is published.
    choice = chain(related_pick_ids(article), chosen)
    depends = shows(article) | _showing(frozenset(keys.page_key(pk) for pk in choice))
    if chosen_by_tag:
        depends |= NEW_STORIES | stories_tagged(*article.tag_list)
    return depends


def related_cards(article) -> Depends:
    """The cards of the stories chosen to show under the story (its variant names them),
    with their comment counts: their headlines, pictures, sections and bylines. Not the
    story itself: an edit that chooses the same stories shows the same cards."""
    cards = related_articles(article)  # the cards the fragment rendered
    sections = [card.section for card in cards]
    authors = [author for card in cards for author in card.byline]
    chosen, _by_tag = related_choice(article)  # a chosen story not live any more included
    depends = _showing(frozenset(keys.page_key(pk) for pk in chosen))
    return depends | shows_with_comments(*cards) | shows(*sections, *authors)


def comment_threads(article) -> Depends:
    """The heading, the sort links and one page of an article's threads (whether comments
    are open is part of its name: the tag's variant)."""
    return shows_comments_of(article)


def approved_comment_count(article) -> Depends:
    """How many comments readers see under the story."""
    return shows_comments_of(article)


def sections_menu(_site=None) -> Depends:
    """The sections menu: publishing or unpublishing a top-level page purges the settings."""
    return SITE_SETTINGS


def newsletter_signup(_=None) -> Depends:
    """The newsletters offered in a sign-up box: a newsletter saved or deleted purges the
    settings (dateline.edge.invalidation)."""
    return SITE_SETTINGS


FRAGMENTS: dict[str, Callable[..., Depends]] = {
    "article-header": article_header,
    "article-body": article_body,
    "article-footer": article_footer,
    "article-json-ld": article_structured_data,
    "article-head": article_head,
    "related-stories": related_stories,
    "related-cards": related_cards,
    "comment-threads": comment_threads,
    "sections-menu": sections_menu,
    "newsletter-signup": newsletter_signup,
}


# The story archive's sitemaps (dateline.discovery): a file per month of publication.


def archive_month(month: str) -> Depends:
    """A month's stories, as addresses, dates and lead pictures: only a story of that
    month published, changed or removed changes it (`archive_month_of`), not every
    publication, so it carries no ``listing``. The index of the files does."""
    key = keys.archive_key(month)
    return Depends(sent=frozenset({key}), stamped=frozenset({key}))


ARCHIVE_PAGE_MODELS = ("news.ArticlePage",)


def archive_month_of(page) -> str | None:
    """The month (UTC, "2026-12") of the archive file a page is listed in, if any."""
    published = getattr(page, "first_published_at", None)
    if page._meta.label not in ARCHIVE_PAGE_MODELS or published is None:
        return None
    return f"{published.astimezone(UTC):%Y-%m}"


# What each worker keeps (dateline.edge.memory, dateline.edge.routing).


def page_row(page_id: int) -> Depends:
    """A page's row: everything of the page but its comments."""
    return Depends(stamped=frozenset({keys.content_key(page_id)}))


def page_rows(pages) -> Depends:
    """The rows of these pages, found by where they are in the tree (an article's
    sections): only a move or a rename puts another page there."""
    return Depends(stamped=frozenset(keys.content_key(page.pk) for page in pages))


# Which page a path finds, and the site's root page the route went through: only a move
# or a rename changes the first (both purge everything, as saving a site does), and the
# root page, a top-level page, is published with a purge of the settings. A page
# unpublished or deleted is noticed when its row is loaded again (live ones only), and
# Wagtail then routes the path afresh: an edit of the page leaves its route as it was, so
# the first render after it loads the one row again, no more.
PAGE_ROUTE = Depends(stamped=frozenset({keys.SETTINGS}))


# The home page readers' addresses start from (tag pages): publishing, unpublishing or
# deleting a top-level page purges the settings (dateline.edge.invalidation), and moving
# or renaming one purges everything.
READER_HOME = SITE_SETTINGS


def chosen_page(page) -> Depends:
    """A page a site setting names (the corrections policy), loaded by following it: the
    settings, and that page while it is unchanged; with none live, a page published
    anywhere may be the one the setting names."""
    return SITE_SETTINGS | (page_row(page.pk) if page is not None else NEW_STORIES)


# How many stories a list of the API finds: any story published or removed anywhere
# may change it.
LISTING_COUNT = NEW_STORIES
# A site setting: any save of a setting purges the settings.
SITE_SETTING = SITE_SETTINGS
# Which paths carry a view restriction or are aliases: an alias saved or removed purges
# `restrictions`; a restriction saved or a page moved purges everything. Publishing a
# story changes neither, so the first render after an edit does not read them again.
VIEW_RESTRICTIONS = Depends(stamped=frozenset({keys.RESTRICTIONS}))
# Which site answers a host: any change to a site purges everything.
SITES = Depends()


# Whole responses (dateline.edge.middleware; the page cache stores what they name).

DEFAULT_DETAIL_PAGE_MODELS = ("news.ArticlePage",)


def served_page(page) -> set[str]:
    """The page a response is: itself, its kind (``article-12``), and ``listing`` for a
    page that lists others (home, sections, authors, tags): any publication changes it."""
    served = {keys.page_key(page.pk), keys.kind_key(page)}
    detail = getattr(settings, "EDGE_DETAIL_PAGE_MODELS", DEFAULT_DETAIL_PAGE_MODELS)
    if page._meta.label not in detail:
        served.add(keys.LISTING)
    return served


def pages_in(value, depth: int = 0) -> Iterator[Page]:
    """Pages found in a template context value: itself, a list of them, a page of a listing,
    a dict of them, and the pages they carry in their cached properties (section, byline)."""
    if depth > 3:
        return
    if isinstance(value, Page):
        yield value
        if depth < 2:
            for cached in value.__dict__.values():
                if isinstance(cached, Page | list | tuple):
                    yield from pages_in(cached, depth + 2)
    elif isinstance(value, PaginatorPage) or isinstance(
        getattr(value, "object_list", None), list | tuple | QuerySet
    ):  # Django's paginated page, or a page of cards continued by cursor (news.pagination)
        yield from pages_in(value.object_list, depth + 1)
    elif isinstance(value, QuerySet):
        # Only what the template actually evaluated; never run a query here.
        if value._result_cache is not None:
            yield from pages_in(value._result_cache, depth + 1)
    elif isinstance(value, dict):
        for item in value.values():
            yield from pages_in(item, depth + 1)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from pages_in(item, depth + 1)


PAGE_URL_ARGUMENTS = ("article_id", "page_id")


def _pages_addressed(request) -> set[str]:
    """A view addressed by a page's id (``/comments/article/12/``) shows that page."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        return set()
    found = set()
    for name in PAGE_URL_ARGUMENTS:
        value = match.kwargs.get(name)
        if isinstance(value, int) or (isinstance(value, str) and value.isdigit()):
            found.add(keys.page_key(int(value)))
    return found


def response_keys(collected: set[str], request, response) -> set[str]:
    """Everything a response depends on, for its ``Surrogate-Key``: what its page and
    fragments named while it rendered, every page in its template context, a page its URL
    names; ``listing`` when it shows no page of its own (feeds, sitemaps, not-found pages,
    search) unless it is a month of the archive, and the site's chrome (``settings``)
    always."""
    found = set(collected)
    context = getattr(response, "context_data", None)
    if isinstance(context, dict):
        found |= {
            keys.page_key(page.pk)
            for value in context.values()
            for page in pages_in(value)
            if page.pk
        }
    found |= _pages_addressed(request)
    if not any(key.startswith((keys.PAGE_PREFIX, keys.ARCHIVE_PREFIX)) for key in found):
        found.add(keys.LISTING)
    found.add(keys.SETTINGS)
    if existing := response.get("Surrogate-Key"):
        found.update(existing.split())
    return found
