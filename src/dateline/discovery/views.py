"""Thin views: feeds by format, sitemaps, the news sitemap and robots.txt."""

from django.contrib.sitemaps import views as sitemap_views
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from dateline.core.http import allow_methods, allow_reading
from dateline.discovery import selectors
from dateline.discovery.feeds import ArticleFeed, AtomArticleFeed, json_feed
from dateline.discovery.sharing import mastodon_server, mastodon_share_url
from dateline.discovery.sitemaps import SITEMAPS, archive_sitemap
from dateline.edge import dependencies
from dateline.edge import keys as edge_keys

FEED_VIEWS = {"rss": ArticleFeed, "atom": AtomArticleFeed}


@allow_reading
def feed(request, fmt: str, kind: str = "site", key: str = ""):
    if fmt == "json":
        return json_feed(request, kind=kind, key=key)
    if fmt not in FEED_VIEWS:
        raise Http404("No such feed format.")
    return FEED_VIEWS[fmt]()(request, kind=kind, key=key)


@allow_reading
def sitemap_index(request):
    """The archive's files (a month each, newest first), then sections, authors and tags."""
    site = selectors.site_for(request)
    root_url = site.root_url
    entries = []
    archive_files = selectors.archive_files(site)
    for archive_file in archive_files:
        location = root_url + reverse(
            "discovery:sitemap_archive", kwargs={"month": archive_file.month}
        )
        suffix = f"?p={archive_file.number}" if archive_file.number > 1 else ""
        entries.append({"location": location + suffix, "lastmod": archive_file.lastmod})
    newest_story = max((f.lastmod for f in archive_files if f.lastmod), default=None)
    for name, sitemap_class in SITEMAPS.items():
        sitemap = sitemap_class(request)
        location = root_url + reverse("discovery:sitemap_section", kwargs={"section": name})
        pages, lastmod = sitemap.for_index(newest_story)
        for number in range(1, pages + 1):
            suffix = f"?p={number}" if number > 1 else ""
            entries.append({"location": location + suffix, "lastmod": lastmod})
    return render(
        request,
        "discovery/sitemap_index.xml",
        {"sitemaps": entries},
        content_type="application/xml",
    )


@allow_reading
def sitemap_archive(request, month: str):
    """One month of the story archive (a page of it past 2,000 stories), from values."""
    try:
        number = int(request.GET.get("p", "1"))
        year, month_number = (int(part) for part in month.split("-"))
        selectors.month_bounds(year, month_number)
    except ValueError as error:
        raise Http404("No such sitemap.") from error
    if not 1 <= number <= selectors.MAX_ARCHIVE_PAGES:
        raise Http404("No such sitemap.")
    site = selectors.site_for(request)
    rows = selectors.archive_entries(site, year=year, month=month_number, number=number)
    if not rows.exists():
        raise Http404("No such sitemap.")
    edge_keys.add(*dependencies.archive_month(month).sent)
    root_path = selectors.site_root_path(site)
    body = "".join(
        archive_sitemap(rows.iterator(chunk_size=500), root_url=site.root_url, root_path=root_path)
    )
    return HttpResponse(body, content_type="application/xml")


@allow_reading
def sitemap_section(request, section: str):
    if section == "articles":  # one file for every story, before the archive was split
        return HttpResponsePermanentRedirect(reverse("discovery:sitemap"))
    if section not in SITEMAPS:
        raise Http404("No such sitemap.")
    return sitemap_views.sitemap(
        request,
        {section: SITEMAPS[section](request)},
        section=section,
        template_name="discovery/sitemap.xml",
    )


@allow_reading
def news_sitemap(request):
    site = selectors.site_for(request)
    articles = selectors.news_sitemap_articles(now=timezone.now())
    context = {
        "entries": [(article.get_full_url(request), article) for article in articles],
        "publication_name": selectors.site_name_for(site),
        "language": selectors.news_language(),
    }
    return render(request, "discovery/news_sitemap.xml", context, content_type="application/xml")


@allow_reading
def robots_txt(request):
    root_url = selectors.site_for(request).root_url
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /comments/",
        "",
        f"Sitemap: {root_url}{reverse('discovery:sitemap')}",
        f"Sitemap: {root_url}{reverse('discovery:news_sitemap')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@allow_methods("GET", "POST")
def share_mastodon(request):
    """Asks which Mastodon server the reader uses, then sends them to its share page.

    The redirect needs a POST with a CSRF token, so nobody can use this URL as an open redirect.
    """
    data = request.POST if request.method == "POST" else request.GET
    text, url = data.get("text", "")[:300], data.get("url", "")[:500]
    error = ""
    if request.method == "POST":
        server = mastodon_server(data.get("server", ""))
        if server:
            return HttpResponseRedirect(mastodon_share_url(server=server, text=text, url=url))
        error = "Please enter the address of your Mastodon server, for example mastodon.social."
    context = {"text": text, "url": url, "error": error, "server": data.get("server", "")[:255]}
    return render(request, "discovery/share_mastodon.html", context, status=400 if error else 200)
