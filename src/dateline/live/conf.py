"""Live coverage settings: the newsroom's (in the admin) and the operator's (environment)."""

import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse

from dateline.live.models import LiveSettings


@dataclass(frozen=True)
class LiveReading:
    """What a page tells its readers about following it."""

    page_id: int
    interval: int
    streaming: bool

    @property
    def stream_url(self) -> str:
        return reverse("live:stream", kwargs={"live_id": self.page_id})

    @property
    def poll_url(self) -> str:
        return poll_url(self.page_id, self.interval)


def live_settings_for(request) -> LiveSettings:
    return LiveSettings.for_request(request)


def reading_for(page, request) -> LiveReading:
    setting = live_settings_for(request)
    return LiveReading(page.pk, setting.poll_interval, setting.streaming)


def current_bucket(interval: int, now: float | None = None) -> int:
    return math.floor((time.time() if now is None else now) / interval)


def poll_url(page_id: int, interval: int, bucket: int | None = None) -> str:
    bucket = current_bucket(interval) if bucket is None else bucket
    return reverse("live:updates", kwargs={"live_id": page_id, "bucket": bucket})


def max_streams() -> int:
    """Open streams one node holds; past it a reader is told 503 and polls instead."""
    return getattr(settings, "LIVE_MAX_STREAMS", 20_000)
