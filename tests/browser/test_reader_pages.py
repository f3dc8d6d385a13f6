"""A reader in Chromium: the front page, a section and a story, with and without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PHONE

pytestmark = pytest.mark.browser

ANY_VALUE = re.compile(".*")


def test_a_reader_without_javascript_follows_the_lead_story_to_the_article(browse, newsroom):
    lead = newsroom.lead
    published = lead.first_published_at.strftime("%Y-%m-%dT%H:%M:%S%z")

    def read(tab):
        page = tab.page
        tab.open(newsroom.home)
        expect(page.locator(".card--lead .card-headline")).to_have_text(lead.title)
        tab.screenshot("home")
        continue_reading = re.compile(rf"^Continue Reading\s*: {re.escape(lead.title)}$")
        page.get_by_role("link", name=continue_reading).click()

        expect(page).to_have_url(f"{tab.base_url}{newsroom.article}")
        expect(page.get_by_role("heading", level=1)).to_have_text(lead.title)
        expect(page.locator(".standfirst")).to_have_text(lead.standfirst)
        expect(page.locator(".article-section a")).to_have_attribute("href", newsroom.section)
        dates = page.locator(".article-meta .dates")
        expect(dates).to_contain_text("Published on")
        expect(dates.locator("time").first).to_have_attribute("datetime", published)
        expect(dates.locator(".updated")).to_contain_text("Updated")
        byline = page.locator(".byline a[rel=author]")
        expect(byline).to_have_text(["Ana Ribeiro", "Tom Okafor"])
        expect(byline.first).to_have_attribute("href", newsroom.author)
        expect(page.locator(".lead-figure img")).to_be_visible()
        expect(page.locator(".pull-quote")).to_contain_text("We came to talk, not to posture.")
        expect(page.locator(".fact-box")).to_contain_text("The talks so far")
        expect(page.get_by_role("link", name="Diplomacy")).to_have_attribute("rel", "tag")
        connect = page.get_by_role("region", name="Connect with us").first
        expect(connect.get_by_role("link", name="Bluesky")).to_have_attribute(
            "href", "https://bsky.app/profile/datelinecourier.example"
        )
        nav = page.get_by_role("navigation", name="Sections")
        expect(nav.get_by_role("link", name="World")).to_have_attribute("aria-current", "true")
        tab.screenshot("article")

        assert tab.failures == [], "every stylesheet and image loads"
        assert tab.other_hosts() == [], "nothing is fetched from other hosts"

    browse(read, javascript=False)


def test_a_section_lists_its_own_stories_and_is_marked_current_in_the_navigation(browse, newsroom):
    def read(tab):
        page = tab.page
        tab.open(newsroom.section)
        expect(page.get_by_role("heading", level=1)).to_have_text("World")
        nav = page.get_by_role("navigation", name="Sections")
        expect(nav.get_by_role("link", name="World")).to_have_attribute("aria-current", "page")
        expect(nav.get_by_role("link", name="Science")).not_to_have_attribute(
            "aria-current", ANY_VALUE
        )
        headlines = page.locator(".card-headline")
        expect(headlines).to_have_count(8)  # six stories and two live blogs
        expect(headlines.first).to_have_text(newsroom.lead.title)
        expect(page.get_by_text("Telescope spots water vapour")).to_have_count(0)
        expect(page.get_by_role("link", name=re.compile("^Continue Reading"))).to_have_count(8)
        tab.screenshot("section")

        nav.get_by_role("link", name="Science").click()
        expect(page).to_have_url(f"{tab.base_url}{newsroom.other_section}")
        expect(page.get_by_role("heading", level=1)).to_have_text("Science")
        assert tab.failures == []

    browse(read, javascript=False)


def test_pages_fit_a_phone_screen_without_sideways_scrolling(browse, newsroom):
    pages = {"home": newsroom.home, "section": newsroom.section, "article": newsroom.article}

    def read(tab):
        page = tab.page
        for name, path in pages.items():
            tab.open(path)
            tab.screenshot(f"phone-{name}")
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"the {name} page scrolls sideways by {overflow}px at 375px"
            expect(page.get_by_role("navigation", name="Sections")).to_be_visible()
            headline = page.locator("h1:not(.visually-hidden), .card-headline").first
            box = headline.bounding_box()
            assert 0 <= box["x"] and box["x"] + box["width"] <= PHONE["width"]
        assert tab.failures == []

    browse(read, viewport=PHONE)
