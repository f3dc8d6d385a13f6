"""Writes for a multilingual newsroom: the configured locales, and translations of pages."""

from django.db import transaction
from wagtail.models import Locale, Page, Site

from dateline.i18n.languages import codes, is_multilingual


def locales_sync() -> list[Locale]:
    """One Wagtail locale per configured language, and a published home page in each, so
    /uk/ answers as soon as Ukrainian is configured. Safe to run again; never deletes."""
    locales = [Locale.objects.get_or_create(language_code=code)[0] for code in codes()]
    if not is_multilingual():
        return locales
    for site in Site.objects.select_related("root_page"):
        home = site.root_page.specific
        for locale in locales:
            if not home.has_translation(locale):
                page_translate(page=home, language=locale.language_code, publish=True)
    return locales


@transaction.atomic
def page_translate(*, page: Page, language: str, publish: bool = False, user=None, **fields):
    """A translation of `page` in `language`, created in that language's tree as a draft
    (or published with `publish=True`), with `fields` (title, slug, standfirst...) set.

    Its parent must be translated first, as editors do in the admin (a section before its
    stories): a story never lands under an untranslated copy of its section. Returns the
    existing translation when there is one, updated with `fields`.
    """
    page = page.specific
    locale = Locale.objects.get(language_code=language)
    translation = page.get_translations(inclusive=True).filter(locale=locale).first()
    if translation is None:
        translation = page.copy_for_translation(locale, copy_parents=False, alias=False)
    translation = translation.specific
    for name, value in fields.items():
        setattr(translation, name, value)
    if fields:
        translation.full_clean()
        translation.save()
    revision = translation.save_revision(user=user, log_action=bool(fields))
    if publish:
        revision.publish(user=user)
        translation.refresh_from_db()
    if page.depth == 2:
        Site.clear_site_root_paths_cache()
    return translation
