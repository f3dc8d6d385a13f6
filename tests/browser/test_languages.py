"""Arabic reads right to left: the page is mirrored where it should be, nothing overlaps,
and the Ukrainian and Arabic pages pass axe-core like the English ones."""

import pytest

from tests.browser.conftest import PHONE
from tests.browser.test_accessibility import axe_violations
from tests.browser.tools import AXE_JS, require_node_module
from tests.i18n.content import translate_lead_story
from tests.i18n.setup import disable_languages, enable_languages

pytestmark = pytest.mark.browser

# Text boxes of the masthead and the article header, which must not overlap one another.
TEXT_BOXES = """() => {
  const selectors = ['.brand', '.search-box', '.language-switcher', '.article-section',
                     '#article-headline', '.standfirst', '.byline', '.dates'];
  return selectors.flatMap(selector => [...document.querySelectorAll(selector)].map(el => {
    const box = el.getBoundingClientRect();
    return {selector, left: box.left, right: box.right, top: box.top, bottom: box.bottom};
  })).filter(box => box.right > box.left && box.bottom > box.top);
}"""


def overlapping(boxes: list[dict]) -> list[tuple[str, str]]:
    pairs = []
    for index, one in enumerate(boxes):
        for other in boxes[index + 1 :]:
            if (
                one["left"] < other["right"] - 1
                and other["left"] < one["right"] - 1
                and one["top"] < other["bottom"] - 1
                and other["top"] < one["bottom"] - 1
            ):
                pairs.append((one["selector"], other["selector"]))
    return pairs


@pytest.fixture
def translated_newsroom(newsroom, settings):
    enable_languages(settings)
    paths = translate_lead_story(newsroom)
    yield newsroom, paths
    disable_languages(settings)


def test_arabic_article_is_mirrored_without_overlapping_text(browse, translated_newsroom):
    newsroom, paths = translated_newsroom

    def read(tab, *, name):
        page = tab.page
        tab.open(paths["ar"])
        tab.screenshot(name)
        layout = page.evaluate(
            """() => {
              const box = s => document.querySelector(s).getBoundingClientRect();
              const main = box('article.article');
              return {
                dir: document.documentElement.dir,
                direction: getComputedStyle(document.querySelector('#article-headline')).direction,
                headlineRight: box('#article-headline').right, mainRight: main.right,
                headlineLeft: box('#article-headline').left, mainLeft: main.left,
                brandRight: box('.brand').right, searchLeft: box('.search-box').left,
                overflow: document.documentElement.scrollWidth - window.innerWidth,
              };
            }"""
        )
        return layout, overlapping(page.evaluate(TEXT_BOXES)), tab.failures

    layout, overlaps, failures = browse(lambda tab: read(tab, name="arabic-article-desktop"))
    assert layout["dir"] == "rtl" and layout["direction"] == "rtl"
    # The headline starts at the right edge of the story's column; the masthead is mirrored: the
    # paper's name on the right, the search box on its left.
    assert abs(layout["headlineRight"] - layout["mainRight"]) < 2
    assert layout["brandRight"] > layout["searchLeft"]
    assert layout["overflow"] <= 0, "the Arabic page scrolls sideways"
    assert overlaps == []
    assert failures == []

    layout, overlaps, failures = browse(
        lambda tab: read(tab, name="arabic-article-phone"), viewport=PHONE
    )
    assert layout["overflow"] <= 0, "the Arabic page scrolls sideways on a phone"
    assert overlaps == []


def test_english_article_is_not_mirrored(browse, translated_newsroom):
    newsroom, _ = translated_newsroom

    def read(tab):
        tab.open(newsroom.article)
        return tab.page.evaluate(
            """() => [document.documentElement.dir,
                      document.querySelector('#article-headline').getBoundingClientRect().left
                      - document.querySelector('article.article').getBoundingClientRect().left]"""
        )

    direction, indent = browse(read)
    assert direction == "ltr" and abs(indent) < 2


def test_ukrainian_and_arabic_pages_pass_axe_core(browse, translated_newsroom):
    require_node_module(AXE_JS)
    _, paths = translated_newsroom
    pages = {
        "uk home": "/uk/",
        "uk article": paths["uk"],
        "ar home": "/ar/",
        "ar section": "/ar/alalam/",
        "ar article": paths["ar"],
    }

    def check(tab):
        found = {}
        for name, path in pages.items():
            tab.open(path)
            if violations := axe_violations(tab.page):
                found[name] = violations
        return found

    assert browse(check, bypass_csp=True) == {}
