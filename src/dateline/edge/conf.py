"""The page cache's settings, read once, with the defaults an embedded site needs."""

from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

# Static files keep their own cache headers (dateline.edge.static): never stored here.
DEFAULT_BYPASS_PREFIXES = ("/admin/", "/documents/", "/static/", "/media/", "/favicon.ico")


@dataclass(frozen=True)
class EdgeSettings:
    enabled: bool
    directory: Path
    redis_url: str
    # Production mode: purge counters and remembered routes exist even with the page
    # cache off (DATELINE_PAGE_CACHE=off measures the render path, routes included).
    production: bool = False
    # How long a stored page is served without re-rendering when nothing purged it.
    ttl: int = 600
    # How long a page is kept as the last good copy for stale-if-error.
    keep_stale: int = 7 * 24 * 3600
    memory_bytes: int = 256 * 1024 * 1024
    # The page files in the data directory (the file backend): purged and old ones are
    # removed, then the oldest while they take more than this.
    disk_bytes: int = 1024 * 1024 * 1024
    max_body_bytes: int = 5 * 1024 * 1024
    cache_control: str = ""
    bypass_prefixes: tuple[str, ...] = DEFAULT_BYPASS_PREFIXES
    bypass_cookies: tuple[str, ...] = field(default_factory=tuple)
    lock_timeout: float = 5.0


def edge_settings() -> EdgeSettings:
    cdn = bool(
        getattr(settings, "WAGTAILFRONTENDCACHE", None)
        or getattr(settings, "EDGE_VARNISH_URLS", None)
        or getattr(settings, "EDGE_FASTLY_SERVICE_ID", None)
    )
    # With a CDN we can purge, it may keep pages for a day; otherwise only briefly.
    shared_max_age = 86400 if cdn else 60
    default_cache_control = (
        f"public, max-age=30, s-maxage={shared_max_age}, "
        "stale-while-revalidate=30, stale-if-error=86400"
    )
    bypass_cookies = (
        settings.SESSION_COOKIE_NAME,
        *getattr(settings, "EDGE_BYPASS_COOKIES", ()),
    )
    return EdgeSettings(
        enabled=getattr(settings, "EDGE_PAGE_CACHE", False),
        production=not (settings.DEBUG or getattr(settings, "TESTING", False)),
        directory=Path(getattr(settings, "EDGE_CACHE_DIR", settings.DATA_DIR / "cache")),
        redis_url=getattr(settings, "REDIS_URL", ""),
        ttl=getattr(settings, "EDGE_PAGE_TTL", 600),
        disk_bytes=getattr(settings, "EDGE_DISK_BYTES", EdgeSettings.disk_bytes),
        cache_control=getattr(settings, "EDGE_CACHE_CONTROL", default_cache_control),
        bypass_prefixes=tuple(getattr(settings, "EDGE_BYPASS_PREFIXES", DEFAULT_BYPASS_PREFIXES)),
        bypass_cookies=tuple(name for name in bypass_cookies if name),
    )
