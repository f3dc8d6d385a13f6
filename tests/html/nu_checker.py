"""Runs the Nu HTML Checker (vnu.jar) over rendered pages, all in one Java start-up."""

import json
import subprocess
import tempfile
from pathlib import Path

from tests.browser.tools import VNU_JAR, java


def html_errors(documents: dict[str, str]) -> dict[str, list[str]]:
    """Check every document (name -> HTML); return the checker's errors by document name.

    Names become file names, so keep them to letters, digits and dashes.
    """
    with tempfile.TemporaryDirectory(prefix="dateline-vnu-") as folder:
        files = []
        for name, html in documents.items():
            files.append(Path(folder) / f"{name}.html")
            files[-1].write_text(html, encoding="utf-8")
        finished = subprocess.run(
            [java(), "-jar", str(VNU_JAR), "--format", "json", "--stdout", *map(str, files)],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    if not finished.stdout.strip():
        raise RuntimeError(f"vnu.jar gave no report: {finished.stderr.strip()}")
    errors: dict[str, list[str]] = {}
    for message in json.loads(finished.stdout)["messages"]:
        if message["type"] in {"error", "non-document-error"}:
            name = message.get("url", "").rsplit("/", 1)[-1].removesuffix(".html")
            extract = message.get("extract", "").strip()
            errors.setdefault(name, []).append(
                f"line {message.get('lastLine', '?')}: {message['message']} [{extract}]"
            )
    return errors
