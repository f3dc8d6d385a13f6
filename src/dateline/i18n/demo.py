"""Translations of the demo newsroom, from news/demo_data/translations/<language>.toml.

Only for the languages DATELINE_LANGUAGES configures; an English-only demo has none.
Each section is translated before its stories (as editors must), and everything is
published. Running it again changes nothing.
"""

import tomllib

from django.db import transaction
from django.utils.text import slugify

from dateline.i18n.languages import codes, default_language, is_multilingual
from dateline.i18n.services import locales_sync, page_translate
from dateline.news.builders import body_blocks
from dateline.news.demo_content import DATA, read_story
from dateline.news.models import ArticlePage, SectionPage

TRANSLATIONS = DATA / "translations"


def demo_translations() -> dict[str, dict]:
    """The translation data for each configured language that has some."""
    found = {}
    for code in codes():
        path = TRANSLATIONS / f"{code}.toml"
        if code != default_language() and path.exists():
            found[code] = tomllib.loads(path.read_text(encoding="utf-8"))
    return found


def _source_article(source: str) -> ArticlePage:
    story = read_story((DATA / "stories" / f"{source}.md").read_text(encoding="utf-8"))
    return ArticlePage.objects.get(
        slug=slugify(story["headline"])[:80], locale__language_code=default_language()
    )


@transaction.atomic
def build_demo_translations() -> dict[str, int]:
    """Translate and publish the demo's sections and stories; returns stories per language."""
    if not is_multilingual():
        return {}
    locales_sync()
    built = {}
    for code, data in demo_translations().items():
        for source_slug, section in data["sections"].items():
            english = SectionPage.objects.get(
                slug=source_slug, depth=3, locale__language_code=default_language()
            )
            _translate(english, code, **section)
        for story in data["stories"]:
            _translate(
                _source_article(story["source"]),
                code,
                title=story["headline"],
                slug=story["slug"],
                standfirst=story["standfirst"],
                dateline_place=story["dateline"],
                body=body_blocks({"paragraphs": story["paragraphs"]}),
            )
        built[code] = len(data["stories"])
    return built


def _translate(page, language: str, **fields):
    existing = page.get_translations().filter(locale__language_code=language).first()
    if existing is not None and existing.live:
        return existing
    return page_translate(page=page, language=language, publish=True, **fields)
