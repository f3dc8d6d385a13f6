"""Choosing the search engine: the database by default, a search cluster when configured."""

import runpy

import pytest
from django.core.exceptions import ImproperlyConfigured

import dateline.settings


def settings_from(monkeypatch, **environment) -> dict:
    for name in ("DATELINE_SEARCH_URL", "DATELINE_SEARCH_ENGINE", "DATELINE_SEARCH_INDEX_PREFIX"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(dateline.settings.__file__)


def test_the_database_searches_unless_a_cluster_is_configured(monkeypatch):
    backends = settings_from(monkeypatch)["WAGTAILSEARCH_BACKENDS"]
    assert backends == {"default": {"BACKEND": "dateline.search.backend"}}


def test_an_opensearch_cluster_with_several_nodes(monkeypatch):
    backends = settings_from(
        monkeypatch,
        DATELINE_SEARCH_URL="https://search-1.internal:9200, https://search-2.internal:9200",
        DATELINE_SEARCH_ENGINE="opensearch2",
        DATELINE_SEARCH_INDEX_PREFIX="newsroom_",
    )["WAGTAILSEARCH_BACKENDS"]
    assert backends["default"]["BACKEND"] == "wagtail.search.backends.opensearch2"
    assert backends["default"]["URLS"] == [
        "https://search-1.internal:9200",
        "https://search-2.internal:9200",
    ]
    assert backends["default"]["INDEX_PREFIX"] == "newsroom_"


def test_elasticsearch_8_is_the_default_engine_for_a_cluster(monkeypatch):
    backends = settings_from(monkeypatch, DATELINE_SEARCH_URL="http://127.0.0.1:9200")[
        "WAGTAILSEARCH_BACKENDS"
    ]
    assert backends["default"]["BACKEND"] == "wagtail.search.backends.elasticsearch8"


def test_an_unknown_engine_is_refused_with_the_choices(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="opensearch2") as refusal:
        settings_from(
            monkeypatch, DATELINE_SEARCH_URL="http://127.0.0.1:9200", DATELINE_SEARCH_ENGINE="solr"
        )
    assert "'solr'" in str(refusal.value)
