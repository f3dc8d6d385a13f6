"""Tokens: Wagtail's own API tokens, acting as their user; everything else is a 401."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import APIToken

from tests.api.client import token_for

pytestmark = pytest.mark.django_db

STORY = "/api/v1/stories/1/"


@pytest.fixture
def editor(newsroom_user, home):
    return newsroom_user("Editors", "ed")


def test_no_token_is_a_401_that_says_how_to_send_one(api, home):
    response = api.get(STORY)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"
    assert response.json() == {
        "detail": "No API token: send the header Authorization: Bearer <token>.",
        "errors": [],
    }


@pytest.mark.parametrize("token", ["wagtail_not-a-real-token", "x", "Bearer"])
def test_an_unknown_token_is_a_401(api, home, token):
    response = api.get(STORY, token=token)
    assert response.status_code == 401
    assert "not valid" in response.json()["detail"]


def test_a_revoked_token_or_an_inactive_user_is_a_401(api, editor):
    token = token_for(editor)
    assert api.get(STORY, token=token).status_code == 404  # accepted: no such story
    APIToken.objects.get(user=editor).revoke()
    assert api.get(STORY, token=token).status_code == 401
    other = token_for(editor, "second")
    editor.is_active = False
    editor.save()
    assert api.get(STORY, token=other).status_code == 401


def test_a_signed_in_admin_session_does_not_authenticate_the_api(client, api, editor):
    client.force_login(editor)
    assert api.get(STORY).status_code == 401


def test_the_token_command_creates_lists_and_revokes(api, editor, capsys):
    call_command("api_tokens", "create", "--user", "ed", "--name", "Election bot")
    token = capsys.readouterr().out.strip()
    assert api.get(STORY, token=token).status_code == 404
    call_command("api_tokens", "list", "--user", "ed")
    listed = capsys.readouterr().out
    assert "Election bot" in listed and token not in listed  # only the prefix is shown
    token_id = APIToken.objects.get(name="Election bot").pk
    call_command("api_tokens", "revoke", "--id", str(token_id))
    assert api.get(STORY, token=token).status_code == 401


def test_a_token_records_when_it_was_last_used_even_when_refused(api, editor):
    token = token_for(editor)
    assert APIToken.objects.get(user=editor).last_used_at is None
    assert api.post("/api/v1/stories/", {}, token=token).status_code == 400
    assert APIToken.objects.get(user=editor).last_used_at is not None


def test_editors_see_and_revoke_their_own_tokens_in_the_admin(client, api, editor, newsroom_user):
    reporter = newsroom_user("Reporters", "rita")
    token = token_for(editor, "Results bot")
    token_for(reporter, "Rita's script")
    client.force_login(editor)
    index = client.get(reverse("wagtailusers_api_tokens:index"))
    assert index.status_code == 200
    page = index.content.decode()
    assert "Results bot" in page and "Rita&#x27;s script" not in page
    mine = APIToken.objects.get(name="Results bot")
    theirs = APIToken.objects.get(name="Rita's script")
    refused = client.post(reverse("wagtailusers_api_tokens:delete", args=[theirs.pk]))
    assert refused.status_code == 404
    client.post(reverse("wagtailusers_api_tokens:delete", args=[mine.pk]))
    assert api.get(STORY, token=token).status_code == 401
    theirs.refresh_from_db()
    assert theirs.revoked_at is None


def test_reporters_create_their_own_tokens_in_the_admin(client, newsroom_user):
    reporter = newsroom_user("Reporters", "rita")
    client.force_login(reporter)
    response = client.post(
        reverse("wagtailusers_api_tokens:add"), {"name": "My script", "user": reporter.pk}
    )
    assert response.status_code == 200
    assert APIToken.objects.get(name="My script").user == reporter
