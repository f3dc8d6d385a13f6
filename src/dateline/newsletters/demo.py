"""Demo newsletters: a daily briefing, breaking-news alerts, one per section, and a few
confirmed readers (example.org addresses, so nothing reaches a real person)."""

from datetime import time

from django.db import transaction

from dateline.news.selectors import navigation_sections
from dateline.newsletters import services
from dateline.newsletters.models import Newsletter

DEMO_READERS = ["ana.reader@example.org", "bruno.reader@example.org", "chloe.reader@example.org"]


def seed_demo_newsletters() -> list[Newsletter]:
    """Create the demo newsletters once; running it again changes nothing."""
    with transaction.atomic():
        daily, _ = Newsletter.objects.get_or_create(
            slug="daily",
            defaults={"name": "Daily briefing", "schedule": Newsletter.Schedule.DAILY,
                      "send_time": time(7, 0), "sort_order": 0,
                      "description": "The stories that matter, every morning at seven."},
        )  # fmt: skip
        breaking, _ = Newsletter.objects.get_or_create(
            slug="breaking",
            defaults={"name": "Breaking news", "schedule": Newsletter.Schedule.BREAKING,
                      "sort_order": 1, "description": "Only when something big happens."},
        )  # fmt: skip
        letters = [daily, breaking]
        for position, section in enumerate(navigation_sections(), start=2):
            letter, _ = Newsletter.objects.get_or_create(
                slug=section.slug[:50],
                defaults={"name": section.title, "schedule": Newsletter.Schedule.SECTION,
                          "section": section, "sort_order": position,
                          "description": f"New {section.title} stories as they are published."},
            )  # fmt: skip
            letters.append(letter)
        for email in DEMO_READERS:
            services.subscriber_import(email=email, newsletters=[daily, breaking])
    return letters
