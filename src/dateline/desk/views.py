"""Reader-facing views of the news desk: the partners' preview of an embargoed story."""

from django.http import Http404
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.views.decorators.http import require_safe

from dateline.desk.selectors import preview_link_for


@require_safe
def preview(request, token: str):
    """The story's latest revision for the partner a signed link names.

    Never stored by the page cache or a CDN (private, no-store) and never indexed; an
    expired, revoked or forged link is an ordinary 404.
    """
    link = preview_link_for(token)
    if link is None:
        raise Http404("This preview link does not work (it may have expired).")
    story = link.story.specific.get_latest_revision_as_object()
    response = story.serve_preview(request, story.default_preview_mode)
    if hasattr(response, "render"):
        response.render()
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    response["X-Robots-Tag"] = "noindex, nofollow, noarchive"
    response["Referrer-Policy"] = "no-referrer"
    return response
