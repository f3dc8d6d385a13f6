"""Security headers added to every response, cached pages included.

Reader pages get a strict Content-Security-Policy with no inline script at all, so a
page stored by the page cache or a CDN stays safe without per-request nonces (a cached
nonce would be shared by every reader). JSON-LD `<script type="application/ld+json">`
blocks are data: browsers never execute them, so the policy does not need to allow them.
The Wagtail admin runs inline scripts and styles, so it gets its own policy, still
without plugins, foreign scripts or framing by other sites.
"""

from django.conf import settings
from django.urls import reverse


def policy_header(directives: dict[str, list[str]]) -> str:
    """A Content-Security-Policy value from {directive: [sources]} (empty list: no sources)."""
    return "; ".join(
        " ".join([name, *sources]) if sources else name for name, sources in directives.items()
    )


class SecurityHeadersMiddleware:
    """Adds CSP and Permissions-Policy; Django's SecurityMiddleware adds HSTS, nosniff,
    Referrer-Policy and Cross-Origin-Opener-Policy from the settings."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.site_policy = policy_header(settings.DATELINE_CSP)
        self.admin_policy = policy_header(settings.DATELINE_CSP_ADMIN)
        self.permissions_policy = ", ".join(
            f"{feature}=()" for feature in settings.DATELINE_PERMISSIONS_POLICY_DENY
        )
        self._admin_prefix = None

    def admin_prefix(self) -> str:
        if self._admin_prefix is None:
            self._admin_prefix = reverse("wagtailadmin_home")
        return self._admin_prefix

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith(self.admin_prefix()):
            # Always the admin's: its live preview renders a reader page through the whole
            # middleware stack, and that inner response's policy must not reach the admin.
            response["Content-Security-Policy"] = self.admin_policy
        elif "Content-Security-Policy" not in response:
            # A view that set its own policy (Wagtail's document serve view does) knows
            # better than the site-wide default.
            response["Content-Security-Policy"] = self.site_policy
        if self.permissions_policy:
            response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        return response
