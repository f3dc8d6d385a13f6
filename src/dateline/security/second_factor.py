"""Keeps the Wagtail admin closed to a signed-in user until their second factor is checked.

Users who turned on an authenticator must enter a code after their password; when
DATELINE_REQUIRE_2FA is on, administrators without one are sent to set it up first.
Only the admin is guarded: the reader site has nothing behind a login.
"""

from urllib.parse import urlencode

from django.http import HttpResponseRedirect
from django.urls import Resolver404, resolve, reverse

from dateline.security.selectors import has_authenticator, second_factor_required_for

# Reachable before the second factor: signing in and out, and what those pages load.
OPEN_BEFORE_SECOND_FACTOR = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "dateline_2fa_verify",
}
OPEN_DURING_SETUP = OPEN_BEFORE_SECOND_FACTOR | {"dateline_2fa_setup"}


class SecondFactorMiddleware:
    """Runs after django_otp's OTPMiddleware, which adds `request.user.is_verified()`."""

    def __init__(self, get_response):
        self.get_response = get_response
        self._admin_prefix = None

    def __call__(self, request):
        if self._admin_prefix is None:
            self._admin_prefix = reverse("wagtailadmin_home")
        if request.path_info.startswith(self._admin_prefix) and request.user.is_authenticated:
            if redirect := self.redirect_for(request):
                return redirect
        return self.get_response(request)

    def redirect_for(self, request):
        user = request.user
        if user.is_verified():
            return None
        try:
            url_name = resolve(request.path_info).url_name
        except Resolver404:
            url_name = None
        if has_authenticator(user):
            if url_name in OPEN_BEFORE_SECOND_FACTOR:
                return None
            target = "dateline_2fa_verify"
        elif second_factor_required_for(user):
            if url_name in OPEN_DURING_SETUP:
                return None
            target = "dateline_2fa_setup"
        else:
            return None
        query = urlencode({"next": request.get_full_path()})
        return HttpResponseRedirect(f"{reverse(target)}?{query}")
