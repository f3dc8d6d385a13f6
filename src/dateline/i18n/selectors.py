"""Reads that know about languages: listings in one language, and a page's translations.

With one language configured every function here returns what it was given and runs no
query, so a single-language site pays nothing for them.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q, QuerySet
from wagtail.models import Page, PageLogEntry, Revision

from dateline.i18n.languages import (
    codes,
    default_language,
    is_multilingual,
    is_right_to_left,
    language_name,
    path_in_language,
    reader_language,
)

READER = "reader"  # "the language of the page being rendered"


def in_language(queryset: QuerySet, language: str | None = READER) -> QuerySet:
    """Pages of one language: the reader's by default, `None` for every language.

    A join on the locale table rather than a lookup of the Locale first, so a listing
    costs the same number of queries in every language.
    """
    if not is_multilingual() or language is None:
        return queryset
    code = reader_language() if language == READER else language
    return queryset.filter(locale__language_code=code)


@dataclass(frozen=True)
class Alternate:
    """One language version of what the reader is looking at."""

    language: str
    name: str
    url: str
    current: bool
    full_url: str = ""
    # False when the link goes to that language's home page because this story (or
    # section) has no published translation in it.
    translated: bool = True

    @property
    def direction(self) -> str:
        return "rtl" if is_right_to_left(self.language) else "ltr"


def page_alternates(page, request) -> list[Alternate]:
    """Every published language version of `page`, plus each other language's home page
    for the switcher when the page has no version in it. One query, kept on the page for
    the switcher, the <head>'s hreflang links and the JSON-LD alike.
    """
    if not is_multilingual() or page is None:
        return []
    if "_alternates" in page.__dict__:
        return page.__dict__["_alternates"]
    rows = (
        Page.objects.live()
        .public()
        .filter(Q(translation_key=page.translation_key) | Q(depth=2))
        .select_related("locale")
        .order_by("depth")
    )
    translations, homes = {}, {}
    for row in rows:
        code = row.locale.language_code
        if row.translation_key == page.translation_key:
            translations[code] = row
        elif row.depth == 2:
            homes.setdefault(code, row)
    current = reader_language()
    alternates = []
    for code in codes():
        target = translations.get(code) or homes.get(code)
        if target is None:
            continue
        parts = (page if target.pk == page.pk else target).get_url_parts(request)
        if parts is None:
            continue
        _site_id, root_url, path = parts
        alternates.append(
            Alternate(
                language=code,
                name=language_name(code),
                url=path,
                full_url=(root_url or "") + path,
                current=code == current,
                translated=code in translations,
            )
        )
    page.__dict__["_alternates"] = alternates
    return alternates


def hreflang_links(page, request) -> list[dict]:
    """<link rel="alternate" hreflang> entries for a page: each translated version and
    x-default (the default language's version), the same set on every version, so the
    links are reciprocal. Empty when the page exists in one language only."""
    versions = [alt for alt in page_alternates(page, request) if alt.translated]
    if len(versions) < 2:
        return []
    links = [{"hreflang": alt.language, "href": alt.full_url} for alt in versions]
    default = next((alt for alt in versions if alt.language == default_language()), None)
    if default is not None:
        links.append({"hreflang": "x-default", "href": default.full_url})
    return links


def path_alternates(request) -> list[Alternate]:
    """The switcher for pages outside the page tree (search, errors): the same address in
    each language, no query."""
    if not is_multilingual():
        return []
    current = reader_language()
    return [
        Alternate(
            language=code,
            name=language_name(code),
            url=path_in_language(request.path, code)
            + (f"?{request.GET.urlencode()}" if request.GET else ""),
            current=code == current,
        )
        for code in codes()
    ]


def translations_by_key(pages) -> dict:
    """Live translations of many pages from one query, by translation key (sitemaps)."""
    if not is_multilingual():
        return {}
    keys = {page.translation_key for page in pages}
    found: dict = {}
    for row in (
        Page.objects.live().public().filter(translation_key__in=keys).select_related("locale")
    ):
        found.setdefault(row.translation_key, []).append(row)
    return found


@dataclass(frozen=True)
class SourceChange:
    """The original published again since its translation was last published (or, for a
    translation never published, since it was made)."""

    original: Page
    changed_at: datetime
    since_published: bool
    # The original as it stood then (its latest revision saved by that time), to compare
    # with its live version; None when it has no revision that old.
    revision_then_id: int | None


def source_change(translation: Page) -> SourceChange | None:
    """Whether the original of `translation` (its version in the first language, which
    translations are made from) was published after the translation was last published."""
    if not is_multilingual():
        return None
    original = (
        Page.objects.filter(
            translation_key=translation.translation_key,
            locale__language_code=default_language(),
            last_published_at__isnull=False,
        )
        .exclude(pk=translation.pk)
        .only("pk", "title", "last_published_at")
        .first()
    )
    if original is None:
        return None
    since = translation.last_published_at
    if since is None:
        since = (
            PageLogEntry.objects.filter(page=translation)
            .order_by("timestamp")
            .values_list("timestamp", flat=True)
            .first()
        )
    if since is None or original.last_published_at <= since:
        return None
    revision_then = (
        Revision.page_revisions.filter(object_id=str(original.pk), created_at__lte=since)
        .order_by("-created_at", "-pk")
        .values_list("pk", flat=True)
        .first()
    )
    return SourceChange(
        original=original,
        changed_at=original.last_published_at,
        since_published=translation.last_published_at is not None,
        revision_then_id=revision_then,
    )
