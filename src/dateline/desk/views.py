"""Reader-facing views of the news desk: the corrections log and partners' previews."""

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.views.decorators.http import require_safe

from dateline.desk import selectors
from dateline.desk.feeds import CorrectionsAtomFeed, CorrectionsFeed
from dateline.discovery.selectors import site_for
from dateline.edge import dependencies, keys

CORRECTIONS_PER_PAGE = 30


@require_safe
def corrections(request):
    """Every correction, newest first."""
    paginator = Paginator(selectors.published_corrections(), CORRECTIONS_PER_PAGE)
    try:
        page = paginator.page(int(request.GET.get("page", "1")))
    except (ValueError, InvalidPage) as error:  # junk, or out of range
        raise Http404("No such page of corrections.") from error
    keys.add(*dependencies.CORRECTIONS_LOG.sent)
    policy = selectors.corrections_policy(site_for(request))
    return render(
        request,
        "desk/corrections.html",
        {"corrections": page, "page_obj": page, "policy": policy},
    )


@require_safe
def corrections_feed(request, fmt: str):
    keys.add(*dependencies.CORRECTIONS_LOG.sent)
    feed = CorrectionsAtomFeed() if fmt == "atom" else CorrectionsFeed()
    return feed(request)


@require_safe
def preview(request, token: str):
    """The story's latest revision for the partner a signed link names.

    Never stored by the page cache or a CDN (private, no-store) and never indexed; an
    expired, revoked or forged link is an ordinary 404.
    """
    link = selectors.preview_link_for(token)
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
