"""Errors are shown in the site's design, and never leak details."""

import pytest

from dateline.core import views


@pytest.mark.django_db
def test_the_500_page_is_branded_and_needs_no_database(rf, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = views.server_error(rf.get("/world/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong on our side" in html
    assert 'href="/"' in html and "Traceback" not in html


@pytest.mark.django_db
def test_the_404_page_keeps_the_site_navigation_and_search(client, home):
    response = client.get("/does-not-exist/")
    assert response.status_code == 404
    html = response.content.decode()
    assert 'role="search"' in html
    assert '<nav class="sections-nav"' in html
