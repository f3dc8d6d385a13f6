"""Who sees the newsroom's screens: anyone who may write, edit or publish stories."""

from wagtail.permission_policies.pages import PagePermissionPolicy


def can_use_budget(user) -> bool:
    return user.is_active and PagePermissionPolicy().user_has_any_permission(
        user, ["add", "change", "publish"]
    )
