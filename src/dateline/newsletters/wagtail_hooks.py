from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import CreateView, EditView
from wagtail.admin.viewsets.model import ModelViewSet

from dateline.newsletters import admin_views, selectors, services
from dateline.newsletters.models import Edition, Newsletter, Subscriber, Suppression

SENDER = admin_views.SENDER
ALERT_ACTION = "breaking-alert"


def _status_url(edition) -> str:
    return reverse("newsletters_admin:status", args=[edition.pk])


class EditionCreateView(CreateView):
    def save_instance(self):
        edition = self.form.instance
        edition.kind = Edition.Kind.MANUAL
        edition.key = services.unique_edition_key("manual")
        edition.created_by = self.request.user
        return super().save_instance()

    def get_success_url(self):
        return _status_url(self.object)


class EditionEditView(EditView):
    def dispatch(self, request, *args, **kwargs):
        edition = Edition.objects.filter(pk=kwargs.get("pk")).first()
        if edition is not None and not edition.is_editable:
            from django.shortcuts import redirect

            return redirect(_status_url(edition))  # what was sent stays as it was sent
        return super().dispatch(request, *args, **kwargs)

    def get_success_url(self):
        return _status_url(self.object)


class EditionViewSet(ModelViewSet):
    model = Edition
    icon = "mail"
    menu_label = "Editions"
    add_to_admin_menu = False
    add_view_class = EditionCreateView
    edit_view_class = EditionEditView
    copy_view_enabled = False
    list_display = [
        TitleColumn("subject", label="Subject", get_url=_status_url),
        "newsletter",
        Column("status", label="Status", accessor="get_status_display"),
        "recipient_count",
        "created_at",
    ]
    list_filter = ["newsletter", "status", "kind"]
    search_fields = ["subject"]


class NewsletterViewSet(ModelViewSet):
    model = Newsletter
    icon = "mail"
    menu_label = "Newsletters"
    add_to_admin_menu = False
    copy_view_enabled = False
    list_display = ["name", "slug", Column("schedule", accessor="get_schedule_display"),
                    "on_signup_forms"]  # fmt: skip


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    icon = "user"
    menu_label = "Subscribers"
    add_to_admin_menu = False
    copy_view_enabled = False
    form_fields = ["email"]
    list_display = ["email", "created_at", "confirmed_at"]
    search_fields = ["email"]


class SuppressionViewSet(ModelViewSet):
    model = Suppression
    icon = "cross"
    menu_label = "Suppression list"
    add_to_admin_menu = False
    copy_view_enabled = False
    form_fields = ["email", "reason", "detail"]
    list_display = ["email", "reason", "source", "detail", "created_at"]
    list_filter = ["reason"]
    search_fields = ["email"]


editions = EditionViewSet("newsletter_editions")
newsletters = NewsletterViewSet("newsletter_setup")
subscribers = SubscriberViewSet("newsletter_subscribers")
suppressions = SuppressionViewSet("newsletter_suppressions")


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [editions, newsletters, subscribers, suppressions]


@hooks.register("register_admin_urls")
def register_edition_urls():
    urls = [
        path("<int:pk>/", admin_views.status, name="status"),
        path("<int:pk>/preview.html", admin_views.preview_html, name="preview_html"),
        path("<int:pk>/preview.txt", admin_views.preview_text, name="preview_text"),
        path("<int:pk>/test/", admin_views.send_test, name="send_test"),
        path("<int:pk>/send/", admin_views.send_now, name="send_now"),
        path("<int:pk>/schedule/", admin_views.schedule, name="schedule"),
        path("<int:pk>/cancel/", admin_views.cancel, name="cancel"),
        path("<int:pk>/resume/", admin_views.resume, name="resume"),
    ]
    return [path("newsletters/editions/", include((urls, "newsletters_admin")))]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_menu_item")
def register_newsletters_menu():
    menu = Menu(
        items=[
            PermissionMenuItem("Editions", reverse(editions.get_url_name("index")),
                               icon_name="mail", order=100, permission=SENDER),
            PermissionMenuItem("Newsletters", reverse(newsletters.get_url_name("index")),
                               icon_name="list-ul", order=200,
                               permission="newsletters.change_newsletter"),
            PermissionMenuItem("Subscribers", reverse(subscribers.get_url_name("index")),
                               icon_name="user", order=300,
                               permission="newsletters.change_subscriber"),
            PermissionMenuItem("Suppression list", reverse(suppressions.get_url_name("index")),
                               icon_name="cross", order=400,
                               permission="newsletters.change_suppression"),
        ]
    )  # fmt: skip
    return SubmenuMenuItem("Newsletters", menu, icon_name="mail", name="newsletters", order=260)


class PublishWithAlertMenuItem(ActionMenuItem):
    """ "Publish and send breaking alert": publishes as Publish does, then queues an alert
    to every breaking-news newsletter (sent when the story is live)."""

    label = "Publish and send breaking alert"
    name = "action-publish"
    icon_name = "warning"
    template_name = "newsletters/admin/publish_with_alert.html"
    order = 15

    def is_shown(self, context):
        from dateline.news.models import ArticlePage, SectionPage

        request = context["request"]
        if not request.user.has_perm(SENDER):
            return False
        if context["view"] == "create":
            parent = context["parent_page"].specific_class
            allowed = parent is SectionPage and parent.can_create_at
            can_publish = (
                context["parent_page"].permissions_for_user(request.user).can_publish_subpage()
            )
        else:
            allowed = context["page"].specific_class is ArticlePage
            can_publish = (
                not context["locked_for_user"]
                and self.get_user_page_permissions_tester(context).can_publish()
            )
        return bool(allowed and can_publish and selectors.has_breaking_newsletter())


@hooks.register("register_page_action_menu_item")
def register_publish_with_alert():
    return PublishWithAlertMenuItem()


@hooks.register("after_publish_page")
def send_breaking_alert(request, page):
    from dateline.news.models import ArticlePage

    if request.POST.get("action-publish") != ALERT_ACTION or not request.user.has_perm(SENDER):
        return
    article = page.specific
    if isinstance(article, ArticlePage):
        services.alert_request(article=article, user=request.user)
