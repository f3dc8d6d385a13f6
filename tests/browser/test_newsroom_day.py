"""A newsroom's day in the admin, in Chromium, counting clicks: a reporter files a story,
an editor approves it from the budget, a moderator works the queue on a 390px phone."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone
from playwright.sync_api import expect

from dateline.comments.models import Comment
from tests.browser.test_accessibility import axe_violations
from tests.browser.tools import AXE_JS, require_node_module
from tests.comments.factories import CommentFactory
from tests.news.factories import ArticleFactory

pytestmark = pytest.mark.browser

PHONE_390 = {"width": 390, "height": 844}
PASSWORD = "a-long-newsroom-password"
MIN_TARGET = 44  # CSS px, WCAG 2.2 target size (enhanced)


class Clicks:
    """Every click a person makes, so a test can say how many a task took."""

    def __init__(self):
        self.count = 0

    def __call__(self, locator):
        self.count += 1
        locator.click()


def sign_in(page, username: str) -> None:
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def _user(username, group, first, last):
    user = User.objects.create_user(username, f"{username}@newsroom.example", PASSWORD,
                                    first_name=first, last_name=last)  # fmt: skip
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def staff(newsroom):
    return {
        "reporter": _user("rita", "Reporters", "Rita", "Okafor"),
        "editor": _user("eddie", "Editors", "Eddie", "Marsh"),
        "moderator": _user("mona", "Comment moderators", "Mona", "Field"),
    }


def test_reporter_files_and_editor_approves_from_the_budget(browse, newsroom, staff):
    require_node_module(AXE_JS)
    comet = ArticleFactory(section=newsroom.lead.section, title="Comet visible tonight",
                           publish=False)  # fmt: skip
    comet.go_live_at = timezone.now() + timedelta(hours=3)
    comet.save_revision(user=staff["editor"]).publish(user=staff["editor"])
    tomorrow_noon = (timezone.localtime() + timedelta(days=1)).replace(hour=12, minute=0)

    def reporter_day(tab):
        page, click = tab.page, Clicks()
        sign_in(page, "rita")
        click(page.get_by_role("link", name="New story in World"))
        expect(page.locator("#id_title")).to_be_empty()
        assert click.count <= 2, "a reporter reaches an empty story form in two clicks"
        expect(page.locator("#id_authors-0-author-title")).to_have_text("Rita Okafor")
        page.locator("#id_title").fill("Harbour strike ends after nine days")
        page.locator("#id_standfirst").fill("Dock workers accept a pay offer.")
        click(page.get_by_role("button", name="More actions"))
        click(page.get_by_role("button", name=re.compile("Submit to Newsroom review")))
        expect(page.get_by_text("created and submitted for moderation").first).to_be_visible()
        return click.count

    browse(reporter_day)

    def editor_day(tab):
        page, click = tab.page, Clicks()
        sign_in(page, "eddie")
        click(page.get_by_role("link", name="Story budget", exact=True))
        story = page.locator(".budget-story", has_text="Harbour strike ends after nine days")
        expect(story).to_contain_text("In review")
        expect(story).to_contain_text("Rita Okafor")
        assert axe_violations(page) == []
        tab.screenshot("budget")
        click(story.get_by_role("button", name=re.compile("^Approve")))
        story = page.locator(".budget-story", has_text="Harbour strike ends after nine days")
        expect(story).to_contain_text("Published")

        comet = page.locator(".budget-story", has_text="Comet visible tonight")
        expect(comet).to_contain_text("Scheduled")
        comet.get_by_label("New time").fill(tomorrow_noon.strftime("%Y-%m-%dT%H:%M"))
        click(comet.get_by_role("button", name=re.compile("^Reschedule")))
        expect(
            page.get_by_text(re.compile("“Comet visible tonight” now goes live"))
        ).to_be_visible()
        comet = page.locator(".budget-story", has_text="Comet visible tonight")
        expect(comet).to_contain_text("Scheduled 12:00")

        page.set_viewport_size(PHONE_390)
        page.reload()
        assert overflow_and_small_targets(page, ".newsroom-desk") == {"overflow": 0, "small": []}
        tab.screenshot("budget-390")
        return click.count

    assert browse(editor_day, bypass_csp=True) == 3


def overflow_and_small_targets(page, region: str = ".comments-desk") -> dict:
    """Sideways scrolling in pixels, and the desk's controls smaller than 44x44 CSS px (a
    checkbox counts with its label, which clicks it too)."""
    return page.evaluate(
        """([min, region]) => {
          const small = [];
          const controls = ['a', 'button', 'input:not([type=hidden])', 'select', 'textarea'];
          for (const el of document.querySelectorAll(
              controls.map(control => `${region} ${control}`).join(', '))) {
            const target = el.type === 'checkbox' ? (el.closest('label') || el) : el;
            const box = target.getBoundingClientRect();
            if (box.width === 0 && box.height === 0) continue;  // not shown
            const name = (el.textContent || el.name || '').trim().slice(0, 30);
            const size = `${Math.round(box.width)}x${Math.round(box.height)}`;
            if (box.width < min || box.height < min) small.push(`${el.tagName} "${name}" ${size}`);
          }
          return {overflow: document.documentElement.scrollWidth - window.innerWidth, small};
        }""",
        [MIN_TARGET, region],
    )


def test_moderator_works_the_queue_on_a_phone(browse, newsroom, staff):
    require_node_module(AXE_JS)
    waiting = [
        CommentFactory(article=newsroom.lead, status="pending", email="vera@example.org",
                       author_name="Vera Lind", text=f"Question number {n} about the talks?")
        for n in range(3)
    ]  # fmt: skip
    Comment.objects.filter(pk=waiting[0].pk).update(ip_prefix="203.0.113.0")

    def moderator_day(tab):
        page, click = tab.page, Clicks()
        sign_in(page, "mona")
        page.goto("/admin/comments/?queue=pending")
        pages = {"queue": page.url}
        row = page.locator("tr", has_text="Question number 2")
        before = click.count
        click(row.get_by_role("button", name=re.compile("^Approve")))
        expect(page.get_by_text("Approved: 1 comment.")).to_be_visible()
        assert click.count - before == 1, "a moderator approves from the queue in one click"
        expect(page.get_by_role("button", name="Undo")).to_be_visible()
        expect(page.locator("tr", has_text="Question number 2")).to_have_count(0)

        row = page.locator("tr", has_text="Question number 0")
        click(row.get_by_role("link", name="Vera Lind"))
        pages["comment"] = page.url
        click(page.get_by_role("link", name="Ban this network…"))
        expect(
            page.get_by_text("the 256 addresses from 203.0.113.0 to 203.0.113.255")
        ).to_be_visible()
        page.get_by_label("Reason (kept with the ban and in the audit log)").fill("Spam wave")
        click(page.get_by_role("button", name="Yes, ban 203.0.113.0/24"))
        expect(page.get_by_text("Banned 203.0.113.0/24.")).to_be_visible()
        pages["commenter"] = "/admin/comments/commenter/?email=vera@example.org"
        pages["audit"] = "/admin/comments/audit/"
        pages["ban confirmation"] = "/admin/comments/ban/network/?value=203.0.113.0/24"

        found = {}
        for name, url in pages.items():
            page.goto(url)
            measured = overflow_and_small_targets(page)
            violations = axe_violations(page)
            if measured["overflow"] > 0 or measured["small"] or violations:
                found[name] = {**measured, "axe": violations}
            tab.screenshot(f"desk-390-{name.replace(' ', '-')}")
        return found

    assert browse(moderator_day, viewport=PHONE_390, bypass_csp=True) == {}
