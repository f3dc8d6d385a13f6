"""Switching the test process between one language and DATELINE_LANGUAGES=en,uk,ar."""

import importlib

from django.urls import clear_url_caches

LANGUAGES = [("en", "English"), ("uk", "Українська"), ("ar", "العربيّة")]


def _reload_urls():
    import dateline.urls

    clear_url_caches()
    importlib.reload(dateline.urls)
    clear_url_caches()


def enable_languages(settings) -> None:
    """What settings.py computes for DATELINE_LANGUAGES=en,uk,ar, plus the locales and a
    home page per language (`dateline setup` does the same)."""
    from wagtail.models import Site

    from dateline.i18n.services import locales_sync

    settings.DATELINE_LANGUAGES = [code for code, _ in LANGUAGES]
    settings.LANGUAGES = LANGUAGES
    settings.WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
    settings.LANGUAGE_CODE = "en"
    settings.WAGTAIL_I18N_ENABLED = True
    _reload_urls()
    Site.clear_site_root_paths_cache()
    locales_sync()


def disable_languages(settings) -> None:
    settings.WAGTAIL_I18N_ENABLED = False
    _reload_urls()
