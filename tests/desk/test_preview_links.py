"""Signed preview links: a named partner reads an embargoed story before its time."""

import time
from datetime import timedelta
from unittest import mock

import pytest
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from dateline.desk import services
from tests.desk.factories import embargoed_story
from tests.news.factories import SectionFactory

pytestmark = pytest.mark.django_db

SECRET = "Acme and Globex agree secret merger"


@pytest.fixture
def held(home):
    return embargoed_story(section=SectionFactory(slug="business"), title=SECRET)


@pytest.fixture
def editor(newsroom_user):
    return newsroom_user("Editors", "ed")


def link_for(story, user, *, hours=24):
    return services.preview_link_create(
        story=story,
        partner="Reuters desk",
        expires_at=timezone.now() + timedelta(hours=hours),
        user=user,
    )


def test_a_partner_reads_the_story_through_its_link_and_nobody_keeps_a_copy(client, held, editor):
    response = client.get(link_for(held, editor).path)
    assert response.status_code == 200
    assert SECRET in response.text
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]


def test_the_page_cache_never_stores_a_preview(site, held, editor):
    path = link_for(held, editor).path
    first, second = site.get(path), site.get(path)
    assert first.status == second.status == 200
    assert second.cache != "HIT"
    assert site.get("/business/").status == 200
    assert SECRET not in site.get("/business/").text


def test_a_revoked_link_stops_working_at_once(client, held, editor):
    link = link_for(held, editor)
    services.preview_link_revoke(link=link, user=editor)
    assert client.get(link.path).status_code == 404


def test_an_expired_link_stops_working(client, held, editor):
    link = link_for(held, editor)
    link.expires_at = timezone.now() - timedelta(seconds=1)
    link.save()
    assert client.get(link.path).status_code == 404


def test_a_forged_or_altered_token_is_a_plain_404(client, held, editor):
    link = link_for(held, editor)
    assert client.get(f"/preview/{link.pk}/").status_code == 404
    assert client.get(link.path.replace(link.token, link.token[:-2] + "xx")).status_code == 404


def test_a_link_keeps_one_address_for_its_lifetime(client, held, editor):
    link = link_for(held, editor)
    given_out = link.path
    with mock.patch("django.core.signing.time.time", return_value=time.time() + 3600):
        assert link.path == given_out  # shown again in the admin an hour later
    assert client.get(given_out).status_code == 200


def test_an_address_given_out_with_a_timestamp_still_works(client, held, editor):
    link = link_for(held, editor)
    older = signing.dumps(link.pk, salt="dateline.desk.preview-link")
    assert client.get(f"/preview/{older}/").status_code == 200
    assert client.get(f"/preview/{older[:-2]}xx/").status_code == 404


def test_only_someone_who_may_edit_the_story_may_share_it(held, newsroom_user, django_user_model):
    outsider = django_user_model.objects.create_user("outsider", "o@example.com", "x" * 16)
    with pytest.raises(PermissionDenied):
        link_for(held, outsider)
