"""The multilingual demo: 10 stories in Ukrainian and 5 in Arabic, with their sections, and
hreflang links that agree on every translated page."""

import re

import pytest

from dateline.i18n.demo import build_demo_translations
from dateline.news.demo import build_demo
from dateline.news.models import ArticlePage, SectionPage

pytestmark = pytest.mark.django_db


def hreflangs(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def test_the_english_only_demo_has_no_translations(home):
    build_demo()
    assert build_demo_translations() == {}
    assert not ArticlePage.objects.exclude(locale__language_code="en").exists()


def test_multilingual_demo_and_hreflang_reciprocity_on_every_translated_page(client, multilingual):
    build_demo()
    assert build_demo_translations() == {"uk": 10, "ar": 5}
    assert build_demo_translations() == {"uk": 10, "ar": 5}  # again: nothing new
    live = ArticlePage.objects.live()
    assert live.filter(locale__language_code="uk").count() == 10
    assert live.filter(locale__language_code="ar").count() == 5
    assert set(
        SectionPage.objects.filter(locale__language_code="uk").values_list("slug", flat=True)
    ) == {"svit", "polityka", "ekonomika", "nauka", "kultura"}

    translated = ArticlePage.objects.live().exclude(locale__language_code="en")
    keys = {page.translation_key for page in translated}
    pages = list(ArticlePage.objects.live().filter(translation_key__in=keys)) + list(
        SectionPage.objects.live().filter(
            translation_key__in=SectionPage.objects.exclude(locale__language_code="en").values(
                "translation_key"
            )
        )
    )
    clusters: dict = {}
    for page in pages:
        links = hreflangs(client.get(page.url).content.decode())
        own = "http://localhost" + page.url
        assert own in links.values(), page.url  # each page lists itself
        assert links["x-default"] == links["en"]
        clusters.setdefault(page.translation_key, []).append(links)
    for versions in clusters.values():
        assert all(links == versions[0] for links in versions)  # reciprocal
        assert len(versions) == len(versions[0]) - 1  # every version, plus x-default
