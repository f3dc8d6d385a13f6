"""Builds the demo newsroom from news.demo_content, idempotently (keyed by slugs)."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.models import Site

from dateline.core.models import SiteSettings
from dateline.news import demo_content as content
from dateline.news import services
from dateline.news.builders import body_blocks, demo_image
from dateline.news.models import ArticlePage, AuthorIndexPage, AuthorPage, HomePage, SectionPage

HOURS_BETWEEN_STORIES = 3.5


def _initials(name: str) -> str:
    return "".join(part[0] for part in name.split()[:2]).upper()


@transaction.atomic
def build_site(home: HomePage) -> None:
    site = Site.objects.get(root_page=home) if Site.objects.filter(root_page=home) else None
    if site is None:
        site = Site.objects.get(is_default_site=True)
    site.site_name = content.SITE_NAME
    site.save()
    settings = SiteSettings.for_site(site)
    settings.tagline = content.TAGLINE
    settings.publisher_name = content.SITE_NAME
    settings.contact_email = "tips@example.com"
    settings.facebook_url = "https://www.facebook.com/datelinecourier"
    settings.x_url = "https://x.com/datelinecourier"
    settings.instagram_url = "https://www.instagram.com/datelinecourier"
    settings.bluesky_url = "https://bsky.app/profile/datelinecourier.example"
    settings.mastodon_url = "https://mastodon.social/@datelinecourier"
    settings.save()


def build_sections(home: HomePage) -> dict[str, SectionPage]:
    sections = {}
    for spec in content.SECTIONS:
        section = SectionPage.objects.child_of(home).filter(slug=spec["slug"]).first()
        sections[spec["slug"]] = section or services.section_create(
            parent=home, title=spec["title"], slug=spec["slug"], intro=spec["intro"]
        )
    return sections


def build_authors(home: HomePage) -> dict[str, AuthorPage]:
    index = AuthorIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(instance=AuthorIndexPage(title="Authors", slug="authors"))
    authors = {}
    for spec in content.AUTHORS:
        author = AuthorPage.objects.filter(slug=spec["slug"]).first()
        if author is None:
            author = services.author_create(
                index=index,
                name=spec["name"],
                slug=spec["slug"],
                role=spec["role"],
                bio=f"<p>{escape(spec['bio'])}</p>",
                x_url=spec.get("x", ""),
                bluesky_url=spec.get("bluesky", ""),
                website_url=spec.get("website", ""),
                photo=demo_image(f"Portrait of {spec['name']}", size=(400, 400),
                                 initials=_initials(spec["name"])),
            )  # fmt: skip
        authors[spec["slug"]] = author
    return authors


def build_articles(sections, authors, *, now=None) -> list[ArticlePage]:
    """Every story in demo_content, newest first, one every few hours back from now."""
    now = now or timezone.now()
    stories = [content.LONG_READ, *content.ARTICLES]
    articles = []
    for position, story in enumerate(stories):
        slug = slugify(story["headline"])[:80]
        section = sections[story["section"]]
        article = ArticlePage.objects.child_of(section).filter(slug=slug).first()
        if article is None:
            with transaction.atomic():
                article = services.article_create(
                    section=section,
                    title=story["headline"],
                    slug=slug,
                    standfirst=story["standfirst"],
                    dateline_place=story.get("dateline", ""),
                    authors=[authors[author] for author in story["authors"]],
                    tags=story.get("tags", []),
                    body=body_blocks(story),
                    lead_image=demo_image(story["headline"]),
                    lead_image_caption=story.get("image_caption", ""),
                    lead_image_credit=story.get("image_credit", ""),
                    published_at=now - timedelta(hours=HOURS_BETWEEN_STORIES * position + 1),
                )
        articles.append(article)
    return articles


def build_demo() -> list[ArticlePage]:
    """Build (or complete) the demo newsroom. Running it again changes nothing."""
    home = HomePage.objects.first()
    if home is None:
        raise RuntimeError("No home page: run `dateline migrate` first.")
    build_site(home)
    sections = build_sections(home)
    authors = build_authors(home)
    return build_articles(sections, authors)
