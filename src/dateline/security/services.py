"""Writes of the security app: the sign-in audit trail and two-factor devices."""

from datetime import timedelta

import django_otp
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from dateline.security.client_address import client_address_for
from dateline.security.models import LoginEvent


def login_event_record(
    *,
    kind: LoginEvent.Kind,
    request: HttpRequest | None,
    username: str = "",
    user: AbstractBaseUser | None = None,
) -> LoginEvent:
    """Add one line to the sign-in audit trail, with the client's address and browser."""
    if user is not None and not username:
        username = user.get_username()
    meta = request.META if request is not None else {}
    return LoginEvent.objects.create(
        kind=kind,
        username=(username or "")[:150],
        user=user if user is not None and user.pk else None,
        ip_address=client_address_for(request) if request is not None else None,
        user_agent=meta.get("HTTP_USER_AGENT", "")[:255],
    )


@transaction.atomic
def totp_device_start(*, user: AbstractBaseUser) -> TOTPDevice:
    """A fresh, unconfirmed authenticator for `user`, replacing any half-finished one."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)


def totp_device_confirm(*, request: HttpRequest, device: TOTPDevice, token: str) -> bool:
    """Turn the authenticator on once the user proves it works; the session counts as verified."""
    if not device.verify_token(token.strip()):
        return False
    with transaction.atomic():
        TOTPDevice.objects.filter(user=device.user, confirmed=True).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        django_otp.login(request, device)
        login_event_record(
            kind=LoginEvent.Kind.SECOND_FACTOR_ENABLED, request=request, user=device.user
        )
    return True


def second_factor_verify(*, request: HttpRequest, token: str) -> bool:
    """Check a code against the signed-in user's authenticators and mark the session verified.

    django-otp throttles each device (exponential back-off after failures), so guessing
    six-digit codes is not practical even with a stolen password.
    """
    user = request.user
    for device in django_otp.devices_for_user(user, confirmed=True):
        if device.verify_is_allowed()[0] and device.verify_token(token.strip()):
            django_otp.login(request, device)
            login_event_record(
                kind=LoginEvent.Kind.SECOND_FACTOR_PASSED, request=request, user=user
            )
            return True
    login_event_record(kind=LoginEvent.Kind.SECOND_FACTOR_FAILED, request=request, user=user)
    return False


@transaction.atomic
def totp_devices_remove(*, request: HttpRequest, user: AbstractBaseUser) -> int:
    """Turn two-factor authentication off for `user`; returns how many devices went."""
    removed, _ = TOTPDevice.objects.filter(user=user).delete()
    if removed:
        login_event_record(kind=LoginEvent.Kind.SECOND_FACTOR_REMOVED, request=request, user=user)
    return removed


def login_events_prune(*, older_than: timedelta) -> int:
    """Forget sign-in events older than `older_than`; returns how many went.

    A password-spraying run writes one event per attempt, so the trail needs an end.
    """
    deleted, _ = LoginEvent.objects.filter(at__lt=timezone.now() - older_than).delete()
    return deleted
