"""Every kind of reader page is valid HTML, as the Nu HTML Checker (vnu.jar) sees it."""

from django.template import loader

from tests.browser.newsroom import build_newsroom
from tests.browser.tools import VNU_JAR, java, require, require_node_module
from tests.html.nu_checker import html_errors

# Checked alongside the real pages, to show that the checker ran and reports what it finds.
BROKEN_ON_PURPOSE = '<!doctype html><html lang="en"><title>x</title><p>one<div>two</p>'


def test_reader_pages_have_no_html_errors(client, db):
    require(java() is not None, "no java on PATH: apt-get install default-jre-headless")
    require_node_module(VNU_JAR)
    newsroom = build_newsroom()
    documents = {}
    for name, path in newsroom.reader_pages().items():
        response = client.get(path)
        assert response.status_code == (404 if name == "404" else 200), path
        documents[name] = response.content.decode()
    documents["500"] = loader.get_template("pages/500.html").render()

    errors = html_errors({**documents, "broken-on-purpose": BROKEN_ON_PURPOSE})

    assert any("“p”" in error for error in errors.pop("broken-on-purpose", []))
    assert errors == {}
