"""Languages from settings: one (the default) changes nothing; several give each its URLs."""

import pytest
from django.conf import settings

from dateline.i18n.languages import language_from_path, path_in_language

pytestmark = pytest.mark.django_db


def test_the_default_is_english_alone_without_prefixes(client, home):
    assert settings.DATELINE_LANGUAGES == ["en"]
    assert settings.WAGTAIL_I18N_ENABLED is False
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en" dir="ltr">' in html
    assert "hreflang" not in html
    assert "language-switcher" not in html
    assert client.get("/en/").status_code == 404


def test_prefixes_map_to_languages(multilingual):
    assert language_from_path("/uk/svit/") == "uk"
    assert language_from_path("/ar/") == "ar"
    assert language_from_path("/world/") is None
    assert language_from_path("/en/world/") is None  # the default language has no prefix
    assert path_in_language("/uk/search/", "ar") == "/ar/search/"
    assert path_in_language("/uk/search/", "en") == "/search/"
    assert path_in_language("/search/", "uk") == "/uk/search/"


def test_each_language_has_its_home_page(client, multilingual):
    for path, lang, direction in [("/", "en", "ltr"), ("/uk/", "uk", "ltr"), ("/ar/", "ar", "rtl")]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert f'<html lang="{lang}" dir="{direction}">' in response.content.decode()
        assert response["Content-Language"] == lang


def test_a_translation_is_a_draft_until_published(client, english_home):
    from dateline.i18n.services import page_translate
    from tests.news.factories import ArticleFactory, SectionFactory

    world = SectionFactory(parent=english_home, title="World", slug="world")
    page_translate(page=world, language="uk", publish=True, title="Світ", slug="svit")
    story = ArticleFactory(section=world, title="Talks resume")
    draft = page_translate(page=story, language="uk", title="Переговори", slug="perehovory")
    assert not draft.live
    assert draft.translation_key == story.translation_key
    assert client.get("/uk/svit/perehovory/").status_code == 404
    assert client.get("/world/talks-resume/").status_code == 200
    draft.save_revision().publish()
    assert client.get("/uk/svit/perehovory/").status_code == 200


def test_a_story_cannot_be_translated_before_its_section(english_home):
    from wagtail.actions.copy_for_translation import ParentNotTranslatedError

    from dateline.i18n.services import page_translate
    from tests.news.factories import ArticleFactory, SectionFactory

    world = SectionFactory(parent=english_home, title="World", slug="world")
    story = ArticleFactory(section=world)
    with pytest.raises(ParentNotTranslatedError):
        page_translate(page=story, language="uk", title="Переговори")


def test_unknown_language_codes_are_refused():
    from django.core.exceptions import ImproperlyConfigured

    from dateline.settings import _language_names

    with pytest.raises(ImproperlyConfigured, match="xx"):
        _language_names(["en", "xx"])
    assert _language_names(["en", "uk", "ar"])[2] == ("ar", "العربيّة")
