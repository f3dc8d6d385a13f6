"""The language bits every reader page carries: <html lang dir>, hreflang links, the switcher."""

from django import template
from django.utils.html import format_html

from dateline.i18n import selectors
from dateline.i18n.languages import is_right_to_left, reader_language

register = template.Library()


@register.simple_tag
def html_language_attributes():
    """lang and dir for <html>, from the active language (no query)."""
    code = reader_language()
    return format_html('lang="{}" dir="{}"', code, "rtl" if is_right_to_left(code) else "ltr")


@register.inclusion_tag("i18n/hreflang.html", takes_context=True)
def hreflang_links(context):
    request = context.get("request")
    page = context.get("page")
    if request is None or page is None or not hasattr(page, "translation_key"):
        return {"links": []}
    return {"links": selectors.hreflang_links(page, request)}


@register.inclusion_tag("i18n/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this story in the other languages (or to their home pages when it has no
    translation there); outside the page tree, the same address in each language."""
    request = context.get("request")
    if request is None:
        return {"alternates": []}
    page = context.get("page")
    if page is not None and hasattr(page, "translation_key") and "tag" not in context:
        alternates = selectors.page_alternates(page, request)
    else:
        alternates = selectors.path_alternates(request)
    return {"alternates": alternates if len(alternates) > 1 else []}
