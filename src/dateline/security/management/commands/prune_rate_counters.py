"""`dateline prune_rate_counters`: delete rate-limit counters whose window has ended."""

from django.core.management.base import BaseCommand

from dateline.security.ratelimit import rate_counters_prune


class Command(BaseCommand):
    help = "Delete rate-limit counters whose window has ended (the scheduler runs it hourly)."

    def handle(self, *args, **options):
        deleted = rate_counters_prune()
        self.stdout.write(f"Deleted {deleted} ended rate-limit windows.")
