"""Fetching a provider's source over HTTP: conditional, bounded in size and in time.

`fetch()` sends the ETag and Last-Modified it was given (a 304 is "not modified"),
follows a few redirects, refuses an answer larger than `max_bytes` (by its
Content-Length, or as soon as the body grows past it, after decompression) and gives up
when the whole exchange takes longer than `timeout` seconds, however slowly the server
drips. Every failure is a `FetchError` whose message a person can act on.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

import urllib3
from django.conf import settings
from django.utils import timezone

CHUNK = 64 * 1024


class FetchError(Exception):
    def __init__(self, message: str, *, retry_after: int | None = None):
        super().__init__(message)
        self.retry_after = retry_after


@dataclass(frozen=True)
class Fetched:
    body: bytes = b""
    content_type: str = ""
    etag: str = ""
    last_modified: str = ""
    not_modified: bool = False


def _retry_after(value: str | None) -> int | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return int(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max(0, int((when - timezone.now()).total_seconds()))


def _megabytes(size: int) -> str:
    return f"{size / 1_048_576:.0f} MB" if size >= 1_048_576 else f"{size // 1024} KB"


def fetch(
    url: str,
    *,
    etag: str = "",
    last_modified: str = "",
    max_bytes: int | None = None,
    timeout: float | None = None,
) -> Fetched:
    max_bytes = max_bytes or settings.DATELINE_WIRE_MAX_BYTES
    timeout = timeout or settings.DATELINE_WIRE_TIMEOUT
    deadline = time.monotonic() + timeout
    headers = {
        "User-Agent": settings.DATELINE_WIRE_USER_AGENT,
        "Accept": (
            "application/json, application/rss+xml, application/atom+xml, "
            "application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1"
        ),
        "Accept-Encoding": "gzip, deflate",
    }
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    pool = urllib3.PoolManager(
        retries=urllib3.Retry(total=None, connect=0, read=0, status=0, redirect=5),
        timeout=urllib3.Timeout(connect=min(10.0, timeout), read=timeout),
    )
    try:
        response = pool.request("GET", url, headers=headers, preload_content=False)
    except urllib3.exceptions.MaxRetryError as error:
        raise FetchError(_reason(error.reason, url, timeout)) from error
    except (urllib3.exceptions.HTTPError, OSError, ValueError) as error:
        raise FetchError(_reason(error, url, timeout)) from error
    try:
        return _read(response, max_bytes=max_bytes, timeout=timeout, deadline=deadline)
    finally:
        response.release_conn()
        pool.clear()


def _read(response, *, max_bytes: int, timeout: float, deadline: float) -> Fetched:
    if response.status == 304:
        return Fetched(not_modified=True)
    if response.status != 200:
        reason = response.reason or ""
        raise FetchError(
            f"The server answered HTTP {response.status} {reason}".rstrip() + ".",
            retry_after=_retry_after(response.headers.get("Retry-After")),
        )
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(
            f"The answer is {_megabytes(int(declared))}, more than the "
            f"{_megabytes(max_bytes)} a source may be."
        )
    body = bytearray()
    try:
        while True:
            if time.monotonic() > deadline:
                raise FetchError(f"The answer took longer than {timeout:g} seconds.")
            chunk = response.read1(CHUNK)
            if not chunk:
                break
            body += chunk
            if len(body) > max_bytes:
                raise FetchError(
                    f"The answer grew past the {_megabytes(max_bytes)} a source may be."
                )
    except urllib3.exceptions.ReadTimeoutError as error:
        raise FetchError(f"The server stopped answering for {timeout:g} seconds.") from error
    except (urllib3.exceptions.HTTPError, OSError) as error:
        raise FetchError(f"The answer broke off: {error}.") from error
    return Fetched(
        body=bytes(body),
        content_type=response.headers.get("Content-Type", ""),
        etag=response.headers.get("ETag", "")[:500],
        last_modified=response.headers.get("Last-Modified", "")[:100],
    )


def _reason(error, url: str, timeout: float) -> str:
    host = urllib3.util.parse_url(url).host
    # NewConnectionError is a kind of ConnectTimeoutError in urllib3: ask about it first.
    if isinstance(error, urllib3.exceptions.NewConnectionError):
        refused = str(error).rpartition(": ")[2] if ": " in str(error) else str(error)
        return f"Could not connect to {host}: {refused}."
    if isinstance(error, urllib3.exceptions.TimeoutError):
        return f"No answer from {host} within {timeout:g} seconds."
    if isinstance(error, urllib3.exceptions.ResponseError):
        return "Too many redirects."
    return f"The request failed: {error}."
