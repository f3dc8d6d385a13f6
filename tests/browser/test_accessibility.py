"""axe-core finds no WCAG 2.1 A or AA violations on any kind of reader page."""

import pytest

from tests.browser.tools import AXE_JS, require_node_module

pytestmark = pytest.mark.browser

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page) -> list[str]:
    """Run axe-core on the open page; one line per rule broken, naming the elements."""
    page.add_script_tag(path=AXE_JS)
    violations = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
        ".then(result => result.violations)",
        WCAG_21_AA,
    )
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + ", ".join(" ".join(map(str, node["target"])) for node in violation["nodes"][:5])
        for violation in violations
    ]


def test_reader_pages_pass_axe_core(browse, newsroom):
    require_node_module(AXE_JS)

    def check(tab):
        found = {}
        for name, path in newsroom.reader_pages().items():
            tab.open(path)
            if violations := axe_violations(tab.page):
                found[name] = violations
        return found

    # The site's Content-Security-Policy rightly forbids injected scripts; axe is ours.
    assert browse(check, bypass_csp=True) == {}


def test_axe_reports_a_picture_without_a_text_alternative(chromium):
    require_node_module(AXE_JS)

    def check():
        context = chromium.chromium.new_context()
        try:
            page = context.new_page()
            page.set_content(
                '<!doctype html><html lang="en"><title>t</title><main><img src="x.png">'
            )
            return axe_violations(page)
        finally:
            context.close()

    assert [line.split()[0] for line in chromium.call(check)] == ["image-alt"]
