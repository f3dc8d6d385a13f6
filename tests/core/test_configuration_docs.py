"""The README's configuration table lists every environment variable the code reads."""

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
READS = re.compile(
    r'(?:environ(?:\.get)?[\[(]|env_flag\(|env_list\(|getenv\()\s*"((?:DATELINE|DATABASE|REDIS)_\w+)"'
)
# Read by the code but set by Dateline itself, not by an operator.
INTERNAL = {
    "DATELINE_TESTING": "set by the test run",
    "DATELINE_SERVE_WORKERS": "set by `dateline serve` for the workers it starts",
}
# Families documented once in the README by a pattern: DATELINE_ANYMAIL_<NAME>.
PREFIXES = ("DATELINE_ANYMAIL_",)


def variables_read() -> set[str]:
    found = set()
    for path in (REPO / "src" / "dateline").rglob("*.py"):
        found |= set(READS.findall(path.read_text()))
    return found - set(INTERNAL)


def variables_documented() -> set[str]:
    table = [line for line in (REPO / "README.md").read_text().splitlines() if line.startswith("|")]
    # `NAME` or `NAME=value` in a row of the table
    return set(re.findall(r"`((?:DATELINE|DATABASE|REDIS)_\w+)(?:=[^`]*)?`", "\n".join(table)))


def test_every_variable_the_code_reads_is_in_the_readme():
    assert variables_read() - variables_documented() == set()


def test_the_readme_lists_no_variable_the_code_does_not_read():
    stale = {
        name for name in variables_documented() - variables_read() if not name.startswith(PREFIXES)
    }
    assert stale == set()


def test_the_scan_finds_what_it_should():
    found = variables_read()
    assert {"DATELINE_TIME_ZONE", "DATELINE_SITE_NAME", "DATABASE_URL", "REDIS_URL"} <= found
    assert "DATELINE_EMAIL_BACKEND" in found  # a call split over lines
