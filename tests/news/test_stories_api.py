"""Filing stories through the API: a token does exactly what its user may do in the admin."""

from datetime import timedelta

import pytest
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import PageLogEntry, Revision, WorkflowState

from dateline.news.models import ArticlePage
from tests.api.client import token_for
from tests.news.factories import ArticleFactory, AuthorFactory, SectionFactory

pytestmark = pytest.mark.django_db

STORIES = "/api/v1/stories/"


@pytest.fixture
def politics(home):
    return SectionFactory(title="Politics", slug="politics")


@pytest.fixture
def reporter(newsroom_user, home):
    user = newsroom_user("Reporters", "rita")
    author = AuthorFactory(name="Rita Reporter", slug="rita-reporter")
    author.user = user
    author.save_revision().publish()
    return user


@pytest.fixture
def editor(newsroom_user):
    return newsroom_user("Editors", "ed")


@pytest.fixture
def ana(home):
    return AuthorFactory(name="Ana Ribeiro", slug="ana-ribeiro")


def story(**overrides) -> dict:
    return {
        "title": "Council approves the new tram line",
        "standfirst": "Construction starts in spring after a 31-14 vote.",
        "body_html": "<p>The council voted <b>31-14</b>.</p><h2>Cost</h2><p>It costs a lot.</p>",
        "section": "politics",
        **overrides,
    }


def nothing_written() -> bool:
    """No story, no story revision, no workflow started."""
    return not (
        ArticlePage.objects.exists()
        or Revision.objects.filter(object_str__icontains="tram line").exists()
        or WorkflowState.objects.exists()
    )


# -- filing ------------------------------------------------------------------------------


def test_a_reporter_files_a_draft_with_its_body_sanitised_into_blocks(api, politics, reporter):
    response = api.post(
        STORIES,
        story(body_html='<p onclick="x()">Hi <script>alert(1)</script><em>there</em></p>'),
        token=token_for(reporter),
    )
    assert response.status_code == 201
    data = response.json()
    assert data["status"] == "draft" and data["url"] is None
    article = ArticlePage.objects.get(pk=data["id"])
    assert not article.live and article.owner == reporter
    assert article.get_parent().specific == politics
    assert [block.block_type for block in article.body] == ["paragraph"]
    assert article.body[0].value.source == "<p>Hi <i>there</i></p>"
    assert data["warnings"] == ["A <script> element was removed."]
    assert [a.slug for a in article.byline] == ["rita-reporter"]  # their own author page
    assert data["admin_url"].endswith(f"/admin/pages/{article.pk}/edit/")


def test_headings_lists_and_quotes_become_the_articles_own_blocks(api, politics, reporter):
    html = (
        "<p>Lead.</p><h3>What next</h3><ul><li>One</li><li>Two</li></ul>"
        "<blockquote>We are ready.<cite>The mayor</cite></blockquote>"
        '<p><img src="https://agency.example/photo.jpg"></p>'
    )
    data = api.post(STORIES, story(body_html=html), token=token_for(reporter)).json()
    body = ArticlePage.objects.get(pk=data["id"]).body
    assert [block.block_type for block in body] == [
        "paragraph",
        "subheading",
        "paragraph",
        "pull_quote",
    ]
    assert body[3].value["attribution"] == "The mayor"
    assert "An image (https://agency.example/photo.jpg) was left out" in data["warnings"][0]


def test_a_reporter_submits_a_story_for_review(api, politics, reporter, mailoutbox):
    data = api.post(STORIES, story(submit_for_review=True), token=token_for(reporter)).json()
    assert data["status"] == "in_review"
    state = WorkflowState.objects.get(object_id=str(data["id"]))
    assert state.workflow.name == "Newsroom review" and state.requested_by == reporter


def test_a_reporters_token_cannot_publish_and_writes_nothing(api, politics, reporter):
    response = api.post(STORIES, story(publish=True), token=token_for(reporter))
    assert response.status_code == 403
    assert "You may not publish stories" in response.json()["detail"]
    assert nothing_written()


def test_an_editors_token_publishes(api, politics, editor, ana):
    data = api.post(
        STORIES,
        story(authors=["ana-ribeiro"], tags=["Transport"], publish=True),
        token=token_for(editor),
    ).json()
    assert data["status"] == "live"
    assert data["url"] == "http://localhost/politics/council-approves-the-new-tram-line/"
    article = ArticlePage.objects.get(pk=data["id"])
    assert article.live and article.first_published_at is not None
    assert PageLogEntry.objects.filter(page=article, action="wagtail.publish", user=editor)


def test_publishing_at_a_future_time_schedules_the_story(api, politics, editor, ana):
    at = timezone.now() + timedelta(hours=2)
    data = api.post(
        STORIES,
        story(authors=["ana-ribeiro"], publish=True, go_live_at=at.isoformat()),
        token=token_for(editor),
    ).json()
    assert data["status"] == "scheduled" and data["url"] is None
    assert not ArticlePage.objects.get(pk=data["id"]).live


def test_tags_reuse_existing_tags_by_name_or_slug(api, politics, reporter):
    Tag.objects.create(name="City council", slug="city-council")
    data = api.post(
        STORIES, story(tags=["city-council", "Trams", "trams"]), token=token_for(reporter)
    ).json()
    assert data["tags"] == ["City council", "Trams"]
    assert Tag.objects.filter(name__iexact="city council").count() == 1


def test_a_section_slug_used_twice_needs_its_path(api, home, reporter):
    europe_news = SectionFactory(title="World", slug="world")
    SectionFactory(title="Europe", slug="europe", parent=europe_news)
    sport = SectionFactory(title="Sport", slug="sport")
    SectionFactory(title="Europe", slug="europe", parent=sport)
    token = token_for(reporter)
    response = api.post(STORIES, story(section="europe"), token=token)
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "section"
    assert "world/europe" in response.json()["detail"]
    assert api.post(STORIES, story(section="world/europe"), token=token).status_code == 201


# -- bad input: a 400 naming the field, nothing written ----------------------------------


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"title": ""}, "title"),
        ({"title": "   "}, "title"),
        ({"title": "x" * 256}, "title"),
        ({"standfirst": None}, "standfirst"),
        ({"section": "no-such-section"}, "section"),
        ({"authors": ["nobody"]}, "authors"),
        ({"tags": ["ok", 7]}, "tags.1"),
        ({"go_live_at": "next tuesday"}, "go_live_at"),
        ({"go_live_at": "0001-01-01T00:00:00+05:00"}, "go_live_at"),
        ({"title": "Null\x00byte"}, "title"),
        ({"publish": "perhaps"}, "publish"),
        ({"headline": "A typo'd field"}, "headline"),
        ({"embargo_until": "tomorrow at six"}, "embargo_until"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(api, politics, editor, ana, change, field):
    response = api.post(
        STORIES, story(**{"authors": ["ana-ribeiro"], **change}), token=token_for(editor)
    )
    assert response.status_code == 400, response.json()
    data = response.json()
    assert field in [problem["field"] for problem in data["errors"]]
    assert field in data["detail"]
    assert nothing_written()


def test_a_missing_field_is_named(api, politics, editor):
    body = story()
    del body["standfirst"]
    response = api.post(STORIES, body, token=token_for(editor))
    assert response.status_code == 400
    assert response.json()["errors"] == [{"field": "standfirst", "message": "Field required"}]


def test_an_embargoed_story_published_now_is_held_until_its_embargo(api, politics, editor, ana):
    response = api.post(
        STORIES,
        story(
            authors=["ana-ribeiro"],
            embargo_until="2030-01-01T06:00:00Z",
            go_live_at="2029-12-31T06:00:00Z",
            publish=True,
        ),
        token=token_for(editor),
    )
    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["status"] == "embargoed" and data["url"] is None
    assert data["embargo_until"] == data["go_live_at"] == "2030-01-01T06:00:00Z"
    assert not ArticlePage.objects.get(pk=data["id"]).live


def test_an_embargo_patched_onto_a_draft_holds_its_publication(api, politics, editor, ana):
    created = api.post(STORIES, story(authors=["ana-ribeiro"]), token=token_for(editor)).json()
    response = api.patch(
        f"{STORIES}{created['id']}/",
        {"embargo_until": "2030-01-01T06:00:00Z", "publish": True},
        token=token_for(editor),
    )
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == "embargoed"
    assert not ArticlePage.objects.get(pk=created["id"]).live


def test_a_live_story_cannot_be_put_under_embargo(api, politics, editor, ana):
    created = api.post(
        STORIES, story(authors=["ana-ribeiro"], publish=True), token=token_for(editor)
    ).json()
    response = api.patch(
        f"{STORIES}{created['id']}/",
        {"embargo_until": "2030-01-01T06:00:00Z"},
        token=token_for(editor),
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "embargo_until"
    assert Revision.objects.filter(object_id=str(created["id"])).count() == 1


def test_a_user_without_an_author_page_must_name_the_authors(api, politics, editor):
    response = api.post(STORIES, story(), token=token_for(editor))
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "authors"
    assert nothing_written()


def test_not_json_is_a_400(api, politics, editor):
    response = api.post(STORIES, "{not json", token=token_for(editor))
    assert response.status_code == 400
    assert nothing_written()


def test_a_user_with_no_page_permissions_gets_403(api, politics, django_user_model, ana):
    outsider = django_user_model.objects.create_user("outsider", password="x" * 16)
    response = api.post(STORIES, story(authors=["ana-ribeiro"]), token=token_for(outsider))
    assert response.status_code == 403
    assert "You may not add stories to the section 'Politics'" in response.json()["detail"]
    assert nothing_written()


def test_without_a_token_nothing_is_filed(api, politics):
    response = api.post(STORIES, story())
    assert response.status_code == 401
    assert nothing_written()


# -- editing -----------------------------------------------------------------------------


def test_patch_saves_a_new_revision_and_a_live_story_stays_as_readers_see_it(
    api, politics, editor, ana
):
    article = ArticleFactory(section=politics, authors=[ana], title="Tram vote today")
    revisions = article.revisions.count()
    data = api.patch(
        f"{STORIES}{article.pk}/",
        {"title": "Tram line approved", "body_html": "<p>Approved 31-14.</p>"},
        token=token_for(editor),
    ).json()
    assert data["title"] == "Tram line approved" and data["status"] == "live"
    assert data["has_unpublished_changes"] is True
    article.refresh_from_db()
    assert article.revisions.count() == revisions + 1
    assert article.title == "Tram vote today"  # readers still see the published version
    assert article.get_latest_revision_as_object().title == "Tram line approved"


def test_patch_with_publish_publishes_the_new_revision(api, politics, editor, ana):
    article = ArticleFactory(section=politics, authors=[ana], title="Tram vote today")
    api.patch(
        f"{STORIES}{article.pk}/",
        {"title": "Tram line approved", "publish": True},
        token=token_for(editor),
    )
    article.refresh_from_db()
    assert article.title == "Tram line approved" and not article.has_unpublished_changes


def test_a_reporter_edits_a_draft_and_submits_it_but_cannot_publish(api, politics, reporter):
    token = token_for(reporter)
    story_id = api.post(STORIES, story(), token=token).json()["id"]
    edited = api.patch(
        f"{STORIES}{story_id}/",
        {"standfirst": "A better summary.", "submit_for_review": True},
        token=token,
    ).json()
    assert edited["standfirst"] == "A better summary." and edited["status"] == "in_review"
    revisions = Revision.objects.count()
    refused = api.patch(f"{STORIES}{story_id}/", {"title": "Sneaky", "publish": True}, token=token)
    assert refused.status_code == 403
    assert Revision.objects.count() == revisions
    assert ArticlePage.objects.get(pk=story_id).title == "Council approves the new tram line"


def test_patch_can_move_a_story_to_another_section(api, politics, editor, ana):
    city = SectionFactory(title="City", slug="city")
    article = ArticleFactory(section=politics, authors=[ana])
    data = api.patch(f"{STORIES}{article.pk}/", {"section": "city"}, token=token_for(editor))
    assert data.json()["section"] == "city"
    assert ArticlePage.objects.get(pk=article.pk).get_parent().pk == city.pk


def test_a_locked_story_cannot_be_edited_by_someone_else(api, politics, editor, reporter, ana):
    article = ArticleFactory(section=politics, authors=[ana])
    ArticlePage.objects.filter(pk=article.pk).update(locked=True, locked_by=editor)
    response = api.patch(
        f"{STORIES}{article.pk}/", {"title": "Mine now"}, token=token_for(reporter)
    )
    assert response.status_code == 403
    assert "locked" in response.json()["detail"]


def test_patch_bad_input_writes_nothing(api, politics, editor, ana):
    article = ArticleFactory(section=politics, authors=[ana])
    revisions = Revision.objects.count()
    for body in ({"title": ""}, {"authors": []}, {"section": "nowhere"}, {"nope": 1}):
        response = api.patch(f"{STORIES}{article.pk}/", body, token=token_for(editor))
        assert response.status_code == 400, body
    assert Revision.objects.count() == revisions


def test_patch_of_an_unknown_story_is_404(api, home, editor):
    assert (
        api.patch(f"{STORIES}999999/", {"title": "x"}, token=token_for(editor)).status_code == 404
    )


# -- reading -----------------------------------------------------------------------------


def test_get_shows_a_draft_to_those_who_may_edit_it(api, politics, reporter, editor):
    story_id = api.post(STORIES, story(), token=token_for(reporter)).json()["id"]
    data = api.get(f"{STORIES}{story_id}/", token=token_for(editor)).json()
    assert data["title"] == "Council approves the new tram line" and data["status"] == "draft"
    assert "<h2>Cost</h2>" in data["body_html"]


def test_get_hides_drafts_from_users_who_cannot_edit_them(
    api, politics, reporter, django_user_model, ana
):
    outsider = token_for(django_user_model.objects.create_user("outsider", password="x" * 16))
    draft_id = api.post(STORIES, story(), token=token_for(reporter)).json()["id"]
    assert api.get(f"{STORIES}{draft_id}/", token=outsider).status_code == 404
    live = ArticleFactory(section=politics, authors=[ana], title="Out now")
    assert api.get(f"{STORIES}{live.pk}/", token=outsider).json()["title"] == "Out now"


def test_get_needs_a_token(api, politics, ana):
    live = ArticleFactory(section=politics, authors=[ana])
    assert api.get(f"{STORIES}{live.pk}/").status_code == 401
