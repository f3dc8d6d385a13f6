from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView
from wagtail.admin.viewsets.model import ModelViewSet

from dateline.desk import services
from dateline.desk.models import PreviewLink


class PreviewLinkCreateView(CreateView):
    def save_instance(self):
        link = self.form.instance
        return services.preview_link_create(
            story=link.story,
            partner=link.partner,
            expires_at=link.expires_at,
            user=self.request.user,
        )


class PreviewLinkViewSet(ModelViewSet):
    model = PreviewLink
    icon = "link"
    menu_label = "Preview links"
    add_to_settings_menu = False
    add_to_admin_menu = True
    menu_order = 250
    add_view_class = PreviewLinkCreateView
    copy_view_enabled = False
    form_fields = ["story", "partner", "expires_at", "revoked"]
    list_display = [
        "partner",
        "story",
        "expires_at",
        "revoked",
        Column("full_url", label="Address (send it to the partner)"),
    ]
    list_filter = ["revoked"]
    search_fields = ["partner"]


preview_links = PreviewLinkViewSet("preview_links")


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [preview_links]
