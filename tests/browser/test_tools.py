"""A missing browser or checker skips its tests on a laptop and fails them in CI."""

import pytest

from tests.browser.tools import require

pytestmark = pytest.mark.browser


def test_a_missing_tool_skips_with_its_reason(monkeypatch):
    monkeypatch.delenv("DATELINE_REQUIRE_BROWSER", raising=False)
    with pytest.raises(pytest.skip.Exception, match="apt-get install chromium"):
        require(False, "no Chromium: apt-get install chromium")


def test_a_missing_tool_fails_when_ci_requires_the_browser(monkeypatch):
    monkeypatch.setenv("DATELINE_REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception, match="apt-get install chromium"):
        require(False, "no Chromium: apt-get install chromium")


def test_an_available_tool_lets_the_test_run(monkeypatch):
    monkeypatch.setenv("DATELINE_REQUIRE_BROWSER", "1")
    assert require(True, "unused") is None
