"""Django's SQLite backend, for a connection that stays open between requests.

Opening a connection and setting its pragmas (WAL, busy timeout) on every request that
reads the database cost about a third of a comment post (docs/benchmarks.md), so
`dateline serve` keeps each worker's connection open (CONN_MAX_AGE). But an open
connection keeps using the file it opened: after `dateline restore` put another
database in its place, or after the file was moved away, it would go on reading and
writing the old one. So whenever Django
checks its connections (before and after each request, and each time the task worker
wakes up), this backend also compares the database file's identity (device and inode)
with the one it opened, and closes the connection if it changed: the next query opens
whatever is there now, or fails, which readers see as a 503.
"""

import os

from django.db.backends.sqlite3 import base


def file_identity(path) -> tuple[int, int] | None:
    try:
        status = os.stat(path)
    except (OSError, TypeError, ValueError):
        return None  # gone, unreadable, or an in-memory database
    return status.st_dev, status.st_ino


class DatabaseWrapper(base.DatabaseWrapper):
    opened_file: tuple[int, int] | None = None

    def get_new_connection(self, conn_params):
        connection = super().get_new_connection(conn_params)
        self.opened_file = file_identity(self.settings_dict["NAME"])
        return connection

    def close_if_unusable_or_obsolete(self):
        if self.connection is not None and not self.in_atomic_block:
            if file_identity(self.settings_dict["NAME"]) != self.opened_file:
                self.close()
                return
        super().close_if_unusable_or_obsolete()
