"""schema.org LiveBlogPosting for a live blog, with its latest 50 entries as BlogPostings."""

from dateline.discovery.selectors import article_modified_at
from dateline.discovery.structured_data import (
    _iso,
    absolute,
    article_images,
    breadcrumbs,
    corrections_json_ld,
    organization,
    page_trail,
)
from dateline.live import rendering, selectors

UPDATES_IN_JSON_LD = 50


def live_blog_json_ld(blog, request) -> list[dict]:
    url = blog.get_full_url(request)
    entries = list(selectors.visible_entries(blog)[:UPDATES_IN_JSON_LD])
    published = blog.first_published_at or blog.latest_revision_created_at
    modified = max(
        [
            value
            for value in (article_modified_at(blog), *(e.edited_at or e.posted_at for e in entries))
            if value
        ],
        default=published,
    )
    posting = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "headline": blog.title[:110],
        "description": blog.search_description or blog.standfirst,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "datePublished": _iso(published),
        "dateModified": _iso(modified),
        "coverageStartTime": _iso(blog.coverage_started_at or published),
        "author": [
            {"@type": "Person", "name": author.title, "url": author.get_full_url(request)}
            for author in blog.byline
        ],
        "publisher": organization(request),
        "articleSection": blog.section.title,
        "image": article_images(blog, request),
        "inLanguage": "en",
        "liveBlogUpdate": [_update(blog, entry, request) for entry in entries],
    }
    if blog.ended_at:
        posting["coverageEndTime"] = _iso(blog.ended_at)
    if corrections := corrections_json_ld(blog, url):
        posting["correction"] = corrections
    return [posting, breadcrumbs(request, page_trail(request, blog))]


def _update(blog, entry, request) -> dict:
    authors = list(entry.authors.all()) or blog.byline
    update = {
        "@type": "BlogPosting",
        "headline": rendering.entry_headline(entry),
        "datePublished": _iso(entry.posted_at),
        "articleBody": rendering.entry_text(entry),
        "author": [{"@type": "Person", "name": author.title} for author in authors],
        "url": absolute(request, blog.url + blog.reverse_subpage("entry", args=[entry.pk])),
    }
    if entry.edited_at:
        update["dateModified"] = _iso(entry.edited_at)
    return update
