"""The read-only JSON API: what it lists, what it never shows, and its OpenAPI contract."""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from dateline.news.builders import demo_image
from tests.news.factories import ArticleFactory, AuthorFactory, SectionFactory

pytestmark = pytest.mark.django_db


def get(client, path, **params):
    response = client.get(path, params)
    assert response["Content-Type"].startswith("application/json")
    return response


def test_articles_list_newest_first_with_pagination(client, world, ana):
    for number in range(3):
        ArticleFactory(section=world, authors=[ana], title=f"Story {number}")
    data = get(client, "/api/v1/articles/", page_size=2).json()
    assert data["count"] == 3 and data["next_page"] == 2 and data["previous_page"] is None
    assert [a["title"] for a in data["results"]] == ["Story 2", "Story 1"]
    second = get(client, "/api/v1/articles/", page_size=2, page=2).json()
    assert [a["title"] for a in second["results"]] == ["Story 0"]
    assert get(client, "/api/v1/articles/", page=3, page_size=2).status_code == 404


def test_article_fields(client, story):
    article = get(client, "/api/v1/articles/").json()["results"][0]
    assert article["url"] == "http://localhost/world/ceasefire-talks-resume-in-geneva/"
    assert article["section"] == {
        "id": story.section.pk,
        "name": "World",
        "url": "http://localhost/world/",
    }
    assert [a["name"] for a in article["authors"]] == ["Ana Ribeiro", "Tom Okafor"]
    assert article["tags"] == ["Diplomacy", "Europe"]
    assert article["image_url"].startswith("http://localhost/media/images/")
    detail = get(client, f"/api/v1/articles/{story.pk}/").json()
    assert "<p>First paragraph of Ceasefire talks resume in Geneva.</p>" in detail["body_html"]
    assert detail["guid"] == article["guid"]


def test_article_filters_match_the_reader_pages(client, world, ana, story):
    sport = SectionFactory(title="Sport", slug="sport")
    other = AuthorFactory(name="Lena Fischer")
    ArticleFactory(section=sport, authors=[other], title="Cup final", tags=["Football"])

    def titles(**params):
        return [a["title"] for a in get(client, "/api/v1/articles/", **params).json()["results"]]

    assert titles(section=sport.pk) == ["Cup final"]
    assert titles(author=ana.pk) == [story.title]
    assert titles(tag="football") == ["Cup final"]
    assert titles(section=world.pk, tag="football") == []
    assert titles(published_before=story.first_published_at.isoformat()) == []
    assert get(client, "/api/v1/articles/", section=999999).status_code == 404
    assert get(client, "/api/v1/articles/", tag="nope").json() == {"detail": "No such tag."}
    assert get(client, "/api/v1/articles/", page_size=500).status_code == 422


def test_sections_and_authors(client, story, ana):
    sections = get(client, "/api/v1/sections/").json()["results"]
    assert [s["title"] for s in sections] == ["World"]
    section = get(client, f"/api/v1/sections/{sections[0]['id']}/").json()
    assert section["url"] == "http://localhost/world/" and section["parent_id"] is None
    ana.x_url = "https://x.com/ana"
    ana.photo = demo_image("Ana portrait", size=(400, 400), initials="AR")
    ana.save_revision().publish()
    author = get(client, f"/api/v1/authors/{ana.pk}/").json()
    assert author["name"] == "Ana Ribeiro" and author["links"] == {"X": "https://x.com/ana"}
    assert author["photo_url"].startswith("http://localhost/media/images/")


def test_api_never_shows_drafts_private_pages_or_emails(client, world, ana, django_user_model):
    user = django_user_model.objects.create_user("ana", "ana.private@example.com", "x" * 12)
    ana.user = user
    ana.save_revision().publish()
    draft = ArticleFactory(section=world, authors=[ana], title="Embargoed", publish=False)
    live = ArticleFactory(section=world, authors=[ana], title="Out now")
    assert get(client, f"/api/v1/articles/{draft.pk}/").status_code == 404
    bodies = [
        get(client, path).content.decode()
        for path in (
            "/api/v1/articles/",
            f"/api/v1/articles/{live.pk}/",
            "/api/v1/authors/",
            f"/api/v1/authors/{ana.pk}/",
        )
    ]
    assert not any("Embargoed" in body or "@example.com" in body for body in bodies)


def test_openapi_description_is_served(client, home):
    schema = get(client, "/api/v1/openapi.json").json()
    assert schema["info"]["title"] == "Dateline read API"
    assert {"/api/v1/articles/", "/api/v1/sections/", "/api/v1/authors/"} <= set(schema["paths"])
    methods = {method for path in schema["paths"].values() for method in path}
    assert methods == {"get"}


@pytest.fixture
def api_schema(db, story):
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


def test_api_never_errors_and_keeps_its_contract(api_schema):
    """Schemathesis drives every operation with generated input; no 5xx, responses match."""
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) == 6
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
        def check(case):
            case.call_and_validate()

        check()
