"""The live desk in the admin: reporters post in one short form; editors fix, pin, end."""

import io

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from dateline.live import selectors
from dateline.live.models import LiveEntry

pytestmark = pytest.mark.django_db


def desk_url(blog) -> str:
    return f"/admin/live/{blog.pk}/"


@pytest.fixture
def desk(client, reporter):
    client.force_login(reporter)
    return client


def picture() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "navy").save(buffer, format="PNG")
    return SimpleUploadedFile("bridge.png", buffer.getvalue(), content_type="image/png")


def test_a_reporter_types_presses_post_and_the_entry_is_live(desk, blog, reporter, client):
    response = desk.post(desk_url(blog), {"text": "Sirens in Halden."})
    assert response.status_code == 302 and response["Location"] == desk_url(blog)
    (entry,) = selectors.visible_entries(blog)
    assert entry.posted_by == reporter
    assert [author.title for author in entry.authors.all()] == ["Rita Reporter"]
    desk_page = desk.get(desk_url(blog)).content.decode()
    assert "Sirens in Halden." in desk_page and "Posted by Rita" in desk_page
    client.logout()
    assert "Sirens in Halden." in client.get(blog.url).content.decode()


def test_a_picture_and_a_key_event_in_the_same_form(desk, blog):
    desk.post(
        desk_url(blog),
        {
            "text": "The bridge is closed.",
            "image": picture(),
            "caption": "The bridge road",
            "key_event": "on",
            "title": "Bridge closed",
        },
    )
    (entry,) = selectors.visible_entries(blog)
    assert [block.block_type for block in entry.body] == ["text", "image"]
    assert entry.key_event and entry.title == "Bridge closed"
    assert selectors.key_events(blog) == [entry]


def test_an_empty_post_or_a_key_event_without_title_is_refused(desk, blog):
    response = desk.post(desk_url(blog), {"text": "   "})
    assert response.status_code == 200
    assert "An entry needs some text" in response.content.decode()
    response = desk.post(desk_url(blog), {"text": "Big news.", "key_event": "on"})
    assert "Give the key event a short title" in response.content.decode()
    assert not LiveEntry.objects.exists()


def test_two_reporters_post_to_one_blog(desk, blog, client, django_user_model):
    from django.contrib.auth.models import Group

    other = django_user_model.objects.create_user("second", password="pw", first_name="Sam")
    other.groups.add(Group.objects.get(name="Reporters"))
    desk.post(desk_url(blog), {"text": "From Rita."})
    from django.test import Client

    second = Client()
    second.force_login(other)
    second.post(desk_url(blog), {"text": "From Sam."})
    assert [e.posted_by.username for e in selectors.visible_entries(blog)] == ["second", "reporter"]


def test_edit_delete_and_pin_from_the_desk_keep_who_and_when(desk, blog, reporter):
    desk.post(desk_url(blog), {"text": "Ten drones."})
    entry = LiveEntry.objects.get()
    edit = f"{desk_url(blog)}entries/{entry.pk}/"
    assert "Ten drones." in desk.get(edit).content.decode()
    desk.post(edit, {"text": "Fourteen drones."})
    desk.post(f"{edit}pin/")
    entry.refresh_from_db()
    assert entry.pinned and "Fourteen" in entry.body[0].value.source
    desk.post(f"{edit}delete/")
    entry.refresh_from_db()
    assert entry.deleted_at is not None and not entry.pinned
    actions = list(entry.changes.order_by("at", "pk").values_list("action", "user"))
    assert actions == [
        ("posted", reporter.pk),
        ("edited", reporter.pk),
        ("pinned", reporter.pk),
        ("deleted", reporter.pk),
    ]
    assert "<del>" in desk.get(desk_url(blog)).content.decode()


def test_only_editors_end_coverage(desk, blog, client, editor):
    assert "End live coverage" not in desk.get(desk_url(blog)).content.decode()
    refused = desk.post(f"{desk_url(blog)}end/")
    assert refused["Location"] == "/admin/"  # Wagtail's "permission denied"
    blog.refresh_from_db()
    assert blog.ended_at is None
    client.force_login(editor)
    assert "End live coverage" in client.get(desk_url(blog)).content.decode()
    client.post(f"{desk_url(blog)}end/")
    blog.refresh_from_db()
    assert blog.ended_at is not None
    assert "Post an update" not in client.get(desk_url(blog)).content.decode()


def test_the_desk_is_for_people_who_may_edit_the_blog(client, blog):
    outsider = User.objects.create_user("outsider", password="pw", is_staff=True)
    from django.contrib.auth.models import Permission

    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)
    assert client.get(desk_url(blog))["Location"] == "/admin/"  # permission denied
    assert client.post(desk_url(blog), {"text": "x"})["Location"] == "/admin/"
    assert not LiveEntry.objects.exists()
    assert blog.title not in client.get("/admin/live/").content.decode()


def test_the_page_editor_links_to_the_desk(desk, blog):
    assert desk_url(blog) in desk.get(f"/admin/pages/{blog.pk}/edit/").content.decode()
