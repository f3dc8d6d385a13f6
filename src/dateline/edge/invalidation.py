"""Purges: which surrogate keys a change touches, run right after the change commits.

The local purge only bumps a few counters, so it runs synchronously in the commit
hook: the next anonymous request anywhere sees the change. The same keys are purged
from Varnish and Fastly by a background task (dateline.edge.cdn); URL purges (a plain
HTTP PURGE proxy, Cloudflare) go through Wagtail's frontend cache, also queued.
"""

import logging
from collections.abc import Iterable

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.utils.module_loading import import_string
from taggit.models import ItemBase, Tag
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from dateline.edge import cdn
from dateline.edge import keys as surrogate
from dateline.edge.dependencies import archive_month_of
from dateline.edge.store import current_backend
from dateline.i18n.languages import is_multilingual

logger = logging.getLogger(__name__)

# The newsletters offered on every page's sign-up box: a change shows like a setting's.
NEWSLETTER_MODEL = ("newsletters", "Newsletter")
# A story's corrections (dateline.desk): shown on the story and in the corrections log.
CORRECTION_MODEL = ("desk", "Correction")
# The editors' lineup of a front (dateline.desk): published, unpublished, or a pin run out.
FRONT_MODEL = ("desk", "Front")
FRONTS_CHANGED_SIGNAL = "dateline.desk.signals.fronts_changed"
COMMENTS_CHANGED_SIGNAL = "dateline.comments.signals.comments_changed"


def purge(
    keys: Iterable[str],
    *,
    cdn_pages: Iterable[Page] = (),
    cdn_urls: Iterable[str] = (),
    comments_only: bool = False,
) -> None:
    """Purge these keys (and these pages' URLs, and these paths on the default site, from
    the CDN) once the transaction commits.

    `comments_only`: only the comments of these pages changed, so what is kept of them
    without their comments (``content-<id>``, see dateline.edge.keys) stays; otherwise
    what is kept of their comments alone (``comments-<id>``) stays.
    """
    keys = frozenset(keys)
    cdn_pages, cdn_urls = list(cdn_pages), list(cdn_urls)
    transaction.on_commit(
        lambda: purge_now(keys, cdn_pages=cdn_pages, cdn_urls=cdn_urls, comments_only=comments_only)
    )


def purge_now(
    keys: Iterable[str],
    *,
    cdn_pages: Iterable[Page] = (),
    cdn_urls: Iterable[str] = (),
    comments_only: bool = False,
) -> None:
    keys = set(keys)
    part = surrogate.COMMENTS_PREFIX if comments_only else surrogate.CONTENT_PREFIX
    keys |= surrogate.page_parts(keys, part)
    backend = current_backend()
    if backend is not None:
        try:
            backend.purge(keys)
        except Exception:
            logger.exception("Page cache purge of %s failed", sorted(keys))
    # The same keys in Varnish and Fastly, from a task (dateline.edge.cdn).
    cdn.purge_in_background(keys)
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        purge_urls_from_cdn(keys, cdn_pages, paths=cdn_urls)


# Feeds and sitemaps every site serves at its root (dateline.discovery).
SITE_LISTING_PATHS = ("feeds/rss/", "feeds/atom/", "feeds/json/", "sitemap.xml",
                      "news-sitemap.xml")  # fmt: skip


def purge_urls_from_cdn(
    keys: Iterable[str], pages: Iterable[Page], *, paths: Iterable[str] = ()
) -> None:
    """A CDN that purges by URL only (Cloudflare, a plain PURGE proxy): the pages, and,
    for `listing`, `settings` or `all`, the URLs derived from those keys: every site's
    home page, its top-level pages (sections) and its feeds and sitemaps. Tag, author and
    other articles' pages are not derived: they expire by ``s-maxage``. Wagtail's
    frontend cache sends the requests. `paths`: other addresses on every site."""
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    batch = PurgeBatch()
    batch.add_pages(list(pages))
    paths = list(paths)  # on every site: "/corrections/"
    if paths:
        for site in Site.objects.all():
            batch.add_urls([site.root_url.rstrip("/") + path for path in paths])
    if not {surrogate.LISTING, surrogate.SETTINGS, surrogate.ALL}.isdisjoint(keys):
        batch.add_urls(listing_urls())
    if batch.urls:
        batch.purge()


def listing_urls() -> list[str]:
    urls = []
    for site in Site.objects.select_related("root_page"):
        root = site.root_url.rstrip("/") + "/"
        urls.append(root)
        urls.extend(root + path for path in SITE_LISTING_PATHS)
        for page in site.root_page.get_children().live().public():
            urls.append(page.full_url)
    return urls


def keys_for_page_change(page: Page) -> set[str]:
    """A page published, unpublished or deleted: the page, every page showing it, the
    listings that now include or drop it, and the stories whose related boxes it may
    enter (its tags). Top-level pages are in every page's menu, and a page a setting
    names (the corrections policy) is linked from what shows the settings."""
    keys = {surrogate.page_key(page.pk), surrogate.LISTING}
    if page.depth <= 3 or _named_in_settings(page):
        keys.add(surrogate.SETTINGS)
    # Other stories' related boxes list the newest sharing a tag (dependencies.py).
    tags = getattr(page.specific, "tags", None)
    if tags is not None:
        keys.update(surrogate.tag_key(pk) for pk in tags.values_list("pk", flat=True))
    if month := archive_month_of(page):
        keys.add(surrogate.archive_key(month))
    if page.alias_of_id is not None:
        keys.add(surrogate.RESTRICTIONS)
    if is_multilingual():
        # Its other language versions link to it (switcher, hreflang), and a translated
        # author page replaces the original in the bylines of its language's stories.
        versions = Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)
        keys.update(surrogate.page_key(pk) for pk in versions.values_list("pk", flat=True))
    return keys


def listing_pages_of(page: Page) -> list[Page]:
    """The pages a CDN holds that list this one: its ancestors (section, home).

    Wagtail's frontend cache already purges the page itself on publish and unpublish.
    """
    return list(page.get_ancestors().filter(depth__gt=1).specific())


def on_page_changed(sender, instance, **kwargs):
    purge(keys_for_page_change(instance), cdn_pages=listing_pages_of(instance))


def on_page_deleted(sender, instance, **kwargs):
    purge(keys_for_page_change(instance))


def on_page_deleting(sender, instance, **kwargs):
    # Links to a deleted page lose their address, in every body that had one. Asked before
    # the delete: Wagtail then drops the reference index rows that point at the page.
    purge(keys_of_pages_referencing(instance))


def on_page_saved(sender, instance, update_fields=None, **kwargs):
    """An alias created or updated (with its source), or turned into a page of its own: an
    alias takes its source's view restrictions, so which pages are aliases is kept
    (dateline.edge.memory.restricted_and_alias_paths). Wagtail sends no publication for
    a new alias."""
    if instance.alias_of_id is not None or (update_fields and "alias_of_id" in update_fields):
        purge({surrogate.RESTRICTIONS})


def on_page_moved(sender, instance, **kwargs):
    # Every URL under the moved or renamed page changed, and menus, cards and links with them.
    purge({surrogate.ALL})


def on_settings_changed(sender, instance, **kwargs):
    purge({surrogate.SETTINGS})


def on_site_changed(sender, instance, **kwargs):
    purge({surrogate.ALL})


def on_redirect_changed(sender, instance, **kwargs):
    # Redirects answer URLs that were not found, and those responses carry `listing`.
    purge({surrogate.LISTING})


# Saves Wagtail makes to an image by itself (sizes and hashes computed on first use)
# change nothing a reader sees.
IMAGE_BOOKKEEPING_FIELDS = frozenset({"file_size", "file_hash"})


def on_image_changed(sender, instance, created=False, update_fields=None, **kwargs):
    """An image re-cropped (focal point), replaced, retitled (alt text) or deleted: every
    page that references it, found through Wagtail's reference index."""
    if created or (update_fields and set(update_fields) <= IMAGE_BOOKKEEPING_FIELDS):
        return
    keys = keys_of_pages_referencing(instance)
    if _named_in_settings(instance):
        keys.add(surrogate.SETTINGS)
    if keys:
        purge(keys)


def keys_of_pages_referencing(instance) -> set[str]:
    """The pages that link to or show this object (a body link, a picture, a chooser),
    through Wagtail's reference index; anything else referencing it purges `settings`."""
    from wagtail.models import ReferenceIndex

    page_type = ContentType.objects.get_for_model(Page)
    keys = set()
    for reference in ReferenceIndex.get_references_to(instance):
        if reference.base_content_type_id == page_type.pk:
            keys.add(surrogate.page_key(int(reference.object_id)))
        else:
            keys.add(surrogate.SETTINGS)  # a site setting (a logo), a snippet...
    return keys


def _named_in_settings(instance) -> bool:
    """Whether a setting names this image (a logo, a default social image) or this page
    (the corrections policy): what shows the settings shows it too."""
    for model in apps.get_models():
        if not issubclass(model, BaseSiteSetting | BaseGenericSetting):
            continue
        for field in model._meta.get_fields():
            if field.many_to_one and isinstance(instance, field.related_model):
                if model.objects.filter(**{field.attname: instance.pk}).exists():
                    return True
    return False


def on_tag_changed(sender, instance, created=False, **kwargs):
    """A tag renamed or deleted in the admin: the pages that carry it and the listings."""
    if created:
        return
    keys = {surrogate.LISTING, surrogate.tag_key(instance.pk)}
    for model in apps.get_models():
        if not issubclass(model, ItemBase):
            continue
        target = model._meta.get_field("content_object")
        if isinstance(target.related_model, type) and issubclass(target.related_model, Page):
            tagged = model.objects.filter(tag_id=instance.pk).values_list(target.attname, flat=True)
            keys.update(surrogate.page_key(page_id) for page_id in tagged)
    purge(keys)


def on_view_restriction_changed(sender, instance, **kwargs):
    # A restriction hides a page and everything under it, from listings, feeds and menus.
    purge({surrogate.ALL})


def _articles_for_cdn(article_ids: Iterable[int]) -> list[Page]:
    """The articles and the pages a CDN holds that list them (sections, home), each once."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return []
    pages: dict[int, Page] = {}
    for article in Page.objects.filter(pk__in=set(article_ids)).specific():
        for page in (article, *listing_pages_of(article)):
            pages.setdefault(page.pk, page)
    return list(pages.values())


def on_correction_changed(sender, instance, **kwargs):
    """A correction added, edited or removed: its story (box, "Updated", JSON-LD) and the
    corrections log, nothing else."""
    purge(
        {surrogate.page_key(instance.story_id), surrogate.CORRECTIONS},
        cdn_pages=Page.objects.filter(pk=instance.story_id).specific(),
        cdn_urls=["/corrections/", "/corrections/feed/rss/", "/corrections/feed/atom/"],
    )


def purge_fronts(page_ids: Iterable[int]) -> None:
    """Exactly these fronts (the home page, a section page): what shows their lineup."""
    page_ids = set(page_ids)
    purge(
        {surrogate.front_key(pk) for pk in page_ids},
        cdn_pages=Page.objects.filter(pk__in=page_ids).specific(),
    )


def on_front_published(sender, instance, **kwargs):
    purge_fronts([instance.page_id])


def on_fronts_changed(sender, page_ids=(), **kwargs):
    purge_fronts(page_ids)


def on_comments_changed(sender, article_id: int | None = None, article_ids=(), **kwargs):
    """What readers see of these articles' comments changed (dateline.comments.signals).

    The one route of every comment change to the caches: the comment services announce
    each change they commit (a submit that is published at once, an approval, an edit,
    a removal, an import, a bulk moderation), once, after the commit. Only the comments
    changed, so what is kept of the articles without them stays (``comments_only``).
    """
    ids = {*article_ids, *(() if article_id is None else (article_id,))}
    if ids:
        purge(
            {surrogate.page_key(pk) for pk in ids},
            cdn_pages=_articles_for_cdn(ids),
            comments_only=True,
        )


def connect_signals() -> None:
    """Wire every change that can alter a cached response to its purge (AppConfig.ready)."""
    page_published.connect(on_page_changed, dispatch_uid="edge-page-published")
    page_unpublished.connect(on_page_changed, dispatch_uid="edge-page-unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="edge-page-moved")
    page_slug_changed.connect(on_page_moved, dispatch_uid="edge-page-slug-changed")
    for model in apps.get_models():
        if issubclass(model, Page):
            pre_delete.connect(on_page_deleting, sender=model, dispatch_uid=f"edge-pre-{model}")
            post_delete.connect(on_page_deleted, sender=model, dispatch_uid=f"edge-del-{model}")
            post_save.connect(on_page_saved, sender=model, dispatch_uid=f"edge-save-{model}")
        elif issubclass(model, BaseSiteSetting | BaseGenericSetting):
            post_save.connect(on_settings_changed, sender=model, dispatch_uid=f"edge-set-{model}")
    post_save.connect(on_site_changed, sender=Site, dispatch_uid="edge-site-saved")
    post_delete.connect(on_site_changed, sender=Site, dispatch_uid="edge-site-deleted")
    image = get_image_model()
    post_save.connect(on_image_changed, sender=image, dispatch_uid="edge-image-saved")
    post_delete.connect(on_image_changed, sender=image, dispatch_uid="edge-image-deleted")
    post_save.connect(on_tag_changed, sender=Tag, dispatch_uid="edge-tag-saved")
    # Before the delete: afterwards the tagged items are gone with the tag.
    pre_delete.connect(on_tag_changed, sender=Tag, dispatch_uid="edge-tag-deleted")
    for signal, name in ((post_save, "saved"), (post_delete, "deleted")):
        signal.connect(
            on_view_restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"edge-restriction-{name}",
        )
    if apps.is_installed("wagtail.contrib.redirects"):
        redirect = apps.get_model("wagtailredirects", "Redirect")
        post_save.connect(on_redirect_changed, sender=redirect, dispatch_uid="edge-redirect-saved")
        post_delete.connect(on_redirect_changed, sender=redirect, dispatch_uid="edge-redirect-del")
    if apps.is_installed("dateline.newsletters"):
        newsletter = apps.get_model(*NEWSLETTER_MODEL)
        post_save.connect(on_settings_changed, sender=newsletter, dispatch_uid="edge-newsletter")
        post_delete.connect(
            on_settings_changed, sender=newsletter, dispatch_uid="edge-newsletter-d"
        )
    if apps.is_installed("dateline.desk"):
        front = apps.get_model(*FRONT_MODEL)
        published.connect(on_front_published, sender=front, dispatch_uid="edge-front-published")
        unpublished.connect(on_front_published, sender=front, dispatch_uid="edge-front-unpub")
        import_string(FRONTS_CHANGED_SIGNAL).connect(
            on_fronts_changed, dispatch_uid="edge-fronts-changed"
        )
        correction = apps.get_model(*CORRECTION_MODEL)
        post_save.connect(on_correction_changed, sender=correction, dispatch_uid="edge-correction")
        post_delete.connect(
            on_correction_changed, sender=correction, dispatch_uid="edge-correction-d"
        )
    try:
        comments_changed = import_string(COMMENTS_CHANGED_SIGNAL)
    except ImportError:
        return  # the comments app is not installed
    comments_changed.connect(on_comments_changed, dispatch_uid="edge-comments-changed")
