"""Named reads for newsletters: who receives an edition, what it shows, how its send went."""

from datetime import datetime

from django.db.models import Count, Exists, OuterRef, QuerySet

from dateline.news import selectors as news_selectors
from dateline.news.models import ArticlePage
from dateline.newsletters import tokens
from dateline.newsletters.models import (
    Delivery,
    Edition,
    Newsletter,
    Subscriber,
    Subscription,
    Suppression,
)

FAILURES_SHOWN = 200


def signup_newsletters() -> list[Newsletter]:
    """What a reader can choose on the site's sign-up forms, in the newsroom's order."""
    return list(Newsletter.objects.filter(on_signup_forms=True).order_by("sort_order", "name"))


def subscriber_for_link(data: dict) -> Subscriber | None:
    """The subscriber a signed link names, if the address is still the one it was sent to."""
    subscriber = Subscriber.objects.filter(pk=data["s"]).first()
    if subscriber is None or tokens.fingerprint(subscriber.email) != data.get("e"):
        return None
    return subscriber


def subscriptions_of(subscriber: Subscriber) -> dict[int, Subscription]:
    return {
        subscription.newsletter_id: subscription
        for subscription in subscriber.subscriptions.select_related("newsletter")
    }


def recipients(newsletter: Newsletter) -> QuerySet:
    """Subscribers an edition of `newsletter` goes to: confirmed, subscribed, not suppressed."""
    suppressed = Suppression.objects.filter(email=OuterRef("email"))
    return Subscriber.objects.filter(
        confirmed_at__isnull=False,
        subscriptions__newsletter=newsletter,
        subscriptions__status=Subscription.Status.ACTIVE,
    ).exclude(Exists(suppressed))


def edition_stories(edition: Edition) -> list[ArticlePage]:
    """The edition's live stories with everything a teaser shows, in the edition's order."""
    order = list(
        edition.story_links.order_by("sort_order", "pk").values_list("article_id", flat=True)
    )
    cards = news_selectors.article_cards(ArticlePage.objects.filter(pk__in=order))
    by_id = {article.pk: article for article in news_selectors.attach_sections(cards)}
    return [by_id[pk] for pk in order if pk in by_id]


def stories_published_between(newsletter: Newsletter, since: datetime, until: datetime) -> list:
    """Stories first published in (since, until] for this newsletter, in front-page order:
    the newest first, as the home page lists them; a section newsletter keeps to its section."""
    articles = ArticlePage.objects.filter(
        first_published_at__gt=since, first_published_at__lte=until
    )
    if newsletter.schedule == Newsletter.Schedule.SECTION:
        if newsletter.section is None:
            return []
        articles = articles.descendant_of(newsletter.section)
    return news_selectors.attach_sections(news_selectors.article_cards(articles)[:50])


def edition_counts(edition: Edition) -> dict[str, int]:
    """How many recipients are in each ledger state, straight from the ledger."""
    counts = dict.fromkeys(Delivery.Status.values, 0)
    rows = (
        Delivery.objects.filter(edition=edition)
        .order_by()
        .values("status")
        .annotate(count=Count("pk"))
    )
    for row in rows:
        counts[row["status"]] = row["count"]
    counts["total"] = sum(counts[status] for status in Delivery.Status.values)
    counts["in_flight"] = counts[Delivery.Status.CLAIMED] + counts[Delivery.Status.HANDING]
    return counts


def edition_failures(edition: Edition, limit: int = FAILURES_SHOWN) -> list[Delivery]:
    return list(
        Delivery.objects.filter(edition=edition, status=Delivery.Status.FAILED)
        .select_related("subscriber")
        .order_by("-pk")[:limit]
    )


def newsletter_subscriber_counts() -> dict[int, int]:
    rows = (
        Subscription.objects.filter(
            status=Subscription.Status.ACTIVE, subscriber__confirmed_at__isnull=False
        )
        .order_by()
        .values("newsletter")
        .annotate(count=Count("pk"))
    )
    return {row["newsletter"]: row["count"] for row in rows}


def has_breaking_newsletter() -> bool:
    return Newsletter.objects.filter(schedule=Newsletter.Schedule.BREAKING).exists()
