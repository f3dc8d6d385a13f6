"""Real servers for the operations tests: free ports, reachability checks, child processes."""

import os
import signal
import socket
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

POSTGRES = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}
REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(condition: Callable[[], object], *, timeout: float, what: str) -> object:
    """Poll `condition` until it returns something truthy; fail naming `what` after `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        if result := condition():
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up after {timeout} s waiting for {what}")
        time.sleep(0.02)


def redis_answers(url: str) -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=0.5).ping())
    except redis.RedisError:
        return False


def postgres_answers() -> bool:
    import psycopg

    try:
        psycopg.connect(dbname="postgres", connect_timeout=2, **POSTGRES).close()
    except psycopg.Error:
        return False
    return True


class Child:
    """A process started in its own process group, its output kept in a log file."""

    def __init__(self, command: list[str], *, env: dict[str, str], log: Path, cwd=None):
        self.log = log
        with open(log, "wb") as output:
            self.process = subprocess.Popen(
                command, env=env, cwd=cwd, stdout=output, stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip

    def alive(self) -> bool:
        return self.process.poll() is None

    def output(self, last: int = 3000) -> str:
        return self.log.read_text(errors="replace")[-last:]

    def terminate(self) -> None:
        """Ask it to stop (SIGTERM, as systemd would), without waiting."""
        if self.alive():
            self.process.send_signal(signal.SIGTERM)

    def stop(self, timeout: float = 10) -> None:
        """Terminate; the whole group is killed if it has not stopped within `timeout`."""
        if self.alive():
            self.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                pass
        try:
            os.killpg(self.process.pid, signal.SIGKILL)  # children left behind, if any
        except ProcessLookupError:
            pass
        self.process.wait()
