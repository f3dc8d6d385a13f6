from django import template

from dateline.discovery.structured_data import json_ld_script
from dateline.live.structured_data import live_blog_json_ld

register = template.Library()


@register.simple_tag
def entry_url(blog, entry) -> str:
    """The permalink that opens the blog at this entry, wherever it has moved to."""
    return blog.url + blog.reverse_subpage("entry", args=[entry.pk])


@register.simple_tag
def live_route(blog, name: str) -> str:
    return blog.url + blog.reverse_subpage(name)


@register.simple_tag(takes_context=True)
def live_structured_data(context, blog):
    return json_ld_script(live_blog_json_ld(blog, context["request"]))


@register.inclusion_tag("live/comments_follow.html", takes_context=True)
def live_comments_follow(context, article):
    """On a story's page: follow its newly approved comments (a live blog's own stream
    already carries them; an ended live blog has none)."""
    from dateline.live.conf import reading_for
    from dateline.live.models import LiveBlogPage

    if isinstance(article, LiveBlogPage) or not article.pk or not article.live:
        return {"live": None}
    return {"live": reading_for(article, context["request"])}


@register.simple_tag
def entry_summary(entry) -> str:
    """An entry's words in one line, for the desk's list."""
    from dateline.live.rendering import entry_text

    text = " ".join(entry_text(entry).split())
    return text[:280] + ("…" if len(text) > 280 else "") or "(picture or embed)"
