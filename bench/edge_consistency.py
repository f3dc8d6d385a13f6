"""The edge's consistency check at length (issue 16): N random changes, 0 stale pages.

Varnish (the VCL `dateline edge vcl` prints) in front of `dateline serve`, as
tests/edge/test_varnish.py runs it with 100 changes in CI. Each change (publish, edit,
unpublish, comment approved or removed, tag renamed, settings changed, an image's file
replaced, a story's tags or its editors' related picks changed) is made as the newsroom
makes it, in another process on the same database; once the task worker has sent its
purges, every page of the site (home, sections, stories, authors, tag pages, feeds,
sitemaps) is fetched through Varnish and through the embedded page cache and compared
with a render that used no cache at all.

    .venv/bin/python bench/edge_consistency.py [--changes 500]

Prints the stale pages (there should be none), how long each change took from the
click until every purge reached Varnish, and the machine's load.
"""

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.edge.front import Front, varnish_missing  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--changes", type=int, default=500)
    options = parser.parse_args()
    if varnish_missing():
        raise SystemExit(varnish_missing())
    front = Front(Path(tempfile.mkdtemp(prefix="dateline-consistency-")))
    stale: dict[str, list[str]] = {}
    took: list[float] = []
    pages_compared = 0
    kinds: dict[str, int] = {}
    try:
        front.start()
        start_load = Path("/proc/loadavg").read_text().split()[:3]
        for seed in range(options.changes):
            clicked = time.monotonic()
            change = front.ask(do="random", seed=seed)
            took.append(time.monotonic() - clicked)
            kinds[change["change"]] = kinds.get(change["change"], 0) + 1
            paths = front.ask(do="pages")
            pages_compared += len(paths)
            if found := front.stale_pages(paths):
                stale[f"{seed}: {change}"] = found
                print(f"stale after change {seed} {change}: {found}", flush=True)  # noqa: T201
            if (seed + 1) % 50 == 0:  # progress, for a run cut short
                print(  # noqa: T201
                    f"{seed + 1} changes, {pages_compared} pages compared, "
                    f"{sum(map(len, stale.values()))} stale",
                    flush=True,
                )
        end_load = Path("/proc/loadavg").read_text().split()[:3]
    finally:
        front.stop()
    took.sort()
    print(f"changes: {options.changes} ({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))})")  # noqa: T201
    print(f"pages compared (through Varnish and the page cache each): {pages_compared}")  # noqa: T201
    print(f"stale: {sum(map(len, stale.values()))} pages after {len(stale)} changes")  # noqa: T201
    for change, pages in stale.items():
        print(f"  {change}: {pages}")  # noqa: T201
    print(  # noqa: T201
        "click to purges sent (change committed, task worker sent every Varnish purge): "
        f"median {statistics.median(took) * 1000:.0f} ms, "
        f"p90 {took[int(len(took) * 0.9)] * 1000:.0f} ms, max {took[-1] * 1000:.0f} ms"
    )
    print(f"load average: {' '.join(start_load)} at the start, {' '.join(end_load)} at the end")  # noqa: T201
    raise SystemExit(1 if stale else 0)


if __name__ == "__main__":
    main()
