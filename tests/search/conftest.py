"""Shared stories for the search tests: two mention a ceasefire, one does not."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from dateline.news.builders import body_blocks
from tests.news.factories import ArticleFactory, AuthorFactory, SectionFactory

# Statements a search adds on PostgreSQL to plan with its own random_page_cost
# (search.selectors): a savepoint, the value before, the setting, the value back, the
# savepoint released.
PLANNER_SETTING = 5 if connection.vendor == "postgresql" else 0


@pytest.fixture
def world(home):
    return SectionFactory(title="World", slug="world")


@pytest.fixture
def sport(home):
    return SectionFactory(title="Sport", slug="sport")


@pytest.fixture
def ana(home):
    return AuthorFactory(name="Ana Ribeiro")


@pytest.fixture
def stories(world, sport, ana):
    now = timezone.now()
    return {
        "talks": ArticleFactory(
            section=world,
            title="Ceasefire talks resume in Geneva",
            standfirst="Negotiators return after a week of shelling.",
            authors=[ana],
            tags=["Diplomacy"],
            published_at=now - timedelta(days=10),
        ),
        "vote": ArticleFactory(
            section=world,
            title="Parliament passes budget",
            standfirst="A narrow vote after a long night.",
            body=body_blocks({"paragraphs": ["The ceasefire was mentioned once in the debate."]}),
            authors=[AuthorFactory(name="Tom Okafor")],
            published_at=now - timedelta(days=1),
        ),
        "cup": ArticleFactory(
            section=sport,
            title="Cup final goes to extra time",
            standfirst="A late equaliser in the rain.",
            authors=[AuthorFactory(name="Lena Fischer")],
            tags=["Football"],
            published_at=now - timedelta(hours=2),
        ),
    }
