"""Sending an edition with real processes: a migrated SQLite site in a folder of its own,
`dateline db_worker` sending to a local SMTP sink, and, if asked, the worker killed
(SIGKILL) part way and a new one resuming. Used by test_resume.py (small) and by
bench/newsletter_send.py (50,000 readers).
"""

import os
import secrets
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.newsletters.smtp_sink import Sink, SinkServer
from tests.ops.servers import Child, free_port, wait_until

REPO = Path(__file__).resolve().parents[2]
PYTHON = sys.executable


def site_environment(data_dir: Path, smtp_url: str) -> dict[str, str]:
    """Production-like settings (no pytest variables: tasks go through the database queue)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTEST", "DATELINE_", "DJANGO_")) and key != "DATABASE_URL"
    }
    env.update(
        DATELINE_DATA_DIR=str(data_dir),
        DATELINE_SECRET_KEY=secrets.token_urlsafe(40),
        DATELINE_SMTP_URL=smtp_url,
        DATELINE_BASE_URL="https://news.example.com",
        DATELINE_NEWSLETTER_FROM="The Courier <news@news.example.com>",
        DATELINE_NEWSLETTER_LEASE_SECONDS="3",
        DATELINE_LOG_LEVEL="WARNING",
        PYTHONPATH=str(REPO),
    )
    return env


SEED = """
import django
django.setup()
from django.utils import timezone
from dateline.news import services as news
from dateline.news.models import AuthorIndexPage, HomePage
from dateline.newsletters.models import Newsletter, Subscriber, Subscription
from tests.news.factories import ArticleFactory, SectionFactory

world = SectionFactory(title="World", slug="world")
for number in range(5):
    ArticleFactory(section=world, title=f"Story number {number} of the day")
daily = Newsletter.objects.create(name="Daily briefing", slug="daily", schedule="daily")
now = timezone.now()
count = int(COUNT)
for start in range(0, count, 5000):
    Subscriber.objects.bulk_create(
        Subscriber(email=f"reader{n}@example.org", confirmed_at=now)
        for n in range(start, min(count, start + 5000))
    )
ids = Subscriber.objects.values_list("pk", flat=True)
Subscription.objects.bulk_create(
    (Subscription(subscriber_id=pk, newsletter=daily, status="active", confirmed_at=now)
     for pk in ids.iterator()), batch_size=5000,
)
"""


@dataclass
class SendRun:
    count: int
    seconds_to_hand_over: float = 0.0
    delivered: int = 0
    distinct: int = 0
    duplicates: int = 0
    one_click: int = 0
    killed_at: int | None = None
    edition_status: str = ""
    rss_kb: list[tuple[int, int]] = field(default_factory=list)  # (delivered so far, RSS)
    log: str = ""


def _rss_kb(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def _edition_status(database: Path) -> str:
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5) as db:
            row = db.execute("SELECT status FROM newsletters_edition ORDER BY id DESC").fetchone()
    except sqlite3.Error:
        return ""
    return row[0] if row else ""


def send_with_real_worker(
    folder: Path, *, count: int, kill_at: int | None = None, timeout: float = 600,
    sink_delay: float = 0.0,
) -> SendRun:  # fmt: skip
    """Seed `count` confirmed readers, send one edition through `dateline db_worker` to a
    local sink; with `kill_at`, SIGKILL the worker once the sink holds that many and let
    the scheduler's tick hand the edition to a new worker."""
    folder.mkdir(parents=True, exist_ok=True)
    sink = Sink(delay=sink_delay)
    run = SendRun(count=count)
    with SinkServer(sink, free_port()) as server:
        env = site_environment(folder / "data", server.url)

        def dateline(*args, check=True):
            return subprocess.run(
                [PYTHON, "-m", "dateline.cli", *args], env=env, cwd=REPO, check=check,
                capture_output=True, text=True, timeout=timeout,
            )  # fmt: skip

        dateline("migrate", "-v0")
        subprocess.run(
            [PYTHON, "-c", SEED.replace("COUNT", str(count))],
            env={**env, "DJANGO_SETTINGS_MODULE": "dateline.settings"},
            cwd=REPO, check=True, capture_output=True, text=True, timeout=timeout,
        )  # fmt: skip
        database = folder / "data" / "dateline.sqlite3"
        dateline("newsletter", "send", "daily")  # queued for the worker

        def start_worker(name: str) -> Child:
            return Child(
                [PYTHON, "-m", "dateline.cli", "db_worker", "--interval", "0.2"],
                env=env, log=folder / f"{name}.log", cwd=REPO,
            )  # fmt: skip

        worker = start_worker("worker-1")
        started = time.monotonic()
        try:
            if kill_at is not None:
                wait_until(lambda: len(sink.received) >= kill_at, timeout=timeout,
                           what=f"{kill_at} deliveries")  # fmt: skip
                os.killpg(worker.process.pid, signal.SIGKILL)
                worker.process.wait()
                run.killed_at = len(sink.received)
                worker = start_worker("worker-2")
                # The scheduler's job: once the dead sender's lease runs out, queue it again.
                wait_until(
                    lambda: (dateline("newsletter", "tick").returncode == 0
                             and _edition_status(database) not in {"sending"})
                    or len(sink.received) >= count,
                    timeout=timeout, what="the edition to be resumed",
                )  # fmt: skip

            def finished() -> bool:
                rss = _rss_kb(worker.process.pid)
                if rss:
                    run.rss_kb.append((len(sink.received), rss))
                return _edition_status(database) in {"sent", "failed"}

            deadline = time.monotonic() + timeout
            while not finished():  # polled gently: the benchmark shares the machine
                if time.monotonic() > deadline:
                    raise AssertionError(f"the edition was not sent within {timeout} s")
                time.sleep(0.25)
            run.seconds_to_hand_over = time.monotonic() - started
        finally:
            worker.stop()
            run.log = worker.output()
        run.edition_status = _edition_status(database)
        recipients = sink.recipients()
        run.delivered = sum(recipients.values())
        run.distinct = len(recipients)
        run.duplicates = sink.duplicates()
        run.one_click = sum(item.one_click for item in sink.received)
    return run
