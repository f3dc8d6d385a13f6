"""What the newsroom's changes do to a live blog and to the event log readers follow."""

import json

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError

from dateline.live import selectors, services
from dateline.live.models import LiveEntry, LiveEntryChange, LiveEvent

pytestmark = pytest.mark.django_db


def log(blog) -> list[tuple[int, str]]:
    return list(LiveEvent.objects.filter(channel_id=blog.pk).values_list("seq", "kind"))


def test_entries_are_numbered_in_the_order_they_are_posted(blog, post):
    first = post(blog, "First.")
    second = post(blog, "Second.")
    third = post(blog, "Third.")
    assert [e.pk for e in selectors.visible_entries(blog)] == [third.pk, second.pk, first.pk]
    assert log(blog) == [(1, "entry"), (2, "entry"), (3, "entry")]
    events = selectors.events_after(blog.pk, 1)
    assert [json.loads(e.data)["id"] for e in events] == [second.pk, third.pk]


def test_each_event_carries_the_entry_as_the_page_shows_it(blog, post):
    entry = post(blog, "Sirens in Halden.\n\nMore soon: https://example.org/a")
    data = json.loads(selectors.events_after(blog.pk, 0)[0].data)
    assert data["id"] == entry.pk
    assert f'id="entry-{entry.pk}"' in data["html"]
    assert "<p>Sirens in Halden.</p>" in data["html"]
    assert 'href="https://example.org/a"' in data["html"]
    assert "Rita Reporter" in data["html"]  # the reporter's byline


def test_a_key_event_also_updates_the_key_events_list(blog, post):
    entry = post(blog, "Airport closed.", key_event=True, title="Airport closes")
    assert log(blog) == [(1, "entry"), (2, "key-events")]
    html = json.loads(selectors.events_after(blog.pk, 1)[0].data)["html"]
    assert "Airport closes" in html and f"entries/{entry.pk}/" in html


def test_an_edit_replaces_the_entry_and_is_kept_with_who_and_when(blog, post, commit, editor):
    entry = post(blog, "Ten drones.")
    commit(
        services.live_entry_edit,
        entry=entry,
        user=editor,
        body=services.entry_body(text="Fourteen drones."),
    )
    entry.refresh_from_db()
    assert entry.edited_at is not None
    assert log(blog)[-1] == (2, "edit")
    assert "Fourteen drones." in json.loads(selectors.events_after(blog.pk, 1)[0].data)["html"]
    history = list(entry.changes.order_by("at", "pk").values_list("action", "user__username"))
    assert history == [("posted", "reporter"), ("edited", "editor")]
    assert "Ten drones." in str(entry.changes.order_by("at", "pk")[0].body)


def test_a_deleted_entry_leaves_the_page_but_not_the_record(blog, post, commit, reporter):
    entry = post(blog, "Unconfirmed report.", key_event=True, title="Report")
    commit(services.live_entry_delete, entry=entry, user=reporter)
    assert list(selectors.visible_entries(blog)) == []
    assert selectors.key_events(blog) == []
    assert LiveEntry.objects.filter(pk=entry.pk, deleted_at__isnull=False).exists()
    assert log(blog)[-2:] == [(3, "delete"), (4, "key-events")]
    assert entry.changes.filter(action=LiveEntryChange.Action.DELETED, user=reporter).exists()


def test_one_entry_is_pinned_at_a_time(blog, post, commit, reporter):
    first, second = post(blog, "First."), post(blog, "Second.")
    commit(services.live_entry_pin, entry=first, user=reporter)
    commit(services.live_entry_pin, entry=second, user=reporter)
    assert selectors.pinned_entry(blog) == second
    assert LiveEntry.objects.filter(blog=blog, pinned=True).count() == 1
    pin = json.loads(selectors.events_after(blog.pk, 3)[0].data)
    assert pin["id"] == second.pk and "Second." in pin["html"]
    commit(services.live_entry_pin, entry=second, user=reporter, pinned=False)
    assert selectors.pinned_entry(blog) is None
    assert json.loads(selectors.events_after(blog.pk, 4)[0].data)["id"] is None


def test_an_ended_blog_takes_no_more_entries(blog, post, commit):
    commit(services.live_blog_end, blog=blog)
    blog.refresh_from_db()
    assert blog.ended_at is not None and not blog.is_open
    assert log(blog)[-1][1] == "end"
    with pytest.raises(ValidationError):
        post(blog, "Too late.")


def test_publishing_an_old_revision_does_not_reopen_an_ended_blog(blog, commit):
    commit(services.live_blog_end, blog=blog)
    blog.refresh_from_db()
    blog.title = "Drones over the border: as it happened"
    commit(lambda: blog.save_revision().publish())
    blog.refresh_from_db()
    assert blog.ended_at is not None


def test_an_empty_entry_is_refused_and_nothing_is_written(blog, reporter):
    with pytest.raises(ValidationError) as refused:
        services.live_entry_post(blog=blog, user=reporter, body=services.entry_body(text="  "))
    assert "body" in refused.value.message_dict
    assert not LiveEntry.objects.exists() and not LiveEvent.objects.exists()


def test_html_from_tools_is_cleaned_down_to_text_formatting():
    body = services.entry_body(
        html='<p onclick="x()">Hi <b>there</b><script>alert(1)</script></p><iframe src="//x">'
    )
    assert body == [{"type": "text", "value": "<p>Hi <b>there</b></p>"}]


def test_reporters_post_and_editors_end(blog, reporter, editor):
    reader = User.objects.create_user("reader", password="pw")
    with pytest.raises(PermissionDenied):
        services.live_entry_post(blog=blog, user=reader, body=services.entry_body(text="x"))
    assert services.can_post(reporter, blog) and services.can_post(editor, blog)
    assert not services.can_end(reporter, blog)
    with pytest.raises(PermissionDenied):
        services.live_blog_end(blog=blog, user=reporter)
    assert services.can_end(editor, blog)
