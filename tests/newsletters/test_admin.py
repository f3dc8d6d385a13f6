"""The newsroom in the Wagtail admin: write an edition, preview it, test it, send it, watch
it go; publish a story with a breaking-news alert."""

import pytest
from django.contrib.auth.models import User
from django.core import mail
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from dateline.newsletters.models import Delivery, Edition
from tests.newsletters.conftest import committed
from tests.newsletters.factories import NewsletterFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = User.objects.create_superuser("desk", "desk@news.example.com", "a-long-desk-password")
    client.force_login(user)
    return user


def create_edition(client, newsletter, stories, **fields) -> Edition:
    data = nested_form_data(
        {
            "newsletter": newsletter.pk,
            "subject": fields.get("subject", "Your weekend reading"),
            "intro": fields.get("intro", "Three stories worth your time."),
            "story_links": inline_formset([{"article": story.pk} for story in stories]),
        }
    )
    response = client.post("/admin/newsletter_editions/new/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    edition = Edition.objects.get(subject=fields.get("subject", "Your weekend reading"))
    assert response["Location"] == f"/admin/newsletters/editions/{edition.pk}/"
    return edition


def test_an_editor_writes_previews_tests_and_sends_an_edition(client, editor, daily, story):
    readers = [SubscriberFactory(newsletters=[daily]) for _ in range(2)]
    edition = create_edition(client, daily, [story])
    assert edition.kind == "manual" and edition.created_by == editor

    html = client.get(f"/admin/newsletters/editions/{edition.pk}/preview.html").content.decode()
    assert "Three stories worth your time." in html and story.title in html
    text = client.get(f"/admin/newsletters/editions/{edition.pk}/preview.txt").content.decode()
    assert story.title in text and f"https://news.example.com{story.url}" in text

    client.post(f"/admin/newsletters/editions/{edition.pk}/test/")
    [test_copy] = mail.outbox
    assert test_copy.to == ["desk@news.example.com"] and test_copy.subject.startswith("[Test]")
    assert Delivery.objects.count() == 0  # a test is not the send

    committed(client.post, f"/admin/newsletters/editions/{edition.pk}/send/")
    assert sorted(m.to[0] for m in mail.outbox[1:]) == sorted(r.email for r in readers)
    status = client.get(f"/admin/newsletters/editions/{edition.pk}/").content.decode()
    assert "Sent" in status and "<td>2</td><td>2</td><td>0</td><td>0</td><td>0</td>" in status


def test_a_sent_edition_cannot_be_edited_or_sent_again(client, editor, daily, story):
    SubscriberFactory(newsletters=[daily])
    edition = create_edition(client, daily, [story])
    committed(client.post, f"/admin/newsletters/editions/{edition.pk}/send/")
    edit = client.get(f"/admin/newsletter_editions/edit/{edition.pk}/")
    assert edit.status_code == 302 and edit["Location"].endswith(f"/editions/{edition.pk}/")
    committed(client.post, f"/admin/newsletters/editions/{edition.pk}/send/")
    assert len(mail.outbox) == 1


def test_an_edition_scheduled_for_later_goes_when_the_scheduler_ticks(client, editor, story):
    from datetime import timedelta

    from django.utils import timezone

    from dateline.newsletters import services

    weekly = NewsletterFactory(name="The week", slug="week")  # no schedule of its own
    SubscriberFactory(newsletters=[weekly])
    edition = create_edition(client, weekly, [story])
    when = timezone.localtime() + timedelta(hours=2)
    client.post(
        f"/admin/newsletters/editions/{edition.pk}/schedule/",
        {"when": when.strftime("%Y-%m-%dT%H:%M")},
    )
    edition.refresh_from_db()
    assert edition.status == "scheduled"
    committed(services.newsletters_tick, now=timezone.now() + timedelta(hours=1))
    assert mail.outbox == []
    committed(services.newsletters_tick, now=timezone.now() + timedelta(hours=3))
    assert len(mail.outbox) == 1


def test_failures_are_listed_on_the_status_page(client, editor, daily, story):
    reader = SubscriberFactory(email="gone@example.org", newsletters=[daily])
    edition = create_edition(client, daily, [story])
    committed(client.post, f"/admin/newsletters/editions/{edition.pk}/send/")
    Delivery.objects.filter(subscriber=reader).update(
        status="failed", error="550 5.1.1 No such mailbox"
    )
    status = client.get(f"/admin/newsletters/editions/{edition.pk}/").content.decode()
    assert "gone@example.org" in status and "550 5.1.1 No such mailbox" in status


def test_publishing_with_the_alert_button_sends_the_breaking_newsletter(
    client, editor, breaking, daily, story
):
    alerted = SubscriberFactory(newsletters=[breaking])
    SubscriberFactory(newsletters=[daily])  # a digest reader gets no alert
    edit_url = f"/admin/pages/{story.pk}/edit/"
    assert "Publish and send breaking alert" in client.get(edit_url).content.decode()
    link = story.authors.get()
    data = nested_form_data(
        {
            "title": story.title,
            "slug": story.slug,
            "standfirst": story.standfirst,
            "body": streamfield([("paragraph", rich_text("<p>The harbour reopened at dawn.</p>"))]),
            "authors": inline_formset([{"id": link.pk, "author": link.author_id}], initial=1),
            "related_links": inline_formset([]),
            "comments": inline_formset([]),
            "tags": "",
            "action-publish": "breaking-alert",
        }
    )
    response = committed(client.post, edit_url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    [alert] = mail.outbox
    assert alert.to == [alerted.email]
    assert alert.subject == f"Breaking: {story.title}"
    assert "The harbour reopened at dawn." in alert.alternatives[0][0]  # the story in full
    # Publishing again with the button sends nothing more: one alert per story.
    committed(client.post, edit_url, data)
    assert len(mail.outbox) == 1
