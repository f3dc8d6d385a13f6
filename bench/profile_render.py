"""Profile rendering one page with the page cache off: queries and where the time goes.

Usage: DATELINE_DATA_DIR=... .venv/bin/python bench/profile_render.py /path/ [--repeat N]
       [--queries] [--profile] [--after-purge | --after-edit]
"""

import argparse
import os
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings")
os.environ["DATELINE_PAGE_CACHE"] = "off"

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402


def say(text: str) -> None:
    sys.stdout.write(f"{text}\n")


def purge_for(path: str, *, comments_only: bool):
    """What approving a comment on the page at `path` purges (`comments_only`: the page's
    own key), or what publishing an edit of it purges (its key, the listings, its tags'
    keys, its archive month: dateline.edge.invalidation.keys_for_page_change), through
    the edge's purge."""
    from django.utils.translation import get_language_from_path
    from wagtail.models import Locale, Page, Site

    from dateline.edge.invalidation import keys_for_page_change, purge_now
    from dateline.edge.keys import page_key

    root = Site.objects.get(is_default_site=True).root_page
    if language := get_language_from_path(path):  # /uk/svit/...: under that language's home
        root = root.get_translation(Locale.objects.get(language_code=language))
        path = path.removeprefix(f"/{language}")
    page = Page.objects.get(url_path=root.url_path + path.lstrip("/"))
    purged = [page_key(page.pk)] if comments_only else keys_for_page_change(page)
    return lambda: purge_now(purged, comments_only=comments_only)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("path")
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--queries", action="store_true")
    after = parser.add_mutually_exclusive_group()
    after.add_argument(
        "--after-purge",
        action="store_true",
        help="purge the page before each render as approving a comment on it does: "
        "measures the first render after a comment, not a warm one",
    )
    after.add_argument(
        "--after-edit",
        action="store_true",
        help="purge the page before each render as publishing an edit of it does",
    )
    args = parser.parse_args()
    host = settings.ALLOWED_HOSTS[0] if settings.ALLOWED_HOSTS else "127.0.0.1"
    client = Client(HTTP_HOST=host)
    # Warm up as a serving worker would be: the first render routes the page and fills the
    # template and fragment caches, the second finds the route and keeps the page's rows.
    for _ in range(2):
        assert client.get(args.path).status_code == 200
    purge = lambda: None  # noqa: E731
    if args.after_purge or args.after_edit:
        purge = purge_for(args.path, comments_only=args.after_purge)
    settings.DEBUG = True  # record queries
    reset_queries()
    purge()
    reset_queries()
    client.get(args.path)
    say(f"queries per render: {len(connection.queries)}")
    if args.queries:
        for query in connection.queries:
            say(f"  {query['time']}s {query['sql'][:160]}")
    settings.DEBUG = False
    started = time.perf_counter()
    cpu_started = time.process_time()
    profiler = None
    if args.profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005)
        profiler.start()
    for _ in range(args.repeat):
        purge()
        client.get(args.path)
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    if profiler:
        profiler.stop()
        say(profiler.output_text(unicode=False, color=False, show_all=False))
    each = elapsed / args.repeat * 1000
    say(f"{args.repeat / elapsed:.1f} renders/s in one process ({each:.1f} ms each)")
    # CPU time is steadier than wall time when other work shares the cores.
    say(f"{cpu / args.repeat * 1000:.1f} ms CPU per render")


if __name__ == "__main__":
    main()
