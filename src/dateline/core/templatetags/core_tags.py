from django import template
from django.template.loader import render_to_string

from dateline.edge.fragments import fragment
from dateline.news.selectors import navigation_sections

register = template.Library()

MENU_DEPTH = 3  # top-level pages: the home page's children, as navigation_sections()


@register.simple_tag(takes_context=True)
def sections_nav(context) -> str:
    """The sections menu; the current page only sets aria-current."""
    request, page = context.get("request"), context.get("page")

    def render() -> str:
        return render_to_string(
            "components/sections_nav.html",
            {"nav_sections": navigation_sections(), "page": page},
            request,
        )

    return fragment(context, "sections-menu", None, render, variant=(_current_in_menu(page),))


def _current_in_menu(page) -> str:
    """What the menu marks as current for `page`: itself (a top-level page), its parent
    (an article filed directly in a top-level section), or nothing. One menu per section,
    not one per page, without a query (the parent is named by its tree path)."""
    if page is None or not getattr(page, "pk", None):
        return "-"
    if page.depth == MENU_DEPTH:
        return f"is:{page.pk}"
    if page.depth == MENU_DEPTH + 1 and hasattr(type(page), "section"):
        return f"in:{page.path[: -page.steplen]}"
    return "-"
