"""Pieces of the article page kept between renders: any change a reader could see shows on
the next render, and a warm render costs the same few queries however much the page shows."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.comments.factories import CommentFactory
from tests.news.factories import ArticleFactory, AuthorFactory, SectionFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragment_store")]


@pytest.fixture
def world(home):
    return SectionFactory(title="World", slug="world")


@pytest.fixture
def story(world):
    return ArticleFactory(section=world, title="Harbour reopens", tags=["ports"])


def html_of(client, article) -> str:
    response = client.get(article.url)
    assert response.status_code == 200
    return response.content.decode()


def related_part(html: str) -> str:
    start = html.find('<aside class="related"')
    return html[start : html.index("</aside>", start)] if start >= 0 else ""


def without_form_token(html: str) -> str:
    """The page without the comment form's token, which is stamped with the time."""
    return re.sub(r'name="token" value="[^"]*"', "", html)


def publish_edit(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()


def test_an_edited_related_story_shows_on_the_next_render(client, story, world, commit):
    other = ArticleFactory(section=world, title="Cranes return", tags=["ports"])
    assert "Cranes return" in related_part(html_of(client, story))
    commit(publish_edit, other, title="Cranes return to the quay")
    assert "Cranes return to the quay" in related_part(html_of(client, story))


def test_an_editors_pick_published_later_shows_on_the_next_render(client, story, world, commit):
    from dateline.news.models import RelatedArticle

    pick = ArticleFactory(section=world, title="Ferry strike ends", publish=False)
    RelatedArticle.objects.create(article=story, related=pick)
    assert "Ferry strike ends" not in related_part(html_of(client, story))  # not live yet
    commit(pick.save_revision().publish)
    assert "Ferry strike ends" in related_part(html_of(client, story))


def test_a_new_story_with_a_shared_tag_shows_on_the_next_render(client, story, world, commit):
    assert related_part(html_of(client, story)) == ""
    commit(ArticleFactory, section=world, title="Ferry timetable", tags=["ports"])
    assert "Ferry timetable" in related_part(html_of(client, story))


def test_a_comment_on_a_related_story_updates_its_count(client, story, world, commit):
    other = ArticleFactory(section=world, title="Cranes return", tags=["ports"])
    assert "Click to comment" in related_part(html_of(client, story))
    commit(CommentFactory, article=other)
    assert "1 comment" in related_part(html_of(client, story))


def test_renaming_a_related_storys_author_shows_on_the_next_render(client, story, world, commit):
    writer = AuthorFactory(name="Ana Lima")
    ArticleFactory(section=world, title="Cranes return", tags=["ports"], authors=[writer])
    assert "Ana Lima" in related_part(html_of(client, story))
    commit(publish_edit, writer, title="Ana Lima Souza")
    assert "Ana Lima Souza" in related_part(html_of(client, story))


def test_the_page_names_the_related_stories_it_shows_from_the_cache(client, story, world):
    other = ArticleFactory(section=world, title="Cranes return", tags=["ports"])
    first = client.get(story.url)
    second = client.get(story.url)
    assert f"page-{other.pk}" in first["Surrogate-Key"].split()
    assert first["Surrogate-Key"] == second["Surrogate-Key"]
    # (Not the whole page: the comment form carries a token stamped with the time.)
    assert related_part(second.content.decode()) == related_part(first.content.decode())


def test_a_warm_article_costs_few_queries_however_much_it_shows(client, world):
    plain = ArticleFactory(section=world, tags=["one"])
    busy = ArticleFactory(
        section=world,
        tags=[f"tag {number}" for number in range(8)],
        authors=[AuthorFactory() for _ in range(4)],
    )
    for number in range(4):
        ArticleFactory(section=world, tags=[f"tag {number}", "one"], authors=[AuthorFactory()])

    def warm_queries(article) -> int:
        cold = html_of(client, article)
        with CaptureQueriesContext(connection) as queries:
            warm = html_of(client, article)
        assert without_form_token(warm) == without_form_token(cold)
        return len(queries)

    assert warm_queries(busy) == warm_queries(plain)


def test_a_published_edit_shows_in_the_body_head_and_json_ld(client, story, commit):
    html_of(client, story)
    commit(
        publish_edit,
        story,
        title="Harbour reopens at dawn",
        standfirst="Ships queue at first light.",
        body=[("paragraph", "<p>The first ship docked at six.</p>")],
        dateline_place="LISBON",
    )
    html = html_of(client, story)
    assert '<meta property="og:title" content="Harbour reopens at dawn">' in html
    assert '"headline":"Harbour reopens at dawn"' in html
    assert "The first ship docked at six." in html
    assert '<p class="dateline-place">LISBON</p>' in html


def test_a_new_comment_updates_the_json_ld_count(client, story, commit):
    assert '"commentCount":0' in html_of(client, story)
    commit(CommentFactory, article=story)
    assert '"commentCount":1' in html_of(client, story)


def test_renaming_the_section_shows_in_the_menu_head_and_breadcrumbs(client, story, world, commit):
    html_of(client, story)
    commit(publish_edit, world, title="Planet")
    html = html_of(client, story)
    assert '<meta property="article:section" content="Planet">' in html
    assert '"articleSection":"Planet"' in html
    assert ">Planet</a></li>" in html  # the sections menu


def test_changing_the_tags_shows_on_the_next_render(client, story, commit):
    assert 'rel="tag">ports</a>' in html_of(client, story)
    story.tags.set(["harbours"])
    commit(story.save_revision().publish)
    html = html_of(client, story)
    assert 'rel="tag">harbours</a>' in html
    assert 'rel="tag">ports</a>' not in html
    assert '<meta property="article:tag" content="harbours">' in html


def test_renaming_the_author_shows_in_the_byline_and_head(client, world, commit):
    writer = AuthorFactory(name="Ana Lima")
    story = ArticleFactory(section=world, title="Harbour reopens", authors=[writer])
    assert 'rel="author">Ana Lima</a>' in html_of(client, story)
    commit(publish_edit, writer, title="Ana Lima Souza")
    html = html_of(client, story)
    assert 'rel="author">Ana Lima Souza</a>' in html
    assert '"name":"Ana Lima Souza"' in html


def test_a_new_comment_updates_the_comment_link(client, story, commit):
    assert '<a href="#comments">Click to comment</a>' in html_of(client, story)
    commit(CommentFactory, article=story)
    assert '<a href="#comments">1 comment</a>' in html_of(client, story)


def test_changing_site_settings_shows_in_the_article_footer(client, story, commit):
    from wagtail.models import Site

    from dateline.core.models import SiteSettings

    html_of(client, story)
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.mastodon_url = "https://mastodon.example/@courier"
    commit(settings.save)
    assert 'id="connect-heading-article"' in html_of(client, story)


def test_the_menu_marks_the_current_section_on_every_page(client, story, world):
    sport = SectionFactory(title="Sport", slug="sport")
    match = ArticleFactory(section=sport, title="Cup final")
    other = ArticleFactory(section=world, title="Cranes return")

    def marked(page) -> list[str]:
        nav = html_of(client, page).split('class="sections-nav"')[1].split("</nav>")[0]
        return re.findall(r'aria-current="(\w+)">(\w+)<', nav)

    for _ in range(2):  # rendered, then from the store
        assert marked(story) == [("true", "World")]
        assert marked(match) == [("true", "Sport")]
        assert marked(other) == [("true", "World")]
        assert marked(world) == [("page", "World")]
