"""The throughput benchmark's small form: bench/wire_bench.py runs end to end in CI.

The figures themselves (items a minute, memory) are measured from bench/ only and recorded
in docs/benchmarks.md; here only what it ingested is checked.
"""

import importlib.util
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db

BENCH = Path(__file__).resolve().parents[2] / "bench" / "wire_bench.py"


def test_the_wire_benchmark_ingests_updates_and_rereads_every_item(db):
    spec = importlib.util.spec_from_file_location("wire_bench", BENCH)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    figures = bench.measure(items=300, per_source=100)
    assert figures["sources"] == 3  # ninjs, RSS, ninjs
    assert figures["created"] == figures["unchanged"] == figures["stored_items"] == 300
    assert figures["updated"] == 30
    assert figures["stored_versions"] == 330
