"""The demo has an agency feed on the wire desk, read from a local sample file."""

import pytest

from dateline.wire.demo import NAME, build_demo_wire
from dateline.wire.models import WireItem

pytestmark = pytest.mark.django_db


def test_the_demo_wire_is_read_once_and_again_changes_nothing(home):
    provider = build_demo_wire()
    assert provider.name == NAME and provider.upload and provider.last_error == ""
    assert WireItem.objects.filter(provider=provider).count() == 5  # the picture is left out
    assert WireItem.objects.filter(status="withheld").count() == 1
    assert WireItem.objects.filter(embargoed_until__isnull=False).count() == 1
    versions = provider.items.values_list("version", flat=True)
    assert build_demo_wire() == provider
    assert list(provider.items.values_list("version", flat=True)) == list(versions)
    assert WireItem.objects.count() == 5
