"""`dateline setup` tells the operator the address the site really answers on."""

import io

import pytest
from django.core.management import call_command

from tests.news.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_setup_prints_the_base_url(settings, tmp_path, home):
    settings.DATA_DIR = tmp_path
    settings.WAGTAILADMIN_BASE_URL = "https://news.example.com:8443"
    ArticleFactory()  # a site with a story: setup does not build the demo site
    out = io.StringIO()
    call_command("setup", stdout=out)
    assert "Log in to the editor at https://news.example.com:8443/admin/" in out.getvalue()
    assert "127.0.0.1:8000" not in out.getvalue()
