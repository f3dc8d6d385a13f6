"""Two `dateline serve` started at once on one data directory both collect static files."""

import os
import subprocess
import sys
from pathlib import Path

COLLECT = (
    "from dateline.core.management.commands.serve import collect_static_if_changed; "
    "collect_static_if_changed()"
)


def start_collecting(data_dir: Path, log: Path) -> subprocess.Popen:
    # A production process: hashed, compressed files (not the tests' plain storage).
    env = {key: value for key, value in os.environ.items() if key != "PYTEST_VERSION"}
    env.update(
        DATELINE_DATA_DIR=str(data_dir),
        DATELINE_DEBUG="0",
        DATELINE_TESTING="0",
        DATELINE_SECRET_KEY="x" * 60,
        DJANGO_SETTINGS_MODULE="dateline.settings",
    )
    env.pop("DATABASE_URL", None)
    with open(log, "wb") as output:
        return subprocess.Popen(
            [sys.executable, "-c", f"import django; django.setup(); {COLLECT}"],
            env=env, stdout=output, stderr=subprocess.STDOUT,
        )  # fmt: skip


def test_two_processes_collecting_at_once_both_succeed(tmp_path):
    data_dir = tmp_path / "var"
    data_dir.mkdir()
    logs = [tmp_path / "first.log", tmp_path / "second.log"]
    processes = [start_collecting(data_dir, log) for log in logs]
    codes = [process.wait(timeout=600) for process in processes]
    assert codes == [0, 0], [log.read_text(errors="replace")[-2000:] for log in logs]
    static = data_dir / "static"
    assert (static / "staticfiles.json").is_file()
    assert (static / ".sources-digest").is_file()
