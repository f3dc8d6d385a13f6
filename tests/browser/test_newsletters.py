"""A reader without JavaScript signs up from a story page and confirms from the email."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from dateline.newsletters import signup
from dateline.newsletters.models import Newsletter, Subscription

pytestmark = pytest.mark.browser


@pytest.fixture
def letters(newsroom, monkeypatch):
    # A person takes longer than the form's minimum age; a test does not need to wait it out.
    monkeypatch.setattr(signup, "FORM_MIN_AGE", 0)
    Newsletter.objects.create(name="Daily briefing", slug="daily", schedule="daily")
    Newsletter.objects.create(name="Breaking news", slug="breaking", schedule="breaking")
    return newsroom


def test_signing_up_and_confirming_without_javascript(browse, letters):
    article = letters.article

    def sign_up(tab):
        page = tab.page
        tab.open(article)
        box = page.locator(".newsletter-signup")
        expect(box.get_by_role("heading", name="Get our newsletters")).to_be_visible()
        box.get_by_label("Daily briefing").check()
        box.get_by_label("Your email address").fill("ines@example.com")
        box.get_by_role("button", name="Subscribe").click()
        expect(page.get_by_role("heading", name="Check your inbox")).to_be_visible()

    browse(sign_up, javascript=False)
    [email] = mail.outbox
    confirm = re.search(r"https?://[^/\s]+(/newsletters/confirm/\S+/)", email.body)[1]

    def confirm_it(tab):
        page = tab.page
        tab.open(confirm)
        page.get_by_role("button", name="Yes, subscribe me").click()
        expect(page.get_by_role("heading", name="You are subscribed")).to_be_visible()

    browse(confirm_it, javascript=False)
    assert Subscription.objects.get().status == "active"
