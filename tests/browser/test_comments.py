"""A reader comments and replies in Chromium; a moderator approves in the admin; both appear."""

import re

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect
from wagtail.models import Site

from dateline.comments import tokens
from dateline.comments.models import CommentSettings

pytestmark = pytest.mark.browser


@pytest.fixture
def comments_open(newsroom, monkeypatch):
    # A person takes longer than the form's minimum age; a test does not need to wait it out.
    monkeypatch.setattr(tokens, "FORM_MIN_AGE", 0)
    settings = CommentSettings.for_site(Site.objects.get(is_default_site=True))
    settings.first_time_hold = 1  # a first comment waits; once approved, its writer is trusted
    settings.save()
    User.objects.create_superuser("desk", "desk@example.com", "a-long-desk-password")
    return newsroom


def fill_and_post(page, text: str) -> None:
    form = page.locator("#commentform")
    form.get_by_role("textbox", name="Comment").fill(text)
    form.get_by_role("textbox", name="Name").fill("Ines Duarte")
    form.get_by_role("textbox", name="Email").fill("ines@example.com")
    form.get_by_role("button", name="Post Comment").click()


def approve_everything_pending(page) -> None:
    page.goto("/admin/comments/?queue=pending")
    if page.get_by_label("Username").count():
        page.get_by_label("Username").fill("desk")
        page.get_by_label("Password").fill("a-long-desk-password")
        page.get_by_role("button", name="Sign in").click()
        page.goto("/admin/comments/?queue=pending")
    for box in page.locator("input[name=comment]").all():
        box.check()
    page.get_by_role("button", name="Approve selected").click()
    expect(page.get_by_text("No comments here.")).to_be_visible()


def test_comment_wait_approve_reply_and_see_it_nested(browse, comments_open):
    article = comments_open.article

    def converse(tab):
        page = tab.page
        tab.open(article)
        expect(page.get_by_role("heading", name="Leave a Reply")).to_be_visible()
        expect(page.get_by_text("Your email address will not be published.")).to_be_visible()
        fill_and_post(page, "Were the talks open to observers?")
        expect(page.get_by_text("Your comment is awaiting moderation")).to_be_visible()
        expect(page.locator(".comment-list")).to_have_count(0)

        approve_everything_pending(page)

        tab.open(article)
        question = page.locator(".comment", has_text="Were the talks open to observers?")
        expect(question).to_be_visible()
        question.get_by_role("link", name=re.compile("^Reply")).click()
        fill_and_post(page, "Answering myself: yes, two journalists were admitted.")

        tab.open(article)
        nested = question.locator(".children .comment")
        expect(nested).to_contain_text("two journalists were admitted")
        expect(page.get_by_role("heading", name="2 comments")).to_be_visible()
        tab.screenshot("article-comments")

    browse(converse, javascript=False)
