"""Purging the caches in front of Dateline by surrogate key: Varnish nodes and Fastly.

Every purge of the page cache (dateline.edge.invalidation.purge_now) also purges the
same keys here, from a background task (dateline.edge.tasks), never inside a request:
the keys each response carries in ``Surrogate-Key`` index it in Varnish (xkey, see
`dateline edge vcl`) and in Fastly, so a comment approval or a tag rename drops exactly
the listing, tag and article pages that showed the change, on every node.

- Varnish (``DATELINE_VARNISH_URL``, one address per node, comma-separated): a
  ``PURGE /`` request with ``Surrogate-Key: page-12 listing`` to each node; soft, so a
  purged object is kept as the last good copy for stale-if-error (the VCL never serves
  it as fresh).
- Fastly (``DATELINE_FASTLY_SERVICE_ID`` + ``DATELINE_FASTLY_API_TOKEN``): the
  purge-by-surrogate-key API, up to 256 keys a request, soft purge by default
  (``DATELINE_FASTLY_SOFT_PURGE=off`` for hard purges).

A second purge of the same keys follows a few seconds later: a render that began before
the change and reached Varnish after the first purge is dropped by it.

Each target is tried a few times with a pause between tries; a target that still fails
is logged (and the others are purged regardless). Its pages then expire by TTL.
"""

import logging
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta

import requests
from django.conf import settings
from django.utils import timezone

from dateline.edge import keys as surrogate

logger = logging.getLogger(__name__)

# Keys that are checked inside Dateline but never sent in Surrogate-Key.
UNSENT_PREFIXES = (surrogate.CONTENT_PREFIX, surrogate.COMMENTS_PREFIX, surrogate.LIVE_PREFIX)
# Varnish's default limit for one request header is 8 KB; Fastly takes 256 keys a request.
VARNISH_BATCH_CHARS = 4000
FASTLY_BATCH_KEYS = 256
TIMEOUT = (2.0, 10.0)  # connect, read
ATTEMPTS = 3
PAUSES = (0.5, 2.0)  # between the attempts
# Longer than a render takes: see purge_in_background.
SECOND_PURGE_AFTER = 5.0


class PurgeFailed(Exception):
    pass


def keys_sent(keys: Iterable[str]) -> list[str]:
    """The keys responses carry (and the caches in front index), sorted."""
    return sorted({key for key in keys if key and not key.startswith(UNSENT_PREFIXES)})


def batches_by_length(keys: Sequence[str], limit: int) -> list[list[str]]:
    """Space-separated batches of at most `limit` characters (a key longer alone)."""
    batches: list[list[str]] = []
    length = limit + 1
    for key in keys:
        if length + 1 + len(key) > limit:
            batches.append([])
            length = -1
        batches[-1].append(key)
        length += 1 + len(key)
    return batches


@dataclass(frozen=True)
class VarnishNode:
    url: str
    soft: bool = True

    @property
    def name(self) -> str:
        return f"Varnish {self.url}"

    def purge(self, keys: Sequence[str], session: requests.Session) -> None:
        for batch in batches_by_length(keys, VARNISH_BATCH_CHARS):
            reply = session.request(
                "PURGE",
                self.url.rstrip("/") + "/",
                headers={
                    "Surrogate-Key": " ".join(batch),
                    "Purge-Mode": "soft" if self.soft else "hard",
                },
                timeout=TIMEOUT,
            )
            if reply.status_code != 200:
                raise PurgeFailed(f"{reply.status_code} {reply.text.strip()[:200]}")


@dataclass(frozen=True)
class FastlyService:
    service_id: str
    token: str
    api_url: str = "https://api.fastly.com"
    soft: bool = True

    @property
    def name(self) -> str:
        return f"Fastly service {self.service_id}"

    def purge(self, keys: Sequence[str], session: requests.Session) -> None:
        headers = {"Fastly-Key": self.token, "Accept": "application/json"}
        if self.soft:
            headers["Fastly-Soft-Purge"] = "1"
        url = f"{self.api_url.rstrip('/')}/service/{self.service_id}/purge"
        for start in range(0, len(keys), FASTLY_BATCH_KEYS):
            batch = list(keys[start : start + FASTLY_BATCH_KEYS])
            reply = session.post(
                url, json={"surrogate_keys": batch}, headers=headers, timeout=TIMEOUT
            )
            if reply.status_code != 200:
                raise PurgeFailed(f"{reply.status_code} {reply.text.strip()[:200]}")


def configured_targets() -> list[VarnishNode | FastlyService]:
    """The caches in front of this site that purge by surrogate key, from the settings."""
    targets: list[VarnishNode | FastlyService] = [
        VarnishNode(url) for url in getattr(settings, "EDGE_VARNISH_URLS", ())
    ]
    service = getattr(settings, "EDGE_FASTLY_SERVICE_ID", "")
    if service:
        targets.append(
            FastlyService(
                service_id=service,
                token=settings.EDGE_FASTLY_API_TOKEN,
                api_url=getattr(settings, "EDGE_FASTLY_API_URL", FastlyService.api_url),
                soft=getattr(settings, "EDGE_FASTLY_SOFT_PURGE", True),
            )
        )
    return targets


def keys_purge_everywhere(*, keys: Iterable[str], pauses: Sequence[float] = PAUSES) -> dict:
    """Purge these surrogate keys from every configured cache in front of Dateline.

    Each target is tried up to ATTEMPTS times; a failure is logged, and never stops the
    other targets. Returns which targets were purged and which failed (the task result).
    """
    sent = keys_sent(keys)
    report: dict[str, list[str]] = {"keys": sent, "purged": [], "failed": []}
    if not sent:
        return report
    with requests.Session() as session:
        for target in configured_targets():
            for attempt in range(ATTEMPTS):
                try:
                    target.purge(sent, session)
                except (requests.RequestException, PurgeFailed) as error:
                    if attempt + 1 < ATTEMPTS:
                        time.sleep(pauses[min(attempt, len(pauses) - 1)])
                        continue
                    logger.error(
                        "Purge of %d surrogate keys from %s failed after %d attempts: %s",
                        len(sent), target.name, ATTEMPTS, error,
                    )  # fmt: skip
                    report["failed"].append(target.name)
                else:
                    report["purged"].append(target.name)
                    break
    return report


def purge_in_background(keys: Iterable[str]) -> None:
    """Queue the purge of these keys from the caches in front, if any are configured."""
    sent = keys_sent(keys)
    if not sent or not configured_targets():
        return
    from dateline.edge.tasks import purge_edge_keys

    try:
        purge_edge_keys.enqueue(keys=sent)
        if purge_edge_keys.get_backend().supports_defer:
            # Varnish cannot tell a render that began before the change (the embedded
            # cache stamps it, see dateline.edge.store): one stored after the first purge
            # is dropped by a second.
            later = timezone.now() + timedelta(seconds=SECOND_PURGE_AFTER)
            purge_edge_keys.using(run_after=later).enqueue(keys=sent)
    except Exception:
        logger.exception("Could not queue the purge of %s from the caches in front", sent)
