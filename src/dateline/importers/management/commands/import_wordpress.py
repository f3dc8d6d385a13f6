"""`dateline import-wordpress EXPORT.xml`: a thin wrapper around wordpress_import()."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from dateline.importers.services import ImportReport, Messages, wordpress_import
from dateline.importers.wxr import WxrError

SHOWN_PER_LIST = 50


class Command(BaseCommand):
    help = (
        "Import a WordPress site from the file its Tools > Export writes (WXR): sections, "
        "tags, authors, posts, pages, images and comments. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", help="The WXR file WordPress exported.")
        parser.add_argument(
            "--media-dir",
            help="The old site's wp-content/uploads folder, copied here; images come from it.",
        )
        parser.add_argument(
            "--fetch-media",
            action="store_true",
            help="Fetch pictures missing from --media-dir from the old site (its own address "
            "only; images of at most 10 MB, 30 seconds each). Without it, or when the site "
            "does not serve one, the picture links to its old address.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would be imported; write nothing."
        )

    def handle(self, *args, export, media_dir=None, fetch_media=False, dry_run=False, **options):
        console = Console(file=self.stdout._out, highlight=False, soft_wrap=True)
        if not Path(export).is_file():
            raise CommandError(f"{export}: no such file")
        try:
            if console.is_terminal and options.get("verbosity", 1) > 0:
                with Progress(
                    TextColumn("Importing"),
                    BarColumn(),
                    MofNCompleteColumn(),
                    TimeElapsedColumn(),
                    console=console,
                    transient=True,
                ) as bar:
                    task = bar.add_task("items", total=None)
                    report = wordpress_import(
                        source=export,
                        media_dir=media_dir,
                        fetch_media=fetch_media,
                        dry_run=dry_run,
                        progress=lambda done, total: bar.update(task, completed=done, total=total),
                    )
            else:
                report = wordpress_import(
                    source=export, media_dir=media_dir, fetch_media=fetch_media, dry_run=dry_run
                )
        except WxrError as error:
            raise CommandError(f"Nothing was imported. {error}") from error
        _print_report(console, report)


def _print_report(console: Console, report: ImportReport) -> None:
    title = f"WordPress import from {report.source or 'the export'}"
    if report.dry_run:
        title += " (dry run: nothing was written)"
    table = Table(title=title)
    table.add_column("kind")
    for column in ("created", "updated", "unchanged", "skipped"):
        table.add_column(column, justify="right")
    for kind, counts in report.rows():
        table.add_row(
            kind,
            str(counts.created),
            str(counts.updated),
            str(counts.unchanged),
            str(counts.skipped),
        )
    console.print(table)
    _print_list(console, "Skipped", report.problems)
    _print_list(
        console, "Pictures fetched from the old site (not in --media-dir)", report.fetched_media
    )
    _print_list(
        console,
        "Pictures linked to their old address (kept with caption and alt text; choose the "
        "image in the admin to replace the link)",
        report.linked_media,
    )
    _print_list(console, "Warnings", report.warnings)


def _print_list(console: Console, heading: str, items: Messages) -> None:
    if not items:
        return
    console.print(f"\n[bold]{heading}[/bold] ({items.total}):")
    shown = items[:SHOWN_PER_LIST]
    for item in shown:
        console.print(f"  - {item}", markup=False)
    if items.total > len(shown):
        console.print(f"  ... and {items.total - len(shown)} more")
