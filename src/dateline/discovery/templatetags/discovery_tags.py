from datetime import UTC

from django import template
from django.template.loader import render_to_string

from dateline.discovery.head import page_head
from dateline.discovery.sharing import share_links
from dateline.discovery.structured_data import json_ld_script
from dateline.edge.fragments import fragment

register = template.Library()


def _render_head(context) -> str:
    head = page_head(context)
    return render_to_string(
        "discovery/head.html",
        {"head": head, "json_ld": json_ld_script(head.json_ld) if head.json_ld else ""},
    )


@register.simple_tag(takes_context=True)
def discovery_head(context) -> str:
    """Canonical URL, feed autodiscovery, OpenGraph/Twitter cards and page JSON-LD.

    An article's is kept as a fragment (the other pages' heads are cheap or list content).
    """
    from dateline.news.models import ArticlePage

    page, request = context.get("page"), context["request"]
    if not isinstance(page, ArticlePage):
        return _render_head(context)
    # The canonical URL (and so the head) changes with the path and ?page=.
    page_number = request.GET.get("page", "")
    page_number = page_number if page_number.isdigit() and int(page_number) > 1 else ""
    return fragment(
        context,
        "article-head",
        page,
        lambda: _render_head(context),
        variant=(request.path, page_number),
    )


@register.inclusion_tag("discovery/share_links.html", takes_context=True)
def article_share_links(context, article):
    return {"links": share_links(article, context["request"]), "article": article}


@register.filter
def w3c_datetime(value) -> str:
    """2026-05-01T09:30:00+00:00: the W3C datetime sitemaps use, to the second, in UTC."""
    if not value:
        return ""
    return value.astimezone(UTC).isoformat(timespec="seconds")
