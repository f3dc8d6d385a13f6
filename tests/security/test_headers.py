"""Security headers on reader pages, error pages, static files and the admin."""

import re

import pytest
from django.contrib.staticfiles.finders import find

from tests.news.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    parsed = {}
    for part in policy.split(";"):
        name, *sources = part.split()
        parsed[name] = sources
    return parsed


@pytest.fixture
def story(home):
    return ArticleFactory(section=SectionFactory(title="World", slug="world"), title="Talks resume")


def test_reader_pages_get_a_strict_policy(client, story):
    response = client.get(story.url)
    assert response.status_code == 200
    csp = directives(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["img-src"] == ["'self'", "data:"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["form-action"] == ["'self'"]
    # No inline script or style is allowed anywhere on the reader side.
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "script-src" not in csp and "style-src" not in csp


def test_reader_pages_need_nothing_the_policy_forbids(client, story):
    """Inline scripts on reader pages are JSON-LD data; code comes from our own files."""
    html = client.get(story.url).content.decode()
    script_tags = re.findall(r"<script\b[^>]*>", html, re.I)
    assert any('type="application/ld+json"' in tag for tag in script_tags)
    for tag in script_tags:
        src = re.search(r'src="([^"]*)"', tag)
        assert 'type="application/ld+json"' in tag or (src and src[1].startswith("/static/"))
    assert not re.search(r"\sstyle\s*=", html, re.I)
    assert not re.search(r"\son[a-z]+\s*=", html, re.I)
    assert "javascript:" not in html.lower()


def test_other_headers_on_reader_pages(client, story):
    response = client.get(story.url)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    permissions = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment"):
        assert f"{feature}=()" in permissions


def test_not_found_pages_carry_the_headers_too(client, home):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert directives(response)["object-src"] == ["'none'"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_static_files_carry_the_headers(client, settings):
    settings.WHITENOISE_USE_FINDERS = True  # serve without collectstatic, as in development
    settings.WHITENOISE_AUTOREFRESH = True
    assert find("wagtailadmin/css/core.css")
    response = client.get("/static/wagtailadmin/css/core.css")
    assert response.status_code == 200
    assert "Content-Security-Policy" in response
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_admin_gets_its_own_policy_that_allows_its_inline_code(client, home):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    csp = directives(response)
    assert csp["script-src"] == ["'self'", "'unsafe-inline'"]
    assert csp["object-src"] == ["'none'"]
    # The live preview frames admin pages in the admin itself, nobody else may.
    assert csp["frame-ancestors"] == ["'self'"]
    assert csp["form-action"] == ["'self'"]


def test_the_admin_preview_of_a_reader_page_keeps_the_admin_policy(client, story):
    from django.contrib.auth.models import User

    client.force_login(User.objects.create_superuser("chief", "chief@example.com", "pw"))
    response = client.get(f"/admin/pages/{story.pk}/view_draft/")
    assert response.status_code == 200
    assert b"Talks resume" in response.content
    assert directives(response)["frame-ancestors"] == ["'self'"]
