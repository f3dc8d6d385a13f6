"""Wire ingest throughput: items a minute through fetch + parse + store, and memory as items grow.

    .venv/bin/python bench/wire_bench.py                # 20,000 items, SQLite, fresh temp DB
    .venv/bin/python bench/wire_bench.py --items 50000 --per-source 500
    .venv/bin/python bench/wire_bench.py --postgres     # database dateline_bench_wire

A local HTTP server plays the agency: each poll of the provider fetches the next source
(a ninjs list or an RSS 2.0 feed of `--per-source` items, about 2.5 KB of text each, with
a new ETag), exactly as the scheduler's task does (`services.provider_poll`: conditional
GET, parse, store in batches). After the new items, every source is read again once
(all unchanged) and one more time with a tenth of its items revised (newer versions).
Memory is the process's resident size after each source: flat means the last sources
cost no more than the first. tests/wire/test_bench.py runs a small form in CI.
"""

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from html import escape
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO))

PG_URL = "postgres://postgres@127.0.0.1:5432/dateline_bench_wire"
WORDS = (
    "government minister election parliament budget talks ceasefire border trade tariff market "
    "bank inflation energy climate storm flood drought harvest farmers union strike court judge "
    "ruling police protest council hospital doctors school teachers research railway airport "
    "port shipping oil gas solar wind water housing rent prices wages jobs factory company"
).split()


def say(*parts) -> None:
    sys.stdout.write(" ".join(str(part) for part in parts) + "\n")
    sys.stdout.flush()


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1_048_576


def _sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(12, 22))
    return " ".join(words).capitalize() + "."


def _story(rng: random.Random, number: int, revision: int) -> dict:
    paragraphs = [" ".join(_sentence(rng) for _ in range(3)) for _ in range(6)]
    if revision > 1:
        paragraphs[0] = f"(Revised {revision}) " + paragraphs[0]
    when = datetime(2026, 12, 1, tzinfo=UTC) + timedelta(minutes=number, seconds=revision)
    return {
        "id": f"urn:bench-wire.example:story:{number}",
        "version": str(revision),
        "when": when,
        "headline": _sentence(rng)[:120],
        "paragraphs": paragraphs,
    }


def ninjs_source(stories: list[dict]) -> bytes:
    items = [
        {
            "uri": s["id"],
            "type": "text",
            "version": s["version"],
            "versioncreated": s["when"].isoformat(),
            "pubstatus": "usable",
            "by": "Bench Reporter",
            "located": "Benchtown",
            "headlines": [{"role": "main", "value": s["headline"]}],
            "descriptions": [{"role": "summary", "value": s["paragraphs"][0][:200]}],
            "bodies": [
                {
                    "role": "main",
                    "contenttype": "text/html",
                    "value": "".join(f"<p>{escape(p)}</p>" for p in s["paragraphs"]),
                }
            ],
            "subjects": [{"name": "benchmarks"}],
        }
        for s in stories
    ]
    return json.dumps(items).encode()


def rss_source(stories: list[dict]) -> bytes:
    entries = "".join(
        f"<item><title>{escape(s['headline'])}</title><guid isPermaLink='false'>{s['id']}</guid>"
        f"<pubDate>{s['when']:%a, %d %b %Y %H:%M:%S} +0000</pubDate>"
        f"<description>{escape(''.join(f'<p>{p}</p>' for p in s['paragraphs']))}</description>"
        "</item>"
        for s in stories
    )
    return (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Bench</title>"
        f"<link>https://bench-wire.example/</link><description>x</description>{entries}"
        "</channel></rss>"
    ).encode()


def measure(*, items: int, per_source: int, seed: int = 7) -> dict:
    """Ingest `items` new items, then read every source again (unchanged) and with a tenth
    of the items revised; return the figures. Needs Django set up with a migrated database."""
    from dateline.wire import services
    from dateline.wire.models import WireItem, WireItemVersion, WireProvider
    from tests.wire.feed_server import FeedServer, Route

    rng = random.Random(seed)
    sources = []
    for first in range(0, items, per_source):
        stories = [_story(rng, n, 1) for n in range(first, min(first + per_source, items))]
        render = ninjs_source if (first // per_source) % 2 == 0 else rss_source
        sources.append((render, stories))

    server = FeedServer()
    route = Route(headers={"Content-Type": "application/octet-stream"})
    url = server.add("/wire", route)
    provider, _ = WireProvider.objects.get_or_create(name="Bench wire", defaults={"url": url})
    provider.url = url
    provider.save()

    def poll(body: bytes, tag: str):
        route.body, route.etag = body, f'"{tag}"'
        report = services.provider_poll(provider=provider)
        provider.refresh_from_db()
        if report.error:
            raise RuntimeError(report.error)
        return report

    figures = {"items": items, "per_source": per_source, "sources": len(sources)}
    memory = []
    created = 0
    started = time.perf_counter()
    for number, (render, stories) in enumerate(sources):
        created += poll(render(stories), f"new-{number}").created
        memory.append(rss_mb())
    figures["new_seconds"] = time.perf_counter() - started
    figures["created"] = created

    started = time.perf_counter()
    unchanged = sum(
        poll(render(stories), f"again-{number}").unchanged
        for number, (render, stories) in enumerate(sources)
    )
    figures["unchanged_seconds"] = time.perf_counter() - started
    figures["unchanged"] = unchanged

    started = time.perf_counter()
    updated = 0
    for number, (render, stories) in enumerate(sources):
        revised = [
            _story(random.Random(seed + i), int(s["id"].rsplit(":", 1)[1]), 2) if i % 10 == 0 else s
            for i, s in enumerate(stories)
        ]
        updated += poll(render(revised), f"revised-{number}").updated
    figures["update_seconds"] = time.perf_counter() - started
    figures["updated"] = updated
    server.close()

    figures["stored_items"] = WireItem.objects.filter(provider=provider).count()
    figures["stored_versions"] = WireItemVersion.objects.filter(item__provider=provider).count()
    figures["new_per_minute"] = created / figures["new_seconds"] * 60
    figures["reread_per_minute"] = unchanged / figures["unchanged_seconds"] * 60
    figures["update_per_minute"] = updated / figures["update_seconds"] * 60
    tenth = max(1, len(memory) // 10)
    figures["rss_mb_first"] = round(sum(memory[:tenth]) / tenth, 1)
    figures["rss_mb_last"] = round(sum(memory[-tenth:]) / tenth, 1)
    figures["rss_mb_max"] = round(max(memory), 1)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=int, default=20_000)
    parser.add_argument("--per-source", type=int, default=500)
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not args.child:
        data_dir = tempfile.mkdtemp(prefix="dateline-wire-bench-")
        env = {
            **os.environ,
            "DATELINE_DATA_DIR": data_dir,
            "DJANGO_SETTINGS_MODULE": "dateline.settings",
        }
        if args.postgres:
            import psycopg

            env["DATABASE_URL"] = PG_URL
            with psycopg.connect(
                "postgres://postgres@127.0.0.1:5432/postgres", autocommit=True
            ) as connection:
                connection.execute("DROP DATABASE IF EXISTS dateline_bench_wire")
                connection.execute("CREATE DATABASE dateline_bench_wire")
        say(f"# wire ingest benchmark, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC")
        say("load average at start:", open("/proc/loadavg").read().split()[:3])
        say("database:", "PostgreSQL" if args.postgres else f"SQLite in {data_dir}")
        subprocess.run(
            [sys.executable, "-m", "dateline.cli", "migrate", "--verbosity", "0"],
            env=env,
            check=True,
        )
        try:
            subprocess.run(
                [sys.executable, __file__, "--child", *sys.argv[1:]], env=env, check=True
            )
        finally:
            shutil.rmtree(data_dir, ignore_errors=True)
        say("load average at end:", open("/proc/loadavg").read().split()[:3])
        return
    import django

    django.setup()
    figures = measure(items=args.items, per_source=args.per_source)
    say(
        f"new: {figures['created']:,} items from {figures['sources']} sources of "
        f"{args.per_source} in {figures['new_seconds']:.1f} s = "
        f"**{figures['new_per_minute']:,.0f} items/min**"
    )
    say(
        f"read again (unchanged): {figures['unchanged']:,} in {figures['unchanged_seconds']:.1f} s"
        f" = {figures['reread_per_minute']:,.0f} items/min"
    )
    say(
        f"revised (a tenth newer): {figures['updated']:,} updated in "
        f"{figures['update_seconds']:.1f} s ({figures['update_per_minute']:,.0f} updates/min)"
    )
    say(
        f"stored: {figures['stored_items']:,} items, {figures['stored_versions']:,} versions; "
        f"resident memory: first tenth of sources {figures['rss_mb_first']} MB, last tenth "
        f"{figures['rss_mb_last']} MB, max {figures['rss_mb_max']} MB"
    )


if __name__ == "__main__":
    main()
