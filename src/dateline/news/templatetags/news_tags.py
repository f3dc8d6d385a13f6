from functools import cache

from django import template
from django.template.loader import render_to_string
from wagtail.images.models import Filter, ResponsiveImage
from wagtail.images.shortcuts import get_renditions_or_not_found

from dateline.comments.selectors import approved_comment_count
from dateline.discovery.structured_data import article_json_ld, json_ld_script
from dateline.edge.fragments import fragment
from dateline.edge.memory import reader_home
from dateline.news import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def article_structured_data(context, article):
    """The story's NewsArticle JSON-LD."""

    def render() -> str:
        comment_count = context.get("comment_count")
        if comment_count is None:
            comment_count = approved_comment_count(article)  # memoised: the page shows it too
        return json_ld_script(
            article_json_ld(article, context["request"], comment_count=comment_count)
        )

    return fragment(context, "article-json-ld", article, render)


def _article_part(context, article, part: str) -> str:
    """components/article_<part>.html for this article, as the fragment article-<part>."""

    def render() -> str:
        return render_to_string(
            f"components/article_{part}.html", {"page": article}, context["request"]
        )

    return fragment(context, f"article-{part}", article, render)


@register.simple_tag(takes_context=True)
def article_header(context, article):
    """Section, headline, standfirst, byline, dates and the comment count link."""
    return _article_part(context, article, "header")


@register.simple_tag(takes_context=True)
def article_body(context, article):
    """The lead picture and the body."""
    return _article_part(context, article, "body")


@register.simple_tag(takes_context=True)
def article_footer(context, article):
    """Topic links, share links and the site's social links."""
    return _article_part(context, article, "footer")


@register.simple_tag(takes_context=True)
def related_stories(context, article):
    """The "Related stories" cards under an article: which stories (related-stories), and
    their cards (related-cards, for those stories)."""

    def render_cards() -> str:
        return render_to_string(
            "components/related_stories.html",
            {"related_articles": selectors.related_articles(article)},
            context["request"],
        )

    def render() -> str:
        chosen, _by_tag = selectors.related_choice(article)
        return fragment(context, "related-cards", article, render_cards, variant=chosen)

    return fragment(context, "related-stories", article, render)


@cache
def filters_of(specs: str) -> tuple[Filter, ...]:
    """The filters `specs` names ("fill-{640x360,320x180}"), parsed once for every image:
    Wagtail parses a spec given as text again on every look-up."""
    return tuple(Filter(spec=spec) for spec in Filter.expand_spec(specs))


@register.simple_tag
def image_in_widths(image, specs: str, **attrs):
    """An <img> whose srcset offers `specs` ("fill-{640x360,320x180,960x540}"; the first is
    the src), each width once. Wagtail's srcset_image never enlarges a picture, so a small
    original gives several specs the same width: HTML allows one candidate per width."""
    if not image:
        return ""
    by_width = {}
    for spec, rendition in get_renditions_or_not_found(image, filters_of(specs)).items():
        by_width.setdefault(rendition.width, (spec, rendition))
    if len(by_width) == 1:
        attrs.pop("sizes", None)  # one width: no srcset, and sizes needs one
    return ResponsiveImage(dict(by_width.values()), attrs)


@register.simple_tag(takes_context=True)
def tag_url(context, tag) -> str:
    """The reader page for a tag, served by the home page (/tags/<slug>/)."""
    request = context["request"]
    home = getattr(request, "_dateline_home", None)
    if home is None:
        home = request._dateline_home = reader_home()
    return home.url + home.reverse_subpage("tag", kwargs={"slug": tag.slug})
