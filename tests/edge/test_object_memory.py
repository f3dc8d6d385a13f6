"""Rows kept between renders (dateline.edge.memory): an unchanged page renders without
asking the database for its page, settings or view restrictions, and any change an
editor commits shows on the very next render."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from dateline.core.models import SiteSettings
from dateline.edge.memory import site_setting
from tests.news.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db

PATH = "/world/harbour-reopens/"


@pytest.fixture
def story(home):
    world = SectionFactory(title="World", slug="world")
    return ArticleFactory(section=world, title="Harbour reopens", slug="harbour-reopens")


def warm(client, path: str = PATH) -> None:
    """First render: Wagtail routes it. Second: the route is known, the rows are loaded."""
    for _ in range(2):
        assert client.get(path).status_code == 200


def tables_read(client, path: str = PATH) -> str:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return " ".join(query["sql"] for query in queries)


def test_an_unchanged_article_renders_without_reading_its_page_settings_or_restrictions(
    client, backend, story
):
    warm(client)
    sql = tables_read(client)
    assert "wagtailcore_page" not in sql
    assert "core_sitesettings" not in sql
    assert "comments_commentsettings" not in sql
    assert "wagtailcore_pageviewrestriction" not in sql


def test_without_a_backend_every_render_reads_them(client, story):
    warm(client)
    sql = tables_read(client)
    assert "wagtailcore_page" in sql
    assert "core_sitesettings" in sql


def test_a_published_edit_shows_on_the_next_render(client, backend, story, commit):
    warm(client)
    story.title = "Harbour reopens after storm repairs"
    commit(lambda: story.save_revision().publish())
    assert "Harbour reopens after storm repairs" in client.get(PATH).content.decode()


def test_a_saved_draft_changes_nothing_readers_see(client, backend, story, commit):
    warm(client)
    story.title = "Draft headline nobody approved"
    commit(story.save_revision)
    assert "Draft headline nobody approved" not in client.get(PATH).content.decode()


def test_a_tagline_saved_in_the_settings_shows_on_the_next_render(client, backend, story, commit):
    warm(client)
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.tagline = "News from the harbour towns"
    commit(settings.save)
    assert "News from the harbour towns" in client.get(PATH).content.decode()


def test_each_caller_gets_its_own_copy_of_the_settings(backend, home):
    site = Site.objects.get(is_default_site=True)
    first = site_setting(SiteSettings, site)
    first.tagline = "Changed by a template tag that should not have"
    second = site_setting(SiteSettings, site)
    assert second is not first
    assert second.tagline == ""


def test_a_password_added_to_the_section_covers_its_remembered_articles(
    client, backend, story, commit
):
    warm(client)
    section = story.get_parent()
    restriction = commit(
        PageViewRestriction.objects.create,
        page=section,
        restriction_type=PageViewRestriction.PASSWORD,
        password="s3cret-harbour",
    )
    page = client.get(PATH).content.decode()
    assert "password" in page.lower()
    assert "Harbour reopens" not in page

    commit(restriction.delete)
    assert "Harbour reopens" in client.get(PATH).content.decode()


def test_an_unpublished_article_is_gone_on_the_next_render(client, backend, story, commit):
    warm(client)
    commit(story.unpublish)
    assert client.get(PATH).status_code == 404


def test_the_restriction_map_knows_restricted_sections_and_alias_pages(backend, story, world_copy):
    from dateline.edge.memory import restricted_and_alias_paths

    section = story.get_parent()
    PageViewRestriction.objects.create(
        page=section, restriction_type=PageViewRestriction.PASSWORD, password="s3cret-harbour"
    )
    alias = story.create_alias(parent=world_copy, update_slug="harbour-reopens-copy")
    restricted, aliases = restricted_and_alias_paths()
    assert restricted == {section.path}
    assert aliases == {alias.path}


def test_a_new_alias_joins_the_kept_restriction_map_at_once(backend, story, world_copy, commit):
    from dateline.edge.memory import restricted_and_alias_paths

    assert restricted_and_alias_paths() == (frozenset(), frozenset())  # now kept
    alias = commit(story.create_alias, parent=world_copy, update_slug="harbour-reopens-copy")
    assert restricted_and_alias_paths() == (frozenset(), {alias.path})
    commit(alias.delete)
    assert restricted_and_alias_paths() == (frozenset(), frozenset())


def test_an_alias_of_a_restricted_story_is_held_back_at_once(
    client, backend, story, world_copy, commit
):
    commit(
        PageViewRestriction.objects.create,
        page=story,
        restriction_type=PageViewRestriction.PASSWORD,
        password="s3cret-harbour",
    )
    warm(client, "/world-copy/")  # which pages are restricted or aliases is now kept
    commit(story.create_alias, parent=world_copy, update_slug="harbour-reopens-copy")
    page = client.get("/world-copy/harbour-reopens-copy/").content.decode()
    assert "password" in page.lower()
    assert "Harbour reopens" not in page


@pytest.fixture
def world_copy(home):
    return SectionFactory(title="World copy", slug="world-copy")


def approve_comment(story, commit, text: str):
    from dateline.comments import services

    return commit(
        services.comment_import,
        article=story,
        author_name="Mara",
        email="mara@example.org",
        text=text,
    )


def test_an_approved_comment_renders_again_only_what_shows_comments(client, backend, story, commit):
    warm(client)
    approve_comment(story, commit, "The harbour master deserves a medal.")
    with CaptureQueriesContext(connection) as after_comment:
        page = client.get(PATH).content.decode()
    assert "The harbour master deserves a medal." in page
    assert '<a href="#comments">1 comment</a>' in page  # the count by the headline
    assert re.search(r'"commentCount":\s*1\b', page)  # and in the structured data
    assert "First paragraph of Harbour reopens." in page

    story.standfirst = "Ferries run again from Monday."
    commit(lambda: story.save_revision().publish())
    with CaptureQueriesContext(connection) as after_edit:
        page = client.get(PATH).content.decode()
    assert "Ferries run again from Monday." in page
    # The edit reloads the page's row and leaves its comments as they were; the comment
    # reads the comments, not the row. Neither routes the page afresh: nothing moved.
    edit_sql = " ".join(query["sql"] for query in after_edit)
    comment_sql = " ".join(query["sql"] for query in after_comment)
    assert "news_articlepage" in edit_sql and "news_articlepage" not in comment_sql
    assert "comments_comment" in comment_sql and "comments_comment" not in edit_sql
    assert "wagtailcore_site" not in edit_sql + comment_sql


def test_the_settings_editor_starts_from_the_database_not_from_memory(backend, client, story):
    from django.contrib.auth.models import User
    from django.test import Client
    from django.urls import reverse

    warm(client)  # readers' pages now keep the settings in this worker's memory
    site = Site.objects.get(is_default_site=True)
    # A change whose purge has not reached this node yet (several nodes, Redis).
    SiteSettings.objects.filter(site=site).update(tagline="Saved on another node")
    editor = Client()
    editor.force_login(User.objects.create_superuser("chief", "chief@example.com", "pw"))
    form = editor.get(reverse("wagtailsettings:edit", args=["core", "sitesettings", site.pk]))
    assert form.status_code == 200
    assert 'value="Saved on another node"' in form.content.decode()


def test_each_request_to_a_tag_page_renders_its_own_copy_of_the_home_page(
    client, backend, home, world_copy
):
    ArticleFactory(section=world_copy, title="Ferry strike ends", tags=["ports"])
    pages = [client.get("/tags/ports/").context["page"] for _ in range(4)]
    assert all(page.title == home.title for page in pages)
    assert len({id(page) for page in pages}) == 4


def test_no_comments_on_an_alias_of_a_restricted_section(backend, story, home):
    from dateline.comments.selectors import commentable_article

    section = story.get_parent()
    PageViewRestriction.objects.create(
        page=section, restriction_type=PageViewRestriction.PASSWORD, password="s3cret-harbour"
    )
    section.create_alias(parent=home, update_slug="world-mirror", recursive=True)
    mirrored = story.aliases.get()
    assert commentable_article(story.pk) is None
    assert commentable_article(mirrored.pk) is None


# The first render after an edit reads what the edit changed, not what every render names.


def test_after_an_edit_the_home_page_policy_page_and_restrictions_are_not_read_again(
    client, backend, story, commit
):
    policy = policy_page(commit)
    warm(client)
    page, after_edit = render_after_an_edit(client, story, commit)
    assert policy.url in page  # the JSON-LD still names the policy page
    pages_read = [q["sql"] for q in after_edit if 'FROM "wagtailcore_page"' in q["sql"]]
    assert not any("news_homepage" in sql for sql in pages_read)  # tag links' home page
    assert not any(f'"id" = {policy.pk}' in sql or "desk_desksettings" in sql for sql in pages_read)
    assert not any("wagtailcore_pageviewrestriction" in q["sql"] for q in after_edit)
    assert not any("comments_comment" in q["sql"] for q in after_edit)  # count and threads


def test_a_comment_approved_after_an_edit_shows_at_the_next_render(client, backend, story, commit):
    warm(client)
    render_after_an_edit(client, story, commit)
    approve_comment(story, commit, "Good to see the ferries back.")
    page = client.get(PATH).content.decode()
    assert "Good to see the ferries back." in page
    assert '<a href="#comments">1 comment</a>' in page
    assert re.search(r'"commentCount":\s*1\b', page)


def test_the_policy_page_unpublished_leaves_the_json_ld_at_its_next_render(
    client, backend, story, commit
):
    policy = policy_page(commit)
    warm(client)
    assert policy.url in client.get(PATH).content.decode()
    commit(policy.unpublish)
    page, _queries = render_after_an_edit(client, story, commit)  # the JSON-LD renders again
    assert policy.url not in page


def test_a_section_retitled_shows_on_its_stories_and_their_related_boxes(
    client, backend, story, neighbour, commit
):
    warm(client)
    render_after_an_edit(client, story, commit)  # the story's sections kept from here on
    world = story.get_parent().specific
    world.title = "World news"
    commit(lambda: world.save_revision().publish())
    page = client.get(PATH).content.decode()
    assert re.search(r'"articleSection":\s*"World news"', page)  # the story's own section
    neighbour_page = client.get(neighbour.url).content.decode()
    assert re.search(r'"articleSection":\s*"World news"', neighbour_page)


def test_its_lead_picture_retitled_shows_on_the_story_read_with_it(client, backend, story, commit):
    from dateline.news.builders import demo_image

    picture = demo_image("Harbour at dawn")
    story.lead_image = picture
    commit(lambda: story.save_revision().publish())
    warm(client)  # the story's row, and its picture with it, kept from here on
    assert "Harbour at dawn" in client.get(PATH).content.decode()
    picture.title = "Cranes over the harbour at dawn"
    commit(picture.save)
    assert "Cranes over the harbour at dawn" in client.get(PATH).content.decode()


def test_a_restricted_story_leaves_the_related_box_at_the_next_render(
    client, backend, story, neighbour, commit
):
    warm(client)
    assert "Ferry timetable returns" in client.get(PATH).content.decode()
    commit(
        PageViewRestriction.objects.create,
        page=neighbour,
        restriction_type=PageViewRestriction.PASSWORD,
        password="s3cret-ferry",
    )
    assert "Ferry timetable returns" not in client.get(PATH).content.decode()


# The related box after an edit: which stories it shows is chosen again, their cards are
# kept while those stories are unchanged.


def test_an_edit_that_keeps_picks_and_tags_shows_the_same_cards_without_loading_them(
    client, backend, story, neighbour, commit
):
    warm(client)
    before = client.get(PATH)
    page, after_edit = render_after_an_edit(client, story, commit)
    assert "Ferry timetable returns" in page
    bylines_read = [q["sql"] for q in after_edit if 'FROM "news_articleauthor"' in q["sql"]]
    assert len(bylines_read) == 1  # the story's own, not its related cards'
    after = client.get(PATH)
    assert set(after["Surrogate-Key"].split()) == set(before["Surrogate-Key"].split())
    assert f"page-{neighbour.pk}" in after["Surrogate-Key"].split()


def test_an_edit_that_changes_the_tags_shows_the_stories_of_the_new_tag(
    client, backend, story, neighbour, commit
):
    ArticleFactory(
        section=story.get_parent().specific, title="Night ferry resumes", tags=["ferries"]
    )
    warm(client)
    assert "Ferry timetable returns" in client.get(PATH).content.decode()
    story.tags.set(["ferries"])
    commit(lambda: story.save_revision().publish())
    page = client.get(PATH).content.decode()
    assert "Night ferry resumes" in page
    assert "Ferry timetable returns" not in page


def test_an_edit_that_picks_a_story_shows_it_in_the_related_box(
    client, backend, story, neighbour, commit
):
    from dateline.news.models import RelatedArticle

    pick = ArticleFactory(section=story.get_parent().specific, title="Port strike ends")
    warm(client)
    story.related_links = [RelatedArticle(related=pick)]
    commit(lambda: story.save_revision().publish())
    page = client.get(PATH).content.decode()
    assert "Port strike ends" in page
    assert "Ferry timetable returns" not in page  # picks replace the stories chosen by tag


def test_a_related_story_retitled_after_an_edit_shows_on_the_next_render(
    client, backend, story, neighbour, commit
):
    warm(client)
    render_after_an_edit(client, story, commit)  # its cards kept, not rendered again
    neighbour.title = "Ferry timetable returns in full"
    commit(lambda: neighbour.save_revision().publish())
    assert "Ferry timetable returns in full" in client.get(PATH).content.decode()


def test_a_comment_on_a_related_story_after_an_edit_updates_its_count(
    client, backend, story, neighbour, commit
):
    warm(client)
    render_after_an_edit(client, story, commit)  # its cards kept, not rendered again
    approve_comment(neighbour, commit, "The timetable is back on the quay.")
    related = client.get(PATH).content.decode().split('<aside class="related"')[1]
    assert "1 comment" in related


def test_a_related_story_unpublished_and_published_again_shows_again(
    client, backend, story, neighbour, commit
):
    warm(client)
    commit(neighbour.unpublish)
    assert "Ferry timetable returns" not in client.get(PATH).content.decode()
    commit(lambda: neighbour.get_latest_revision().publish())
    assert "Ferry timetable returns" in client.get(PATH).content.decode()


# The byline after an edit: which authors is read again, their pages are kept while
# unchanged.


def test_an_author_renamed_after_an_edit_shows_in_the_byline(client, backend, story, commit):
    warm(client)
    render_after_an_edit(client, story, commit)  # the author's page kept from here on
    author = story.authors.get().author
    author.title = "Rita Hale-Moreno"
    commit(lambda: author.save_revision().publish())
    assert 'rel="author">Rita Hale-Moreno</a>' in client.get(PATH).content.decode()


def test_an_edit_that_changes_the_byline_shows_the_new_author(client, backend, story, commit):
    from dateline.news.models import ArticleAuthor
    from tests.news.factories import AuthorFactory

    second = AuthorFactory(name="Joao Pinto")
    warm(client)
    first = story.authors.get().author
    story.authors = [ArticleAuthor(author=second), ArticleAuthor(author=first)]
    commit(lambda: story.save_revision().publish())
    page = client.get(PATH).content.decode()
    assert re.findall(r'rel="author">([^<]+)</a>', page)[:2] == ["Joao Pinto", first.title]


def render_after_an_edit(client, story, commit) -> tuple[str, CaptureQueriesContext]:
    """Publish an edit of the story's standfirst; its next render and that render's queries."""
    story.standfirst = "Ferries run again from Monday."
    commit(lambda: story.save_revision().publish())
    with CaptureQueriesContext(connection) as queries:
        page = client.get(PATH).content.decode()
    assert "Ferries run again from Monday." in page
    return page, queries


@pytest.fixture
def neighbour(story, commit):
    """A story sharing a tag with `story`: the first in its related box."""
    story.tags.add("harbours")
    commit(lambda: story.save_revision().publish())
    return ArticleFactory(
        section=story.get_parent().specific, title="Ferry timetable returns", tags=["harbours"]
    )


def policy_page(commit):
    from dateline.desk.models import DeskSettings
    from dateline.news.models import HomePage, StandardPage

    policy = HomePage.objects.get().add_child(
        instance=StandardPage(title="Corrections policy", slug="corrections-policy")
    )
    settings = DeskSettings.for_site(Site.objects.get(is_default_site=True))
    settings.corrections_policy = policy
    commit(settings.save)
    return policy


# The first render after a published edit, its fragments stored before: the article's
# row (no routing), its byline and tags, its picks and which stories its related box
# shows (their cards are kept as they were); no settings, no restrictions, no home,
# policy or section pages, and its comments (count and threads) are kept as they were.
AFTER_EDIT_QUERIES = 5


def test_the_first_render_after_an_edit_costs_a_fixed_number_of_queries(
    client, backend, story, neighbour, commit
):
    approve_comment(story, commit, "The harbour master deserves a medal.")
    policy_page(commit)
    warm(client)
    page, after_edit = render_after_an_edit(client, story, commit)
    assert "Ferry timetable returns" in page
    assert len(after_edit) == AFTER_EDIT_QUERIES, "\n".join(q["sql"][:90] for q in after_edit)
