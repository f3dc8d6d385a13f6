from datetime import timedelta

import pytest
from django.utils import timezone

from dateline.news.builders import demo_image
from tests.news.factories import ArticleFactory, AuthorFactory, SectionFactory


@pytest.fixture
def world(home):
    return SectionFactory(title="World", slug="world")


@pytest.fixture
def ana(home):
    return AuthorFactory(name="Ana Ribeiro")


@pytest.fixture
def story(world, ana):
    return ArticleFactory(
        section=world,
        title="Ceasefire talks resume in Geneva",
        standfirst="Negotiators return after a week of shelling & talks.",
        authors=[ana, AuthorFactory(name="Tom Okafor")],
        tags=["Diplomacy", "Europe"],
        lead_image=demo_image("Geneva skyline"),
        lead_image_caption="The Palais des Nations.",
        published_at=timezone.now() - timedelta(hours=3),
    )
