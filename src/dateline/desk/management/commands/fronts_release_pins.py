"""`dateline fronts_release_pins`: run by the scheduler; see desk.services.fronts_release_pins."""

from django.core.management.base import BaseCommand

from dateline.desk.services import fronts_release_pins


class Command(BaseCommand):
    help = "Purge the fronts where a pinned story's keep-until time just passed."

    def handle(self, *args, **options):
        released = fronts_release_pins()
        if released and options["verbosity"] > 1:
            self.stdout.write(f"Fronts released: {released}")
