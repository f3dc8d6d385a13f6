"""`dateline newsletter send SLUG [--wait]`, `status`, `tick`, and the privacy requests
`export EMAIL` / `erase EMAIL`."""

import json
import time

from django.core.management.base import BaseCommand, CommandError

from dateline.newsletters import delivery, selectors, services
from dateline.newsletters.models import Edition, Newsletter


class Command(BaseCommand):
    help = "Send newsletter editions, see how a send went, and answer readers' data requests."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="subcommand", required=True)
        send = commands.add_parser("send", help="Send an edition of a newsletter now.")
        send.add_argument("slug")
        send.add_argument(
            "--wait", action="store_true",
            help="return when every recipient has been handed over or has failed",
        )  # fmt: skip
        status = commands.add_parser("status", help="How an edition's send is going.")
        status.add_argument("edition", type=int, nargs="?", help="edition id (default: latest)")
        commands.add_parser("tick", help="Queue due editions and digests, resume stalled sends.")
        export = commands.add_parser("export", help="Print what is stored about an address.")
        export.add_argument("email")
        erase = commands.add_parser("erase", help="Forget an address and its subscriptions.")
        erase.add_argument("email")

    def handle(self, *args, subcommand, **options):
        getattr(self, f"do_{subcommand}")(**options)

    def do_send(self, *, slug, wait, **options):
        newsletter = Newsletter.objects.filter(slug=slug).first()
        if newsletter is None:
            known = ", ".join(Newsletter.objects.values_list("slug", flat=True)) or "none"
            raise CommandError(f"No newsletter {slug!r} (there are: {known}).")
        try:
            edition = services.edition_send_now(newsletter=newsletter)
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Edition {edition.pk} “{edition.subject}” is queued.")
        if wait:
            edition = self._wait(edition)
        self._print_status(edition)
        if edition.status == Edition.Status.FAILED:
            raise CommandError(edition.note or "The edition failed.")

    def _wait(self, edition: Edition) -> Edition:
        """Send here (or wait for the worker that already is) until nothing is left."""
        while True:
            delivery.edition_deliver(edition_id=edition.pk)
            edition.refresh_from_db()
            if edition.status not in (Edition.Status.QUEUED, Edition.Status.SENDING):
                return edition
            time.sleep(1)

    def do_status(self, *, edition, **options):
        editions = Edition.objects.select_related("newsletter")
        found = editions.filter(pk=edition).first() if edition else editions.first()
        if found is None:
            raise CommandError("No such edition.")
        self._print_status(found)

    def _print_status(self, edition: Edition) -> None:
        counts = selectors.edition_counts(edition)
        self.stdout.write(
            f"{edition.newsletter.slug} edition {edition.pk}: {edition.get_status_display()}; "
            f"{counts['total']} recipients, {counts['sent']} handed over, "
            f"{counts['failed']} failed, {counts['pending'] + counts['in_flight']} waiting, "
            f"{counts['skipped']} not sent (unsubscribed or suppressed)."
        )
        if edition.note:
            self.stdout.write(edition.note)

    def do_tick(self, **options):
        done = services.newsletters_tick()
        if options["verbosity"] > 1:
            self.stdout.write(json.dumps(done))

    def do_export(self, *, email, **options):
        data = services.subscriber_export(email=email)
        if data is None:
            raise CommandError("Nothing is stored about that address.")
        self.stdout.write(json.dumps(data, indent=2))

    def do_erase(self, *, email, **options):
        if services.subscriber_erase(email=email):
            self.stdout.write(self.style.SUCCESS("Erased the address and its subscriptions."))
        else:
            self.stdout.write("Nothing was stored about that address.")
