"""Editors translate a section, then a story, from the admin; the translation waits as a
draft until it is published, on its own schedule."""

import pytest
from wagtail.models import Locale

from dateline.news.models import ArticlePage, SectionPage
from tests.news.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


def test_an_editor_translates_a_section_then_a_story_from_the_admin(
    client, english_home, newsroom_user
):
    editor = newsroom_user("Editors", "edith")
    client.force_login(editor)
    world = SectionFactory(parent=english_home, title="World", slug="world")
    story = ArticleFactory(section=world, title="Talks resume")
    ukrainian = Locale.objects.get(language_code="uk")

    url = f"/admin/translation/submit/page/{story.pk}/"
    # Not before its section: the Ukrainian tree has no World yet.
    form = client.get(url)
    assert form.status_code == 200
    assert "are not translated" in form.content.decode()  # locales greyed out

    section_url = f"/admin/translation/submit/page/{world.pk}/"
    response = client.post(section_url, {"locales": [ukrainian.pk]})
    assert response.status_code == 302
    response = client.post(url, {"locales": [ukrainian.pk]})
    assert response.status_code == 302
    translation = ArticlePage.objects.get(locale=ukrainian)
    assert translation.translation_key == story.translation_key
    assert translation.get_parent().specific == SectionPage.objects.get(locale=ukrainian)
    assert not translation.live  # published later, when the translator is done
    assert story.live


def test_reporters_may_translate_too(client, english_home, newsroom_user):
    client.force_login(newsroom_user("Reporters", "rita"))
    world = SectionFactory(parent=english_home, title="World", slug="world")
    assert client.get(f"/admin/translation/submit/page/{world.pk}/").status_code == 200
