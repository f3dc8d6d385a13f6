"""The demo's news desk, from demo_data/desk.toml: a corrections policy page named in the
settings, one corrected story, one story embargoed until tomorrow (with a partner's
preview link) and curated fronts. Idempotent: what exists is left as it is."""

import tomllib
from datetime import datetime, time, timedelta
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Site

from dateline.desk import services
from dateline.desk.models import Correction, DeskSettings, Front, PreviewLink
from dateline.news import services as news_services
from dateline.news.builders import body_blocks
from dateline.news.models import ArticlePage, AuthorPage, HomePage, SectionPage, StandardPage

CONTENT = Path(__file__).with_name("demo_data") / "desk.toml"


def _story(headline: str) -> ArticlePage | None:
    return ArticlePage.objects.live().filter(slug=slugify(headline)[:80]).first()


def _paragraphs(spec: dict) -> list:
    return body_blocks({"paragraphs": spec["paragraphs"], "subheadings": {}})


def _policy(home: HomePage, spec: dict) -> StandardPage:
    page = StandardPage.objects.child_of(home).filter(slug=spec["slug"]).first()
    if page is None:
        page = StandardPage(
            title=spec["title"],
            slug=spec["slug"],
            standfirst=spec["standfirst"],
            body=_paragraphs(spec),
        )
        home.add_child(instance=page)
        page.save_revision().publish()
    settings = DeskSettings.for_site(Site.objects.get(is_default_site=True))
    if settings.corrections_policy_id is None:
        settings.corrections_policy = page
        settings.save()
    return page


def _correction(spec: dict, now: datetime) -> None:
    story = _story(spec["story"])
    if story is None or Correction.objects.filter(story=story).exists():
        return
    services.correction_build(
        story=story,
        kind=spec["kind"],
        text=spec["text"],
        published_at=now - timedelta(hours=spec["hours_ago"]),
    )


def release_time(now: datetime, hour: int) -> datetime:
    """`hour` o'clock tomorrow, site time."""
    tomorrow = timezone.localtime(now).date() + timedelta(days=1)
    return timezone.make_aware(datetime.combine(tomorrow, time(hour)))


def _embargoed(spec: dict, now: datetime) -> ArticlePage | None:
    section = SectionPage.objects.filter(slug=spec["section"]).first()
    if section is None or ArticlePage.objects.filter(slug=spec["slug"]).exists():
        return None
    authors = list(AuthorPage.objects.filter(slug__in=spec["authors"]))
    story = news_services.article_create(
        section=section,
        title=spec["headline"],
        slug=spec["slug"],
        standfirst=spec["standfirst"],
        dateline_place=spec["dateline"],
        authors=authors,
        tags=spec["tags"],
        body=_paragraphs(spec),
        publish=False,
    )
    story.embargo_until = release_time(now, spec["release_hour"])
    story.save_revision().publish()  # scheduled for the embargo time, not live
    PreviewLink.objects.create(story=story, partner=spec["partner"], expires_at=story.embargo_until)
    return story


def _front(page, spec: dict) -> None:
    if page is None or Front.objects.filter(page=page).exists():
        return
    stories = [story for story in map(_story, spec["stories"]) if story is not None]
    sections = None
    if "sections" in spec:
        by_slug = {s.slug: s for s in SectionPage.objects.filter(slug__in=spec["sections"])}
        sections = [by_slug[slug] for slug in spec["sections"] if slug in by_slug]
    services.front_build(page=page, stories=[(story, None) for story in stories], sections=sections)


@transaction.atomic
def build_demo_desk(*, now: datetime | None = None) -> None:
    home = HomePage.objects.first()
    if home is None:
        return
    spec = tomllib.loads(CONTENT.read_text(encoding="utf-8"))
    now = now or timezone.now()
    _policy(home, spec["policy"])
    _correction(spec["correction"], now)
    _embargoed(spec["embargoed"], now)
    _front(home, spec["home"])
    _front(SectionPage.objects.filter(slug="world", depth=3).first(), spec["world"])
