"""`dateline import-wordpress`: what the person running it sees, and its exit status."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.models import Page

from dateline.cli import main
from dateline.news.models import ArticlePage

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "wordpress"


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """This folder's conftest turns the project fixture off for the pure tests; on again."""
    settings.MEDIA_ROOT = tmp_path / "media"


def run(*args) -> str:
    out = StringIO()
    call_command("import_wordpress", *args, stdout=out)
    return out.getvalue()


def test_the_summary_counts_each_kind_and_lists_what_needs_a_look(home):
    output = run(str(FIXTURES / "newsroom.xml"), "--media-dir", str(FIXTURES / "uploads"))
    assert "WordPress import from https://news.example.org" in output
    post_row = next(line for line in output.splitlines() if " post " in line)
    cells = [cell.strip() for cell in post_row.split("│") if cell.strip()]
    assert cells == ["post", "5", "0", "0", "0"]  # created, updated, unchanged, skipped
    assert "Shortcode [contact-form-7]" in output
    assert "comment 9 on post 5: a pingback" in output
    assert ArticlePage.objects.count() == 5


def test_a_dry_run_says_so_and_writes_nothing(home):
    pages = Page.objects.count()
    output = run(str(FIXTURES / "newsroom.xml"), "--dry-run")
    assert "dry run: nothing was written" in output
    assert "2024/03/harbour-at-dawn.png" in output  # no --media-dir: listed as missing
    assert Page.objects.count() == pages


def test_the_hyphenated_command_exits_non_zero_on_malformed_xml(home, capsys, monkeypatch):
    # A command run from the command line closes every connection when it ends; here that
    # would be the test's own transaction (PostgreSQL), so keep it open.
    monkeypatch.setattr("django.core.management.base.connections.close_all", lambda: None)
    pages = Page.objects.count()
    with pytest.raises(SystemExit) as exit_info:
        main(["dateline", "import-wordpress", str(FIXTURES / "malformed.xml")])
    assert exit_info.value.code != 0
    error = capsys.readouterr().err
    assert "Nothing was imported" in error
    assert "line 12" in error
    assert Page.objects.count() == pages


def test_a_missing_file_is_a_clear_error(home, tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["dateline", "import-wordpress", str(tmp_path / "nope.xml")])
    assert exit_info.value.code != 0
    assert "no such file" in capsys.readouterr().err


def test_a_long_list_is_counted_whole_though_only_its_first_messages_are_kept(home, monkeypatch):
    """A big archive's warnings are not all held in memory; the summary still counts
    every one of them."""
    export = str(FIXTURES / "newsroom.xml")
    whole = run(export, "--dry-run")
    heading = next(line for line in whole.splitlines() if line.startswith("Warnings ("))
    total = int(heading.removeprefix("Warnings (").removesuffix("):"))
    assert total > 2

    monkeypatch.setattr("dateline.importers.services.MESSAGES_KEPT", 2)
    output = run(export, "--dry-run")
    assert heading in output.splitlines()
    warnings = output.split(heading, 1)[1].splitlines()[1:]
    assert warnings[:2] == whole.split(heading, 1)[1].splitlines()[1:3]
    assert warnings[2] == f"  ... and {total - 2} more"
