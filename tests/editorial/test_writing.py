"""A reporter starts a story from the dashboard; an editor is told what a live story carries."""

import re

import pytest
from django.core import mail
from wagtail.models import Site

from dateline.editorial.models import NewsroomSettings
from dateline.news import services as news
from dateline.news.models import AuthorPage
from tests.news.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_dashboard_offers_a_new_story_in_every_section(client, reporter, world, science):
    client.force_login(reporter)
    html = client.get("/admin/").content.decode()
    for section in (world, science):
        assert f'href="/admin/pages/add/news/articlepage/{section.pk}/"' in html
        assert f'href="/admin/pages/{section.pk}/"' in html  # the section's stories
    assert html.count("New story<span") == 2


def test_a_sections_title_in_the_page_tree_opens_its_stories(client, editor, world, home):
    client.force_login(editor)
    html = client.get(f"/admin/pages/{home.pk}/").content.decode()
    assert re.search(rf'<a href="/admin/pages/{world.pk}/" title="Stories in this section">', html)


def test_new_story_byline_starts_with_the_reporters_author_page(client, reporter, rita_page, world):
    client.force_login(reporter)
    html = client.get(f"/admin/pages/add/news/articlepage/{world.pk}/").content.decode()
    assert f'<input type="hidden" name="authors-0-author" value="{rita_page.pk}"' in html
    assert (
        '<div class="chooser__title" data-chooser-title id="id_authors-0-author-title">'
        "Rita Okafor</div>" in html
    )


def test_a_reporter_without_an_author_page_gets_one_when_the_newsroom_allows_it(
    client, reporter, world
):
    client.force_login(reporter)
    client.get(f"/admin/pages/add/news/articlepage/{world.pk}/")
    author = AuthorPage.objects.get(user=reporter)
    assert (author.title, author.live) == ("Rita Okafor", True)
    client.get(f"/admin/pages/add/news/articlepage/{world.pk}/")
    assert AuthorPage.objects.filter(user=reporter).count() == 1


def test_no_author_page_is_made_when_the_newsroom_says_no(client, reporter, world):
    settings = NewsroomSettings.for_site(Site.objects.get(is_default_site=True))
    settings.create_author_pages = False
    settings.save()
    client.force_login(reporter)
    response = client.get(f"/admin/pages/add/news/articlepage/{world.pk}/")
    assert response.status_code == 200
    assert not AuthorPage.objects.filter(user=reporter).exists()


def _live_story_changed_by(user, world):
    story = ArticleFactory(section=world, title="Dam talks resume")
    story.title = "Dam talks resume, with a new mediator"
    story.save_revision(user=user)
    return story


def test_editor_sees_who_left_unpublished_changes_on_a_live_story(client, editor, reporter, world):
    story = _live_story_changed_by(reporter, world)
    client.force_login(editor)
    html = client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    assert "This live story has unpublished changes by Rita Okafor" in html
    compare = f"/admin/pages/{story.pk}/revisions/compare/live...{story.latest_revision_id}/"
    assert compare in html
    assert client.get(compare).status_code == 200


def test_no_warning_about_your_own_changes(client, editor, world):
    story = _live_story_changed_by(editor, world)
    client.force_login(editor)
    html = client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    assert "unpublished changes by" not in html


def _in_review(reporter, world, rita_page):
    story = news.article_file(
        user=reporter, section=world, title="Harbour strike ends", standfirst="Deal reached.",
        authors=[rita_page], submit_for_review=True,
    )  # fmt: skip
    return story


def test_schedule_dialog_names_the_button_that_keeps_the_review(
    client, editor, reporter, world, rita_page
):
    story = _in_review(reporter, world, rita_page)
    client.force_login(editor)
    html = client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    assert "This schedule takes effect when you choose &quot;Approve&quot;" in html
    assert "Schedule to publish&quot; option" not in html
    client.force_login(reporter)
    html = client.get(f"/admin/pages/add/news/articlepage/{world.pk}/").content.decode()
    assert "when an editor approves the story" in html


def test_request_changes_email_does_not_say_rejected(
    client, editor, reporter, world, rita_page, settings
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    story = _in_review(reporter, world, rita_page)
    task_state = story.current_workflow_task_state
    mail.outbox.clear()
    client.force_login(editor)
    response = client.post(
        f"/admin/pages/workflow/action/{story.pk}/reject/{task_state.pk}/",
        {"comment": "Please add a source for the figure."},
    )
    assert response.status_code == 302
    to_reporter = [message for message in mail.outbox if reporter.email in message.to]
    assert to_reporter, [message.subject for message in mail.outbox]
    for message in to_reporter:
        text = f"{message.subject}\n{message.body}\n" + "".join(
            str(part[0]) for part in getattr(message, "alternatives", [])
        )
        assert "rejected" not in text.lower()
        assert "Changes requested" in message.subject
    assert "Please add a source for the figure." in to_reporter[0].body


def test_a_new_story_form_does_not_warn_that_autosave_is_paused(client, reporter, world):
    client.force_login(reporter)
    html = client.get(f"/admin/pages/add/news/articlepage/{world.pk}/").content.decode()
    assert 'data-controller="w-init w-unsaved w-autosave"' in html  # autosave still runs
    assert "Autosave is paused" not in html
    story = ArticleFactory(section=world)
    html = client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    assert "Autosave is paused" in html  # the edit form keeps its indicator


def test_the_warning_survives_the_editors_own_later_saves(client, editor, reporter, world):
    story = _live_story_changed_by(reporter, world)
    story.standfirst = "The editor's autosave came after the reporter's draft."
    story.save_revision(user=editor)  # what autosave does once the editor types
    client.force_login(editor)
    html = client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    assert "This live story has unpublished changes by Rita Okafor" in html
