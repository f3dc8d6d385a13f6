from django import template
from django.template.loader import render_to_string

from dateline.core.fragments import Rendered, cached_fragment
from dateline.edge import keys as surrogate
from dateline.news.selectors import navigation_sections

register = template.Library()

MENU_DEPTH = 3  # top-level pages: the home page's children, as navigation_sections()


@register.simple_tag(takes_context=True)
def sections_nav(context) -> str:
    """The sections menu, kept until a top-level page or the site's settings change.

    Publishing, unpublishing or deleting a top-level page purges ``settings``; moving
    or renaming any page purges ``all``. The current page only sets aria-current.
    """
    request, page = context.get("request"), context.get("page")

    def render() -> Rendered:
        html = render_to_string(
            "components/sections_nav.html",
            {"nav_sections": navigation_sections(), "page": page},
            request,
        )
        return Rendered(html, depends_on=frozenset({surrogate.SETTINGS}))

    if request is None or getattr(request, "is_preview", False):  # the bare 500 page
        return render().html
    return cached_fragment(f"nav:{request.get_host()}:{_current_in_menu(page)}", render)


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
