from django import forms
from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from dateline.wire import admin_views
from dateline.wire.models import WireProvider

DESK_PERMISSION = "wire.use_wire_desk"


class ProviderForm(WagtailAdminModelForm):
    url = forms.URLField(
        label="URL",
        max_length=1000,
        required=False,
        assume_scheme="https",
        help_text=WireProvider._meta.get_field("url").help_text,
    )

    class Meta:
        model = WireProvider
        fields = [
            "name",
            "url",
            "upload",
            "format",
            "poll_interval",
            "default_section",
            "credit",
            "active",
        ]


class ProviderViewSet(ModelViewSet):
    model = WireProvider
    icon = "download"
    menu_label = "Wire providers"
    add_to_admin_menu = False
    list_display = ["name", "source", "active", "last_success_at", "failures", "last_error"]
    list_filter = ["active", "format"]
    search_fields = ["name", "url"]
    inspect_view_enabled = True

    def get_form_class(self, for_update=False):
        return ProviderForm


providers = ProviderViewSet("wire_providers")


@hooks.register("register_admin_viewset")
def register_providers():
    return providers


@hooks.register("register_admin_urls")
def register_desk_urls():
    urls = [
        path("", admin_views.desk, name="desk"),
        path("<int:item_id>/", admin_views.item, name="item"),
        path("<int:item_id>/story/", admin_views.create_story, name="create_story"),
        path("stories/", admin_views.stories, name="stories"),
        path("stories/<int:story_id>/", admin_views.story, name="story"),
    ]
    return [path("wire/", include((urls, "wire_admin")))]


class DeskMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(DESK_PERMISSION)


class ProvidersMenuItem(MenuItem):
    def is_shown(self, request):
        return providers.permission_policy.user_has_any_permission(
            request.user, ["add", "change", "delete"]
        )


@hooks.register("register_admin_menu_item")
def register_wire_menu():
    menu = Menu(
        items=[
            DeskMenuItem("Wire desk", reverse("wire_admin:desk"), icon_name="doc-full-inverse",
                         order=100),
            DeskMenuItem("Stories from the wire", reverse("wire_admin:stories"), icon_name="flag",
                         order=200),
            ProvidersMenuItem("Providers", reverse(providers.get_url_name("index")),
                              icon_name="download", order=300),
        ]
    )  # fmt: skip
    return SubmenuMenuItem("Wire", menu, icon_name="doc-full-inverse", name="wire", order=240)
