"""The wire desk in the admin: what editors read, and the stories they make from it."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Comment

from dateline.news.models import ArticlePage
from dateline.wire import services
from dateline.wire.models import WireItem, WireProvider, WireStory
from tests.news.factories import AuthorFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(home):
    return SectionFactory(title="World", slug="world")


@pytest.fixture
def reporter(newsroom_user, home, client):
    user = newsroom_user("Reporters", "rita")
    author = AuthorFactory(name="Rita Reporter", slug="rita-reporter")
    author.user = user
    author.save_revision().publish()
    client.force_login(user)
    return user


@pytest.fixture
def stocked(ingest, provider, world):
    """Two providers' items on the desk."""
    provider.default_section = world
    provider.save()
    ingest("ninjs-2.2.json")
    ingest("ninjs-1.3.json")
    fjord = WireProvider.objects.create(name="Fjord Wire", url="https://fjord-wire.example/g2")
    ingest("newsml-g2.xml", to=fjord)
    return provider


def desk(client, **params):
    response = client.get(reverse("wire_admin:desk"), params)
    assert response.status_code == 200
    return response.content.decode()


def test_the_desk_lists_items_newest_first(client, reporter, stocked):
    WireItem.objects.filter(headline__startswith="Pension").update(
        embargoed_until=timezone.now() + timedelta(hours=3)
    )
    page = desk(client)
    order = [
        "Fish market reopens after fire",  # 14:58
        "Oil fund returns 14%",  # 14:55
        "Island ferry link to reopen",  # 13:20
        "Pension reform bill",  # 11:02
    ]
    positions = [page.index(headline) for headline in order]
    assert positions == sorted(positions)
    assert "Embargoed until" in page  # the pension bill is under embargo


def test_the_desk_filters_by_provider_and_searches(client, reporter, stocked):
    fjord = WireProvider.objects.get(name="Fjord Wire")
    page = desk(client, provider=fjord.pk)
    assert "Oil fund" in page and "Island ferry" not in page
    page = desk(client, q="ferry")
    assert "Island ferry" in page and "Oil fund" not in page
    assert "No wire items match" in desk(client, q="nothing like this")


def test_a_preview_shows_the_sanitised_story_and_what_the_desk_must_know(client, reporter, stocked):
    item = WireItem.objects.get(headline__startswith="Pension reform")
    item.embargoed_until = timezone.now() + timedelta(hours=3)
    item.save()
    page = client.get(reverse("wire_admin:item", args=[item.pk])).content.decode()
    assert "<p>The government will present its long-awaited pension reform" in page
    assert "Wire embargo: not for publication before" in page
    assert "Agency note: Embargoed: not for publication" in page
    assert "Parliament building in Tallinn" in page  # the associated picture
    fish = WireItem.objects.get(headline__startswith="Fish market")
    preview = client.get(reverse("wire_admin:item", args=[fish.pk])).content.decode()
    assert "onclick" not in preview


def test_create_story_makes_a_draft_with_the_wire_copy_and_its_credit(
    client, reporter, stocked, world
):
    item = WireItem.objects.get(headline__startswith="Island ferry")
    response = client.post(
        reverse("wire_admin:create_story", args=[item.pk]), {"section": world.pk}
    )
    story = WireStory.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[story.article.pk])
    article = ArticlePage.objects.get(pk=story.article.pk)
    assert not article.live and article.owner == reporter
    assert article.title == "Island ferry link to reopen after two-year repair"
    assert article.standfirst == "The Osterholm ferry returns to service on 15 December."
    assert article.dateline_place == "Osterholm"
    assert [a.slug for a in article.byline] == ["rita-reporter"]
    paragraphs = [block.value.source for block in article.body if block.block_type == "paragraph"]
    assert paragraphs[0].startswith("<p>The ferry between the mainland and Osterholm")
    assert paragraphs[-1] == (
        "<p><i>Erik Dahl, Nordic Wire Agency</i> "
        '(<a href="https://nordic-wire.example/story/nw-4410">source</a>)</p>'
    )
    assert story.made_from.version == "3" and story.made_by == reporter


def test_an_embargoed_item_makes_a_draft_that_cannot_go_live_before_the_embargo(
    client, reporter, stocked, world
):
    item = WireItem.objects.get(headline__startswith="Pension reform")
    item.embargoed_until = timezone.now() + timedelta(hours=5)
    item.save()
    client.post(reverse("wire_admin:create_story", args=[item.pk]), {"section": world.pk})
    article = WireStory.objects.get().article
    assert article.go_live_at == item.embargoed_until
    notes = list(Comment.objects.filter(page=article).values_list("text", flat=True))
    assert notes[0].startswith("Wire embargo: not for publication before")
    assert "EMBARGOED" in article.body[-2].value.source  # the agency's own line stays visible
    assert not any("Wire embargo" in str(block.value) for block in article.body)


def test_a_killed_item_cannot_become_a_story(client, reporter, stocked, world, ingest):
    ingest("ninjs-2.2-canceled.json")
    item = WireItem.objects.get(headline__startswith="Island ferry")
    page = client.get(reverse("wire_admin:item", args=[item.pk])).content.decode()
    assert "This item is killed: no story can be made from it." in page
    client.post(reverse("wire_admin:create_story", args=[item.pk]), {"section": world.pk})
    assert not WireStory.objects.exists() and not ArticlePage.objects.exists()


def test_an_update_flags_the_story_with_a_diff_until_someone_checks_it(
    client, reporter, stocked, world, ingest
):
    item = WireItem.objects.get(headline__startswith="Island ferry")
    client.post(reverse("wire_admin:create_story", args=[item.pk]), {"section": world.pk})
    ingest("ninjs-2.2-update.json")
    story = WireStory.objects.get()
    listing = client.get(reverse("wire_admin:stories")).content.decode()
    assert "Wire updated" in listing and story.article.title in listing
    assert "1 flagged" in desk(client)
    diff = client.get(reverse("wire_admin:story", args=[story.pk])).content.decode()
    assert "<del>Island ferry link to reopen after two-year repair</del>" in diff
    assert "<ins>Island ferry link to reopen on 17 December after repair delay</ins>" in diff
    client.post(reverse("wire_admin:story", args=[story.pk]))
    story.refresh_from_db()
    assert story.flag == "" and story.checked_against.version == "4"
    assert (
        "No story needs another look." in client.get(reverse("wire_admin:stories")).content.decode()
    )


def test_the_desk_is_for_the_newsroom_only(client, stocked, django_user_model):
    outsider = django_user_model.objects.create_user("outsider", password="x" * 16, is_staff=True)
    from django.contrib.auth.models import Permission

    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)
    refused = client.get(reverse("wire_admin:desk"))  # the admin's "no permission" redirect
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    item = WireItem.objects.first()
    client.post(reverse("wire_admin:create_story", args=[item.pk]))
    assert not WireStory.objects.exists()


def test_administrators_add_providers_with_web_addresses_only(admin_client, world):
    add = reverse("wire_providers:add")
    fields = {"name": "Local", "format": "auto", "poll_interval": 300, "active": "on"}
    refused = admin_client.post(add, {**fields, "url": "file:///etc/passwd"})
    assert refused.status_code == 200 and not WireProvider.objects.exists()
    admin_client.post(add, {**fields, "url": "https://wire.example/feed.rss"})
    provider = WireProvider.objects.get()
    assert provider.url == "https://wire.example/feed.rss"
    WireProvider.objects.filter(pk=provider.pk).update(
        failures=2, last_error="The server answered HTTP 503 Service Unavailable."
    )
    listing = admin_client.get(reverse("wire_providers:index")).content.decode()
    assert "https://wire.example/feed.rss" in listing and "HTTP 503" in listing


def test_wire_stories_are_made_through_the_page_permissions(stocked, world, django_user_model):
    nobody = django_user_model.objects.create_user("nobody", password="x" * 16)
    item = WireItem.objects.get(headline__startswith="Island ferry")
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.wire_story_create(item=item, user=nobody, section=world, authors=[AuthorFactory()])
    assert not ArticlePage.objects.exists()
