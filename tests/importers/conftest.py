"""The importer's pure half needs no Django: these tests also run with `-p no:django`."""

import pytest


@pytest.fixture(autouse=True)
def media_in_tmp():
    """Overrides the project-wide fixture of the same name, which needs Django settings."""
