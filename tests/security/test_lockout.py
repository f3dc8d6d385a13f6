"""Sign-in throttling: locks the attacker's attempts, never the editor they are aiming at."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.utils import timezone

from tests.security.conftest import sign_in

pytestmark = pytest.mark.django_db

ATTACKER = "203.0.113.66"
NEWSROOM = "198.51.100.20"


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_a_correct_password_signs_the_editor_in(client, editor):
    response = sign_in(client, "editor", address=NEWSROOM)
    assert response.status_code == 302
    assert signed_in(client)


def test_repeated_wrong_passwords_lock_that_username_from_that_address(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "editor", "wrong", address=ATTACKER).status_code == 200
    assert sign_in(client, "editor", "wrong", address=ATTACKER).status_code == 429
    response = sign_in(client, "editor", address=ATTACKER)  # even the right password now
    assert response.status_code == 429
    assert int(response["Retry-After"]) == 15 * 60
    assert b"Too many sign-in attempts" in response.content
    assert not signed_in(client)


def test_a_flood_from_one_address_cannot_lock_the_real_editor_out(client, editor):
    for _ in range(60):
        sign_in(client, "editor", "wrong", address=ATTACKER)
    assert sign_in(client, "editor", address=ATTACKER).status_code == 429

    response = sign_in(client, "editor", address=NEWSROOM)
    assert response.status_code == 302
    assert signed_in(client)


def test_one_address_trying_many_usernames_is_stopped(client, editor, settings):
    settings.DATELINE_LOGIN_FAILURES_PER_ADDRESS = 8
    for number in range(8):
        assert sign_in(client, f"guess{number}", "wrong", address=ATTACKER).status_code == 200
    # No single username reached its limit, but the address has.
    assert sign_in(client, "editor", address=ATTACKER).status_code == 429
    assert sign_in(client, "editor", address=NEWSROOM).status_code == 302


def test_the_lock_lifts_by_itself_after_the_cool_off(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "editor", "wrong", address=NEWSROOM)
    assert sign_in(client, "editor", address=NEWSROOM).status_code == 429

    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert sign_in(client, "editor", address=NEWSROOM).status_code == 302


def test_a_successful_sign_in_forgets_earlier_mistakes(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "editor", "wrong", address=NEWSROOM)
    assert sign_in(client, "editor", address=NEWSROOM).status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "editor", "wrong", address=NEWSROOM)
    assert sign_in(client, "editor", address=NEWSROOM).status_code == 302


def test_without_trusted_proxies_a_forged_forwarded_for_does_not_dodge_the_lock(
    client, editor, settings
):
    for number in range(settings.AXES_FAILURE_LIMIT):
        forged = f"10.9.8.{number}"
        sign_in(client, "editor", "wrong", address=ATTACKER, HTTP_X_FORWARDED_FOR=forged)
    response = sign_in(client, "editor", address=ATTACKER, HTTP_X_FORWARDED_FOR="10.9.9.9")
    assert response.status_code == 429


def test_behind_a_trusted_proxy_each_client_is_counted_on_its_own(client, editor, settings):
    settings.DATELINE_TRUSTED_PROXIES = ["10.0.0.0/8"]
    proxy = "10.0.0.2"
    for _ in range(50):
        # The attacker forges the left of the header; the proxy appends the real address.
        sign_in(
            client, "editor", "wrong", address=proxy,
            HTTP_X_FORWARDED_FOR=f"{NEWSROOM}, {ATTACKER}",
        )  # fmt: skip
    assert (
        sign_in(client, "editor", address=proxy, HTTP_X_FORWARDED_FOR=ATTACKER).status_code == 429
    )
    response = sign_in(client, "editor", address=proxy, HTTP_X_FORWARDED_FOR=NEWSROOM)
    assert response.status_code == 302
