from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from dateline.news.selectors import navigation_sections


def _site_name(request) -> str:
    site = Site.find_for_request(request)
    return site.site_name if site and site.site_name else "Dateline"


def site_chrome(request):
    """What the header and footer show on every page, queried only when a template uses it."""
    return {
        "nav_sections": SimpleLazyObject(navigation_sections),
        "site_name": SimpleLazyObject(lambda: _site_name(request)),
    }
