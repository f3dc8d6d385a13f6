"""What keeps the sitemap index's figures (`ArchiveMonth`) exact: a story published,
unpublished or deleted counts its month again; a change that can take any number of
stories in or out of a site (a page moved to another site, a view restriction, a site
edited) counts every month. Each count is read from the stories themselves, so counting
a month once too often is harmless, and once too few is what `dateline sitemaps recount`
repairs.
"""

import threading

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

_deleted = threading.local()


def _is_story(instance) -> bool:
    from dateline.news.models import ArticlePage

    return isinstance(instance, ArticlePage)


def on_story_published(sender, instance, **kwargs):
    from dateline.discovery import services

    if _is_story(instance) and instance.first_published_at is not None:
        services.archive_months_recount(months=services.archive_months_of([instance]))


def on_story_deleted(sender, instance, **kwargs):
    """Deleting a section deletes its stories one signal each: their months are counted
    once, when the deletion commits."""
    from dateline.discovery import services

    if not _is_story(instance):
        return
    pending = _deleted.__dict__.setdefault("months", set())
    pending.update(services.archive_months_of([instance]))

    def recount():
        months = _deleted.__dict__.pop("months", set())
        if months:
            services.archive_months_recount(months=months)

    transaction.on_commit(recount)


def _site_root_of(url_path: str) -> str:
    roots = [root.root_path for root in Site.get_site_root_paths()]
    return max((root for root in roots if url_path.startswith(root)), key=len, default="")


def on_page_moved(sender, instance, url_path_before, url_path_after, **kwargs):
    if _site_root_of(url_path_before) != _site_root_of(url_path_after):
        recount_every_month()


def recount_every_month(*args, raw=False, **kwargs):
    from dateline.discovery import services

    if raw:  # rows loaded as they are (fixtures, a test database restored): no pages yet
        return
    services.archive_months_recount()


def connect() -> None:
    page_published.connect(on_story_published, dispatch_uid="discovery-archive-published")
    page_unpublished.connect(on_story_published, dispatch_uid="discovery-archive-unpublished")
    from dateline.news.models import ArticlePage

    post_delete.connect(
        on_story_deleted, sender=ArticlePage, dispatch_uid="discovery-archive-deleted"
    )
    post_page_move.connect(on_page_moved, dispatch_uid="discovery-archive-moved")
    for model in (PageViewRestriction, Site):
        for signal in (post_save, post_delete):
            signal.connect(
                recount_every_month,
                sender=model,
                dispatch_uid=f"discovery-archive-{model.__name__}-{signal is post_save}",
            )
