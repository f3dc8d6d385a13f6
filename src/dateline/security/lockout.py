"""Login throttling that an attacker cannot turn against the editors it protects.

django-axes counts failed logins per (username, client address) pair: a flood of
wrong passwords for "editor" from one address locks that pair only, so the real
editor signing in from anywhere else is unaffected. On top of that, one address may
fail at most DATELINE_LOGIN_FAILURES_PER_ADDRESS times per cool-off across all
usernames, which stops a single machine from spraying passwords over many accounts.
Both locks lift by themselves after the cool-off.
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone


def failures_from_address(ip_address: str | None) -> int:
    """Failed logins from one address within the cool-off, whatever username they tried."""
    if not ip_address:
        return 0
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    attempts = AccessAttempt.objects.filter(ip_address=ip_address, attempt_time__gte=since)
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class PairAndAddressHandler(AxesDatabaseHandler):
    def is_locked(self, request, credentials=None) -> bool:
        if super().is_locked(request, credentials):
            return True
        address = getattr(request, "axes_ip_address", None)
        return failures_from_address(address) >= settings.DATELINE_LOGIN_FAILURES_PER_ADDRESS


def locked_out_response(request, original_response=None, credentials=None) -> HttpResponse:
    """429 with Retry-After, so scripts back off and people know when to try again."""
    cool_off = get_cool_off(request) or settings.AXES_COOLOFF_TIME
    minutes = max(1, int(cool_off.total_seconds() // 60))
    html = render_to_string("security/locked_out.html", {"minutes": minutes}, request=request)
    response = HttpResponse(html, status=429)
    response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response
