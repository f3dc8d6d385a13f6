from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button, ListingButton

from dateline.live import admin_views
from dateline.live.models import LiveBlogPage


@hooks.register("register_admin_urls")
def register_live_desk_urls():
    urls = [
        path("", admin_views.index, name="index"),
        path("<int:page_id>/", admin_views.desk, name="desk"),
        path("<int:page_id>/end/", admin_views.end, name="end"),
        path("<int:page_id>/entries/<int:entry_id>/", admin_views.edit, name="edit"),
        path(
            "<int:page_id>/entries/<int:entry_id>/<str:action>/",
            admin_views.entry_action,
            name="entry_action",
        ),
    ]
    return [path("live/", include((urls, "live_desk")))]


@hooks.register("register_admin_menu_item")
def register_live_desk_menu():
    return MenuItem("Live desk", reverse("live_desk:index"), icon_name="time", order=240)


@hooks.register("register_page_header_buttons")
def live_desk_header_button(page, user, view_name=None, next_url=None):
    if page.specific_class is LiveBlogPage:
        yield Button(
            "Live desk", reverse("live_desk:desk", args=[page.pk]), icon_name="time", priority=5
        )


@hooks.register("register_page_listing_buttons")
def live_desk_listing_button(page, user, next_url=None):
    if page.specific_class is LiveBlogPage:
        yield ListingButton("Live desk", reverse("live_desk:desk", args=[page.pk]), priority=5)
