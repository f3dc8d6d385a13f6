"""The story budget: today's and the coming days' stories by state, and the editors' calendar."""

from datetime import UTC, timedelta

import pytest
from django.utils import timezone

from dateline.editorial import calendar, selectors
from dateline.editorial.selectors import BudgetFilters, State
from dateline.news import services as news
from tests.news.factories import ArticleFactory, AuthorFactory

pytestmark = pytest.mark.django_db


def _scheduled(section, title, at, authors, editor):
    story = ArticleFactory(section=section, title=title, authors=authors, publish=False)
    story.go_live_at = at
    story.save_revision(user=editor).publish(user=editor)
    return story


@pytest.fixture
def day(world, science, reporter, editor, rita_page):
    """One of each: a draft, a story in review, one scheduled tomorrow, one out today."""
    other = AuthorFactory(name="Sam Lee")
    draft = ArticleFactory(section=world, title="Draft on the dam", authors=[rita_page],
                           publish=False)  # fmt: skip
    review = news.article_file(
        user=reporter, section=world, title="Strike ends", standfirst="Deal.",
        authors=[rita_page], submit_for_review=True,
    )  # fmt: skip
    tomorrow = timezone.now() + timedelta(days=1)
    scheduled = _scheduled(science, "Comet visible", tomorrow, [other], editor)
    published = ArticleFactory(section=science, title="Vaccine results", authors=[other])
    return {"draft": draft, "review": review, "scheduled": scheduled, "published": published}


def _states(days):
    return {entry.story.title: entry.state for d in days for entry in d.entries}


def test_budget_lists_each_story_by_state_and_day(day, django_assert_num_queries):
    with django_assert_num_queries(6):
        days = selectors.story_budget(BudgetFilters())
    assert _states(days) == {
        "Draft on the dam": State.DRAFT,
        "Strike ends": State.REVIEW,
        "Comet visible": State.SCHEDULED,
        "Vaccine results": State.PUBLISHED,
    }
    by_title = {entry.story.title: (d.day, entry) for d in days for entry in d.entries}
    today = timezone.localdate()
    assert by_title["Comet visible"][0] == today + timedelta(days=1)
    assert by_title["Vaccine results"][0] == today
    assert by_title["Draft on the dam"][0] is None  # no time planned yet
    assert by_title["Comet visible"][1].can_reschedule


def test_budget_queries_do_not_grow_with_stories(day, world, rita_page, django_assert_num_queries):
    for number in range(5):
        ArticleFactory(section=world, title=f"More {number}", authors=[rita_page])
    with django_assert_num_queries(6):
        selectors.story_budget(BudgetFilters())


def test_budget_filters_by_section_and_reporter(day, science, rita_page):
    assert set(_states(selectors.story_budget(BudgetFilters(section=science)))) == {
        "Comet visible", "Vaccine results",
    }  # fmt: skip
    assert set(_states(selectors.story_budget(BudgetFilters(author=rita_page)))) == {
        "Draft on the dam", "Strike ends",
    }  # fmt: skip


def test_budget_screen_shows_times_and_quick_actions(client, day, editor, science):
    client.force_login(editor)
    html = client.get("/admin/budget/").content.decode()
    assert "Scheduled" in html and "In review" in html and "Published" in html
    review = day["review"]
    approve = f"/admin/pages/workflow/action/{review.pk}/approve/"
    assert approve in html
    assert f"/admin/budget/{day['scheduled'].pk}/reschedule/" in html
    filtered = client.get(f"/admin/budget/?section={science.pk}").content.decode()
    assert "Comet visible" in filtered and "Strike ends" not in filtered


def test_approve_from_the_budget_publishes_and_comes_back(client, day, editor):
    review = day["review"]
    client.force_login(editor)
    task_state = review.current_workflow_task_state
    response = client.post(
        f"/admin/pages/workflow/action/{review.pk}/approve/{task_state.pk}/",
        {"next": "/admin/budget/"},
    )
    assert response["Location"] == "/admin/budget/"
    review.refresh_from_db()
    assert review.live


def test_reschedule_moves_the_publication(client, day, editor):
    story = day["scheduled"]
    client.force_login(editor)
    later = timezone.localtime() + timedelta(days=2)
    response = client.post(
        f"/admin/budget/{story.pk}/reschedule/",
        {"go_live_at": later.strftime("%Y-%m-%dT%H:%M"), "next": "/admin/budget/"},
    )
    assert response.status_code == 302
    revision = selectors.scheduled_revision(story)
    assert revision.approved_go_live_at == later.replace(second=0, microsecond=0)
    story.refresh_from_db()
    assert not story.live


def test_reschedule_refuses_the_past_and_reporters(client, day, editor, reporter):
    story = day["scheduled"]
    before = selectors.scheduled_revision(story).approved_go_live_at
    client.force_login(editor)
    past = (timezone.localtime() - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(f"/admin/budget/{story.pk}/reschedule/", {"go_live_at": past},
                           follow=True)  # fmt: skip
    assert "Choose a time in the future." in response.content.decode()
    client.force_login(reporter)
    future = (timezone.localtime() + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(f"/admin/budget/{story.pk}/reschedule/", {"go_live_at": future})
    assert response.status_code in (302, 403)
    assert selectors.scheduled_revision(story).approved_go_live_at == before


def test_calendar_feed_lists_scheduled_stories_behind_a_signed_address(client, day, editor):
    token = calendar.calendar_token(editor)
    response = client.get(f"/newsroom/calendar/{token}.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\n") and body.endswith("END:VCALENDAR\r\n")
    assert "SUMMARY:Goes live: Comet visible" in body
    at = selectors.scheduled_revision(day["scheduled"]).approved_go_live_at
    assert f"DTSTART:{at.astimezone(UTC):%Y%m%dT%H%M%SZ}" in body
    assert f"/admin/pages/{day['scheduled'].pk}/edit/" in body
    assert "Strike ends" not in body  # not scheduled


def test_calendar_address_is_refused_when_wrong_or_after_a_password_change(client, editor, day):
    token = calendar.calendar_token(editor)
    user_id, _dash, signature = token.partition("-")
    assert client.get(f"/newsroom/calendar/{user_id}-{signature[:-1]}x.ics").status_code == 404
    assert client.get("/newsroom/calendar/junk.ics").status_code == 404
    editor.set_password("a new password for eddie")
    editor.save()
    assert client.get(f"/newsroom/calendar/{token}.ics").status_code == 404


def test_calendar_lines_are_folded_and_escaped():
    publication = selectors.ScheduledPublication(
        revision_id=1, page_id=2, title="Élections; résultats, " + "très " * 30,
        at=timezone.now(),
    )  # fmt: skip
    text = calendar.render_calendar(
        [publication], site_name="Courier", host="news.example", edit_url=lambda pk: "https://x/"
    )
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    unfolded = text.replace("\r\n ", "")
    assert "SUMMARY:Goes live: Élections\\; résultats\\, très" in unfolded
