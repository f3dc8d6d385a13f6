from pathlib import Path

import pytest

from dateline.wire import services
from dateline.wire.models import WireProvider

FIXTURES = Path(__file__).parent.parent / "fixtures" / "wire"


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


@pytest.fixture
def provider(db):
    return WireProvider.objects.create(
        name="Nordic Wire", url="https://nordic-wire.example/ninjs", credit="Nordic Wire Agency"
    )


@pytest.fixture
def ingest(provider):
    """Read a saved payload for the provider: ingest("ninjs-2.2.json")."""

    def run(name: str, *, to=None, **options):
        return services.wire_ingest(provider=to or provider, data=fixture_bytes(name), **options)

    return run
