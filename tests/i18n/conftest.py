import importlib

import pytest
from django.urls import clear_url_caches

LANGUAGES = [("en", "English"), ("uk", "Українська"), ("ar", "العربيّة")]


def _reload_urls():
    import dateline.urls

    clear_url_caches()
    importlib.reload(dateline.urls)
    clear_url_caches()


@pytest.fixture
def multilingual(settings, db):
    """The site as DATELINE_LANGUAGES=en,uk,ar configures it: locales, prefixed URLs and
    a published home page per language."""
    settings.DATELINE_LANGUAGES = [code for code, _ in LANGUAGES]
    settings.LANGUAGES = LANGUAGES
    settings.WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
    settings.LANGUAGE_CODE = "en"
    settings.WAGTAIL_I18N_ENABLED = True
    _reload_urls()
    from wagtail.models import Site

    from dateline.i18n.services import locales_sync

    Site.clear_site_root_paths_cache()
    locales_sync()
    yield
    settings.WAGTAIL_I18N_ENABLED = False
    _reload_urls()


@pytest.fixture
def english_home(multilingual):
    from dateline.news.models import HomePage

    return HomePage.objects.get(locale__language_code="en")


@pytest.fixture
def translated(english_home):
    """World with a story, both translated into Ukrainian and published; Arabic has none."""
    from dateline.i18n.services import page_translate
    from tests.news.factories import ArticleFactory, SectionFactory

    world = SectionFactory(parent=english_home, title="World", slug="world")
    story = ArticleFactory(section=world, title="Talks resume in Geneva", tags=["diplomacy"])
    svit = page_translate(page=world, language="uk", publish=True, title="Світ", slug="svit")
    story_uk = page_translate(
        page=story,
        language="uk",
        publish=True,
        title="Переговори відновлюються в Женеві",
        standfirst="Сторони погодилися повернутися до столу переговорів.",
        slug="perehovory-v-zhenevi",
    )
    return {"world": world, "story": story, "svit": svit, "story_uk": story_uk}
