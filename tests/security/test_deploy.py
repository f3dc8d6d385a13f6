"""The documented production settings pass Django's deployment checks, cookies included."""

import json
import os
import secrets
import subprocess
import sys


def production_env(tmp_path, **extra) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DATELINE_", "PYTEST_")) and key not in {"DATABASE_URL", "REDIS_URL"}
    }
    env.update(
        DATELINE_DEBUG="0",
        DATELINE_SECRET_KEY=secrets.token_urlsafe(50),
        DATELINE_ALLOWED_HOSTS="news.example.com",
        DATELINE_DATA_DIR=str(tmp_path),
        DJANGO_SETTINGS_MODULE="dateline.settings",
        **extra,
    )
    return env


def settings_in(env: dict[str, str], *names: str) -> dict:
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n, None) for n in {list(names)!r}}}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def test_check_deploy_reports_nothing_with_the_documented_settings(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "dateline.cli", "check", "--deploy", "--fail-level", "WARNING"],
        env=production_env(tmp_path, DATELINE_HTTPS="1"),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_behind_https_cookies_are_secure_host_only_and_hsts_is_a_year(tmp_path):
    found = settings_in(
        production_env(tmp_path, DATELINE_HTTPS="1"),
        "SESSION_COOKIE_NAME", "CSRF_COOKIE_NAME", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY", "CSRF_COOKIE_HTTPONLY", "SESSION_COOKIE_SAMESITE",
        "CSRF_COOKIE_SAMESITE",
        "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_SSL_REDIRECT",
    )  # fmt: skip
    assert found == {
        "SESSION_COOKIE_NAME": "__Host-sessionid",
        "CSRF_COOKIE_NAME": "__Host-csrftoken",
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "CSRF_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "CSRF_COOKIE_SAMESITE": "Lax",
        "SECURE_HSTS_SECONDS": 31_536_000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_SSL_REDIRECT": True,
    }


def test_over_plain_http_cookies_keep_names_browsers_accept(tmp_path):
    # Browsers drop __Host- cookies that arrive without HTTPS, which would break sign-in.
    found = settings_in(production_env(tmp_path), "SESSION_COOKIE_NAME", "SECURE_HSTS_SECONDS")
    assert found == {"SESSION_COOKIE_NAME": "sessionid", "SECURE_HSTS_SECONDS": 0}


def test_serving_behind_https_without_trusted_proxies_is_refused(settings):
    from dateline.core.deploy import production_problems

    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.DATELINE_TRUSTED_PROXIES = []
    assert any("DATELINE_TRUSTED_PROXIES" in problem for problem in production_problems())
    settings.DATELINE_TRUSTED_PROXIES = ["127.0.0.1"]
    assert not any("DATELINE_TRUSTED_PROXIES" in problem for problem in production_problems())
