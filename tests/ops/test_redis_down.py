"""With Redis unreachable or stopped mid-run, readers get pages and commenters get answers.

Redis holds the shared cache (rendered threads), the rate-limit counters (counted in
the database while it is away) and the page cache's pages and purges; PostgreSQL or
SQLite holds everything that matters. Losing Redis costs speed, never pages.
"""

import shutil

import pytest

from dateline.comments import services
from dateline.comments.models import Comment
from dateline.edge.conf import edge_settings
from dateline.edge.store import RedisBackend, install_backend
from dateline.edge.wsgi import PageCache
from tests.comments.conftest import form_data
from tests.comments.factories import CommentFactory
from tests.edge.conftest import CachedSite
from tests.news.factories import ArticleFactory, SectionFactory
from tests.ops.servers import Child, free_port, redis_answers, wait_until

pytestmark = pytest.mark.django_db

NOWHERE = "redis://127.0.0.1:1/0"  # nothing listens on port 1
ARTICLE = "/world/harbour-reopens/"


def use_redis_cache(settings, url: str) -> None:
    """The shared cache as production configures it (see settings.py), at `url`."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5},
        }
    }


@pytest.fixture
def story(home, comment_settings):
    return ArticleFactory(
        section=SectionFactory(title="World", slug="world"),
        title="Harbour reopens",
        slug="harbour-reopens",
    )


@pytest.fixture
def site_on(django_wsgi):
    """The site behind a page cache kept in Redis at a URL, as `dateline serve` runs it."""
    backends = []

    def build(url: str) -> CachedSite:
        backend = RedisBackend(url)
        backends.append(backend)
        install_backend(backend)  # purges from signal handlers reach this cache
        return CachedSite(PageCache(django_wsgi, config=edge_settings(), backend=backend))

    yield build
    install_backend(None)
    for backend in backends:
        backend.close()


@pytest.fixture
def private_redis(tmp_path):
    """A Redis server of this test's own, so the test can stop it."""
    executable = shutil.which("redis-server")
    if not executable:
        pytest.skip("redis-server is not installed")
    port = free_port()
    server = Child(
        [executable, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no", "--dir", str(tmp_path)],
        env={}, log=tmp_path / "redis.log",
    )  # fmt: skip
    url = f"redis://127.0.0.1:{port}/0"
    try:
        wait_until(lambda: redis_answers(url), timeout=10, what="the private Redis")
        yield server, url
    finally:
        server.stop()


def test_pages_render_from_the_database_when_redis_is_unreachable(settings, site_on, story):
    use_redis_cache(settings, NOWHERE)
    site = site_on(NOWHERE)
    replies = [site.get(ARTICLE), site.get(ARTICLE)]
    assert [reply.status for reply in replies] == [200, 200]
    assert [reply.cache for reply in replies] == ["MISS", "MISS"]  # rendered both times
    assert all("Harbour reopens" in reply.text for reply in replies)


def test_a_comment_is_taken_and_still_rate_limited_when_redis_is_unreachable(
    settings, client, story, comment_settings, caplog
):
    comment_settings.rate_limit_count = 1
    comment_settings.save()
    use_redis_cache(settings, NOWHERE)
    response = client.post(
        f"/comments/post/{story.pk}/", form_data(story), HTTP_ORIGIN="http://testserver"
    )
    assert response.status_code == 303
    assert Comment.objects.filter(article=story, author_email="ana@example.org").exists()
    assert "counted in the database: Redis is unreachable" in caplog.text
    again = client.post(
        f"/comments/post/{story.pk}/",
        form_data(story, text="A second thought, too soon."),
        HTTP_ORIGIN="http://testserver",
    )
    assert again.status_code == 429


def test_a_report_is_taken_when_redis_is_unreachable(settings, client, story):
    comment = CommentFactory(article=story)
    use_redis_cache(settings, NOWHERE)
    response = client.post(f"/comments/report/{comment.pk}/", HTTP_ORIGIN="http://testserver")
    assert response.status_code == 200
    assert "Thank you for your report" in response.content.decode()


def test_redis_stopping_mid_run_costs_speed_not_pages_or_fresh_comments(
    settings, site_on, story, private_redis, commit, client
):
    server, url = private_redis
    use_redis_cache(settings, url)
    site = site_on(url)
    waiting = CommentFactory(
        article=story, status=Comment.Status.PENDING, text="Reopening was overdue."
    )
    assert site.get(ARTICLE).cache == "MISS"
    assert site.get(ARTICLE).cache == "HIT"

    server.stop()
    # The approval cannot be published to other nodes; this node must still stop
    # serving the copy it holds.
    commit(services.comment_approve, comment=waiting)
    reply = site.get(ARTICLE)
    assert reply.status == 200
    assert "Reopening was overdue." in reply.text

    posted = client.post(
        f"/comments/post/{story.pk}/", form_data(story), HTTP_ORIGIN="http://testserver"
    )
    assert posted.status_code == 303
