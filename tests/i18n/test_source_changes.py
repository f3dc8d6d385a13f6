"""Editors see when a translation's original was published again after the translation."""

import re

import pytest

from dateline.i18n.services import page_translate
from tests.news.factories import ArticleFactory

pytestmark = pytest.mark.django_db

MARKER = "The English original changed on"


def edit_view(client, page) -> str:
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    return response.content.decode()


def republish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


@pytest.fixture
def editor(client, newsroom_user):
    client.force_login(newsroom_user("Editors", "edith"))
    return client


def test_the_marker_appears_when_the_original_changes_and_goes_when_the_translation_follows(
    editor, translated
):
    story, story_uk = translated["story"], translated["story_uk"]
    assert MARKER not in edit_view(editor, story_uk)

    republish(story.specific, title="Talks resume in Geneva after a week's delay")
    html = edit_view(editor, story_uk)
    assert f"{MARKER} " in html and "since this translation was last published." in html
    assert f'href="/admin/pages/{story.pk}/edit/"' in html  # open the original
    compare = re.search(rf'href="(/admin/pages/{story.pk}/revisions/compare/[^"]+)"', html)
    assert compare is not None
    diff = editor.get(compare.group(1).replace("&amp;", "&"))
    assert diff.status_code == 200
    assert "after a week&#x27;s delay" in diff.content.decode()
    assert MARKER not in edit_view(editor, story)  # the original has no original

    republish(story_uk.specific, title="Переговори відновлюються в Женеві після тижневої затримки")
    assert MARKER not in edit_view(editor, story_uk)


def test_a_draft_translation_is_marked_when_the_original_changes_after_it_was_made(
    editor, translated
):
    story = ArticleFactory(section=translated["world"], title="Budget passes")
    draft = page_translate(page=story, language="uk", title="Бюджет ухвалено", slug="biudzhet")
    assert not draft.live
    assert MARKER not in edit_view(editor, draft)

    republish(story.specific, standfirst="A narrow vote after a long night.")
    assert "since this translation was made." in edit_view(editor, draft)


def test_one_language_sites_show_no_marker(editor, home):
    story = ArticleFactory(section__parent=home, title="Budget passes")
    republish(story.specific, title="Budget passes at last")
    assert MARKER not in edit_view(editor, story)
