"""Live blogs for tests, built through the live services as the desk and the demo build them."""

from django.utils import timezone

from dateline.live import services
from dateline.live.models import LiveBlogPage
from dateline.news.builders import demo_image


def live_blog_with_entries(
    *, section, authors, title: str, ended: bool = False, published_at=None
) -> LiveBlogPage:
    """A blog with one entry of each kind: text, a picture, a quote, a key event, a pin;
    first published at `published_at` (so it can sit below other stories in listings)."""
    blog = services.live_blog_create(
        section=section,
        title=title,
        standfirst="Updates as they come in, checked before they go up.",
        authors=authors,
        summary="<ul><li>Talks resumed at noon.</li><li>No agreement yet.</li></ul>",
    )
    entries = [
        services.live_entry_post(
            blog=blog, body=services.entry_body(text="Delegations are arriving."), authors=authors
        ),
        services.live_entry_post(
            blog=blog,
            body=services.entry_body(
                text="The lakeside this morning.",
                image=demo_image("Live: the lakeside", size=(800, 450)),
                caption="The lakeside, 9am",
            ),
            authors=authors[:1],
        ),
        services.live_entry_post(
            blog=blog,
            body=services.entry_body(quote="We came to talk.", quote_attribution="A mediator"),
            key_event=True,
            title="Mediator speaks",
            authors=authors[:1],
        ),
        services.live_entry_post(
            blog=blog, body=services.entry_body(text="Follow the talks here."), authors=authors
        ),
    ]
    services.live_entry_pin(entry=entries[-1])
    if published_at is not None:
        LiveBlogPage.objects.filter(pk=blog.pk).update(
            first_published_at=published_at, last_published_at=published_at
        )
        blog.refresh_from_db()
    if ended:
        services.live_blog_end(blog=blog)
        blog.ended_at = timezone.now()
    return blog
