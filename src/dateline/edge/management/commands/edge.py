"""`dateline edge vcl --backend HOST:PORT`: the Varnish configuration for this site."""

from django.core.management.base import BaseCommand, CommandError

from dateline.edge.vcl import varnish_vcl


class Command(BaseCommand):
    help = "The edge in front of Dateline: print the Varnish configuration."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="subcommand", required=True)
        vcl = commands.add_parser(
            "vcl", help="Print a complete VCL for Varnish 7 with xkey (varnish-modules)."
        )
        vcl.add_argument(
            "--backend", required=True, metavar="HOST:PORT",
            help="where `dateline serve` listens, as Varnish reaches it",
        )  # fmt: skip
        vcl.add_argument(
            "--purger", action="append", metavar="ADDRESS", dest="purgers",
            help="an address or network allowed to purge (repeat it; default: "
            "DATELINE_VARNISH_PURGERS, else 127.0.0.1 and ::1)",
        )  # fmt: skip

    def handle(self, *args, subcommand, **options):
        getattr(self, f"do_{subcommand}")(**options)

    def do_vcl(self, *, backend, purgers, **options):
        try:
            self.stdout.write(varnish_vcl(backend=backend, purgers=purgers), ending="")
        except ValueError as error:
            raise CommandError(str(error)) from error
