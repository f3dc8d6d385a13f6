"""`dateline comments export|erase --email X`, `dateline comments purge-ips [--days N]` and
`dateline comments recount`."""

import json

from django.core.management.base import BaseCommand, CommandError

from dateline.comments import services


class Command(BaseCommand):
    help = "Commenters' personal data: export it, erase it, and forget old IP networks."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="subcommand", required=True)
        export = commands.add_parser("export", help="Print a commenter's comments as JSON.")
        export.add_argument("--email", required=True)
        erase = commands.add_parser(
            "erase", help='Erase a commenter\'s personal data; their text becomes "[deleted]".'
        )
        erase.add_argument("--email", required=True)
        purge = commands.add_parser(
            "purge-ips", help="Forget IP networks and user agents older than the retention period."
        )
        purge.add_argument("--days", type=int, default=90)
        commands.add_parser(
            "recount", help="Reconcile every article's comment counter with its approved comments."
        )

    def handle(self, *args, subcommand, **options):
        if subcommand == "export":
            data = services.comments_export(email=options["email"])
            self.stdout.write(json.dumps({"email": options["email"], "comments": data}, indent=2))
        elif subcommand == "erase":
            count = services.comments_erase(email=options["email"])
            self.stdout.write(self.style.SUCCESS(f"Erased {count} comment(s)."))
        elif subcommand == "recount":
            count = services.comment_counts_recount()
            self.stdout.write(
                self.style.SUCCESS(f"Corrected the comment count of {count} article(s).")
            )
        else:
            if options["days"] < 0:
                raise CommandError("--days must be zero or more.")
            count = services.comments_purge_ips(older_than_days=options["days"])
            self.stdout.write(self.style.SUCCESS(f"Forgot the network of {count} comment(s)."))
