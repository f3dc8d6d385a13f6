"""Static files answered before Django, compressed, and cached for a year when hashed.

`dateline collectstatic` (run by `dateline serve` when a source changed) writes every
file under a content-hashed name plus gzip and brotli copies (WhiteNoise's
CompressedManifestStaticFilesStorage). WhiteNoise then serves them from memory-listed
paths with the copy the client accepts (``Vary: Accept-Encoding``), ETags and ranges:

- a hashed name (``site.3fa2c1.css``, what templates link to): its content never
  changes, so ``public, max-age=31536000, immutable``;
- an unhashed name (``site.css``, linked from nowhere we control): an hour;
- ``/favicon.ico``, which browsers and feed readers ask for at the root: a day.

Each file carries the security headers Django's middleware gives every response
(nosniff, the site's Content-Security-Policy, Referrer-Policy...), built once at start.

It sits inside the page cache (dateline/wsgi.py), which passes /static/ and
/favicon.ico straight through, so a page-cache hit never looks for a file.
"""

from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from whitenoise import WhiteNoise

from dateline.security.headers import SecurityHeadersMiddleware

YEAR = 365 * 24 * 3600
DAY = 24 * 3600
# Files served at the site's root, and the collected static file each one is.
ROOT_FILES = {"/favicon.ico": "dateline/favicon.ico"}


class StaticFiles(WhiteNoise):
    def __init__(self, application, *, root: Path | None = None, hashed_names=None):
        root = Path(root or settings.STATIC_ROOT)
        if hashed_names is None:
            hashed_names = getattr(staticfiles_storage, "hashed_files", {}).values()
        self.prefix = "/" + settings.STATIC_URL.strip("/") + "/"
        self.hashed_urls = frozenset(self.prefix + name for name in hashed_names)
        self.security_headers = _security_headers()
        super().__init__(
            application,
            max_age=getattr(settings, "WHITENOISE_MAX_AGE", 3600),
            allow_all_origins=True,
            add_headers_function=self.add_security_headers,
        )
        self.add_files(root, prefix=self.prefix)
        for url, name in ROOT_FILES.items():
            if (root / name).is_file():
                self.add_file_to_dictionary(url, str(root / name))

    def add_security_headers(self, headers, path, url) -> None:
        for name, value in self.security_headers:
            headers[name] = value

    def immutable_file_test(self, path, url) -> bool:
        return url in self.hashed_urls

    def add_cache_headers(self, headers, path, url) -> None:
        if self.immutable_file_test(path, url):
            headers["Cache-Control"] = f"public, max-age={YEAR}, immutable"
        elif url in ROOT_FILES:
            headers["Cache-Control"] = f"public, max-age={DAY}"
        else:
            headers["Cache-Control"] = f"public, max-age={self.max_age}"


def _security_headers() -> list[tuple[str, str]]:
    """What SecurityMiddleware and SecurityHeadersMiddleware add to a reader's response."""
    site = SecurityHeadersMiddleware(get_response=None)
    found = [("Content-Security-Policy", site.site_policy)]
    if site.permissions_policy:
        found.append(("Permissions-Policy", site.permissions_policy))
    if settings.SECURE_CONTENT_TYPE_NOSNIFF:
        found.append(("X-Content-Type-Options", "nosniff"))
    if settings.SECURE_REFERRER_POLICY:
        found.append(("Referrer-Policy", settings.SECURE_REFERRER_POLICY))
    if settings.SECURE_CROSS_ORIGIN_OPENER_POLICY:
        found.append(("Cross-Origin-Opener-Policy", settings.SECURE_CROSS_ORIGIN_OPENER_POLICY))
    return found


def static_files(application):
    """Serve the collected static files in front of `application` (production mode: in
    development, `runserver` serves them from the sources)."""
    if settings.DEBUG:
        return application
    return StaticFiles(application)
