"""Writes of the discovery app: the figures the sitemap index reads (`ArchiveMonth`)."""

from collections.abc import Iterable

from django.db import transaction
from wagtail.models import Site

from dateline.discovery import selectors
from dateline.discovery.models import ArchiveMonth


@transaction.atomic
def archive_months_recount(*, months: Iterable[str] | None = None) -> int:
    """Count the archive's live stories per month of first publication again, on every
    site and in all (no site), and keep the figures the sitemap index lists and the API
    finds its deep pages with (`ArchiveMonth`): for `months`
    ("2026-12"; each a range of the publication index, a few hundred stories), or for all
    of them (one pass over the archive: `dateline sitemaps recount`, the importer, a
    change that can move any story in or out of a site). A month left without a live
    story is dropped. Returns the number of months kept for the months counted."""
    months = None if months is None else sorted(set(months))
    kept = 0
    for site in [*Site.objects.all(), None]:  # and the whole archive (the API's list)
        rows = [
            ArchiveMonth(site=site, month=month, stories=stories, lastmod=lastmod)
            for month, stories, lastmod in selectors.archive_month_counts(site, months=months)
        ]
        stale = ArchiveMonth.objects.filter(site=site)
        if months is not None:
            stale = stale.filter(month__in=months)
        stale.delete()
        ArchiveMonth.objects.bulk_create(rows)
        kept += len(rows)
    return kept


def archive_months_of(stories: Iterable) -> set[str]:
    """The archive months of these stories (those ever published)."""
    return {
        selectors.publication_month(story.first_published_at)
        for story in stories
        if getattr(story, "first_published_at", None) is not None
    }
