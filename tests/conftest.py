import pytest


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Uploaded and generated images go to a per-test folder, never var/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: ids repeat after a rollback, so an image's
    cached renditions (or any other cached row) must not outlive the test that made it."""
    yield
    from django.core.cache import cache

    cache.clear()


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


@pytest.fixture
def fragment_store():
    """The purge counters page fragments are stamped with, as `dateline serve` has them.

    Without them (tests by default) every fragment is rendered afresh.
    """
    from dateline.edge.store import MemoryBackend, install_backend

    backend = MemoryBackend()
    install_backend(backend)
    yield backend
    install_backend(None)


@pytest.fixture
def newsroom_user(db, django_user_model):
    """A user in one of the newsroom's groups: newsroom_user("Reporters", "rita")."""
    from django.contrib.auth.models import Group

    def make(group: str, username: str):
        user = django_user_model.objects.create_user(
            username, f"{username}@newsroom.example", "x" * 16
        )
        user.groups.add(Group.objects.get(name=group))
        return user

    return make


@pytest.fixture
def api(client):
    """The JSON API with a bearer token: api.post("/api/v1/stories/", {...}, token=t)."""
    from tests.api.client import TokenClient

    return TokenClient(client)
