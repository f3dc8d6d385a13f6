"""`dateline prune_revisions --keep N --older-than DAYS`: trim editors' page history."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from dateline.news.services import revisions_prune


class Command(BaseCommand):
    help = (
        "Delete page revisions older than DAYS, keeping each page's N newest and every "
        "revision that is live, latest, scheduled or in review (Wagtail's purge_revisions "
        "rules, plus --keep)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--keep", type=int, default=10, help="revisions kept per page")
        parser.add_argument(
            "--older-than", type=int, default=90, dest="older_than", help="days; younger stay"
        )

    def handle(self, *args, keep, older_than, **options):
        try:
            deleted = revisions_prune(keep=keep, older_than_days=older_than)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(self.style.SUCCESS(f"Deleted {deleted} revision(s)."))
