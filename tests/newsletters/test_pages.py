"""The sign-up box on the front page, section pages and under every story: the same for every
reader (the pages are cached), with a fresh signed form time, and current newsletters."""

import re

import pytest
from django.contrib.auth.models import User

from dateline.newsletters.models import Newsletter

pytestmark = pytest.mark.django_db


def signup_box(html: str) -> str:
    match = re.search(r'<section class="newsletter-signup".*?</section>', html, re.S)
    assert match, "no sign-up box on the page"
    return re.sub(r'name="token" value="[^"]*"', "", match[0])


def test_the_box_is_on_the_front_page_sections_and_stories(client, daily, story, world):
    for url in ("/", world.url, story.url):
        box = signup_box(client.get(url).content.decode())
        assert "Daily briefing" in box and 'action="/newsletters/subscribe/"' in box


def test_the_box_is_the_same_for_a_signed_in_editor_and_a_stranger(client, daily, story):
    stranger = signup_box(client.get(story.url).content.decode())
    User.objects.create_user("ana", "ana@example.org", "a-long-password-1")
    client.login(username="ana", password="a-long-password-1")
    assert signup_box(client.get(story.url).content.decode()) == stranger
    assert "ana@example.org" not in stranger


def test_a_renamed_newsletter_shows_on_the_next_render(
    client, daily, story, commit, fragment_store
):
    assert "Daily briefing" in signup_box(client.get("/").content.decode())
    daily.name = "Morning briefing"
    commit(daily.save)
    assert "Morning briefing" in signup_box(client.get("/").content.decode())
    commit(Newsletter.objects.all().delete)
    assert 'class="newsletter-signup"' not in client.get("/").content.decode()


def test_no_box_when_there_is_nothing_to_sign_up_for(client, story):
    assert 'class="newsletter-signup"' not in client.get(story.url).content.decode()
