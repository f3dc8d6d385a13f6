"""schema.org JSON-LD for article pages (NewsArticle and BreadcrumbList)."""

import json

from django.utils.html import format_html
from django.utils.safestring import mark_safe

JSON_LD_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def json_ld_script(data) -> str:
    """A <script type="application/ld+json"> element that cannot be broken out of."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(JSON_LD_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))


def _iso(value):
    return value.isoformat() if value else None


def article_json_ld(article, request, *, comment_count: int = 0) -> list[dict]:
    url = article.get_full_url(request)
    section = article.section
    image = []
    if article.lead_image:
        rendition = article.lead_image.get_rendition("fill-1200x675")
        image.append(request.build_absolute_uri(rendition.url))
    published = article.first_published_at or article.latest_revision_created_at
    modified = max(
        filter(None, [article.last_published_at, article.updated_at, published]), default=None
    )
    news_article = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "description": article.standfirst,
        "datePublished": _iso(published),
        "dateModified": _iso(modified),
        "author": [
            {"@type": "Person", "name": author.title, "url": author.get_full_url(request)}
            for author in article.byline
        ],
        "articleSection": section.title,
        "url": url,
        "mainEntityOfPage": url,
        "wordCount": article.word_count,
        "commentCount": comment_count,
        "isAccessibleForFree": True,
        "image": image,
    }
    breadcrumbs = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": item}
            for position, (name, item) in enumerate(
                [
                    ("Home", request.build_absolute_uri("/")),
                    (section.title, section.get_full_url(request)),
                    (article.title, url),
                ],
                start=1,
            )
        ],
    }
    return [news_article, breadcrumbs]
