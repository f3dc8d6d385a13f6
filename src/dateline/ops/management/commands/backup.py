"""`dateline backup [--to DIR]`: the SQLite database and media in one archive, while serving."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from dateline.ops.backup import BackupError, backup_create


class Command(BaseCommand):
    help = "Back up the SQLite database (online, consistent) and the media folder to a tar.gz."

    def add_arguments(self, parser):
        parser.add_argument(
            "--to",
            type=Path,
            default=None,
            help="folder for the archive (default: DATA_DIR/backups)",
        )

    def handle(self, *args, to, **options):
        try:
            archive = backup_create(
                destination=to or settings.DATA_DIR / "backups",
                media_root=Path(settings.MEDIA_ROOT),
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(archive))
