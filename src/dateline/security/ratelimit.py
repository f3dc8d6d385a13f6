"""Every limit in Dateline counts here: one counter per (scope, subject), shared by all
workers and nodes, incremented atomically.

`dateline serve` runs several worker processes, and a larger site several nodes. A
counter in each process's memory let one address post 5 comments per worker instead of
5 in all (decision 0010). So the count lives where every worker sees it:

- with Redis (the default cache is django-redis, i.e. REDIS_URL is set): one MULTI of
  `SET key 0 EX window NX`, `INCR key`, `TTL key`; shared by every node;
- otherwise in the database: one `INSERT ... ON CONFLICT DO UPDATE ... RETURNING`
  statement on the security_ratecounter table, which SQLite (3.35+) and PostgreSQL both
  run atomically; shared by every worker on the box (SQLite) or every node (PostgreSQL).
  Redis unreachable falls back to this too, so limits still hold while it is away.

Neither reads a count and writes it back, so two workers counting at once cannot both
see "4 of 5". A window starts at a subject's first attempt and lasts `window_seconds`;
the next attempt after it starts a new one. Call `allow` outside the transaction of the
write it guards: a rolled-back transaction would take the count with it.

Subjects are stored as keyed digests (HMAC with the secret key), never as written, so
the table holds no email or address; `dateline prune_rate_counters` (run hourly by the
scheduler) deletes ended windows.
"""

import logging
import math
import time
from dataclasses import dataclass

from django.core.cache import caches
from django.db import connection
from django.utils.crypto import salted_hmac
from django_redis import get_redis_connection
from django_redis.cache import RedisCache
from redis import RedisError

from dateline.security.models import RateCounter

log = logging.getLogger(__name__)

SCOPE_MAX = 40


@dataclass(frozen=True)
class Attempt:
    """One counted attempt: whether it is within the limit, and when the window ends."""

    allowed: bool
    hits: int
    retry_after: int  # whole seconds until the window ends


def _digest(subject: str) -> str:
    return salted_hmac("dateline.security.ratelimit", subject, algorithm="sha256").hexdigest()


def _count_in_redis(client, keys: list[str], window_seconds: int) -> list[tuple[int, float]]:
    pipe = client.pipeline(transaction=True)
    for key in keys:
        pipe.set(key, 0, ex=window_seconds, nx=True)
        pipe.incr(key)
        pipe.ttl(key)
    replies = pipe.execute()
    counted = []
    for index, key in enumerate(keys):
        _, hits, ttl = replies[3 * index : 3 * index + 3]
        if ttl < 0:  # a key left without expiry (should not happen): give it one
            client.expire(key, window_seconds)
            ttl = window_seconds
        counted.append((hits, float(ttl)))
    return counted


def _upsert_sql(rows: int) -> str:
    table = connection.ops.quote_name(RateCounter._meta.db_table)
    values = ", ".join(["(%s, %s, 1, %s)"] * rows)
    return (
        f"INSERT INTO {table} (scope, subject, hits, window_ends) VALUES {values} "
        f"ON CONFLICT (scope, subject) DO UPDATE SET "
        f"hits = CASE WHEN {table}.window_ends <= %s THEN 1 ELSE {table}.hits + 1 END, "
        f"window_ends = CASE WHEN {table}.window_ends <= %s "
        f"THEN excluded.window_ends ELSE {table}.window_ends END "
        f"RETURNING scope, subject, hits, window_ends"
    )


def _count_in_database(
    subjects: list[tuple[str, str]], window_seconds: int
) -> list[tuple[int, float]]:
    now = time.time()
    parameters = [value for pair in subjects for value in (*pair, now + window_seconds)]
    with connection.cursor() as cursor:
        cursor.execute(_upsert_sql(len(subjects)), [*parameters, now, now])
        rows = {(scope, subject): (hits, ends - now) for scope, subject, hits, ends in cursor}
    return [rows[pair] for pair in subjects]


def _redis_client():
    cache = caches["default"]
    return get_redis_connection("default") if isinstance(cache, RedisCache) else None


def attempts(subjects: list[tuple[str, str]], *, limit: int, window_seconds: int) -> list[Attempt]:
    """Count one attempt for each (scope, subject) pair, in one round trip; see `attempt`."""
    if limit < 1 or window_seconds < 1:
        raise ValueError("a limit and a window of at least 1")
    if any(not 0 < len(scope) <= SCOPE_MAX for scope, _ in subjects):
        raise ValueError(f"a scope is 1 to {SCOPE_MAX} characters")
    wanted = [(scope, _digest(subject)) for scope, subject in subjects]
    hashed = list(dict.fromkeys(wanted))  # one statement may touch a row only once
    client = _redis_client()
    counted = None
    if client is not None:
        keys = [f"dateline:rate:{scope}:{digest}" for scope, digest in hashed]
        try:
            counted = _count_in_redis(client, keys, window_seconds)
        except RedisError:
            log.warning("Rate limits are counted in the database: Redis is unreachable")
    if counted is None:
        counted = _count_in_database(hashed, window_seconds)
    found = dict(zip(hashed, counted, strict=True))
    return [
        Attempt(allowed=hits <= limit, hits=hits, retry_after=max(1, math.ceil(remaining)))
        for hits, remaining in (found[pair] for pair in wanted)
    ]


def attempt(scope: str, subject: str, *, limit: int, window_seconds: int) -> Attempt:
    """Count one attempt by `subject` under `scope` (e.g. "comments-network", "10.0.0.0").

    Allowed while this attempt is among the first `limit` of its window.
    """
    return attempts([(scope, subject)], limit=limit, window_seconds=window_seconds)[0]


def allow(scope: str, subject: str, *, limit: int, window_seconds: int) -> bool:
    """Count this attempt; True while `subject` stays within `limit` per `window_seconds`."""
    return attempt(scope, subject, limit=limit, window_seconds=window_seconds).allowed


def rate_counters_prune(*, now: float | None = None) -> int:
    """Delete the counters whose window has ended; they count from 1 again anyway."""
    deleted, _ = RateCounter.objects.filter(window_ends__lte=now or time.time()).delete()
    return deleted
