"""The database search backend, with PostgreSQL's text-search configuration per language.

Wagtail's database backend picks the engine's full text by database (SQLite FTS5 here,
PostgreSQL there) and, on PostgreSQL, stems every document and every query with one
configuration. A newsroom in several languages needs each story stemmed by its own
language's rules: "الانتخابات" is stored as the stem "انتخاب" only under `arabic`, and an
English stemmer must not strip Latin words in a Ukrainian story.

So on PostgreSQL each page is indexed with the configuration of its locale's language
(pages of one language in one batch, through Wagtail's own indexer), and a search is
compiled with the reader's language's configuration. A search that does not name a
language (the admin's, over every locale) matches a story by any configured language's
rules. The configuration is PostgreSQL's one named after the language ("english",
"arabic"), when the database has it; otherwise "simple", which lower-cases words and
keeps them whole. PostgreSQL ships no Ukrainian stemmer, so Ukrainian is "simple" unless
the operator installs a configuration named "ukrainian" (decision 0022).
"""

import copy
from functools import cache, reduce
from operator import or_

from django.db import connection
from django.utils.translation import get_language_info
from modelsearch.backends import database as model_database
from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from dateline.i18n.languages import codes, default_language, is_multilingual


def SearchBackend(params):
    """Wagtail's database backend (the loader looks for this name), language-aware on
    PostgreSQL, rebuilt a batch at a time on SQLite (dateline.search.sqlite)."""
    if connection.vendor == "postgresql":
        return LanguageSearchBackend(params)
    backend = model_database.SearchBackend(params)
    if connection.vendor == "sqlite" and model_database.USE_SQLITE_FTS:
        from dateline.search.sqlite import BatchedSQLiteSearchBackend  # needs FTS5's tables

        return BatchedSQLiteSearchBackend(params)
    return backend


def search_backend(*, language: str):
    """The default backend, searching in `language` where the backend can tell languages
    apart (PostgreSQL), or as it is (SQLite FTS5, Elasticsearch)."""
    backend = get_search_backend()
    return backend.for_language(language) if isinstance(backend, LanguageSearchBackend) else backend


@cache
def installed_text_search_configs() -> frozenset[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT cfgname FROM pg_catalog.pg_ts_config")
        return frozenset(name for (name,) in cursor.fetchall())


def text_search_config(language: str) -> str:
    """PostgreSQL's configuration for `language`: the one named after it, or "simple"."""
    name = get_language_info(language.split("-")[0])["name"].lower()
    return name if name in installed_text_search_configs() else "simple"


class LanguageIndex(PostgresIndex):
    """Wagtail's PostgreSQL index, each language's pages stemmed by their language."""

    def add_items(self, model, objs):
        for language, batch in _by_language(objs).items():
            PostgresIndex(self.backend.for_language(language)).add_items(model, batch)


class LanguageQueryCompiler(PostgresSearchQueryCompiler):
    def get_config(self, backend):
        return backend.query_configs()

    def build_tsquery(self, query, config=None):
        # One tsquery per configuration, any of which may match: a story is stored
        # under its own language's configuration only.
        configs = config if isinstance(config, tuple) else (config,)
        build = super().build_tsquery
        queries = [build(query, config=each) for each in configs]
        return None if None in queries else reduce(or_, queries)  # None: no words


class LanguageSearchBackend(PostgresSearchBackend):
    index_class = LanguageIndex
    query_compiler_class = LanguageQueryCompiler
    language: str | None = None

    def for_language(self, language: str) -> "LanguageSearchBackend":
        backend = copy.copy(self)
        backend.language = language
        backend.config = text_search_config(language)  # what Wagtail's indexer reads
        return backend

    def query_configs(self) -> tuple[str, ...]:
        if self.language is not None:
            return (self.config,)
        return tuple(dict.fromkeys(text_search_config(code) for code in codes()))


def _by_language(objs) -> dict[str, list]:
    """The objects grouped by their locale's language; objects without a locale (and
    everything on a one-language site) are in the default language."""
    objs, languages = list(objs), {}
    if is_multilingual() and any(getattr(obj, "locale_id", None) for obj in objs):
        languages = dict(Locale.objects.values_list("pk", "language_code"))
    batches: dict[str, list] = {}
    for obj in objs:
        language = languages.get(getattr(obj, "locale_id", None), default_language())
        batches.setdefault(language, []).append(obj)
    return batches
