"""What /readyz checks: the database answers a query and the cache stores and returns a value."""

import uuid

from django.core.cache import cache
from django.db import DatabaseError, connection


def database_problem() -> str | None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return f"{type(error).__name__}: {error}"
    return None


def cache_problem() -> str | None:
    # django-redis is set to swallow errors (a dead Redis must not break pages), so a
    # failed round trip shows up as a value that did not come back, not as an exception.
    key, value = f"dateline:readyz:{uuid.uuid4().hex}", uuid.uuid4().hex
    try:
        cache.set(key, value, timeout=10)
        returned = cache.get(key)
        cache.delete(key)
    except Exception as error:  # any backend, any failure: report it, never raise
        return f"{type(error).__name__}: {error}"
    if returned != value:
        return "the cache did not return a value just stored"
    return None
