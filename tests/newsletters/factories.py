"""Newsletters and readers for tests, stored through the same services as the demo site."""

import factory

from dateline.newsletters import services
from dateline.newsletters.models import Newsletter, Subscriber


class NewsletterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Newsletter
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Newsletter {n}")
    slug = factory.Sequence(lambda n: f"newsletter-{n}")
    schedule = Newsletter.Schedule.MANUAL


class SubscriberFactory(factory.Factory):
    """A reader who confirmed, subscribed to `newsletters`."""

    class Meta:
        model = Subscriber

    email = factory.Sequence(lambda n: f"reader{n}@example.org")
    newsletters = factory.LazyFunction(list)

    @classmethod
    def _create(cls, model_class, **fields):
        return services.subscriber_import(**fields)
