import pytest


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Uploaded and generated images go to a per-test folder, never var/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def home(db):
    from dateline.news.models import HomePage

    return HomePage.objects.get()


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run a change and its after-commit purges, as a committed admin action would."""

    def run(change, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return change(*args, **kwargs)

    return run
