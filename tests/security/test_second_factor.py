"""Two-factor sign-in with an authenticator app (TOTP) for the Wagtail admin."""

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from dateline.security.models import LoginEvent
from tests.security.conftest import sign_in

pytestmark = pytest.mark.django_db


def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


@pytest.fixture
def editor_with_app(editor):
    TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    return editor


def test_without_an_authenticator_the_password_is_enough(client, editor, home):
    sign_in(client, "editor")
    assert client.get("/admin/").status_code == 200


def test_with_an_authenticator_the_admin_waits_for_the_code(client, editor_with_app, home):
    sign_in(client, "editor")
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/two-factor/verify/?next=%2Fadmin%2Fpages%2F"
    verify_page = client.get(response["Location"])
    assert b"Enter your code" in verify_page.content


def test_a_wrong_code_keeps_the_admin_closed_and_is_audited(client, editor_with_app, home):
    sign_in(client, "editor")
    response = client.post("/admin/two-factor/verify/", {"token": "000000"})
    assert b"That code is not right" in response.content
    assert client.get("/admin/").status_code == 302
    assert LoginEvent.objects.filter(kind=LoginEvent.Kind.SECOND_FACTOR_FAILED).count() == 1


def test_the_right_code_opens_the_admin(client, editor_with_app, home):
    sign_in(client, "editor")
    device = TOTPDevice.objects.get(user=editor_with_app)
    response = client.post(
        "/admin/two-factor/verify/", {"token": current_code(device), "next": "/admin/pages/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200


def test_the_next_address_cannot_send_the_editor_to_another_site(client, editor_with_app, home):
    sign_in(client, "editor")
    device = TOTPDevice.objects.get(user=editor_with_app)
    response = client.post(
        "/admin/two-factor/verify/",
        {"token": current_code(device), "next": "https://evil.example/"},
    )
    assert response["Location"] == "/admin/"


def test_an_editor_turns_two_factor_on_and_off(client, editor, home):
    sign_in(client, "editor")
    page = client.post("/admin/two-factor/", {"action": "start"})
    assert b"Scan this code" in page.content
    assert b'src="data:image/svg+xml' in page.content
    device = TOTPDevice.objects.get(user=editor, confirmed=False)

    wrong = client.post("/admin/two-factor/", {"action": "confirm", "token": "123456"})
    assert b"That code is not right" in wrong.content
    device.refresh_from_db()
    assert not device.confirmed
    device.throttle_reset()  # a failed code delays the next try by a second; skip the wait

    client.post("/admin/two-factor/", {"action": "confirm", "token": current_code(device)})
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200  # this session counts as verified

    client.post("/admin/two-factor/remove/")
    assert not TOTPDevice.objects.filter(user=editor).exists()
    kinds = set(LoginEvent.objects.values_list("kind", flat=True))
    assert {LoginEvent.Kind.SECOND_FACTOR_ENABLED, LoginEvent.Kind.SECOND_FACTOR_REMOVED} <= kinds


def test_when_required_administrators_must_set_it_up_first(client, admin_user, home, settings):
    settings.DATELINE_REQUIRE_2FA = True
    sign_in(client, "chief")
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/two-factor/?next=")
    assert b"must use an authenticator app" in client.get(response["Location"]).content

    client.post("/admin/two-factor/", {"action": "start"})
    device = TOTPDevice.objects.get(user=admin_user)
    client.post("/admin/two-factor/", {"action": "confirm", "token": current_code(device)})
    assert client.get("/admin/").status_code == 200
    # ...and cannot turn it off again.
    client.post(
        "/admin/two-factor/remove/"
    )  # refused: Wagtail answers with its "no permission" message
    assert TOTPDevice.objects.filter(user=admin_user, confirmed=True).exists()


def test_when_required_editors_who_are_not_administrators_may_still_choose(
    client, editor, home, settings
):
    settings.DATELINE_REQUIRE_2FA = True
    sign_in(client, "editor")
    assert client.get("/admin/").status_code == 200


def test_reader_pages_are_never_held_back(client, editor_with_app, home):
    sign_in(client, "editor")
    assert client.get("/").status_code == 200
