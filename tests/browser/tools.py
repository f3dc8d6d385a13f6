"""Where the page checks find their tools, and what happens when one is missing.

Locally a missing tool skips its checks with the reason; in CI (DATELINE_REQUIRE_BROWSER=1)
it fails them, so a broken machine cannot pass by skipping.
"""

import os
import shutil
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
NODE_MODULES = REPO_ROOT / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
# The test run's output folder (git-ignored): screenshots land here for people to look at.
SCREENSHOTS = REPO_ROOT / "test-results" / "screenshots"


def require(available: bool, reason: str) -> None:
    """Skip (or, in CI, fail) the calling test unless a tool it needs is available."""
    if available:
        return
    if os.environ.get("DATELINE_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (DATELINE_REQUIRE_BROWSER=1 makes this a failure)")
    pytest.skip(reason)


def require_chromium() -> None:
    require(CHROMIUM.exists(), f"no Chromium at {CHROMIUM}: apt-get install chromium")


def require_node_module(path: Path) -> None:
    require(path.exists(), f"no {path.relative_to(REPO_ROOT)}: run `npm ci` at the repo root")


def java() -> str | None:
    return shutil.which("java")
