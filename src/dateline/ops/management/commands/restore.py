"""`dateline restore FILE [--force]`: put a `dateline backup` archive back. Stop the site first."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from dateline.ops.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = "Restore the SQLite database and media from a `dateline backup` archive."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)
        parser.add_argument(
            "--force", action="store_true", help="replace existing data (kept aside, not deleted)"
        )

    def handle(self, *args, archive, force, **options):
        database = settings.DATABASES["default"]
        if connections["default"].vendor != "sqlite":
            raise CommandError("`dateline restore` is for the SQLite default; use pg_restore.")
        connections.close_all()
        try:
            result = backup_restore(
                archive=archive,
                database_path=Path(database["NAME"]),
                media_root=Path(settings.MEDIA_ROOT),
                force=force,
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored {result.database} and {result.media_files} media files into {result.media}."
        )
        if result.set_aside:
            self.stdout.write(f"The data it replaced is in {result.set_aside}.")
