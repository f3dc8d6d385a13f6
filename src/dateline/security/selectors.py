"""Reads of the security app."""

import django_otp
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet

from dateline.security.models import LoginEvent


def second_factor_required_for(user: AbstractBaseUser) -> bool:
    """Administrators must use an authenticator when DATELINE_REQUIRE_2FA is on."""
    return bool(settings.DATELINE_REQUIRE_2FA and user.is_superuser)


def has_authenticator(user: AbstractBaseUser) -> bool:
    return django_otp.user_has_device(user, confirmed=True)


def login_events() -> QuerySet[LoginEvent]:
    return LoginEvent.objects.select_related("user")
