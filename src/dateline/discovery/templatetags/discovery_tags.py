from datetime import UTC

from django import template
from django.template.loader import render_to_string

from dateline.discovery.head import page_head
from dateline.discovery.sharing import share_links
from dateline.discovery.structured_data import json_ld_script

register = template.Library()


@register.simple_tag(takes_context=True)
def discovery_head(context) -> str:
    """Canonical URL, feed autodiscovery, OpenGraph/Twitter cards and page JSON-LD."""
    head = page_head(context)
    return render_to_string(
        "discovery/head.html",
        {"head": head, "json_ld": json_ld_script(head.json_ld) if head.json_ld else ""},
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
