"""Two-factor sign-in and set-up pages in the Wagtail admin, and the sign-in audit report."""

from base64 import b32encode

import segno
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from dateline.security import services
from dateline.security.models import LoginEvent
from dateline.security.selectors import (
    has_authenticator,
    login_events,
    second_factor_required_for,
)


class CodeForm(forms.Form):
    token = forms.CharField(
        label="Six-digit code from your authenticator app",
        min_length=6,
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


@require_http_methods(["GET", "POST"])
def second_factor_verify(request):
    if not request.user.is_authenticated:
        return redirect("wagtailadmin_login")
    if request.user.is_verified() or not has_authenticator(request.user):
        return redirect(_next_url(request))
    form = CodeForm(request.POST or None)
    if form.is_valid():
        if services.second_factor_verify(request=request, token=form.cleaned_data["token"]):
            return redirect(_next_url(request))
        form.add_error("token", "That code is not right, or it expired. Try the current one.")
    return render(
        request, "security/verify.html", {"form": form, "next": _next_url(request)}, status=200
    )


@require_http_methods(["GET", "POST"])
def second_factor_setup(request):
    """The state of two-factor sign-in; POST `start` makes a new secret, `confirm` checks it."""
    user = request.user
    pending = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    form = CodeForm()
    if request.method == "POST" and request.POST.get("action") == "start":
        pending = services.totp_device_start(user=user)
    elif request.method == "POST" and request.POST.get("action") == "confirm" and pending:
        form = CodeForm(request.POST)
        if form.is_valid():
            token = form.cleaned_data["token"]
            if services.totp_device_confirm(request=request, device=pending, token=token):
                messages.success(request, "Two-factor authentication is on.")
                return redirect(_next_url(request))
            form.add_error("token", "That code is not right. Check the clock on your phone.")
    context = {
        "enabled": has_authenticator(user),
        "required": second_factor_required_for(user),
        "pending": pending,
        "form": form,
        "next": _next_url(request),
    }
    if pending:
        context["qr_code"] = segno.make(pending.config_url, error="m").svg_data_uri(scale=5)
        context["secret"] = _base32_secret(pending)
    return render(request, "security/setup.html", context)


def _base32_secret(device: TOTPDevice) -> str:
    return b32encode(device.bin_key).decode()


@require_POST
def second_factor_remove(request):
    if second_factor_required_for(request.user):
        raise PermissionDenied("Administrators must keep two-factor authentication on.")
    services.totp_devices_remove(request=request, user=request.user)
    messages.success(request, "Two-factor authentication is off.")
    return redirect("dateline_2fa_setup")


class LoginEventReportView(ReportView):
    """Settings > Sign-in audit: every sign-in, failure, lockout and two-factor event."""

    page_title = _("Sign-in audit")
    header_icon = "key"
    index_url_name = "dateline_login_audit"
    index_results_url_name = "dateline_login_audit_results"
    permission_policy = ModelPermissionPolicy(LoginEvent)
    permission_required = "view"
    paginate_by = 100
    columns = [
        DateColumn("at", label=_("When")),
        Column("kind", label=_("What"), accessor="get_kind_display"),
        Column("username", label=_("Username")),
        Column("ip_address", label=_("Address")),
        Column("user_agent", label=_("Browser")),
    ]
    list_export = ["at", "kind", "username", "ip_address", "user_agent"]

    def get_queryset(self):
        return login_events()
