"""The languages the newsroom publishes in, read from settings (DATELINE_LANGUAGES).

Everything here is computed from settings without touching the database, so asking
"which language is this reader in?" costs no query on any page.
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import get_language_info


def is_multilingual() -> bool:
    """More than one language configured: locales, URL prefixes and switchers are on."""
    return bool(getattr(settings, "WAGTAIL_I18N_ENABLED", False))


def codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def default_language() -> str:
    return codes()[0]


def content_language(code: str | None) -> str:
    """The configured language a Django language code falls under ("en-us" is "en")."""
    known = codes()
    if code in known:
        return code
    generic = (code or "").split("-")[0].lower()
    return generic if generic in known else known[0]


def reader_language() -> str:
    """The language of the page being rendered: the one the URL prefix activated."""
    return content_language(translation.get_language())


def language_name(code: str) -> str:
    """The language's own name for itself ("Українська"), as readers look for it."""
    return dict(settings.LANGUAGES).get(code) or get_language_info(code)["name_local"]


def is_right_to_left(code: str) -> bool:
    return bool(get_language_info(code).get("bidi"))


def language_from_path(path: str) -> str | None:
    """The language a URL's first segment names ("/uk/svit/" is uk), or None for the
    default language's unprefixed URLs."""
    first = path.lstrip("/").split("/", 1)[0]
    if first and first != default_language() and first in codes():
        return first
    return None


def path_in_language(path: str, code: str) -> str:
    """The same address in another language: swap, add or drop the language prefix."""
    current = language_from_path(path)
    rest = path[len(current) + 1 :] if current else path
    if code == default_language():
        return rest
    return f"/{code}{rest}"
