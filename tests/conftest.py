import pytest


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Uploaded and generated images go to a per-test folder, never var/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def home(db):
    from dateline.news.models import HomePage

    return HomePage.objects.get()
