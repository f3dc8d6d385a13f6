from django.template.loader import render_to_string
from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import CreateView
from wagtail.admin.viewsets.model import ModelViewSet

from dateline.comments import admin_views, selectors
from dateline.comments.models import Ban, ModerationWord

PERMISSION = "comments.moderate_comment"


class WordListViewSet(ModelViewSet):
    model = ModerationWord
    icon = "warning"
    menu_label = "Word lists"
    add_to_admin_menu = False
    form_fields = ["word", "kind"]
    list_display = ["word", "kind", "created_at"]
    list_filter = ["kind"]
    search_fields = ["word"]


class BanCreateView(CreateView):
    def save_instance(self):
        # Who banned is kept on the ban itself, as the desk's Ban button does.
        self.form.instance.created_by = self.request.user
        return super().save_instance()


class BanViewSet(ModelViewSet):
    model = Ban
    icon = "lock"
    menu_label = "Bans"
    add_to_admin_menu = False
    add_view_class = BanCreateView
    form_fields = ["kind", "value", "reason", "expires_at"]
    list_display = ["value", "kind", "reason", "created_by", "created_at", "expires_at"]
    list_filter = ["kind"]
    search_fields = ["value", "reason"]


word_lists = WordListViewSet("comment_words")
bans = BanViewSet("comment_bans")


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [word_lists, bans]


@hooks.register("register_admin_urls")
def register_desk_urls():
    urls = [
        path("", admin_views.queue, name="queue"),
        path("commenter/", admin_views.commenter, name="commenter"),
        path("ban/", admin_views.ban, name="ban"),
        path("ban/network/", admin_views.ban_network, name="ban_network"),
        path("audit/", admin_views.audit, name="audit"),
        path("<int:comment_id>/", admin_views.detail, name="detail"),
    ]
    return [path("comments/", include((urls, "comments_admin")))]


class ModeratorMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_menu_item")
def register_comments_menu():
    menu = Menu(
        items=[
            ModeratorMenuItem("Moderation queue", reverse("comments_admin:queue"),
                              icon_name="comment", order=100),
            ModeratorMenuItem("Audit log", reverse("comments_admin:audit"),
                              icon_name="history", order=200),
            ModeratorMenuItem("Word lists", reverse(word_lists.get_url_name("index")),
                              icon_name="warning", order=300),
            ModeratorMenuItem("Bans", reverse(bans.get_url_name("index")),
                              icon_name="lock", order=400),
        ]
    )  # fmt: skip
    return SubmenuMenuItem("Comments", menu, icon_name="comment", name="comments", order=250)


class WaitingCommentsPanel(Component):
    order = 50

    def render_html(self, parent_context=None):
        counts = selectors.queue_counts()
        return render_to_string(
            "comments/admin/dashboard_panel.html",
            {
                "pending": counts["pending"],
                "reported": counts["reported"],
                "queue_url": reverse("comments_admin:queue"),
            },
        )


@hooks.register("construct_homepage_panels")
def add_waiting_comments_panel(request, panels):
    if request.user.has_perm(PERMISSION):
        panels.append(WaitingCommentsPanel())
