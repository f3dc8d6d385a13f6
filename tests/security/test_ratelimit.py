"""One counter per limit and subject, shared by every worker process and node.

The multi-process tests run real processes on one data folder (SQLite) or one Redis,
all counting at the same moment: exactly `limit` attempts get through, whichever
process made them.
"""

import os
import secrets
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from dateline.security import ratelimit
from dateline.security.models import RateCounter
from tests.ops.servers import REDIS_HOST, REDIS_PORT, redis_answers, wait_until

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parents[2]
REDIS_URL = f"redis://{REDIS_HOST}:{REDIS_PORT}/14"


@pytest.fixture
def clock(monkeypatch):
    """The counters' clock, moved by hand."""
    now = [1_800_000_000.0]
    monkeypatch.setattr(ratelimit.time, "time", lambda: now[0])
    return now


def use_redis(settings) -> None:
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1},
        }
    }


needs_redis = pytest.mark.skipif(
    not redis_answers(REDIS_URL), reason=f"Redis is not reachable on {REDIS_HOST}:{REDIS_PORT}"
)


def fresh_scope() -> str:
    """A scope no earlier run has counted under (Redis keeps counts between runs)."""
    return f"test-{uuid.uuid4().hex[:12]}"


def test_attempts_within_the_limit_are_allowed_and_the_rest_refused(clock):
    results = [
        ratelimit.allow("comments-email", "ana@example.org", limit=3, window_seconds=600)
        for _ in range(5)
    ]
    assert results == [True, True, True, False, False]


def test_subjects_and_scopes_count_separately(clock):
    for _ in range(2):
        ratelimit.allow("comments-email", "ana@example.org", limit=2, window_seconds=600)
    assert not ratelimit.allow("comments-email", "ana@example.org", limit=2, window_seconds=600)
    assert ratelimit.allow("comments-email", "ben@example.org", limit=2, window_seconds=600)
    assert ratelimit.allow("newsletter-signups", "ana@example.org", limit=2, window_seconds=600)


def test_a_window_starts_at_the_first_attempt_and_a_new_one_after_it_ends(clock):
    assert ratelimit.attempt("reports", "reader", limit=1, window_seconds=600).allowed
    clock[0] += 450
    refused = ratelimit.attempt("reports", "reader", limit=1, window_seconds=600)
    assert (refused.allowed, refused.hits, refused.retry_after) == (False, 2, 150)
    clock[0] += 150
    assert ratelimit.attempt("reports", "reader", limit=1, window_seconds=600).allowed


def test_several_subjects_are_counted_in_one_statement(clock, django_assert_num_queries):
    with django_assert_num_queries(1):
        first = ratelimit.attempts(
            [("comments-email", "a@example.org"), ("comments-network", "10.0.0.0")],
            limit=1,
            window_seconds=60,
        )
    second = ratelimit.attempts(
        [("comments-email", "b@example.org"), ("comments-network", "10.0.0.0")],
        limit=1,
        window_seconds=60,
    )
    assert [attempt.allowed for attempt in first + second] == [True, True, True, False]


def test_the_counters_never_hold_the_emails_or_addresses_they_count(clock):
    ratelimit.allow("comments-email", "ana@example.org", limit=3, window_seconds=600)
    ratelimit.allow("comments-network", "203.0.113.0", limit=3, window_seconds=600)
    stored = " ".join(f"{row.scope} {row.subject}" for row in RateCounter.objects.all())
    assert "ana@example.org" not in stored and "203.0.113" not in stored
    assert RateCounter.objects.count() == 2


def test_ended_windows_are_pruned(clock):
    ratelimit.allow("short", "a", limit=1, window_seconds=60)
    ratelimit.allow("long", "a", limit=1, window_seconds=3600)
    clock[0] += 61
    assert ratelimit.rate_counters_prune(now=clock[0]) == 1
    assert list(RateCounter.objects.values_list("scope", flat=True)) == ["long"]


def test_a_bad_scope_limit_or_window_is_a_programming_error():
    for scope, limit, window in [("", 1, 1), ("x" * 41, 1, 1), ("ok", 0, 1), ("ok", 1, 0)]:
        with pytest.raises(ValueError):
            ratelimit.allow(scope, "subject", limit=limit, window_seconds=window)


@needs_redis
def test_with_redis_the_count_lives_in_redis(settings):
    use_redis(settings)
    scope = fresh_scope()
    results = [ratelimit.allow(scope, "ana", limit=2, window_seconds=60) for _ in range(3)]
    assert results == [True, True, False]
    assert not RateCounter.objects.exists()


def test_with_redis_unreachable_the_database_counts(settings, caplog):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5},
        }
    }
    results = [ratelimit.allow("reports", "reader", limit=1, window_seconds=60) for _ in range(2)]
    assert results == [True, False]
    assert RateCounter.objects.count() == 1
    assert "counted in the database: Redis is unreachable" in caplog.text


# Real processes, all counting at once ----------------------------------------------

PROCESSES, ATTEMPTS_EACH, LIMIT = 4, 15, 20

CHILD = """
import sys, time
from pathlib import Path
import django
django.setup()
from dateline.security.ratelimit import allow
scope, barrier, limit, attempts, number = sys.argv[1], Path(sys.argv[2]), *sys.argv[3:]
(barrier / f"ready-{number}").touch()
while not (barrier / "go").exists():
    time.sleep(0.001)
limit, attempts = int(limit), int(attempts)
print(sum(allow(scope, "203.0.113.0", limit=limit, window_seconds=600) for _ in range(attempts)))
"""


def worker_environment(data_dir: Path, **extra: str) -> dict[str, str]:
    """Production settings on a data folder of their own, none of the test run's."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTEST", "DATELINE_", "DJANGO_"))
        and key not in {"DATABASE_URL", "REDIS_URL"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="dateline.settings",
        DATELINE_DATA_DIR=str(data_dir),
        DATELINE_SECRET_KEY=secrets.token_urlsafe(50),
        DATELINE_ALLOWED_HOSTS="127.0.0.1",
        **extra,
    )
    return env


def count_in_processes(env: dict[str, str], scope: str, barrier: Path) -> list[int]:
    """Start the children, let them all set Django up, then let them count at once."""
    barrier.mkdir()
    children = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                CHILD,
                scope,
                str(barrier),
                str(LIMIT),
                str(ATTEMPTS_EACH),
                str(number),
            ],
            env=env,
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        for number in range(PROCESSES)
    ]
    try:
        wait_until(
            lambda: (
                len(list(barrier.glob("ready-*"))) == PROCESSES
                or any(child.poll() is not None for child in children)
            ),
            timeout=120,
            what="the counting processes to start",
        )
        (barrier / "go").touch()
        allowed = []
        for child in children:
            out, err = child.communicate(timeout=60)
            assert child.returncode == 0, err
            allowed.append(int(out.strip()))
    finally:
        for child in children:
            child.kill()
            child.wait()
    return allowed


def test_worker_processes_on_one_data_folder_share_the_count(tmp_path):
    env = worker_environment(tmp_path)
    migrate = subprocess.run(
        [sys.executable, "-m", "dateline.cli", "migrate", "--verbosity", "0"],
        env=env, cwd=REPO, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert migrate.returncode == 0, migrate.stderr
    allowed = count_in_processes(env, "comments-network", tmp_path / "barrier")
    assert sum(allowed) == LIMIT, allowed  # 60 attempts from 4 processes, 20 allowed


@needs_redis
def test_worker_processes_on_one_redis_share_the_count(tmp_path):
    env = worker_environment(tmp_path, REDIS_URL=REDIS_URL)
    allowed = count_in_processes(env, fresh_scope(), tmp_path / "barrier")
    assert sum(allowed) == LIMIT, allowed
