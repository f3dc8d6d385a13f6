"""The `dateline` command: every Django management command, plus serve, setup and demo."""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings")
    if len(argv) > 1 and argv[1] == "serve":
        # Production mode is decided before settings load: `serve` never runs with DEBUG.
        os.environ["DATELINE_DEBUG"] = "0"
    if len(argv) > 1 and argv[1] == "import-wordpress":
        # Django command names cannot hold a hyphen; the documented name is this one.
        argv[1] = "import_wordpress"
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
