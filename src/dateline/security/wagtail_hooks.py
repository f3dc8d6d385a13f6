from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from dateline.security import views


@hooks.register("register_admin_urls")
def security_admin_urls():
    return [
        path("two-factor/", views.second_factor_setup, name="dateline_2fa_setup"),
        path("two-factor/verify/", views.second_factor_verify, name="dateline_2fa_verify"),
        path("two-factor/remove/", views.second_factor_remove, name="dateline_2fa_remove"),
        path("sign-in-audit/", views.LoginEventReportView.as_view(), name="dateline_login_audit"),
        path(
            "sign-in-audit/results/",
            views.LoginEventReportView.as_view(results_only=True),
            name="dateline_login_audit_results",
        ),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("dateline_2fa_setup"),
        "label": "Two-factor authentication",
        "help_text": "Ask for a code from an authenticator app after your password.",
    }


class AuditMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("security.view_loginevent")


@hooks.register("register_settings_menu_item")
def login_audit_menu_item():
    return AuditMenuItem(
        "Sign-in audit", reverse("dateline_login_audit"), icon_name="key", order=900
    )
