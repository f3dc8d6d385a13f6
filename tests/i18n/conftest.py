import pytest

from tests.i18n.setup import disable_languages, enable_languages


@pytest.fixture
def multilingual(settings, db):
    """The site as DATELINE_LANGUAGES=en,uk,ar configures it: locales, prefixed URLs and
    a published home page per language."""
    enable_languages(settings)
    yield
    disable_languages(settings)


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
