from django.conf import settings
from wagtail import hooks

from dateline.edge import keys as surrogate

DEFAULT_DETAIL_PAGE_MODELS = ("news.ArticlePage",)


def is_listing(page) -> bool:
    """Pages other than stories list content: home, sections, authors, tags."""
    detail = getattr(settings, "EDGE_DETAIL_PAGE_MODELS", DEFAULT_DETAIL_PAGE_MODELS)
    return page._meta.label not in detail


@hooks.register("before_serve_page")
def name_the_served_page(page, request, serve_args, serve_kwargs):
    surrogate.add(surrogate.page_key(page.pk), surrogate.kind_key(page))
    if is_listing(page):
        surrogate.add(surrogate.LISTING)
