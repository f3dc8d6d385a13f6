"""Fronts: the editors' lineup of the home page and each section page, published as
revisions, filled with the newest stories where it leaves slots, purged exactly."""

from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from dateline.desk import services
from dateline.desk.models import Front
from tests.api.client import token_for
from tests.desk.factories import embargoed_story
from tests.news.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(home):
    return SectionFactory(title="World", slug="world")


@pytest.fixture
def business(home):
    return SectionFactory(title="Business", slug="business")


@pytest.fixture
def stories(world, business):
    """Five stories, oldest first: "Story 0" is five hours old, "Story 4" one hour."""
    now = timezone.now()
    return [
        ArticleFactory(
            section=world if number % 2 else business,
            title=f"Story {number}",
            published_at=now - timedelta(hours=5 - number),
        )
        for number in range(5)
    ]


@pytest.fixture
def editor(newsroom_user):
    return newsroom_user("Editors", "ed")


def lead_of(html: str) -> str:
    lead = html.split('aria-label="Top stories"', 1)[1]
    return next(f"Story {n}" for n in range(9) if f"Story {n}<" in lead.split("card-grid")[0])


def test_without_a_lineup_the_newest_story_leads(client, stories):
    assert lead_of(client.get("/").text) == "Story 4"


def test_the_editors_lead_and_top_stories_then_the_newest(client, home, stories, editor):
    services.front_update(page=home, user=editor, stories=[(stories[0], None), (stories[2], None)])
    html = client.get("/").text
    assert lead_of(html) == "Story 0"
    top = html.split('aria-label="Top stories"', 1)[1].split("front-section")[0]
    assert top.index("Story 2") < top.index("Story 4") < top.index("Story 3")


def test_a_pinned_lead_gives_way_when_its_time_is_up(client, home, stories, editor):
    until = timezone.now() + timedelta(hours=1)
    services.front_update(page=home, user=editor, stories=[(stories[0], until)])
    assert lead_of(client.get("/").text) == "Story 0"
    with mock.patch("django.utils.timezone.now", return_value=until + timedelta(seconds=1)):
        assert lead_of(client.get("/").text) == "Story 4"


def test_a_draft_lineup_changes_nothing_until_published(client, home, stories, editor):
    services.front_update(page=home, user=editor, stories=[(stories[1], None)])
    services.front_update(page=home, user=editor, stories=[(stories[0], None)], publish=False)
    assert lead_of(client.get("/").text) == "Story 1"
    front = Front.objects.get()
    front.get_latest_revision().publish()
    assert lead_of(client.get("/").text) == "Story 0"


def test_a_scheduled_lineup_goes_live_with_the_scheduler(client, home, stories, editor):
    from django.core.management import call_command
    from wagtail.models import Revision

    services.front_update(
        page=home, user=editor, stories=[(stories[0], None)],
        go_live_at=timezone.now() + timedelta(hours=8),
    )  # fmt: skip
    assert lead_of(client.get("/").text) == "Story 4"
    revision = Revision.objects.get(approved_go_live_at__isnull=False)
    past = timezone.now() - timedelta(seconds=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save()
    call_command("publish_scheduled")
    assert lead_of(client.get("/").text) == "Story 0"


def test_the_editor_orders_the_section_blocks(client, home, stories, editor, world, business):
    for number in range(8):  # more than the lead and top stories take
        ArticleFactory(section=world if number % 2 else business, title=f"More {number}")
    html = client.get("/").text
    assert html.index('id="front-world"') < html.index('id="front-business"')  # menu order
    services.front_update(page=home, user=editor, stories=[], sections=[business, world])
    html = client.get("/").text
    assert html.index('id="front-business"') < html.index('id="front-world"')


def test_an_embargoed_pick_stays_invisible_until_released(client, home, stories, editor, world):
    held = embargoed_story(section=world, title="Held back")
    services.front_update(page=home, user=editor, stories=[(held, None)])
    html = client.get("/").text
    assert "Held back" not in html and lead_of(html) == "Story 4"


def test_a_section_front_shows_its_picks_first(client, stories, editor, world):
    services.front_update(page=world, user=editor, stories=[(stories[1], None)])
    html = client.get("/world/").text
    top = html.split('aria-label="Top stories in World"', 1)[1]
    assert top.index("Story 1") < top.index("Story 3")
    assert html.count(">Story 1<") == 1  # not listed twice


def test_a_preview_shows_the_unsaved_lineup(rf, home, stories, editor):
    front = Front(page=home)
    front.stories = [mock.Mock(story_id=stories[2].pk, keep_until=None)]
    request = rf.get("/")
    request.user = editor
    response = front.serve_preview(request, "")
    response.render()
    assert lead_of(response.content.decode()) == "Story 2"


def test_publishing_a_lineup_purges_exactly_that_front(home, stories, editor, commit):
    with mock.patch("dateline.edge.invalidation.purge_now") as purge_now:
        commit(services.front_update, page=home, user=editor, stories=[(stories[0], None)])
    purged = set().union(*(set(call.args[0]) for call in purge_now.call_args_list))
    assert purged == {f"front-{home.pk}"}
    cdn = {page.pk for call in purge_now.call_args_list for page in call.kwargs["cdn_pages"]}
    assert cdn == {home.pk}


def test_the_home_page_names_its_front_and_a_pin_running_out_purges_it(client, home, stories,
                                                                       editor, commit):  # fmt: skip
    assert f"front-{home.pk}" in client.get("/")["Surrogate-Key"].split()
    until = timezone.now() - timedelta(seconds=5)
    services.front_update(page=home, user=editor, stories=[(stories[0], until)])
    with mock.patch("dateline.edge.invalidation.purge_now") as purge_now:
        commit(services.fronts_release_pins)
    assert set(purge_now.call_args.args[0]) == {f"front-{home.pk}"}


def test_an_article_is_no_front(home, stories, editor):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.front_update(page=stories[0], user=editor, stories=[])


def test_the_api_sets_the_lead_and_top_stories(api, client, home, stories, editor):
    response = api.put(
        f"/api/v1/fronts/{home.pk}/",
        {"stories": [stories[1].pk, {"id": stories[0].pk, "keep_until": None}]},
        token=token_for(editor),
    )
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == "live"
    assert [pick["id"] for pick in response.json()["stories"]] == [stories[1].pk, stories[0].pk]
    assert lead_of(client.get("/").text) == "Story 1"


def test_the_api_needs_the_admins_permissions(api, home, stories, newsroom_user):
    reporter = newsroom_user("Reporters", "rita")
    body = {"stories": [stories[1].pk]}
    assert api.put(f"/api/v1/fronts/{home.pk}/", body).status_code == 401
    assert api.put(f"/api/v1/fronts/{home.pk}/", body, token=token_for(reporter)).status_code == 403
    assert not Front.objects.exists()


@pytest.mark.parametrize(
    "body, field",
    [({"stories": [999999]}, "stories.0"), ({"stories": [0]}, "stories.0"),
     ({"stories": "lead"}, "stories"),
     ({"stories": [], "sections": [999999]}, "sections.0"), ({"stories": [], "lead": 1}, "lead")],
)  # fmt: skip
def test_bad_lineups_are_a_400_naming_the_field(api, home, stories, editor, body, field):
    response = api.put(f"/api/v1/fronts/{home.pk}/", body, token=token_for(editor))
    assert response.status_code == 400
    assert field in [problem["field"] for problem in response.json()["errors"]]
    assert not Front.objects.exists()


def test_editors_may_edit_and_publish_lineups():
    editors = Group.objects.get(name="Editors")
    codenames = set(
        editors.permissions.filter(content_type__app_label="desk").values_list(
            "codename", flat=True
        )
    )
    assert {"add_front", "change_front", "publish_front", "add_correction"} <= codenames
    assert Permission.objects.filter(codename="publish_front").exists()


def test_a_curated_home_page_costs_one_query_more_than_an_uncurated_one(client, home, editor):
    from tests.news.test_queries import LISTING_QUERIES, queries_for

    world = SectionFactory(title="World", slug="world")
    picks = [ArticleFactory(section=world, tags=["shared"]) for _ in range(2)]
    assert queries_for(client, "/") == LISTING_QUERIES["/"]  # as tests/news/test_queries.py
    services.front_update(
        page=home,
        user=editor,
        stories=[(picks[1], timezone.now() + timedelta(hours=1)), (picks[0], None)],
        sections=[world],
    )
    assert lead_of_any(client.get("/").text) == picks[1].title
    # The newest few are read first (their ids, from the publication index), so that only
    # they and the picks are ordered by pick, not every story of the archive.
    assert queries_for(client, "/") == LISTING_QUERIES["/"] + 1


def lead_of_any(html: str) -> str:
    lead = html.split('aria-label="Top stories"', 1)[1].split("card-grid")[0]
    return lead.split('class="card-headline">', 1)[1].split("</a>")[0].rsplit(">", 1)[1]
