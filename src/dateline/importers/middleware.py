"""301s for WordPress's links by id: /?p=123 (posts) and /?page_id=45 (pages).

Wagtail's RedirectMiddleware only looks for a redirect when the page 404s, and "/"
answers 200 with the home page whatever its query string, so an imported
``/?p=123`` redirect would never fire. This middleware looks these links up before
the page is served; any other request costs one dictionary check.
"""

from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect
from wagtail.contrib.redirects.middleware import get_redirect
from wagtail.contrib.redirects.models import Redirect

WORDPRESS_ID_PARAMETERS = ("p", "page_id")


class WordPressIdRedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and any(
            name in request.GET for name in WORDPRESS_ID_PARAMETERS
        ):
            path = Redirect.normalise_path(request.get_full_path(), decode_unicode=False)
            redirect = get_redirect(request, path)
            if redirect is not None and redirect.link is not None:
                if redirect.is_permanent:
                    return HttpResponsePermanentRedirect(redirect.link)
                return HttpResponseRedirect(redirect.link)
        return self.get_response(request)
