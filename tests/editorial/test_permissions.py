"""The permission model docs/editors.md states is the one the admin enforces."""

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Site

from dateline.comments.models import CommentSettings

pytestmark = pytest.mark.django_db

EDITORS_GUIDE = Path(__file__).resolve().parents[2] / "docs" / "editors.md"
# Each row of the guide's "Who can do what" table, as an admin address a person opens.
SCREENS = {
    "Story budget": "/admin/budget/",
    "Moderation queue, bans, word lists, audit log": "/admin/comments/",
    "Settings > Site settings": "/admin/settings/core/sitesettings/{site}/",
    "Settings > Comment settings": "/admin/settings/comments/commentsettings/{site}/",
    "Settings > Newsroom settings": "/admin/settings/editorial/newsroomsettings/{site}/",
    "Settings > Sites, Users, Groups": "/admin/sites/",
}


def documented_access() -> dict[tuple[str, str], bool]:
    text = EDITORS_GUIDE.read_text()
    table = text.split("## Who can do what", 1)[1]
    rows = [line for line in table.splitlines() if line.startswith("|")]
    groups = [cell.strip() for cell in rows[0].strip("|").split("|")][1:]
    access = {}
    for row in rows[2:]:
        screen, *answers = [cell.strip() for cell in row.strip("|").split("|")]
        for group, answer in zip(groups, answers, strict=True):
            access[(screen, group)] = answer == "yes"
    return access


def test_the_guide_covers_every_screen_and_group():
    access = documented_access()
    assert {screen for screen, _group in access} >= set(SCREENS)
    assert {group for _screen, group in access} == {"Reporters", "Editors", "Comment moderators"}


@pytest.mark.parametrize("group", ["Reporters", "Editors", "Comment moderators"])
def test_each_group_reaches_exactly_the_screens_the_guide_says(client, home, group, newsroom_user):
    user = newsroom_user(group, re.sub(r"\W", "", group.lower()))
    client.force_login(user)
    site = Site.objects.get(is_default_site=True).pk
    access = documented_access()
    for screen, url in SCREENS.items():
        response = client.get(url.format(site=site))
        allowed = response.status_code == 200
        assert allowed == access[(screen, group)], (group, screen, response.status_code)


def test_editors_save_the_connect_with_us_links(client, home, newsroom_user):
    client.force_login(newsroom_user("Editors", "eddie"))
    site = Site.objects.get(is_default_site=True)
    response = client.post(
        f"/admin/settings/core/sitesettings/{site.pk}/",
        {"tagline": "Checked twice", "mastodon_url": "https://mastodon.social/@courier"},
    )
    assert response.status_code == 302
    from dateline.core.models import SiteSettings

    assert SiteSettings.for_site(site).mastodon_url == "https://mastodon.social/@courier"


def _comment_settings_form(client, site) -> dict:
    settings = CommentSettings.for_site(site)
    return {
        field: getattr(settings, field)
        for field in (
            "mode", "close_after_days", "first_time_hold", "trusted_after",
            "report_threshold", "max_links", "max_length", "rate_limit_count",
            "rate_limit_window",
        )
    }  # fmt: skip


def test_moderators_never_see_the_akismet_key_and_saving_keeps_it(client, home, newsroom_user):
    site = Site.objects.get(is_default_site=True)
    settings = CommentSettings.for_site(site)
    settings.akismet_key = "secretkey0123456789"
    settings.save()
    client.force_login(newsroom_user("Comment moderators", "mona"))
    url = f"/admin/settings/comments/commentsettings/{site.pk}/"
    html = client.get(url).content.decode()
    assert "secretkey0123456789" not in html
    assert "A key ending in …6789 is stored (hidden)." in html
    assert 'type="password" name="akismet_key"' in html
    form = _comment_settings_form(client, site)
    assert client.post(url, {**form, "max_links": 4, "akismet_key": ""}).status_code == 302
    settings.refresh_from_db()
    assert (settings.akismet_key, settings.max_links) == ("secretkey0123456789", 4)
    client.post(url, {**form, "akismet_key": "newkey"})
    settings.refresh_from_db()
    assert settings.akismet_key == "newkey"
    client.post(url, {**form, "akismet_key": "", "remove_akismet_key": "on"})
    settings.refresh_from_db()
    assert settings.akismet_key == ""


def test_settings_speak_plainly_and_explain_every_field():
    from dateline.core.models import SiteSettings
    from dateline.editorial.models import NewsroomSettings

    internal = re.compile(r"moderation pipeline|content filters?|first_time|pipeline", re.I)
    for model in (CommentSettings, SiteSettings, NewsroomSettings):
        for field in model._meta.get_fields():
            if not getattr(field, "editable", False) or field.name in ("id", "site"):
                continue
            text = f"{field.verbose_name} {field.help_text} " + " ".join(
                str(label) for _value, label in (field.choices or [])
            )
            assert field.help_text, f"{model.__name__}.{field.name} has no help text"
            assert not internal.search(text), f"{model.__name__}.{field.name}: {text}"


def test_editors_group_holds_the_settings_permissions():
    codenames = set(
        Group.objects.get(name="Editors").permissions.values_list("codename", flat=True)
    )
    assert {"change_sitesettings", "change_commentsettings", "change_newsroomsettings"} <= codenames
