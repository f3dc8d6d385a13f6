"""Live pages in Chromium: a reporter posts at the desk and an open reader page shows the
entry without a reload; a moderator approves a comment and an open story offers it."""

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import expect
from wagtail.models import Site

from dateline.comments.models import Comment, CommentSettings
from tests.browser.conftest import DESKTOP
from tests.comments.factories import CommentFactory

pytestmark = pytest.mark.browser

PASSWORD = "a-long-desk-password"


def sign_in(page, username: str, next_path: str) -> None:
    page.goto(f"/admin/login/?next={next_path}")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"**{next_path}")


def open_followed(tab, path: str) -> None:
    """Open a page and wait until its live stream is connected."""
    with tab.page.expect_response(lambda response: "/stream/" in response.url):
        tab.open(path)
    tab.page.evaluate("window.notReloaded = true")


def other_person(tab):
    """A second browser, signed in as someone else, beside the reader's."""
    context = tab.context.browser.new_context(base_url=tab.base_url, viewport=DESKTOP)
    context.set_default_timeout(5_000)
    return context, context.new_page()


def test_an_entry_posted_at_the_desk_appears_on_an_open_page(browse, newsroom):
    reporter = User.objects.create_user("rita", password=PASSWORD, first_name="Rita")
    reporter.groups.add(Group.objects.get(name="Reporters"))
    blog = newsroom.live_blog

    def report(tab):
        reader = tab.page
        open_followed(tab, blog.url)
        expect(reader.locator(".live-badge")).to_have_text("Live")
        context, desk = other_person(tab)
        try:
            sign_in(desk, "rita", f"/admin/live/{blog.pk}/")
            desk.get_by_role("textbox", name="Update").fill(
                "Both delegations are back in the hall."
            )
            desk.get_by_label("Key event", exact=True).check()
            desk.get_by_label("Key event title").fill("Talks restart")
            desk.get_by_role("button", name="Post").click()
            expect(desk.get_by_text("Posted.")).to_be_visible()
            # Committed: the open page shows it within a second, at the top, without a reload.
            newest = reader.locator("[data-live-entries] > .live-entry").first
            expect(newest).to_contain_text("Both delegations are back", timeout=1_000)
            expect(reader.locator("[data-live-key-events]")).to_contain_text("Talks restart")
            expect(reader.locator("[data-live-status]")).to_have_text(
                "New key event: Talks restart"
            )
            assert reader.evaluate("window.notReloaded") is True
            tab.screenshot("live-blog-after-post")
        finally:
            context.close()

    browse(report)


def test_a_comment_approved_by_a_moderator_is_offered_on_an_open_story(browse, newsroom):
    settings = CommentSettings.for_site(Site.objects.get(is_default_site=True))
    settings.first_time_hold = 0
    settings.save()
    User.objects.create_superuser("desk", "desk@example.com", PASSWORD)
    waiting = CommentFactory(
        article=newsroom.lead, status=Comment.Status.PENDING, text="Observers were let in at noon."
    )

    def moderate(tab):
        reader = tab.page
        open_followed(tab, newsroom.article)
        reader.evaluate("window.scrollTo(0, 400)")
        context, admin = other_person(tab)
        try:
            sign_in(admin, "desk", "/admin/comments/?queue=pending")
            admin.locator(f"input[name=comment][value='{waiting.pk}']").check()
            admin.get_by_role("button", name="Approve selected").click()
            expect(admin.get_by_text("No comments here.")).to_be_visible()
        finally:
            context.close()
        notice = reader.locator(".live-notice")
        expect(notice).to_have_attribute("aria-live", "polite")
        expect(notice.get_by_role("button")).to_have_text("1 new comment: show", timeout=2_000)
        # Announced, not inserted: nothing on the page moved, and it did not scroll.
        assert reader.evaluate("window.scrollY") == 400
        expect(reader.locator(f"#comment-{waiting.pk}")).to_have_count(0)
        notice.get_by_role("button").click()
        inserted = reader.locator(f"#comment-{waiting.pk}")
        expect(inserted).to_contain_text("Observers were let in at noon.")
        expect(inserted).to_be_focused()
        expect(notice).to_be_hidden()
        assert reader.evaluate("window.notReloaded") is True

    browse(moderate)
