"""One error format across the API, and nothing written when the answer is an error."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from ninja import Status
from taggit.models import Tag

from dateline.api.routes import all_or_nothing

pytestmark = pytest.mark.django_db


def tag_then(outcome):
    """A view that writes (a tag) and then answers `outcome`, or raises it."""

    def view(request):
        Tag.objects.create(name="Written", slug="written")
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    return all_or_nothing(view)


@pytest.mark.parametrize(
    "outcome", [Status(400, {}), Status(403, {}), (404, {}), PermissionDenied("no")]
)
def test_a_write_that_ends_in_an_error_leaves_nothing(outcome, django_capture_on_commit_callbacks):
    request = RequestFactory().post("/api/v1/anything/")
    with django_capture_on_commit_callbacks() as callbacks:
        try:
            tag_then(outcome)(request)
        except PermissionDenied:
            pass
    assert not Tag.objects.exists()
    assert callbacks == []


def test_a_write_that_succeeds_is_kept():
    tag_then(Status(201, {}))(RequestFactory().post("/api/v1/anything/"))
    assert Tag.objects.filter(slug="written").exists()


def test_every_error_has_the_same_shape(api, client, newsroom_user, home):
    from tests.api.client import token_for

    token = token_for(newsroom_user("Editors", "ed"))
    answers = [
        api.get("/api/v1/articles/", page_size=500),  # 400 from the read API
        api.get("/api/v1/articles/", tag="nope"),  # 404
        api.get("/api/v1/stories/1/"),  # 401
        api.post("/api/v1/stories/", {"title": 5}, token=token),  # 400
        api.get("/api/v1/stories/1/", token=token),  # 404
    ]
    assert [a.status_code for a in answers] == [400, 404, 401, 400, 404]
    for answer in answers:
        body = answer.json()
        assert set(body) == {"detail", "errors"} and body["detail"]
    assert answers[0].json()["errors"] == [
        {"field": "page_size", "message": "Input should be less than or equal to 100"}
    ]
