"""Checks that production mode runs before it serves anything."""

from django.conf import settings

WEAK_KEY_MARKERS = ("insecure", "changeme", "secret", "django-insecure")


def production_problems() -> list[str]:
    """What is wrong with this configuration for serving on the internet, as sentences."""
    problems = []
    key = settings.SECRET_KEY or ""
    if len(key) < 40 or len(set(key)) < 8 or any(m in key.lower() for m in WEAK_KEY_MARKERS):
        problems.append(
            "DATELINE_SECRET_KEY is missing or weak: set it to 50 random characters "
            "(for example: python3 -c 'import secrets; print(secrets.token_urlsafe(50))'), "
            "or run `dateline setup` to write one to the data directory."
        )
    if not settings.ALLOWED_HOSTS:
        problems.append(
            "DATELINE_ALLOWED_HOSTS is empty: set it to the site's host names, comma-separated "
            "(for example: news.example.com)."
        )
    if settings.DEBUG:
        problems.append("DATELINE_DEBUG is on: production mode never runs with debug.")
    if settings.SECURE_PROXY_SSL_HEADER and not settings.DATELINE_TRUSTED_PROXIES:
        # Every request would seem to come from the proxy: one attacker's failed sign-ins
        # would lock every editor out, and the audit would show only the proxy.
        problems.append(
            "DATELINE_HTTPS is on but DATELINE_TRUSTED_PROXIES is empty: set it to the "
            "address of the HTTPS proxy in front (for example: 127.0.0.1)."
        )
    return problems
