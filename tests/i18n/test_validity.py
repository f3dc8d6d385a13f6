"""Ukrainian and Arabic pages are valid HTML too, as the Nu HTML Checker sees them."""

from tests.browser.newsroom import build_newsroom
from tests.browser.tools import VNU_JAR, java, require, require_node_module
from tests.html.nu_checker import html_errors
from tests.i18n.content import translate_lead_story
from tests.i18n.setup import disable_languages, enable_languages


def test_ukrainian_and_arabic_pages_have_no_html_errors(client, db, settings):
    require(java() is not None, "no java on PATH: apt-get install default-jre-headless")
    require_node_module(VNU_JAR)
    newsroom = build_newsroom()  # in English, before the other languages exist
    enable_languages(settings)
    try:
        articles = translate_lead_story(newsroom)
        pages = {
            "uk home": "/uk/",
            "uk section": "/uk/svit/",
            "uk article": articles["uk"],
            "uk search": "/uk/search/?q=Женеві",
            "ar home": "/ar/",
            "ar section": "/ar/alalam/",
            "ar article": articles["ar"],
            "en article": newsroom.article,
        }
        documents = {}
        for name, path in pages.items():
            response = client.get(path)
            assert response.status_code == 200, path
            documents[name] = response.content.decode()
    finally:
        disable_languages(settings)
    assert 'dir="rtl"' in documents["ar article"]
    assert html_errors(documents) == {}
