"""Dateline's one settings module: everything comes from environment variables.

Development defaults are safe to run on a laptop; `dateline serve` switches to
production mode and refuses to start without a real secret key and allowed hosts
(see dateline.cli). Variables are documented in README.md.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.conf import global_settings
from django.core.exceptions import ImproperlyConfigured

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent.parent


def env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DATA_DIR = Path(os.environ.get("DATELINE_DATA_DIR") or REPO_DIR / "var").resolve()
DEBUG = env_flag("DATELINE_DEBUG", default=False)
# pytest sets PYTEST_VERSION: tests get fast hashing, in-memory mail and inline tasks.
TESTING = env_flag("DATELINE_TESTING") or "PYTEST_VERSION" in os.environ


def _secret_key() -> str:
    """The key from the environment, else the one `dateline setup` wrote to the data dir."""
    if key := os.environ.get("DATELINE_SECRET_KEY"):
        return key
    key_file = DATA_DIR / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    # Only development and tests reach this; production mode refuses it (cli.serve).
    return "insecure-development-key-do-not-use-in-production"


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("DATELINE_ALLOWED_HOSTS") or (
    ["127.0.0.1", "localhost", "testserver", "[::1]"] if DEBUG or TESTING else []
)
CSRF_TRUSTED_ORIGINS = env_list("DATELINE_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "dateline.core",
    "dateline.news",
    "dateline.discovery",
    "dateline.search",
    "dateline.comments",
    "dateline.edge",
    "dateline.importers",
    "dateline.live",
    "dateline.desk",
    "dateline.newsletters",
    "dateline.api",
    "dateline.wire",
    "dateline.editorial",
    "wagtail.api.v3",  # only for its API-token admin (Settings > API tokens); not mounted
    "dateline.i18n",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "dateline.security",
    "dateline.ops",
]

MIDDLEWARE = [
    # First: the request id that the response and every log line of the request carry.
    "dateline.ops.request_context.RequestContextMiddleware",
    # Outermost: names what every response depends on (Surrogate-Key) for the page cache.
    "dateline.edge.middleware.EdgeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "dateline.security.headers.SecurityHeadersMiddleware",
    # Static files through Django (the test client); `dateline serve` answers them before
    # Django, with the same headers (dateline.edge.static).
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The reader's language from the URL prefix, before anything resolves a URL.
    "dateline.i18n.middleware.ReaderLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "dateline.security.second_factor.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Old WordPress links by id (/?p=123) answer 301 even where a page answers "/", and
    # its author, category and tag archives land on their listings.
    "dateline.importers.middleware.WordPressIdRedirectMiddleware",
    # Last, as django-axes requires: it turns a lockout into its 429 response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "dateline.urls"
WSGI_APPLICATION = "dateline.wsgi.application"

_template_loaders = [
    "django.template.loaders.filesystem.Loader",
    "django.template.loaders.app_directories.Loader",
]
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "dateline.core.context_processors.site_chrome",
            ],
            # Always the cached loader: templates are parsed once per process.
            "loaders": [("django.template.loaders.cached.Loader", _template_loaders)],
        },
    },
]

# Database: SQLite in the data dir (WAL mode, see core.apps), or DATABASE_URL.
DATA_DIR.mkdir(parents=True, exist_ok=True)
if database_url := os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(database_url, conn_max_age=60)}
    if DATABASES["default"]["ENGINE"].endswith("postgresql"):
        # A database that is down must fail fast: stale pages or a 503, never a hang.
        DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 2)
else:
    DATABASES = {
        "default": {
            # Django's SQLite, kept open between requests while its file stays the same.
            "ENGINE": "dateline.core.sqlite",
            "NAME": DATA_DIR / "dateline.sqlite3",
            "CONN_MAX_AGE": None,
            "OPTIONS": {
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                    "PRAGMA busy_timeout=20000; PRAGMA temp_store=MEMORY;"
                ),
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory per process, or Redis shared by every node.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "dateline",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
        }
    }
    DJANGO_REDIS_IGNORE_EXCEPTIONS = True
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    # Room for the rendered fragments (dateline.edge.fragments, about 7 per story) of the
    # ~700 most read stories; Django's default of 300 entries held about 40 stories'.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 5_000},
        }
    }

# The page cache in front of Django (dateline.edge, wrapped around the app in wsgi.py):
# on in production mode, off in development and tests, and off with DATELINE_PAGE_CACHE=off.
EDGE_PAGE_CACHE = not (DEBUG or TESTING) and os.environ.get(
    "DATELINE_PAGE_CACHE", "on"
).strip().lower() not in {"off", "0", "false", "no"}
# The page files it keeps in the data directory: purged and week-old ones are removed,
# then the oldest while they take more than this.
EDGE_DISK_BYTES = int(os.environ.get("DATELINE_PAGE_CACHE_DISK_MB") or 1024) * 1024 * 1024

# A CDN or caching proxy in front: Wagtail's frontend cache purges it (from a task) when
# the page cache purges a page. Varnish/any HTTP PURGE proxy, and Cloudflare, by variables.
WAGTAILFRONTENDCACHE = {}
if purge_url := os.environ.get("DATELINE_CDN_PURGE_URL"):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": purge_url,
    }
if cloudflare_zone := os.environ.get("DATELINE_CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": cloudflare_zone,
        "BEARER_TOKEN": os.environ.get("DATELINE_CLOUDFLARE_API_TOKEN", ""),
    }

# Caches in front that purge by surrogate key (dateline.edge.cdn), from a task, whenever
# the page cache purges: Varnish with xkey (`dateline edge vcl`), one address per node...
EDGE_VARNISH_URLS = env_list("DATELINE_VARNISH_URL")
# ...which accepts purges from these addresses or networks (the VCL's ACL).
EDGE_VARNISH_PURGERS = env_list("DATELINE_VARNISH_PURGERS", "127.0.0.1,::1")
# ...and Fastly's purge-by-surrogate-key API (soft purges unless turned off).
EDGE_FASTLY_SERVICE_ID = os.environ.get("DATELINE_FASTLY_SERVICE_ID", "")
EDGE_FASTLY_API_TOKEN = os.environ.get("DATELINE_FASTLY_API_TOKEN", "")
EDGE_FASTLY_API_URL = os.environ.get("DATELINE_FASTLY_API_URL", "https://api.fastly.com")
EDGE_FASTLY_SOFT_PURGE = env_flag("DATELINE_FASTLY_SOFT_PURGE", default=True)
if EDGE_FASTLY_SERVICE_ID and not EDGE_FASTLY_API_TOKEN:
    raise ImproperlyConfigured("DATELINE_FASTLY_SERVICE_ID needs DATELINE_FASTLY_API_TOKEN.")

# Background tasks: the database queue, run by `dateline db_worker` (started by `serve`).
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if TESTING
            else "django_tasks_db.DatabaseBackend"
        )
    }
}

# Periodic jobs run by `dateline scheduler` (started by `dateline serve`): (command, seconds).
# Every 10 s: an embargoed story is released within 30 s of its time (dateline.desk.embargo).
DATELINE_PERIODIC_COMMANDS = [("publish_scheduled", 10)]
DATELINE_PERIODIC_COMMANDS.append(("fronts_release_pins", 10))  # "keep as lead until 18:00"
DATELINE_PERIODIC_COMMANDS.append(("comments purge-ips", 86_400))  # IP networks: 90 days
DATELINE_PERIODIC_COMMANDS.append(("prune_login_events --days 180", 86_400))  # sign-in audit
DATELINE_PERIODIC_COMMANDS.append(("newsletter tick", 30))  # digests, schedules, resumed sends
DATELINE_PERIODIC_COMMANDS.append(("prune_rate_counters", 3_600))  # ended rate-limit windows
DATELINE_PERIODIC_COMMANDS.append(("wire poll", 60))  # queues the wire providers that are due
if not TESTING:  # tests run tasks inline: there is no task table to prune
    DATELINE_PERIODIC_COMMANDS.append(("prune_db_task_results --min-age-days 7", 86_400))

# Agency wire (dateline.wire): the most a source may weigh, and how long fetching it may take.
DATELINE_WIRE_MAX_BYTES = int(os.environ.get("DATELINE_WIRE_MAX_BYTES", str(10 * 1024 * 1024)))
DATELINE_WIRE_TIMEOUT = float(os.environ.get("DATELINE_WIRE_TIMEOUT", "30"))
DATELINE_WIRE_USER_AGENT = "Dateline/0.1 (agency wire ingest)"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# The languages the newsroom publishes in, the first being the default (decision 0022).
# One language (the default, English) keeps every URL unprefixed and Wagtail's locale
# features off; several give each language its own page tree and a /<code>/ URL prefix
# (the first language keeps unprefixed URLs, so existing links never change).
DATELINE_LANGUAGES = env_list("DATELINE_LANGUAGES", "en")


def _language_names(codes: list[str]) -> list[tuple[str, str]]:
    from django.conf.locale import LANG_INFO

    unknown = [code for code in codes if code not in LANG_INFO]
    if unknown or len(set(codes)) != len(codes):
        raise ImproperlyConfigured(
            f"DATELINE_LANGUAGES: {', '.join(unknown) or 'a repeated code'} is not a "
            "language code Django knows (for example en, uk, ar)."
        )
    return [(code, LANG_INFO[code]["name_local"]) for code in codes]


LANGUAGES = _language_names(DATELINE_LANGUAGES)
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = len(LANGUAGES) > 1
# The admin speaks every language Django has, whatever the site publishes in.
WAGTAIL_ADMIN_LANGUAGES = global_settings.LANGUAGES
# An English-only site keeps Django's "en-us", as before languages were configurable. With
# several, LANGUAGE_CODE is the first one exactly: i18n_patterns leaves the URLs of
# LANGUAGE_CODE, and only those, unprefixed.
LANGUAGE_CODE = "en-us" if DATELINE_LANGUAGES == ["en"] else DATELINE_LANGUAGES[0]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = os.environ.get("DATELINE_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DATELINE_MEDIA_DIR") or DATA_DIR / "media")
# Uploads (images, documents, renditions): the media folder, or S3-compatible object
# storage shared by every node when DATELINE_S3_BUCKET is set. Credentials come from
# boto3's usual places (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, an instance role...).
MEDIA_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
MEDIA_ORIGINS: list[str] = []  # where pages load media from, besides our own origin
if s3_bucket := os.environ.get("DATELINE_S3_BUCKET"):
    from urllib.parse import urlsplit as _urlsplit

    _s3_endpoint = os.environ.get("DATELINE_S3_ENDPOINT_URL") or None
    _media_domain = os.environ.get("DATELINE_MEDIA_DOMAIN") or None
    MEDIA_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": s3_bucket,
            "endpoint_url": _s3_endpoint,
            "region_name": os.environ.get("DATELINE_S3_REGION") or None,
            "custom_domain": _media_domain,
            "location": os.environ.get("DATELINE_S3_PREFIX", ""),
            # Public URLs without signatures: they stay the same, so pages can be cached.
            "querystring_auth": False,
            # Access is the bucket's policy, not per-object ACLs (which many buckets refuse).
            "default_acl": None,
            # Wagtail picks unique names; never replace another upload's file.
            "file_overwrite": False,
        },
    }
    if _media_domain:
        MEDIA_ORIGINS = [f"https://{_media_domain}"]
    elif _s3_endpoint:
        _endpoint = _urlsplit(_s3_endpoint)
        MEDIA_ORIGINS = [f"{_endpoint.scheme}://{_endpoint.netloc}"]
    else:  # AWS names buckets with and without the region
        MEDIA_ORIGINS = [f"https://{s3_bucket}.s3.amazonaws.com"]
        if region := os.environ.get("DATELINE_S3_REGION"):
            MEDIA_ORIGINS.append(f"https://{s3_bucket}.s3.{region}.amazonaws.com")
STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            # Hashed names, plus gzip and brotli copies (dateline.edge.static serves them).
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 3600

DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

EMAIL_BACKEND = os.environ.get(
    "DATELINE_EMAIL_BACKEND",
    "django.core.mail.backends.locmem.EmailBackend"
    if TESTING
    else "django.core.mail.backends.console.EmailBackend",
)
if email_url := os.environ.get("DATELINE_SMTP_URL"):
    from urllib.parse import unquote, urlparse

    _smtp = urlparse(email_url)
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = _smtp.hostname or "localhost"
    EMAIL_PORT = _smtp.port or 25
    EMAIL_HOST_USER = unquote(_smtp.username or "")
    EMAIL_HOST_PASSWORD = unquote(_smtp.password or "")
    EMAIL_USE_TLS = _smtp.scheme == "smtp+tls"
    EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("DATELINE_FROM_EMAIL", "Dateline <news@localhost>")
# A mail provider's HTTP API through django-anymail instead of SMTP: DATELINE_EMAIL_PROVIDER
# names it (amazon_ses, mailgun, postmark, sendgrid, resend, brevo, mailjet, sparkpost...)
# and every DATELINE_ANYMAIL_<NAME> variable becomes ANYMAIL["<NAME>"] (API keys, webhook
# secret and signing keys; see docs/operations.md).
EMAIL_PROVIDER = os.environ.get("DATELINE_EMAIL_PROVIDER", "").strip().lower()
if EMAIL_PROVIDER and EMAIL_PROVIDER != "smtp":
    EMAIL_BACKEND = f"anymail.backends.{EMAIL_PROVIDER}.EmailBackend"
ANYMAIL = {
    name.removeprefix("DATELINE_ANYMAIL_"): value
    for name, value in os.environ.items()
    if name.startswith("DATELINE_ANYMAIL_") and value
}

# Newsletters (dateline.newsletters): sender, mailto: unsubscribe address, tracking
# (off: no pixel, no rewritten links), a ceiling in messages per second (0: as fast as the
# server accepts), and how long a silent sender keeps an edition before another resumes it.
DATELINE_NEWSLETTER_FROM = os.environ.get("DATELINE_NEWSLETTER_FROM", DEFAULT_FROM_EMAIL)
DATELINE_NEWSLETTER_UNSUBSCRIBE_MAILTO = os.environ.get(
    "DATELINE_NEWSLETTER_UNSUBSCRIBE_MAILTO", ""
)
DATELINE_NEWSLETTER_TRACKING = env_flag("DATELINE_NEWSLETTER_TRACKING")
DATELINE_NEWSLETTER_RATE = float(os.environ.get("DATELINE_NEWSLETTER_RATE") or 0)
# SMTP connections one sender keeps open at once (each a thread claiming its own batches).
# More than one widens the moment a killed worker can lose a copy (see decision 0012).
DATELINE_NEWSLETTER_CONNECTIONS = int(os.environ.get("DATELINE_NEWSLETTER_CONNECTIONS") or 1)
DATELINE_NEWSLETTER_LEASE_SECONDS = int(os.environ.get("DATELINE_NEWSLETTER_LEASE_SECONDS") or 60)

# Wagtail
WAGTAIL_SITE_NAME = os.environ.get("DATELINE_SITE_NAME", "Dateline")
WAGTAILADMIN_BASE_URL = os.environ.get("DATELINE_BASE_URL", "http://127.0.0.1:8000")
# Search: the database's own full text (SQLite FTS5, PostgreSQL) by default, or an
# Elasticsearch/OpenSearch cluster for large archives (its client library installed
# separately, then `dateline update_index`).
SEARCH_ENGINES = (
    "elasticsearch7",
    "elasticsearch8",
    "elasticsearch9",
    "opensearch2",
    "opensearch3",
)
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "dateline.search.backend"}}
if os.environ.get("DATELINE_SEARCH_URL"):
    search_engine = os.environ.get("DATELINE_SEARCH_ENGINE", "elasticsearch8")
    if search_engine not in SEARCH_ENGINES:
        raise ImproperlyConfigured(
            f"DATELINE_SEARCH_ENGINE must be one of {', '.join(SEARCH_ENGINES)}, "
            f"not {search_engine!r}."
        )
    WAGTAILSEARCH_BACKENDS["default"] = {
        "BACKEND": f"wagtail.search.backends.{search_engine}",
        "URLS": env_list("DATELINE_SEARCH_URL"),
        "INDEX_PREFIX": os.environ.get("DATELINE_SEARCH_INDEX_PREFIX", "dateline_"),
        "TIMEOUT": 5,
    }
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Documents are always downloads, never rendered by the browser on our origin.
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILREDIRECTS_AUTO_CREATE = True

LOGIN_URL = "wagtailadmin_login"

SESSION_COOKIE_HTTPONLY = True
# No script of ours reads the CSRF cookie (forms carry the token), so scripts cannot either.
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if env_flag("DATELINE_HTTPS"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 31_536_000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_SSL_REDIRECT = env_flag("DATELINE_SSL_REDIRECT", default=True)
    SECURE_HSTS_PRELOAD = env_flag("DATELINE_HSTS_PRELOAD", default=True)
    # __Host- cookies are only accepted over HTTPS, for this exact host, on path /.
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# Security headers (dateline.security.headers). Reader pages: no inline script, no
# plugins, no framing; embeds only from the video hosts listed in DATELINE_CSP_FRAME_SRC.
DATELINE_CSP = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:", *MEDIA_ORIGINS],
    "frame-src": env_list(
        "DATELINE_CSP_FRAME_SRC",
        "https://www.youtube-nocookie.com,https://www.youtube.com,https://player.vimeo.com",
    ),
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
}
# The Wagtail admin needs inline scripts and styles; it still loads nothing from other
# sites and can only be framed by itself (the live preview panel).
DATELINE_CSP_ADMIN = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", *MEDIA_ORIGINS],
    "font-src": ["'self'", "data:"],
    "frame-src": ["'self'", *DATELINE_CSP["frame-src"]],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "frame-ancestors": ["'self'"],
    "form-action": ["'self'"],
}
DATELINE_PERMISSIONS_POLICY_DENY = [
    "accelerometer", "browsing-topics", "camera", "display-capture", "geolocation",
    "gyroscope", "magnetometer", "microphone", "payment", "usb",
]  # fmt: skip

# Client addresses: proxies (IPs or CIDR networks) whose forwarding header is believed,
# and which header they write: X-Forwarded-For (nginx's default) or RFC 7239 Forwarded.
DATELINE_TRUSTED_PROXIES = env_list("DATELINE_TRUSTED_PROXIES")
DATELINE_PROXY_HEADER = os.environ.get("DATELINE_PROXY_HEADER", "x-forwarded-for").lower()
if DATELINE_PROXY_HEADER not in {"x-forwarded-for", "forwarded"}:
    raise ImproperlyConfigured("DATELINE_PROXY_HEADER must be x-forwarded-for or forwarded")

# Sign-in protection (dateline.security.lockout): django-axes locks a username+address
# pair after DATELINE_LOGIN_FAILURE_LIMIT failures, one address after
# DATELINE_LOGIN_FAILURES_PER_ADDRESS, both for DATELINE_LOGIN_COOLOFF_MINUTES.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Off under pytest only: the test client's login() authenticates without a request, which
# django-axes refuses; tests/security turn it back on.
AXES_ENABLED = not TESTING
AXES_FAILURE_LIMIT = int(os.environ.get("DATELINE_LOGIN_FAILURE_LIMIT", "5"))
DATELINE_LOGIN_FAILURES_PER_ADDRESS = int(
    os.environ.get("DATELINE_LOGIN_FAILURES_PER_ADDRESS", "30")
)
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("DATELINE_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Attempts while locked are refused without counting, so the lock lifts on time.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_HANDLER = "dateline.security.lockout.PairAndAddressHandler"
AXES_CLIENT_IP_CALLABLE = "dateline.security.client_address.client_address_for"
AXES_LOCKOUT_CALLABLE = "dateline.security.lockout.locked_out_response"
AXES_DISABLE_ACCESS_LOG = True  # dateline.security keeps the sign-in audit trail
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False
# Two-factor sign-in (TOTP): optional for every editor, required for administrators
# when DATELINE_REQUIRE_2FA is on.
DATELINE_REQUIRE_2FA = env_flag("DATELINE_REQUIRE_2FA")
OTP_TOTP_ISSUER = os.environ.get("DATELINE_SITE_NAME", "Dateline")
# Editors' avatars come from our own server, not from a third party given their emails.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # JSON lines with the request id in production; plain text while developing.
    "formatters": {
        "json": {"()": "dateline.ops.log_format.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": os.environ.get("DATELINE_LOG_FORMAT") or ("text" if DEBUG else "json"),
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DATELINE_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django.request": {"level": "ERROR"},
        # Page saves and queued tasks are recorded in the database; the console needs less.
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}

# Live coverage (dateline.live): live readers one node holds (shared among the server's
# workers); past it a reader is answered 503 + Retry-After and polls instead.
LIVE_MAX_STREAMS = int(os.environ.get("DATELINE_LIVE_MAX_STREAMS", "20000"))
# Django's own copy of a stream (development, tests; `dateline serve` holds streams in its
# event loop instead) holds a thread per reader, so it ends after this long and the
# browser reconnects where it was; in tests, soon enough not to outlive the test.
LIVE_FALLBACK_STREAM_SECONDS = 3 if TESTING else 25
