"""The WordPress importer keeps Polylang's and WPML's languages and translation links."""

from pathlib import Path

import pytest

from dateline.importers.services import wordpress_import
from dateline.news.models import ArticlePage, SectionPage

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "wordpress"


def by_title(title: str) -> ArticlePage:
    return ArticlePage.objects.select_related("locale").get(title=title)


def test_polylang_languages_and_translation_groups(client, multilingual):
    report = wordpress_import(source=FIXTURES / "polylang.xml")
    english = by_title("Ferry service to the islands resumes")
    ukrainian = by_title("Поромне сполучення з островами відновлено")
    arabic = by_title("استئناف خدمة العبّارات إلى الجزر")
    assert [english.locale.language_code, ukrainian.locale.language_code] == ["en", "uk"]
    assert arabic.locale.language_code == "ar"
    assert english.translation_key == ukrainian.translation_key == arabic.translation_key
    # Categories were translated too (term_translations): Світ is World in Ukrainian.
    world = SectionPage.objects.get(slug="world")
    svit = SectionPage.objects.get(slug="svit")
    assert svit.locale.language_code == "uk" and svit.translation_key == world.translation_key
    assert ukrainian.get_parent().pk == svit.pk
    assert client.get("/uk/svit/porom-vidnovleno/").status_code == 200
    assert client.get("/ar/alalam/istinaf-alabbarat/").status_code == 200
    # A Ukrainian story with no English original lives in the Ukrainian tree on its own.
    alone = by_title("Новини без англійського відповідника")
    assert alone.locale.language_code == "uk" and alone.get_parent().pk == svit.pk
    assert by_title("City council meets on Monday").locale.language_code == "en"
    assert not any("language" in problem for problem in report.problems)
    html = client.get("/world/ferry-service-resumes/").content.decode()
    assert 'hreflang="uk" href="http://localhost/uk/svit/porom-vidnovleno/"' in html

    again = wordpress_import(source=FIXTURES / "polylang.xml")
    assert again.counts["post in uk"].unchanged == 2
    assert ArticlePage.objects.count() == 5


def test_wpml_language_meta_and_translation_groups(multilingual):
    report = wordpress_import(source=FIXTURES / "wpml.xml")
    english = by_title("Bridge reopens after repairs")
    ukrainian = by_title("Міст знову відкрили після ремонту")
    assert ukrainian.locale.language_code == "uk"
    assert ukrainian.translation_key == english.translation_key
    # Filed under the Ukrainian translation of its original's section.
    section = ukrainian.get_parent().specific
    assert section.locale.language_code == "uk"
    assert section.translation_key == english.get_parent().translation_key
    # French is not configured: imported into the default language, and said so.
    assert by_title("Un article en français").locale.language_code == "en"
    assert any("fr (not in DATELINE_LANGUAGES)" in warning for warning in report.warnings)


def test_languages_in_an_english_only_site_go_to_english_with_a_warning(home):
    report = wordpress_import(source=FIXTURES / "polylang.xml")
    assert set(ArticlePage.objects.values_list("locale__language_code", flat=True)) == {"en"}
    assert any("imported into the default language" in w for w in report.warnings)
