from django.template.loader import render_to_string
from django.urls import include, path, reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from dateline.editorial import selectors, views
from dateline.editorial.permissions import can_use_budget


@hooks.register("register_admin_urls")
def register_budget_urls():
    urls = [
        path("", views.budget, name="budget"),
        path("<int:story_id>/reschedule/", views.reschedule, name="reschedule"),
    ]
    return [path("budget/", include((urls, "editorial_admin")))]


class BudgetMenuItem(MenuItem):
    def is_shown(self, request):
        return can_use_budget(request.user)


@hooks.register("register_admin_menu_item")
def register_budget_menu():
    return BudgetMenuItem(
        "Story budget", reverse("editorial_admin:budget"), icon_name="date", order=150
    )


class NewStoryPanel(Component):
    """The dashboard's first panel: every section the user files into, each with its
    stories one click away and a "New story" button straight to an empty story form."""

    order = 10

    def __init__(self, sections):
        self.sections = sections

    def render_html(self, parent_context=None):
        return render_to_string("editorial/new_story_panel.html", {"sections": self.sections})


@hooks.register("construct_homepage_panels")
def add_new_story_panel(request, panels):
    sections = selectors.sections_to_file_in(request.user)
    if sections:
        panels.insert(0, NewStoryPanel(sections))


@hooks.register("before_edit_page")
def warn_of_unpublished_changes(request, page):
    """Before an editor publishes a live story, say whose unpublished changes it carries."""
    if request.method != "GET":
        return
    changes = selectors.unpublished_changes_by_others(page, request.user)
    if changes is None:
        return
    when = timezone.localtime(changes.at)
    compare = reverse(
        "wagtailadmin_pages:revisions_compare",
        args=[page.pk, "live", changes.latest_revision_id],
    )
    messages.warning(
        request,
        f"This live story has unpublished changes by {changes.by}, saved "
        f"{when:%d %b %Y at %H:%M} ({when.tzname()}). Publishing puts them on the site.",
        buttons=[messages.button(compare, "Compare with the live version")],
    )
