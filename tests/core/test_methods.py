"""Reader URLs answer the methods they use and refuse the rest with 405 and `Allow`.

`OPTIONS /` used to answer `Allow: DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT`, and a
PUT rendered the page.
"""

import pytest
from django.apps import apps
from django.test import Client
from wagtail.models import Page

from dateline.comments.models import Comment
from tests.comments.factories import CommentFactory
from tests.news.factories import ArticleFactory, AuthorFactory, SectionFactory

pytestmark = pytest.mark.django_db

READ = "GET, HEAD, OPTIONS"


@pytest.fixture
def site(home):
    world = SectionFactory(title="World", slug="world")
    author = AuthorFactory(name="Ana Ribeiro")
    story = ArticleFactory(
        section=world, title="Ceasefire talks resume", authors=[author], tags=["Diplomacy"]
    )
    return {"story": story, "author": author, "comment": CommentFactory(article=story)}


def reader_urls(site) -> list[str]:
    story = site["story"]
    return [
        "/",  # home
        "/world/",  # section
        story.url,  # article
        "/tags/diplomacy/",  # a routable subpage of the home page
        site["author"].url,
        "/feeds/rss/",
        "/feeds/atom/",
        "/feeds/json/",
        "/feeds/rss/section/world/",
        "/sitemap.xml",
        "/search/?q=ceasefire",
        f"/comments/article/{story.pk}/",
        f"/comments/reply/{site['comment'].pk}/",
    ]


def test_reader_urls_are_read_with_get_and_head(client, site):
    for url in reader_urls(site):
        assert client.get(url).status_code == 200, url
        head = client.head(url)
        assert (head.status_code, head.content) == (200, b""), url


@pytest.mark.parametrize("method", ["put", "delete", "patch", "post"])
def test_writing_to_a_reader_url_is_refused_with_what_is_allowed(client, site, method):
    for url in reader_urls(site):
        response = getattr(client, method)(url, data=b"", content_type="text/plain")
        assert response.status_code == 405, (method, url)
        assert response["Allow"] == READ, url


def test_options_says_what_each_reader_url_allows(client, site):
    for url in reader_urls(site):
        response = client.options(url)
        assert (response.status_code, response["Allow"]) == (200, READ), url


def test_comment_endpoints_allow_the_post_their_forms_send_and_nothing_else(client, site):
    story, comment = site["story"], site["comment"]
    post_url = f"/comments/post/{story.pk}/"
    assert client.options(post_url)["Allow"] == "OPTIONS, POST"
    for method in ("get", "put", "delete"):
        response = getattr(client, method)(post_url)
        assert (response.status_code, response["Allow"]) == (405, "OPTIONS, POST"), method
    report = client.put(f"/comments/report/{comment.pk}/")
    assert (report.status_code, report["Allow"]) == (405, "OPTIONS, POST")
    assert Comment.objects.get(pk=comment.pk).report_count == 0


def test_a_put_with_a_valid_csrf_token_no_longer_renders_the_page(site):
    browser = Client(enforce_csrf_checks=True)
    token = browser.get("/admin/login/").cookies["csrftoken"].value
    response = browser.put(site["story"].url, HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 405
    assert b"Ceasefire talks resume" not in response.content


def test_every_page_type_of_dateline_says_which_methods_it_takes():
    """Wagtail lets a page take every method unless its class says otherwise."""
    for model in apps.get_models():
        if issubclass(model, Page) and model.__module__.startswith("dateline."):
            names = set(model.allowed_http_method_names())
            assert not names & {"PUT", "PATCH", "DELETE"}, model
