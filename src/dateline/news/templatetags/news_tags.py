from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from dateline.core.fragments import Rendered, cached_fragment, page_keys
from dateline.discovery.structured_data import article_json_ld, json_ld_script
from dateline.edge import keys as surrogate
from dateline.news import selectors

register = template.Library()


def _article_fragment(context, name: str, article, render) -> str:
    """An article's fragment from the store; rendered afresh in a preview (unsaved content)."""
    request = context["request"]
    if getattr(request, "is_preview", False):
        return mark_safe(render().html)
    return cached_fragment(f"{name}:{request.get_host()}:{article.pk}", render)


@register.simple_tag(takes_context=True)
def article_structured_data(context, article):
    request = context["request"]

    def render() -> Rendered:
        comment_count = context.get("comment_count")
        if comment_count is None:
            from dateline.comments.selectors import approved_comment_count

            comment_count = approved_comment_count(article)  # memoised: the page shows it too
        data = article_json_ld(article, request, comment_count=comment_count)
        # Approving or removing a comment purges the article's own key, like an edit.
        shown = page_keys([article, *article.sections, *article.byline])
        return Rendered(json_ld_script(data), depends_on=shown | {surrogate.SETTINGS})

    return _article_fragment(context, "json-ld", article, render)


def _article_part(
    context, article, part: str, *, depends_on=frozenset(), shows_comments: bool = False
) -> str:
    """components/article_<part>.html for this article, as a fragment.

    It always shows the article and the pages it carries (section, byline), so their
    keys are sent, and any change to them re-renders it; a comment approved or removed
    re-renders only a part that shows comments (the count in the header).
    """

    def render() -> Rendered:
        html = render_to_string(
            f"components/article_{part}.html", {"page": article}, context["request"]
        )
        shows = frozenset(surrogate.keys_for_context({"page": article}))
        return Rendered(
            html, shows=shows, depends_on=frozenset(depends_on), shows_comments=shows_comments
        )

    return _article_fragment(context, part, article, render)


@register.simple_tag(takes_context=True)
def article_header(context, article):
    """Section, headline, standfirst, byline, dates and the comment count link."""
    return _article_part(context, article, "header", shows_comments=True)


@register.simple_tag(takes_context=True)
def article_body(context, article):
    """The lead picture and the body, kept until the article is published again."""
    return _article_part(context, article, "body")


@register.simple_tag(takes_context=True)
def article_footer(context, article):
    """Topic links, share links and the site's social links."""
    return _article_part(context, article, "footer", depends_on={surrogate.SETTINGS})


@register.simple_tag(takes_context=True)
def related_stories(context, article):
    """The "Related stories" cards under an article, kept until one of them changes."""
    request = context["request"]

    def render() -> Rendered:
        related, by_tag = selectors.related_articles(article)
        html = render_to_string(
            "components/related_stories.html", {"related_articles": related}, request
        )
        authors = [author for card in related for author in card.byline]
        # The story's tags and picks choose the cards, its comments do not.
        depends_on = surrogate.as_content_keys(page_keys([article])) | page_keys(authors)
        if by_tag:
            depends_on |= {surrogate.LISTING}  # any new story may share the tag
        return Rendered(
            html,
            # What EdgeMiddleware found when the cards were in the page's context.
            shows=frozenset(surrogate.keys_for_context({"related_articles": related})),
            depends_on=depends_on,
        )

    return _article_fragment(context, "related", article, render)


@register.simple_tag(takes_context=True)
def tag_url(context, tag) -> str:
    """The reader page for a tag, served by the home page (/tags/<slug>/)."""
    request = context["request"]
    home = getattr(request, "_dateline_home", None)
    if home is None:
        from dateline.news.models import HomePage

        home = request._dateline_home = HomePage.objects.first()
    return home.url + home.reverse_subpage("tag", kwargs={"slug": tag.slug})
