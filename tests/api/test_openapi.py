"""The OpenAPI description of the whole API, and schemathesis keeping every operation to it."""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tests.api.client import token_for
from tests.news.factories import ArticleFactory, AuthorFactory, SectionFactory

pytestmark = pytest.mark.django_db


def test_one_description_for_reading_and_writing(client, home):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["info"]["title"] == "Dateline API"
    paths = schema["paths"]
    assert {"/api/v1/articles/", "/api/v1/sections/", "/api/v1/authors/"} <= set(paths)
    assert set(paths["/api/v1/stories/"]) == {"post"}
    assert set(paths["/api/v1/stories/{story_id}/"]) == {"get", "patch"}
    assert paths["/api/v1/articles/"]["get"].get("security") is None  # public
    assert paths["/api/v1/stories/"]["post"]["security"] == [{"TokenAuth": []}]
    assert schema["components"]["securitySchemes"]["TokenAuth"]["scheme"] == "bearer"
    assert "curl -X POST" in schema["info"]["description"]  # the worked example


@pytest.fixture
def api_schema(db, home):
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    from dateline.wsgi import application

    # As Django's test client does: a request must not close the test's own transaction
    # (on PostgreSQL, closing it would lose everything the test set up).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def newsroom(home, newsroom_user):
    """Something for every operation to find, and an editor's token to ask with."""
    world = SectionFactory(title="World", slug="world")
    ArticleFactory(section=world, authors=[AuthorFactory(name="Ana Ribeiro")])
    return {"Authorization": f"Bearer {token_for(newsroom_user('Editors', 'ed'))}"}


def test_every_operation_keeps_its_contract(api_schema, newsroom):
    """Generated input for every operation, with a token: no 5xx, answers as described.

    Schema-valid input can still be a 400 (a section slug that names no section), so the
    check that valid-looking data is always accepted is left out.
    """
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 9
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
        def check(case):
            case.call_and_validate(headers=newsroom, excluded_checks=[positive_data_acceptance])

        check()
