"""`dateline scheduler`: runs the periodic jobs a newsroom needs, started by `dateline serve`.

Each job is a management command with an interval; a failing job is logged and retried at
its next turn, never stopping the others.
"""

import logging
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections, connection

logger = logging.getLogger("dateline.scheduler")


class Command(BaseCommand):
    help = "Run periodic jobs (scheduled publishing, housekeeping) until stopped."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="run every job once and exit")

    def handle(self, *args, once, **options):
        jobs = settings.DATELINE_PERIODIC_COMMANDS
        next_run = dict.fromkeys((job for job, _interval in jobs), 0.0)
        while True:
            now = time.monotonic()
            for job, interval in jobs:
                if now >= next_run[job]:
                    next_run[job] = now + interval
                    self.run_job(job)
            if once:
                return
            time.sleep(max(1.0, min(next_run.values()) - time.monotonic()))

    def run_job(self, job: str) -> None:
        # A long-lived loop drops stale connections, but never one a caller's transaction holds.
        if not connection.in_atomic_block:
            close_old_connections()
        try:
            call_command(*job.split(), verbosity=0)
        except Exception:
            logger.exception("Periodic job %r failed; it runs again at its next turn.", job)
