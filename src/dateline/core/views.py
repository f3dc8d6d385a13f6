"""Error pages in the site's design, and uploaded files."""

from django.conf import settings
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.views import static

# How long a reader's browser and a CDN may keep an uploaded file: a file replaced under
# the same name can show its old copy for up to this long.
MEDIA_MAX_AGE = 24 * 3600


def page_not_found(request, exception=None):
    return render(request, "pages/404.html", status=404)


def server_error(request):
    # Rendered without context processors: the database may be the thing that failed.
    return HttpResponseServerError(loader.get_template("pages/500.html").render())


def media_file(request, path):
    """A file under MEDIA_ROOT (an upload, a rendition): 404 for anything else, 304 when
    the reader's copy is current (If-Modified-Since)."""
    response = static.serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = f"public, max-age={MEDIA_MAX_AGE}"
    return response
