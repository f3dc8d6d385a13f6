"""The demo's live blog: an open story under World, built from demo_content.json.

Idempotent: a blog with the demo slug is left as it is.
"""

import json
from datetime import timedelta
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape

from dateline.live import services
from dateline.live.models import LiveBlogPage
from dateline.news.builders import demo_image
from dateline.news.models import AuthorPage, SectionPage

CONTENT = Path(__file__).with_name("demo_content.json")


def build_demo_live_blog(*, now=None) -> LiveBlogPage | None:
    spec = json.loads(CONTENT.read_text())
    section = SectionPage.objects.filter(slug="world").first()
    if section is None:
        return None
    existing = LiveBlogPage.objects.filter(slug=spec["slug"]).first()
    if existing is not None:
        return existing
    authors = {author.slug: author for author in AuthorPage.objects.filter(slug__in=_slugs(spec))}
    now = now or timezone.now()
    step = timedelta(minutes=spec["minutes_between"])
    started = now - step * (len(spec["entries"]) + 1)
    with transaction.atomic():
        blog = services.live_blog_create(
            section=section,
            title=spec["title"],
            slug=spec["slug"],
            standfirst=spec["standfirst"],
            authors=[authors[slug] for slug in spec["authors"] if slug in authors],
            summary="<ul>"
            + "".join(f"<li>{escape(point)}</li>" for point in spec["summary"])
            + "</ul>",
        )
        blog.lead_image = demo_image(spec["title"])
        blog.save_revision().publish()
        LiveBlogPage.objects.filter(pk=blog.pk).update(
            coverage_started_at=started, first_published_at=started
        )
        blog.first_published_at = started
        blog.date_listing_links()  # its author's listing orders by the date it started
        for position, item in enumerate(spec["entries"], start=1):
            image = demo_image(item["image"]) if item.get("image") else None
            entry = services.live_entry_post(
                blog=blog,
                body=services.entry_body(
                    text=item.get("text", ""),
                    image=image,
                    caption=item.get("caption", ""),
                    quote=item.get("quote", ""),
                    quote_attribution=item.get("attribution", ""),
                ),
                key_event=bool(item.get("key_event")),
                title=item.get("key_event", ""),
                authors=[authors[item["author"]]] if item["author"] in authors else [],
                posted_at=started + step * position,
            )
            if item.get("pin"):
                services.live_entry_pin(entry=entry)
    return blog


def _slugs(spec) -> set[str]:
    return {*spec["authors"], *(item["author"] for item in spec["entries"])}
