"""Newsletter sending benchmark: 50,000 confirmed readers, one edition, a local SMTP sink.

    .venv/bin/python bench/newsletter_send.py [--readers 50000] [--kill-at 25000]

Run 1 sends the edition through a real `dateline db_worker`; run 2 does the same and
SIGKILLs the worker when the sink holds --kill-at messages, then lets the scheduler's tick
hand the edition to a new worker. Prints the time to hand everyone over, distinct
recipients, duplicates, copies carrying the one-click unsubscribe headers, and the
sending worker's memory (RSS) as the send went on. Results go in docs/benchmarks.md.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.newsletters.send_run import send_with_real_worker


def say(*parts) -> None:
    sys.stdout.write(" ".join(str(part) for part in parts) + "\n")
    sys.stdout.flush()


def report(title: str, run) -> None:
    say(f"== {title}")
    say(
        f"readers {run.count}, edition {run.edition_status}, all handed over in "
        f"{run.seconds_to_hand_over:.1f} s ({run.count / run.seconds_to_hand_over:.0f}/s)"
    )
    say(
        f"deliveries {run.delivered}, distinct recipients {run.distinct}, "
        f"duplicates {run.duplicates}, with one-click unsubscribe headers {run.one_click}"
    )
    if run.killed_at is not None:
        say(f"worker killed (SIGKILL) when the sink held {run.killed_at}")
    samples = run.rss_kb
    if samples:
        step = max(1, len(samples) // 8)
        shown = samples[::step] + [samples[-1]]
        say(
            "sending worker RSS (delivered: MB): "
            + ", ".join(f"{done}: {kb / 1024:.0f}" for done, kb in shown)
        )
    say(f"load average {os.getloadavg()[0]:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--readers", type=int, default=50_000)
    parser.add_argument("--kill-at", type=int, default=25_000)
    parser.add_argument("--only", choices=["plain", "kill"])
    args = parser.parse_args()
    say(time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), f"load {os.getloadavg()}")
    with tempfile.TemporaryDirectory(prefix="dateline-newsletter-bench-") as folder:
        if args.only in (None, "plain"):
            run = send_with_real_worker(Path(folder) / "plain", count=args.readers, timeout=1800)
            report("one edition, no interruption", run)
        if args.only in (None, "kill"):
            run = send_with_real_worker(
                Path(folder) / "kill", count=args.readers, kill_at=args.kill_at, timeout=1800
            )
            report("one edition, worker killed part way and resumed", run)


if __name__ == "__main__":
    main()
