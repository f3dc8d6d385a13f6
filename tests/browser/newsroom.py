"""A small but complete newsroom for the page checks: every block and page kind a reader meets.

Built from the news factories (the demo site's building blocks) so it fits inside one test.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone
from wagtail.models import Site

from dateline.core.models import SiteSettings
from dateline.desk import services as desk
from dateline.live.models import LiveBlogPage
from dateline.news.builders import body_blocks, demo_image
from dateline.news.models import ArticlePage
from tests.live.factories import live_blog_with_entries
from tests.news.factories import ArticleFactory, AuthorFactory, SectionFactory

SMALL_PICTURE = (800, 450)


@dataclass(frozen=True)
class Newsroom:
    lead: ArticlePage
    home: str = "/"
    section: str = "/world/"
    other_section: str = "/science/"
    tag: str = "/tags/diplomacy/"
    author: str = "/authors/ana-ribeiro/"
    missing: str = "/no-such-story/"
    corrections: str = "/corrections/"
    live_blog: LiveBlogPage | None = None
    ended_live_blog: LiveBlogPage | None = None

    @property
    def article(self) -> str:
        return self.lead.url

    def reader_pages(self) -> dict[str, str]:
        """Name and path of every kind of page a reader can land on."""
        return {
            "home": self.home,
            "section": self.section,
            "article": self.article,
            "tag": self.tag,
            "author": self.author,
            "404": self.missing,
            "corrections": self.corrections,
            "live blog": self.live_blog.url,
            "ended live blog": self.ended_live_blog.url,
        }


def _story(headline: str, paragraphs: int = 2, **extras) -> list[dict]:
    text = [
        f"{headline}: the first paragraph sets out what happened and why it matters.",
        "Officials gave their account on the record; residents gave theirs at the market.",
        "The numbers are provisional and will be revised as counting goes on.",
        "Nobody we spoke to expects a quick answer, and several said so plainly.",
        "The next meeting is set for the end of the month, weather permitting.",
    ]
    return body_blocks({"paragraphs": text[:paragraphs], **extras})


def build_newsroom() -> Newsroom:
    site = Site.objects.get(is_default_site=True)
    site.site_name = "The Dateline Courier"
    site.save()
    site_settings = SiteSettings.for_site(site)
    site_settings.tagline = "News from everywhere, checked twice"
    site_settings.x_url = "https://x.com/datelinecourier"
    site_settings.bluesky_url = "https://bsky.app/profile/datelinecourier.example"
    site_settings.mastodon_url = "https://mastodon.social/@datelinecourier"
    site_settings.save()

    world = SectionFactory(title="World", slug="world", intro="Reporting from every continent.")
    science = SectionFactory(title="Science", slug="science", intro="Discoveries and doubts.")
    ana = AuthorFactory(
        name="Ana Ribeiro",
        role="Diplomatic correspondent",
        bio="<p>Ana covers negotiations, treaties and the people who sign them.</p>",
        x_url="https://x.com/anaribeiro.example",
        photo=demo_image("Portrait of Ana Ribeiro", size=(240, 240), initials="AR"),
    )
    tom = AuthorFactory(name="Tom Okafor", role="Science editor")
    now = timezone.now()

    lead = ArticleFactory(
        section=world,
        title="Ceasefire talks resume in Geneva",
        standfirst="Negotiators return to the table after a week of shelling near the border.",
        authors=[ana, tom],
        tags=["Diplomacy", "Europe"],
        dateline_place="GENEVA",
        lead_image=demo_image("Lake Geneva at dusk", size=SMALL_PICTURE),
        lead_image_caption="Delegations arrived by boat on Monday evening.",
        lead_image_credit="Courier staff",
        body=_story(
            "Ceasefire talks resume in Geneva",
            paragraphs=5,
            subheading="What each side wants",
            pull_quote={"quote": "We came to talk, not to posture.", "attribution": "A mediator"},
            fact_box={"title": "The talks so far", "items": ["Round one: March", "Round two: May"]},
        ),
        published_at=now - timedelta(hours=1),
        updated_at=now - timedelta(minutes=20),
    )
    stories = [
        (world, "Border towns count the cost of the winter", ["Europe"]),
        (world, "Envoys trade drafts of a prisoner exchange", ["Diplomacy"]),
        (world, "Harbour strike enters its second week", []),
        (science, "Telescope spots water vapour around a young star", ["Astronomy"]),
        (science, "Ancient seeds sprout after two thousand years", []),
    ]
    # Older stories without pictures: the front page runs out of top slots and shows
    # them under their sections.
    stories += [
        (world, "Ferry service to the islands is restored", []),
        (world, "Election observers publish their final report", ["Diplomacy"]),
        (science, "Volunteers map the city's oldest trees", []),
    ]
    for hours, (section, headline, tags) in enumerate(stories, start=2):
        ArticleFactory(
            section=section,
            title=headline,
            standfirst=f"{headline}, and what comes next.",
            authors=[tom] if section == science else [ana],
            tags=tags,
            lead_image=demo_image(headline, size=SMALL_PICTURE) if hours < 7 else None,
            body=_story(headline),
            published_at=now - timedelta(hours=hours),
        )
    # Older than every story above, so the listings those pages check stay as they were.
    live_blog = live_blog_with_entries(
        section=world,
        authors=[ana, tom],
        title="Geneva talks: live",
        published_at=now - timedelta(days=3),
    )
    ended = live_blog_with_entries(
        section=world,
        authors=[ana],
        title="Harbour strike: as it happened",
        ended=True,
        published_at=now - timedelta(days=4),
    )
    # The desk's boxes on the lead (a note above, a correction below; dateline.desk) and
    # the World front's lineup: the lead on top of the section page, the rest below.
    desk.correction_build(story=lead, kind="editors_note", text="This story was updated.")
    desk.correction_build(story=lead, text="An earlier version misnamed the venue.")
    desk.front_build(page=world, stories=[(lead, None)])
    return Newsroom(lead=lead, live_blog=live_blog, ended_live_blog=ended)
