"""The shipped translation catalogues: every .mo matches its .po (a fresh clone needs no
gettext tools), and the reader's key phrases are translated."""

import gettext
import re
from pathlib import Path

import pytest
from django.utils import translation

import dateline

LOCALE = Path(dateline.__file__).parent / "locale"
ENTRY = re.compile(
    r'^(?:msgctxt "(?P<ctx>.*)"\n)?msgid "(?P<id>.+)"\nmsgstr "(?P<str>.*)"$', re.MULTILINE
)


@pytest.mark.parametrize("language", ["uk", "ar"])
def test_compiled_catalogue_matches_its_source(language):
    folder = LOCALE / language / "LC_MESSAGES"
    source = (folder / "django.po").read_text(encoding="utf-8")
    with open(folder / "django.mo", "rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)
    entries = [m for m in ENTRY.finditer(source) if m.group("str")]
    assert len(entries) > 40
    for entry in entries:
        msgid = entry.group("id").replace('\\"', '"')
        expected = entry.group("str").replace('\\"', '"')
        if entry.group("ctx"):
            assert catalogue.pgettext(entry.group("ctx"), msgid) == expected, msgid
        else:
            assert catalogue.gettext(msgid) == expected, msgid


@pytest.mark.parametrize(
    "language, phrases",
    [
        ("uk", ["Опубліковано", "Оновлено", "Читати далі", "Залишити відповідь"]),
        ("ar", ["نُشر في", "حُدّث", "تابع القراءة", "اترك تعليقًا"]),
    ],
)
def test_reader_phrases_are_translated(language, phrases):
    with translation.override(language):
        found = [
            translation.gettext(phrase)
            for phrase in ["Published on", "Updated", "Continue Reading", "Leave a Reply"]
        ]
    assert found == phrases


def test_comment_counts_use_each_languages_plural_forms():
    with translation.override("uk"):
        assert [
            translation.ngettext("%(count)d comment", "%(count)d comments", n) % {"count": n}
            for n in (1, 3, 5, 21)
        ] == ["1 коментар", "3 коментарі", "5 коментарів", "21 коментар"]
    with translation.override("ar"):
        assert translation.ngettext("%(count)d comment", "%(count)d comments", 2) == "تعليقان"
