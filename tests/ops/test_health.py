"""/healthz says the process is alive; /readyz says whether it can serve: database and cache."""

import pytest
from django.db import OperationalError, connection


def test_liveness_answers_without_touching_the_database(client):
    # No django_db mark: any query in the request would fail this test.
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_readiness_checks_the_database_and_the_cache(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_readiness_is_503_with_details_when_the_database_fails(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise OperationalError("unable to open database file")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["checks"]["database"] == "OperationalError: unable to open database file"
    assert body["checks"]["cache"] == "ok"


@pytest.mark.django_db
def test_readiness_is_503_when_redis_is_unreachable(client, settings):
    # Configured like production (errors swallowed so pages keep working), but nothing
    # listens on this port.
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.2},
        }
    }
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"] == {
        "database": "ok",
        "cache": "the cache did not return a value just stored",
    }


def test_health_endpoints_refuse_writes(client):
    assert client.post("/healthz").status_code == 405
