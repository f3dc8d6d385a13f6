"""One rate limiter for every public form and endpoint, shared by all worker processes.

A counter per (scope, subject, window) lives in the shared cache (Redis when
REDIS_URL is set, so every process and node counts together). A cache that cannot
count (Redis down) lets the attempt through: refusing every reader while the cache
is down would close the site's forms; the other checks still run.
"""

import logging
import time

from django.core.cache import cache

logger = logging.getLogger(__name__)


def allow(scope: str, subject: str, *, limit: int, window_seconds: int) -> bool:
    """Count this attempt; True while `subject` has made at most `limit` in the window."""
    window_seconds = max(1, int(window_seconds))
    slot = int(time.time() // window_seconds)
    key = f"ratelimit:{scope}:{subject}:{slot}"
    cache.add(key, 0, timeout=window_seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window_seconds)
        count = 1
    if count is None:
        logger.warning("Rate limit %s is not counted: the cache is unreachable", scope)
        return True
    return count <= limit
