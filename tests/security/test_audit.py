"""The sign-in audit trail and its report in the admin."""

import pytest

from dateline.security.models import LoginEvent
from tests.security.conftest import sign_in

pytestmark = pytest.mark.django_db


def test_sign_ins_failures_and_lockouts_are_recorded_with_address_and_browser(
    client, editor, settings
):
    settings.AXES_FAILURE_LIMIT = 2
    sign_in(client, "editor", "wrong", address="203.0.113.9", HTTP_USER_AGENT="curl/8")
    sign_in(client, "editor", "wrong", address="203.0.113.9")
    sign_in(client, "editor", address="198.51.100.4", HTTP_USER_AGENT="Firefox")
    client.post("/admin/logout/", REMOTE_ADDR="198.51.100.4")

    events = list(LoginEvent.objects.order_by("pk"))
    assert [event.kind for event in events] == [
        LoginEvent.Kind.FAILED,
        LoginEvent.Kind.LOCKED_OUT,
        LoginEvent.Kind.SIGNED_IN,
        LoginEvent.Kind.SIGNED_OUT,
    ]
    assert events[0].username == "editor" and events[0].user is None
    assert events[0].ip_address == "203.0.113.9"
    assert events[0].user_agent == "curl/8"
    assert events[2].user == editor and events[2].ip_address == "198.51.100.4"
    assert events[2].user_agent == "Firefox"


def test_administrators_read_the_audit_in_the_admin(client, admin_user, home):
    sign_in(client, "nobody", "wrong", address="203.0.113.9")
    sign_in(client, "chief")
    response = client.get("/admin/sign-in-audit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sign-in audit" in html
    assert "203.0.113.9" in html and "nobody" in html
    assert "Wrong username or password" in html


def test_editors_without_the_permission_cannot_read_it(client, editor, home):
    sign_in(client, "editor")
    response = client.get("/admin/sign-in-audit/")
    assert response.status_code in (302, 403)
    assert b"203.0.113" not in response.content


def test_old_events_are_pruned_and_recent_ones_kept(db):
    from datetime import timedelta
    from io import StringIO

    from django.core.management import call_command
    from django.utils import timezone

    old = LoginEvent.objects.create(kind=LoginEvent.Kind.FAILED, username="spray")
    LoginEvent.objects.filter(pk=old.pk).update(at=timezone.now() - timedelta(days=200))
    recent = LoginEvent.objects.create(kind=LoginEvent.Kind.SIGNED_IN, username="editor")
    out = StringIO()
    call_command("prune_login_events", days=180, stdout=out)
    assert list(LoginEvent.objects.all()) == [recent]
    assert "Deleted 1 sign-in events" in out.getvalue()
