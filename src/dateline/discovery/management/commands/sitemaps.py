"""`dateline sitemaps recount`: count the story archive's months again."""

from django.core.management.base import BaseCommand

from dateline.discovery import services


class Command(BaseCommand):
    help = "The story archive's sitemaps: count the live stories of every month again."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="subcommand", required=True)
        commands.add_parser(
            "recount",
            help="Reconcile the sitemap index's per-month figures with the live stories.",
        )

    def handle(self, *args, subcommand, **options):
        months = services.archive_months_recount()
        self.stdout.write(self.style.SUCCESS(f"Counted {months} month(s) of stories."))
