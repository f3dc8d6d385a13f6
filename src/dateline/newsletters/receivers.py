"""What newsletters listen to: the mail provider's webhooks (through django-anymail's
signals) and publishing, which may make a section digest or a breaking alert due.

Publishing only enqueues the scheduler's tick after the commit; the tick decides.
"""

import logging

from django.db import transaction
from wagtail.signals import page_published

log = logging.getLogger(__name__)


def on_tracking(sender, event, esp_name, **kwargs):
    from dateline.newsletters import services

    services.suppression_from_event(event=event, esp_name=esp_name)


def on_inbound(sender, event, esp_name, **kwargs):
    from dateline.newsletters import services

    services.unsubscribe_from_inbound(message=event.message)


def on_article_published(sender, instance, **kwargs):
    from dateline.news.models import ArticlePage

    if not isinstance(instance, ArticlePage):
        return

    def tick():
        from dateline.newsletters import tasks

        try:
            tasks.newsletters_tick.enqueue()
        except Exception:
            log.exception("Could not enqueue the newsletters tick")

    transaction.on_commit(tick)


def connect() -> None:
    from anymail.signals import inbound, tracking

    tracking.connect(on_tracking, dispatch_uid="newsletters-tracking")
    inbound.connect(on_inbound, dispatch_uid="newsletters-inbound")
    page_published.connect(on_article_published, dispatch_uid="newsletters-published")
