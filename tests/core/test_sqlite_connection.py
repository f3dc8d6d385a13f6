"""Each worker keeps its SQLite connection between requests, but never one to a database
file that has been replaced or moved away (a restore, a broken disk)."""

import sqlite3

import pytest
from django.db import OperationalError
from django.db.utils import ConnectionHandler

pytestmark = pytest.mark.django_db  # lets these tests open connections at all


@pytest.fixture
def database(tmp_path):
    path = tmp_path / "dateline.sqlite3"
    with sqlite3.connect(path) as setup:
        setup.execute("CREATE TABLE story (title TEXT)")
        setup.execute("INSERT INTO story VALUES ('Harbour reopens')")
    # Connections of their own, beside the test database's.
    handler = ConnectionHandler(
        {"default": {"ENGINE": "dateline.core.sqlite", "NAME": str(path), "CONN_MAX_AGE": None}}
    )
    wrapper = handler["default"]
    yield path, wrapper
    wrapper.close()


def titles(wrapper) -> list[str]:
    with wrapper.cursor() as cursor:
        cursor.execute("SELECT title FROM story")
        return [row[0] for row in cursor.fetchall()]


def test_the_connection_stays_open_between_requests(database):
    _path, wrapper = database
    assert titles(wrapper) == ["Harbour reopens"]
    opened = wrapper.connection
    wrapper.close_if_unusable_or_obsolete()  # what Django does between requests
    assert wrapper.connection is opened


def test_a_restored_database_is_read_on_the_next_request(database, tmp_path):
    path, wrapper = database
    assert titles(wrapper) == ["Harbour reopens"]
    restored = tmp_path / "restored.sqlite3"
    with sqlite3.connect(restored) as setup:
        setup.execute("CREATE TABLE story (title TEXT)")
        setup.execute("INSERT INTO story VALUES ('Ferry strike ends')")
    restored.replace(path)  # what `dateline restore` does
    wrapper.close_if_unusable_or_obsolete()
    assert titles(wrapper) == ["Ferry strike ends"]


def test_a_database_that_became_unreadable_fails_instead_of_using_the_old_file(database):
    path, wrapper = database
    assert titles(wrapper) == ["Harbour reopens"]
    path.rename(path.with_suffix(".away"))
    path.mkdir()  # as the benchmark breaks it: a directory where the file was
    wrapper.close_if_unusable_or_obsolete()
    with pytest.raises(OperationalError):
        titles(wrapper)
