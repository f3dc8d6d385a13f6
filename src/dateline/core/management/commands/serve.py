"""`dateline serve`: the production server (uvicorn) plus the background task worker."""

import fcntl
import hashlib
import math
import os
import signal
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from dateline.core.deploy import production_problems


@contextmanager
def _exclusively(lock_path: Path):
    """Hold an exclusive lock on `lock_path` (created if missing) for the block."""
    with open(lock_path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def collect_static_if_changed() -> None:
    """Run collectstatic only when a source file changed: it takes a while on a small box.

    One process at a time per data directory: two `dateline serve` started together
    would otherwise both collect, one reading a hashed file the other is writing. The
    second waits for the lock, then finds the files collected and the digest current.
    """
    with _exclusively(Path(settings.STATIC_ROOT).parent / ".collectstatic.lock"):
        _collect_static_if_changed()


def _collect_static_if_changed() -> None:
    digest = hashlib.sha256(settings.STORAGES["staticfiles"]["BACKEND"].encode())
    for finder in finders.get_finders():
        for path, storage in finder.list(ignore_patterns=[]):
            stat = os.stat(storage.path(path))
            digest.update(f"{path}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
    stamp = Path(settings.STATIC_ROOT) / ".sources-digest"
    if stamp.exists() and stamp.read_text() == digest.hexdigest():
        return
    call_command("collectstatic", interactive=False, verbosity=0)
    stamp.write_text(digest.hexdigest())


class Command(BaseCommand):
    help = "Serve Dateline in production mode with uvicorn and run the task worker beside it."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--workers", type=int, default=2, help="server worker processes")
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="do not start the task worker and scheduler (run `dateline db_worker` and "
            "`dateline scheduler` elsewhere)",
        )

    def handle(self, *args, host, port, workers, no_worker, **options):
        if problems := production_problems():
            raise CommandError("Refusing to serve in production mode:\n- " + "\n- ".join(problems))
        collect_static_if_changed()
        settings.MEDIA_ROOT.mkdir(parents=True, exist_ok=True)

        # uvicorn with Dateline's protocol: page-cache hits answered as soon as their
        # headers are read, live streams in each worker's event loop, the rest on
        # Django's WSGI handler in a thread pool (dateline.edge.server, .front). Each
        # worker takes its share of the live readers plus room for ordinary requests.
        streams_per_worker = math.ceil(settings.LIVE_MAX_STREAMS / workers)
        server = [
            sys.executable, "-m", "uvicorn",
            "--http", "dateline.edge.server:Protocol",
            "--loop", "uvloop",
            "--ws", "none",
            "--lifespan", "on",
            "--host", host,
            "--port", str(port),
            "--workers", str(workers),
            "--backlog", "4096",
            "--limit-concurrency", str(streams_per_worker + 256),
            "--timeout-keep-alive", "5",
            "--timeout-graceful-shutdown", "5",
            # Dateline logs each request itself (dateline.ops.request_context); forwarded
            # headers are read by Django, from the proxies it is told to trust.
            "--no-access-log",
            "--no-proxy-headers",
            "--no-server-header",
            "dateline.asgi:application",
        ]  # fmt: skip
        # Our own interpreter running uvicorn and our own commands; the arguments come
        # from the command line's typed options and settings, and no shell is involved.
        environment = {**os.environ, "DATELINE_SERVE_WORKERS": str(workers)}
        children = [subprocess.Popen(server, env=environment)]  # noqa: S603
        if not no_worker:
            worker = [sys.executable, "-m", "dateline.cli", "db_worker", "--interval", "0.5"]
            scheduler = [sys.executable, "-m", "dateline.cli", "scheduler"]
            children.append(subprocess.Popen(worker))  # noqa: S603
            children.append(subprocess.Popen(scheduler))  # noqa: S603
        self.stdout.write(f"Dateline is serving on http://{host}:{port}/ (Ctrl+C stops it)")

        def stop(signum, frame):
            for child in children:
                if child.poll() is None:
                    child.send_signal(signal.SIGTERM)

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        exit_code = children[0].wait()
        stop(None, None)
        for child in children:
            child.wait()
        if exit_code not in (0, -signal.SIGTERM, -signal.SIGINT):
            raise CommandError(f"the server exited with status {exit_code}")
