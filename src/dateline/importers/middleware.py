"""Redirects for a WordPress site's links.

- By id: /?p=123 (posts) and /?page_id=45 (pages), 301. Wagtail's RedirectMiddleware
  only looks for a redirect when the page 404s, and "/" answers 200 with the home page
  whatever its query string, so an imported ``/?p=123`` redirect would never fire. These
  links are looked up before the page is served; any other request costs one
  dictionary check.
- Archives: /author/<slug>/, /category/<slug>/ (or /category/<parent>/<slug>/),
  /tag/<slug>/, each with /page/<N>/, answered only when nothing else did (a 404), so no
  Dateline page is shadowed. They land on the author's, section's or tag's listing: a
  301 to it or to its numbered page, and for a page deeper than the numbered pages a 302
  to the cursor page that starts where that page starts today (news.pagination).
"""

import re

from django.http import Http404, HttpResponsePermanentRedirect, HttpResponseRedirect
from wagtail.contrib.redirects.middleware import get_redirect
from wagtail.contrib.redirects.models import Redirect

WORDPRESS_ID_PARAMETERS = ("p", "page_id")
WORDPRESS_ARCHIVE = re.compile(
    r"/(?P<kind>author|category|tag)/(?P<slug>[\w-]+(?:/[\w-]+)*?)/(?:page/(?P<number>\d{1,7})/)?"
)


class WordPressIdRedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and any(
            name in request.GET for name in WORDPRESS_ID_PARAMETERS
        ):
            path = Redirect.normalise_path(request.get_full_path(), decode_unicode=False)
            redirect = get_redirect(request, path)
            if redirect is not None and redirect.link is not None:
                if redirect.is_permanent:
                    return HttpResponsePermanentRedirect(redirect.link)
                return HttpResponseRedirect(redirect.link)
        response = self.get_response(request)
        if response.status_code == 404 and request.method in ("GET", "HEAD"):
            match = WORDPRESS_ARCHIVE.fullmatch(request.path_info)
            if match is not None:
                return archive_redirect(**match.groupdict()) or response
        return response


def archive_redirect(*, kind: str, slug: str, number: str | None):
    """Where a WordPress archive page went, or None when no listing here matches it."""
    from dateline.news.models import CARDS_PER_PAGE
    from dateline.news.pagination import NUMBERED_PAGES, page_query

    found = _listing(kind, slug)
    if found is None:
        return None
    url, cards = found
    number = int(number or 1)
    if number <= 1:
        return HttpResponsePermanentRedirect(url)
    try:
        query = page_query(cards, number, CARDS_PER_PAGE)
    except Http404:
        return None  # past the last story
    if number <= NUMBERED_PAGES:
        return HttpResponsePermanentRedirect(f"{url}?{query}")
    return HttpResponseRedirect(f"{url}?{query}")  # the story at a position changes


def _listing(kind: str, slug: str):
    """The address and the cards of the listing a WordPress archive names."""
    from taggit.models import Tag

    from dateline.discovery.selectors import tag_path
    from dateline.news import selectors
    from dateline.news.models import AuthorPage

    if kind == "author":
        author = AuthorPage.objects.live().public().filter(slug=slug).first()
        return (author.url, selectors.articles_by(author)) if author else None
    if kind == "category":  # the section at that path, else one with the last slug
        sections = selectors.sections_at(slug) or selectors.sections_at(slug.rpartition("/")[2])
        section = next((s for s in sections if s.live), None)
        return (section.url, selectors.section_articles(section)) if section else None
    tag = Tag.objects.filter(slug=slug).first()
    return (tag_path(tag), selectors.articles_tagged(tag)) if tag else None
