"""Languages of a WordPress export made with Polylang or WPML, and where they go.

Polylang writes a post's language and its translation group as terms of the item
(`<category domain="language" nicename="uk">`, `domain="post_translations"`), and links
translated categories through `term_translations` terms whose description is PHP's
serialised array of language code to term id. WPML's Export and Import add-on writes
post meta instead: `_wpml_import_language_code`, `_wpml_import_translation_group`.

The importer files every post as before, in the default language's tree; at the end
`LanguageMap.relocate()` moves each section and story in another configured language into
that language's tree, linked (same `translation_key`) to its default-language sibling
when the export has one. An export without language data is left as it was imported.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field

from wagtail.models import Locale, Page

from dateline.i18n.languages import codes, default_language, is_multilingual
from dateline.i18n.services import locales_sync, page_translate
from dateline.importers.models import ImportedObject
from dateline.news.models import ArticlePage, HomePage

# PHP's serialize() of array("en" => 3, "uk" => 7): s:2:"en";i:3;
SERIALISED_PAIR = re.compile(r's:\d+:"([^"]+)";i:(\d+);')
WPML_LANGUAGE = "_wpml_import_language_code"
WPML_GROUP = "_wpml_import_translation_group"


def language_code(raw: str) -> str:
    """WordPress's language slugs and locales ("uk", "pt-br", "en_US") as codes ("en")."""
    return raw.strip().lower().replace("_", "-").split("-")[0]


@dataclass
class LanguageMap:
    """What the export says about languages, gathered while importing."""

    term_languages: dict[int, tuple[str, str]] = field(default_factory=dict)  # id -> (lang, group)
    posts: dict[int, tuple[str, str]] = field(default_factory=dict)  # wp id -> (lang, group)

    def term(self, term) -> bool:
        """Take in a language term; True when it was one (and needs no other handling)."""
        if term.taxonomy == "term_translations":
            for language, term_id in SERIALISED_PAIR.findall(term.description):
                self.term_languages[int(term_id)] = (language_code(language), term.slug)
            return True
        return term.taxonomy in {"language", "post_translations", "term_language"}

    def post(self, post) -> None:
        language = group = ""
        for ref in post.other_terms:
            if ref.domain == "language":
                language = language_code(ref.slug or ref.name)
            elif ref.domain == "post_translations":
                group = ref.slug
        if not language and post.postmeta.get(WPML_LANGUAGE):
            language = language_code(post.postmeta[WPML_LANGUAGE])
            raw_group = post.postmeta.get(WPML_GROUP, "").strip()
            group = f"wpml-{raw_group}" if raw_group else ""
        if language:
            self.posts[post.wp_id] = (language, group)

    def relocate(self, *, source: str, report) -> None:
        """Move sections and stories into their language's tree and link translations."""
        if not self.posts:
            return
        elsewhere = {lang for lang, _ in self.posts.values()} - {default_language()}
        if not is_multilingual():
            if elsewhere:
                report.warnings.append(
                    f"the export has posts in {', '.join(sorted(elsewhere))}: imported into "
                    "the default language (set DATELINE_LANGUAGES to keep languages apart)"
                )
            return
        unknown = elsewhere - set(codes())
        if unknown:
            report.warnings.append(
                f"posts in {', '.join(sorted(unknown))} (not in DATELINE_LANGUAGES) were "
                "imported into the default language"
            )
        locales = {locale.language_code: locale for locale in locales_sync()}
        pages = _imported_pages(source)
        self._relocate_sections(pages.get("category", {}), locales)
        self._relocate_posts(pages.get("post", {}), locales, report)

    def _relocate_sections(self, sections: dict[int, Page], locales) -> None:
        groups: dict[str, dict[str, Page]] = defaultdict(dict)
        for term_id, (language, group) in self.term_languages.items():
            if term_id in sections:
                groups[group][language] = sections[term_id]
        homes = _home(locales) if groups else None
        for versions in groups.values():
            source = versions.get(default_language())
            for language, section in versions.items():
                if language == default_language() or language not in locales:
                    continue
                if section.locale_id == locales[language].pk:
                    continue  # moved by an earlier run
                _move_into_language(
                    section, locales[language], linked_to=source, default_home=homes
                )

    def _relocate_posts(self, articles: dict[int, Page], locales, report) -> None:
        groups: dict[str, dict[str, Page]] = defaultdict(dict)
        for wp_id, (language, group) in self.posts.items():
            if wp_id in articles and group:
                groups[group][language] = articles[wp_id]
        for wp_id, (language, group) in self.posts.items():
            article = articles.get(wp_id)
            if article is None or language == default_language() or language not in locales:
                continue
            article = ArticlePage.objects.get(pk=article.pk)  # its section may have moved
            locale = locales[language]
            kind = f"post in {language}"
            source = groups.get(group, {}).get(default_language()) if group else None
            parent = article.get_parent().specific
            linked = source is None or article.translation_key == source.translation_key
            if article.locale_id == locale.pk and parent.locale_id == locale.pk and linked:
                report.count(kind, "unchanged")
                continue
            if parent.locale_id != locale.pk:
                # File it under the translation of its source's section (or its own).
                english_section = source.get_parent().specific if source else parent
                parent = english_section.get_translations(inclusive=True).filter(
                    locale=locale
                ).first() or page_translate(page=english_section, language=language, publish=True)
            _move_into_language(article, locale, linked_to=source, parent=parent)
            report.count(kind, "created")
            if source is None:
                report.warnings.append(
                    f"post {wp_id}: in {language} without a {default_language()} original"
                )


def _home(locales):
    return {code: HomePage.objects.get(locale=locale) for code, locale in locales.items()}


def _imported_pages(source: str) -> dict[str, dict[int, Page]]:
    rows = ImportedObject.objects.filter(source=source, kind__in=["category", "post"])
    by_id = Page.objects.in_bulk([row.object_id for row in rows])
    found: dict[str, dict[int, Page]] = defaultdict(dict)
    for row in rows:
        if row.object_id in by_id:
            found[row.kind][row.wp_id] = by_id[row.object_id]
    return found


def _move_into_language(page, locale: Locale, *, linked_to=None, parent=None, default_home=None):
    """Put `page` (and what is below it) in `locale`'s tree, as a translation of
    `linked_to` when given: under `parent`, else under the translation of its current
    parent (its language's home page for a top-level section)."""
    page = page.specific
    if parent is None:
        current = page.get_parent().specific
        if isinstance(current, HomePage):
            parent = default_home[locale.language_code]
        else:
            parent = current.get_translations(inclusive=True).filter(locale=locale).first()
            parent = parent or default_home[locale.language_code]
    if page.get_parent().pk != parent.pk:
        taken = set(Page.objects.child_of(parent).values_list("slug", flat=True))
        if page.slug in taken:
            page.slug = f"{page.slug}-{locale.language_code}"
            page.save(update_fields=["slug"])
        page.move(parent, pos="last-child")
    Page.objects.descendant_of(page, inclusive=True).update(locale=locale)
    if linked_to is not None:
        Page.objects.filter(pk=page.pk).update(translation_key=linked_to.translation_key)
