from django.urls import reverse
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from dateline.desk import services
from dateline.desk.models import Correction, Front, PreviewLink
from dateline.news.models import ArticlePage


class StoryCreateView(CreateView):
    """A form opened from a story's page ("?story=<id>") starts on that story."""

    def get_initial(self):
        return {**super().get_initial(), "story": self.request.GET.get("story")}


class PreviewLinkCreateView(StoryCreateView):
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


class CorrectionCreateView(StoryCreateView):
    def save_instance(self):
        correction = self.form.instance
        return services.correction_add(
            story=correction.story,
            kind=correction.kind,
            text=correction.text,
            published_at=correction.published_at,
            user=self.request.user,
        )


class CorrectionViewSet(ModelViewSet):
    model = Correction
    icon = "warning"
    menu_label = "Corrections"
    add_to_admin_menu = True
    menu_order = 251
    add_view_class = CorrectionCreateView
    copy_view_enabled = False
    form_fields = ["story", "kind", "text", "published_at"]
    list_display = ["story", "kind", "published_at", "created_by"]
    list_filter = ["kind"]
    search_fields = ["text"]


class FrontViewSet(SnippetViewSet):
    """Front page lineups: drafts, revisions, preview and scheduling are Wagtail's own."""

    model = Front
    icon = "home"
    menu_label = "Front pages"
    add_to_admin_menu = True
    menu_order = 105
    copy_view_enabled = False
    list_display = ["page"]


register_snippet(FrontViewSet)

preview_links = PreviewLinkViewSet("preview_links")
corrections = CorrectionViewSet("corrections")


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [preview_links, corrections]


@hooks.register("register_page_header_buttons")
def desk_header_buttons(page, user, view_name=None, next_url=None):
    if not issubclass(page.specific_class or type(page), ArticlePage):
        return
    if page.live:
        yield Button(
            "Add a correction",
            reverse(corrections.get_url_name("add")) + f"?story={page.pk}",
            icon_name="warning",
            priority=20,
        )
    else:
        yield Button(
            "Share a preview link",
            reverse(preview_links.get_url_name("add")) + f"?story={page.pk}",
            icon_name="link",
            priority=20,
        )
