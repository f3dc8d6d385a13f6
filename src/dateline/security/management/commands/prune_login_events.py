"""`dateline prune_login_events [--days N]`: keep the sign-in audit trail to N days."""

from datetime import timedelta

from django.core.management.base import BaseCommand

from dateline.security.services import login_events_prune


class Command(BaseCommand):
    help = "Delete sign-in audit events older than --days (default 180)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=180)

    def handle(self, *args, days, **options):
        deleted = login_events_prune(older_than=timedelta(days=days))
        self.stdout.write(f"Deleted {deleted} sign-in events older than {days} days.")
