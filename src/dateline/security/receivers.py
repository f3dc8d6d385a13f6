"""Django's and django-axes's sign-in signals feed the audit trail.

These signals are the only place authentication reports what happened, so the audit
trail listens to them; each receiver only calls the service that writes the event.
"""

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed

from dateline.security.models import LoginEvent
from dateline.security.services import login_event_record


def _signed_in(sender, request, user, **kwargs):
    login_event_record(kind=LoginEvent.Kind.SIGNED_IN, request=request, user=user)


def _signed_out(sender, request, user, **kwargs):
    if user is not None:
        login_event_record(kind=LoginEvent.Kind.SIGNED_OUT, request=request, user=user)


def _failed(sender, credentials, request=None, **kwargs):
    if getattr(request, "axes_locked_out", False):
        return  # recorded once as a lockout by _locked_out
    login_event_record(
        kind=LoginEvent.Kind.FAILED, request=request, username=credentials.get("username", "")
    )


def _locked_out(sender, request, username, ip_address, **kwargs):
    login_event_record(kind=LoginEvent.Kind.LOCKED_OUT, request=request, username=username or "")


def connect() -> None:
    user_logged_in.connect(_signed_in, dispatch_uid="dateline.security.signed_in")
    user_logged_out.connect(_signed_out, dispatch_uid="dateline.security.signed_out")
    user_login_failed.connect(_failed, dispatch_uid="dateline.security.failed")
    user_locked_out.connect(_locked_out, dispatch_uid="dateline.security.locked_out")
