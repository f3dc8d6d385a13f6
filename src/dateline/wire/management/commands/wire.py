"""`dateline wire ingest SOURCE` reads agency copy once; `dateline wire poll` queues the
providers that are due (the scheduler runs it every minute)."""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from dateline.wire import services
from dateline.wire.fetch import FetchError, fetch
from dateline.wire.models import WireProvider
from dateline.wire.parsers import FORMATS, SourceError
from dateline.wire.tasks import poll_provider


class Command(BaseCommand):
    help = "Agency wire: ingest a URL or file once, or poll the providers that are due."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="subcommand", required=True)
        ingest = commands.add_parser(
            "ingest", help="Read a URL or a file once and store its items (safe to repeat)."
        )
        ingest.add_argument("source", help="an http(s) URL or a file path")
        ingest.add_argument("--provider", default="", help="the provider to file items under")
        ingest.add_argument("--format", default="", choices=FORMATS, help="default: recognise it")
        poll = commands.add_parser("poll", help="Queue a poll of every provider that is due.")
        poll.add_argument("--provider", default="", help="poll this provider now, due or not")

    def handle(self, *args, subcommand, **options):
        if subcommand == "ingest":
            self.ingest(options["source"], options["provider"], options["format"])
        else:
            self.poll(options["provider"])

    def ingest(self, source: str, provider_name: str, format: str) -> None:
        content_type = ""
        try:
            # Fetched before any transaction: a slow agency must not hold the database.
            if source.startswith(("http://", "https://")):
                fetched = fetch(source)
                data, content_type = fetched.body, fetched.content_type
            else:
                data = self.read_file(Path(source))
            with transaction.atomic():  # a provider made for a source that fails is undone
                provider, created = services.provider_for_source(source=source, name=provider_name)
                report = services.wire_ingest(
                    provider=provider,
                    data=data,
                    format=format,
                    content_type=content_type,
                    location=source,
                )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        except (FetchError, SourceError) as error:
            raise CommandError(f"{source}: nothing stored. {error}") from error
        made = " (new, not polled)" if created else ""
        self.stdout.write(f"Provider: {provider.name}{made}")
        self.stdout.write(f"Source: {source} ({report.format})")
        self.stdout.write(
            self.style.SUCCESS(
                f"created {report.created}, updated {report.updated}, "
                f"unchanged {report.unchanged}, skipped {len(report.skipped)}"
            )
        )
        for item, reason in report.skipped:
            self.stdout.write(f"  skipped {item}: {reason}")
        for warning in report.warnings:
            self.stdout.write(f"  warning: {warning}")
        if report.flagged:
            self.stdout.write(f"{report.flagged} stories made from these items are flagged.")

    def read_file(self, path: Path) -> bytes:
        limit = settings.DATELINE_WIRE_MAX_BYTES
        try:
            with path.open("rb") as source:
                data = source.read(limit + 1)
        except OSError as error:
            raise FetchError(f"Cannot read the file: {error.strerror or error}.") from error
        if len(data) > limit:
            raise FetchError(
                f"The file is larger than the {limit // 1_048_576} MB a source may be."
            )
        return data

    def poll(self, provider_name: str) -> None:
        if provider_name:
            provider = WireProvider.objects.filter(name=provider_name).first()
            if provider is None:
                raise CommandError(f"No wire provider is called {provider_name!r}.")
            self.stdout.write(
                f"{provider.name}: {services.provider_poll(provider=provider).summary()}"
            )
            return
        queued = 0
        for provider in services.providers_due():
            if services.provider_claim(provider=provider):
                poll_provider.enqueue(provider.pk)
                queued += 1
        if queued:
            self.stdout.write(f"Queued {queued} wire provider(s).")
