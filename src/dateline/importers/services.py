"""Writes for imports: a whole WordPress site from its WXR export, in one call.

``wordpress_import()`` reads the export twice. The first pass only checks that the file
is a well-formed WordPress export and counts its items, so a file damaged halfway stops
the import before anything is written. The second pass imports in batches of
``BATCH_SIZE`` items, one transaction per batch and a savepoint per item: an item that
fails is rolled back alone and reported, and an interrupted run keeps every finished
batch. Everything imported is recorded in ImportedObject, so a second run updates what
changed, creates nothing twice and finishes what an interrupted run left undone.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, tzinfo
from functools import cache
from itertools import chain
from pathlib import Path
from types import EllipsisType
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from lxml import etree
from modelcluster.models import get_all_child_relations
from taggit.models import Tag
from treebeard.exceptions import PathOverflow
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.signal_handlers import disable_reference_index_auto_update

from dateline.comments.models import Comment
from dateline.comments.rendering import normalise_email
from dateline.comments.services import (
    ImportedComment,
    comment_changes_batched,
    comments_import,
)
from dateline.core import bulk
from dateline.discovery.services import archive_months_recount
from dateline.importers.content import html_to_text, wordpress_html_to_blocks
from dateline.importers.fetch import NotFetched, fetch_image
from dateline.importers.languages import LanguageMap
from dateline.importers.models import ImportedObject
from dateline.importers.wxr import (
    WxrAuthor,
    WxrComment,
    WxrPost,
    WxrProblem,
    WxrSite,
    WxrTerm,
    iter_wxr,
)

# The reader's own wording for a damaged file, so both passes report it the same way.
from dateline.importers.wxr import _syntax_error as wxr_syntax_error
from dateline.news.models import (
    ArticleAuthor,
    ArticlePage,
    ArticleTag,
    AuthorIndexPage,
    AuthorPage,
    SectionPage,
    StandardPage,
)
from dateline.news.services import author_create, section_create, site_home
from dateline.search.indexing import index_updates_batched

__all__ = ["BATCH_SIZE", "ImportReport", "KindCounts", "Messages", "wordpress_import"]

BATCH_SIZE = 50
# The kinds whose mapping rows stay in memory for the run: the export's header (terms,
# authors), a vocabulary rather than an archive.
HEADER_KINDS = (ImportedObject.Kind.CATEGORY, ImportedObject.Kind.TAG, ImportedObject.Kind.AUTHOR)
# Messages of each kind a report keeps (the rest are counted).
MESSAGES_KEPT = 1_000
# Pictures found by file path that the run keeps at hand (most recently used first out).
IMAGES_REMEMBERED = 2_000
Kind = ImportedObject.Kind
CommentStatus = Comment.Status
IMPORT_REASON = "Imported from WordPress."

# WordPress comment states to Dateline's. Trash has no twin: a moderator removed it.
COMMENT_STATUSES = {
    "approved": CommentStatus.APPROVED,
    "pending": CommentStatus.PENDING,
    "spam": CommentStatus.SPAM,
    "trash": CommentStatus.REJECTED,
}
# Post states that are not content: WordPress's own bookkeeping, never imported.
IGNORED_POST_STATUSES = {"trash", "auto-draft", "inherit"}
DRAFT_POST_STATUSES = {"draft", "pending", "private"}
SIZE_SUFFIX = re.compile(r"-\d+x\d+(?=\.[A-Za-z0-9]+$)")
FIRST_SENTENCE = re.compile(r"^(.+?[.!?。！？])(?:\s|$)", re.DOTALL)


# -- the report ----------------------------------------------------------------------


@dataclass
class KindCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0


class Messages(list):
    """A report's list of messages: the first ``MESSAGES_KEPT`` of them, and how many
    there were in all (``total``).

    A big archive gives a warning or two for every few stories (an unknown shortcode, a
    pingback skipped): kept whole, they would grow with the archive, for a summary that
    shows the first few of each list and counts the rest.
    """

    def __init__(self, *args):
        super().__init__(*args)
        self.total = len(self)

    def append(self, message: str) -> None:
        self.total += 1
        if len(self) < MESSAGES_KEPT:
            super().append(message)


@dataclass
class ImportReport:
    """What a run did, or (with dry_run) would have done."""

    source: str = ""
    dry_run: bool = False
    counts: dict[str, KindCounts] = field(default_factory=lambda: defaultdict(KindCounts))
    warnings: Messages = field(default_factory=Messages)
    problems: Messages = field(default_factory=Messages)
    missing_media: Messages = field(default_factory=Messages)  # not in --media-dir
    fetched_media: Messages = field(default_factory=Messages)  # ... so fetched from the old site
    linked_media: Messages = field(default_factory=Messages)  # ... or linked there, and why

    def count(self, kind: str, outcome: str, amount: int = 1) -> None:
        counts = self.counts[kind]
        setattr(counts, outcome, getattr(counts, outcome) + amount)

    def skip(self, kind: str, reason: str) -> None:
        self.count(kind, "skipped")
        self.problems.append(reason)

    def rows(self) -> list[tuple[str, KindCounts]]:
        """The counts in the order an editor reads them: structure, people, content."""
        order = ["category", "tag", "author", "image", "post", "page", "comment"]
        known = [(kind, self.counts[kind]) for kind in order if kind in self.counts]
        others = sorted((k, v) for k, v in self.counts.items() if k not in order)
        return [*known, *others]


class _DryRunRollback(Exception):
    """Raised at the end of a dry run to roll its transaction back."""


# -- the entry point -----------------------------------------------------------------


def wordpress_import(
    *,
    source: str | os.PathLike[str],
    media_dir: str | os.PathLike[str] | None = None,
    dry_run: bool = False,
    fetch_media: bool = False,
    progress: Callable[[int, int], None] | None = None,
    local_timezone: tzinfo = UTC,
) -> ImportReport:
    """Import a WordPress WXR export: sections, tags, authors, posts, pages, comments.

    ``progress(done, total)`` is called after each item. A file that is not a
    well-formed export raises WxrError before anything is written; a damaged item is
    skipped and listed in the report's problems. With ``dry_run`` the whole import runs
    in a transaction that is rolled back, and no image file is written.

    A picture whose file is not in ``media_dir`` is fetched from the old site when
    ``fetch_media`` is set and the site serves it; otherwise it stays in the article as a
    link to its old address, with its caption and alt text. Both are listed in the report.
    """
    report = ImportReport(dry_run=dry_run)
    total = _count_items(source)
    importer = _Importer(
        report=report,
        media_dir=Path(media_dir) if media_dir else None,
        fetch_media=fetch_media,
        dry_run=dry_run,
        progress=progress,
        total=total,
    )
    records = iter_wxr(source, local_timezone=local_timezone)
    with disable_reference_index_auto_update():
        if dry_run:
            try:
                with transaction.atomic():
                    _import_batches(importer, records, batch_size=None)
                    raise _DryRunRollback
            except _DryRunRollback:
                pass
        else:
            _import_batches(importer, records, batch_size=BATCH_SIZE)
    return report


def _count_items(source: str | os.PathLike[str]) -> int:
    """The first pass: the whole file is well-formed XML; how many items it holds.

    Only lxml's parser runs (no records are built), at a small fraction of the import.
    """
    count = 0
    try:
        for _, element in etree.iterparse(
            os.fspath(source),
            events=("end",),
            tag="item",
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
        ):
            count += 1
            element.clear(keep_tail=False)
            parent = element.getparent()
            while parent is not None and element.getprevious() is not None:
                del parent[0]
    except etree.XMLSyntaxError as error:
        raise wxr_syntax_error(os.fspath(source), error) from error
    return count


def _import_batches(importer: _Importer, records: Iterator, *, batch_size: int | None) -> None:
    exhausted = False
    analysed_at = 1  # items handled when the planner's statistics were last refreshed
    again: list = []  # an item that starts the next batch
    while not exhausted:
        # Comment counters, announcements and search-index tasks once per batch, not once
        # per story; the rows the batch writes in bulk (comments...) when its items are done.
        with transaction.atomic(), comment_changes_batched(), index_updates_batched():
            with bulk.deferred():
                handled = 0
                in_batch: set[tuple[str, int]] = set()
                for record in chain(again, records):
                    again = []
                    if isinstance(record, WxrPost):
                        if (record.post_type, record.wp_id) in in_batch:
                            # Given twice (a hand-merged export): this batch ends first, so
                            # the copy before is whole in the database when this one comes.
                            again = [record]
                            break
                        in_batch.add((record.post_type, record.wp_id))
                    importer.handle(record)
                    if isinstance(record, WxrPost):
                        handled += 1
                        if batch_size and handled >= batch_size:
                            break
                else:
                    exhausted = True
            if exhausted:
                importer.finish()
            importer.log_created_pages()
        if not exhausted and importer.done >= 2 * analysed_at:
            # Plans chosen from statistics of a database half the size or less go wrong:
            # without them, finding a section's last page read all its pages (17 ms a
            # story at 10,000 of them; 0.07 ms at 40,000 analysed). Refreshed as the
            # import doubles.
            refresh_planner_statistics()
            analysed_at = importer.done


_MAPPED_ROW_FIELDS = ["id", "content_type_id", "object_id", "fingerprint"]


@cache
def _mapped_row_sql() -> str:
    """The lookup of one mapping row; only names of the model's own go into the text."""
    quote = connection.ops.quote_name
    return "SELECT {} FROM {} WHERE {} = %s AND {} = %s AND {} = %s".format(  # noqa: S608
        ", ".join(quote(name) for name in _MAPPED_ROW_FIELDS),
        quote(ImportedObject._meta.db_table),
        quote("source"),
        quote("kind"),
        quote("wp_id"),
    )


@cache
def _slug_taken_sql() -> str:
    """Whether a child of a page (by depth and path range) has this slug."""
    quote = connection.ops.quote_name
    template = "SELECT 1 FROM {} WHERE {} = %s AND {} = %s AND {} BETWEEN %s AND %s LIMIT 1"
    return template.format(quote(Page._meta.db_table), quote("slug"), quote("depth"), quote("path"))


def _fingerprint(*parts: Any) -> str:
    return hashlib.sha256(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()


def _with_linked_images(fingerprint: str, linked: int) -> str:
    """A post stored with pictures linked to the old site is tried again on the next run
    (the files may be in --media-dir by then, or --fetch-media given), and updated when
    fewer are linked."""
    return _fingerprint(fingerprint, "linked images", linked) if linked else fingerprint


def _clip(text: str, limit: int) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _is_ascii_slug(value: str) -> bool:
    return bool(value) and re.fullmatch(r"[-a-zA-Z0-9_]+", value) is not None


def _slug_for(raw_slug: str, title: str, fallback: str) -> str:
    """WordPress slugs may be percent-encoded Unicode; Dateline's URLs are ASCII."""
    slug = unquote(raw_slug or "").strip().lower()
    if _is_ascii_slug(slug):
        return slug[:255]
    return (slugify(title) or fallback)[:255]


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    match = FIRST_SENTENCE.match(text)
    return (match.group(1) if match else text).strip()


def _plain_title(raw: str, fallback: str) -> str:
    return _clip(html_to_text(raw) or html.unescape(raw).strip() or fallback, 255)


def _add_child(parent: Page, page: Page) -> None:
    """``parent.add_child(instance=page)`` for a page the importer built and checked.

    Treebeard's add_child reads the parent again and runs Wagtail's full_clean, which
    asks the database for the parent a third time, its locale, every foreign key, the
    path, the translation key, the slug among the siblings and whether the page is a
    site root: eight queries for facts the importer already holds (the slug is free,
    see _free_slug). The page's own fields, its body blocks among them, are still
    validated, and the tree is written as treebeard writes it.
    """
    # The parent's row is updated first, so a concurrent add_child waits for this one.
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + 1)
    last = (
        # A range, not path__startswith: SQLite cannot use the path index for LIKE.
        Page.objects.filter(
            depth=parent.depth + 1, path__range=Page._get_children_path_interval(parent.path)
        )
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    step = Page._str2int(last[-Page.steplen :]) + 1 if last else 1
    if len(Page._int2str(step)) > Page.steplen:
        raise PathOverflow(f"{parent.title}: no room for another page under it")
    page.depth = parent.depth + 1
    page.path = Page._get_path(parent.path, page.depth, step)
    page._cached_parent_obj = parent
    page._is_site_root = False  # a new page has a new translation key: no site has it
    page.locale_id = parent.locale_id
    page.draft_title = page.draft_title or page.title
    page.clean_fields(exclude=[field.name for field in page._meta.fields if field.is_relation])
    page.save(clean=False, log_action=None)  # logged with its batch (log_created_pages)
    parent.numchild += 1


def _serializable_data_of_new(page: Page, children: dict[str, list]) -> dict:
    """``page.serializable_data()`` of a page just created with these children.

    modelcluster reads every child relation back from the database to serialise it:
    three queries per article for rows the importer has just written (or, in a batch on
    PostgreSQL, has yet to write: dateline.core.bulk). `children` are those rows, with
    their ids, by relation, and no rows for a relation the page has none of.
    """
    page._cluster_related_objects = children
    try:
        data = page.serializable_data()
    finally:
        page._cluster_related_objects = {}
    # As Wagtail writes a new page's first revision: before any revision is named.
    return {**data, "latest_revision": None, "live_revision": None,
            "latest_revision_created_at": None}  # fmt: skip


# -- the importer --------------------------------------------------------------------


class _Importer:
    """Turns WXR records into Dateline objects; remembers what the run has seen."""

    def __init__(self, *, report, media_dir, fetch_media, dry_run, progress, total):
        self.report = report
        self.media_dir = media_dir
        self.fetch_media = fetch_media
        self.dry_run = dry_run
        self.progress = progress
        self.total = total
        self.done = 0
        self.source = ""
        self.home = site_home()
        # Rows of the header's kinds (sections, tags, authors): a few per term, whatever
        # the number of stories. Posts, pages and attachments are looked up in the
        # database one at a time, so memory does not grow with the archive.
        self.mapped: dict[tuple[str, int], ImportedObject] = {}
        self.sections: dict[str, SectionPage] = {}  # category slug -> section
        self.waiting_sections: dict[str, list[WxrTerm]] = defaultdict(list)
        self.tags: dict[str, Tag] = {}  # tag slug -> tag
        self.authors: dict[str, AuthorPage] = {}  # login -> author page
        self.users_by_wp_id: dict[int, int] = {}  # WordPress user id -> Django user id
        self.attachments: dict[int, str] = {}  # attachment id -> file URL
        # file path -> Wagtail image (or None), the most recently used ones
        self.images: OrderedDict[str, Any] = OrderedDict()
        self.waiting_lead_images: list[tuple[int, int]] = []  # (article id, attachment id)
        self.created_pages: list[Page] = []  # by _add_child, not yet in the history log
        self.authorless: dict[str, int] = defaultdict(int)  # missing login -> posts
        self.site_title = "Staff"
        self.languages = LanguageMap()  # Polylang's or WPML's language data, if any
        self.content_types = {
            model: ContentType.objects.get_for_model(model)
            for model in (SectionPage, Tag, AuthorPage, ArticlePage, StandardPage, Comment)
        }
        self.content_types["image"] = ContentType.objects.get_for_model(get_image_model())

    # -- dispatch ----------------------------------------------------------------

    def handle(self, record) -> None:
        if isinstance(record, WxrSite):
            self.start(record)
        elif isinstance(record, WxrProblem):
            if record.kind == "invalid-item":
                self._advance()
            kind = {
                "invalid-item": "post",
                "invalid-author": "author",
                "invalid-term": "category",
            }.get(record.kind)
            where = f" (line {record.line})" if record.line else ""
            if kind:
                self.report.skip(kind, f"{record.message}{where}")
            else:
                self.report.warnings.append(f"{record.message}{where}")
        elif isinstance(record, WxrAuthor):
            self._guarded("author", record.login, self.author, record)
        elif isinstance(record, WxrTerm):
            self._guarded(record.kind, record.slug, self.term, record)
        elif isinstance(record, WxrPost):
            self._guarded(record.post_type, record.wp_id, self.post, record)
            self._advance()

    def _advance(self) -> None:
        self.done += 1
        if self.progress:
            self.progress(self.done, self.total)

    def _guarded(self, kind: str, label: Any, handler, record) -> None:
        """One item in its own savepoint: when it fails, only it is rolled back, and the
        run forgets what it remembered of the item (rows that are gone with it)."""
        sizes = {name: len(getattr(self, name)) for name in self.REMEMBERED}
        try:
            with transaction.atomic(), bulk.savepoint():
                handler(record)
        except Exception as error:
            self._forget_since(sizes)
            self.report.skip(kind, f"{kind} {label}: not imported: {error}")

    # What the run keeps of the rows it wrote, each only ever added to while an item runs.
    REMEMBERED = (
        "mapped", "sections", "tags", "authors", "users_by_wp_id", "created_pages",
        "waiting_lead_images",
    )  # fmt: skip

    def _forget_since(self, sizes: dict[str, int]) -> None:
        """Drop what was remembered after `sizes` were taken: a failed item's section,
        tag or stand-in author must not be given to the next story, whose row would then
        point at nothing."""
        for name, size in sizes.items():
            held = getattr(self, name)
            if isinstance(held, dict):
                for key in list(held)[size:]:
                    del held[key]
            else:
                del held[size:]
        self.images.clear()  # a cache reordered as it is used: emptied, not cut

    def log_created_pages(self) -> None:
        """The history entry ("Created") of each page `_add_child` made, as Wagtail's
        page save writes it, for the batch in one insert."""
        now = timezone.now()
        bulk.insert(
            PageLogEntry,
            [
                PageLogEntry(
                    page_id=page.pk,
                    content_type=self.content_types[type(page)],
                    label=page.get_admin_display_title(),
                    action="wagtail.create",
                    data={},
                    timestamp=now,
                    content_changed=True,
                )
                for page in self.created_pages
            ],
        )
        self.created_pages.clear()

    def start(self, site: WxrSite) -> None:
        self.source = (site.base_blog_url or site.link or site.title).rstrip("/")[:200]
        self.report.source = self.source
        self.site_title = html_to_text(site.title) or "Staff"
        if self.home is None:
            raise RuntimeError("the site has no home page: run `dateline migrate` first")
        for row in ImportedObject.objects.filter(source=self.source, kind__in=HEADER_KINDS):
            self.mapped[(row.kind, row.wp_id)] = row

    def finish(self) -> None:
        for login, count in self.authorless.items():
            who = (
                f"author {login!r} is not in the export's author list"
                if login
                else ("had no author on WordPress (a deleted user)")
            )
            self.report.warnings.append(
                f"{count} posts: {who}; their byline is {self.site_title!r}"
            )
        for waiting in self.waiting_sections.values():
            for term in waiting:
                self.report.warnings.append(
                    f"category {term.slug}: its parent {term.parent_slug!r} is not in the "
                    "export; it became a top-level section"
                )
                self._guarded("category", term.slug, self._section, term)
        self.waiting_sections.clear()
        for article_id, attachment_id in self.waiting_lead_images:
            image = self._attachment_image(attachment_id)
            if image is not None:
                ArticlePage.objects.filter(pk=article_id).update(lead_image=image)
        self.languages.relocate(source=self.source, report=self.report)
        # Stories are saved here without Wagtail's publishing signals, and dated after
        # their save: the sitemap index's figures are counted once, for the whole archive.
        archive_months_recount()
        refresh_planner_statistics()

    # -- the mapping -------------------------------------------------------------

    def _mapped_row(self, kind: str, wp_id: int | None) -> ImportedObject | None:
        """The mapping row of an id (made by this run or an earlier one), if any."""
        if wp_id is None:
            return None
        if kind in HEADER_KINDS:
            return self.mapped.get((kind, wp_id))
        # Asked at least once per story: written out, it skips building the same query
        # with the ORM each time (4.5% of a 2,000-story import's time in a profile).
        with connection.cursor() as cursor:
            cursor.execute(_mapped_row_sql(), [self.source, kind, wp_id])
            found = cursor.fetchone()
        return None if found is None else ImportedObject.from_db(None, _MAPPED_ROW_FIELDS, found)

    def _target(self, kind: str, wp_id: int | None, model) -> tuple[Any, ImportedObject | None]:
        """The object an earlier run made for this id (None if it has been deleted since)."""
        row = self._mapped_row(kind, wp_id)
        if row is None:
            return None, None
        target = model.objects.filter(pk=row.object_id).first()
        return target, row

    def _remember(
        self,
        kind: str,
        wp_id: int | None,
        target,
        *,
        fingerprint: str = "",
        email: str = "",
        row: ImportedObject | None | EllipsisType = ...,
    ) -> None:
        """Record what ``wp_id`` became. ``row``: its mapping row as ``_target`` just
        read it (None when there was none), which spares reading it again."""
        if wp_id is None:
            return
        content_type = self.content_types.get(type(target)) or ContentType.objects.get_for_model(
            target
        )
        values = {
            "content_type": content_type,
            "object_id": target.pk,
            "fingerprint": fingerprint,
            "email": email,
        }
        if row is ...:
            row = self._mapped_row(kind, wp_id)
        if row is None:
            row = ImportedObject.objects.create(
                source=self.source, kind=kind, wp_id=wp_id, **values
            )
        else:
            for name, value in values.items():
                setattr(row, name, value)
            row.save(update_fields=[*values, "updated_at"])
        if kind in HEADER_KINDS:
            self.mapped[(kind, wp_id)] = row

    # -- authors -----------------------------------------------------------------

    def _author_index(self) -> AuthorIndexPage:
        index = AuthorIndexPage.objects.first()
        if index is None:
            index = self.home.add_child(instance=AuthorIndexPage(title="Authors", slug="authors"))
        return index

    def author(self, author: WxrAuthor) -> None:
        fingerprint = _fingerprint(author.display_name, author.email, author.login)
        page, row = self._target(Kind.AUTHOR, author.wp_id, AuthorPage)
        if page is not None:
            if row.fingerprint == fingerprint:
                self.report.count("author", "unchanged")
            else:
                page.title = _clip(author.display_name, 255)
                page.save_revision(log_action=False).publish(log_action=False)
                self.report.count("author", "updated")
        else:
            index = self._author_index()
            page = AuthorPage.objects.child_of(index).filter(title=author.display_name).first()
            if page is None:
                page = author_create(
                    index=index,
                    name=_clip(author.display_name, 255),
                    slug=self._free_slug(
                        index, _slug_for(author.login, author.display_name, "author")
                    ),
                )
            self.report.count("author", "created")
        user = self._user_for(author, page)
        if user is not None and page.user_id is None:
            AuthorPage.objects.filter(pk=page.pk).update(user=user)
            page.user = user
        self._remember(
            Kind.AUTHOR,
            author.wp_id,
            page,
            fingerprint=fingerprint,
            email=normalise_email(author.email)[:254],
        )
        self.authors[author.login] = page
        if user is not None and author.wp_id is not None:
            self.users_by_wp_id[author.wp_id] = user.pk

    def _stand_in_author(self, login: str) -> AuthorPage:
        """The byline of posts whose writer is unknown: the publication itself."""
        self.authorless[login] += 1
        key = "\x00stand-in"
        if key not in self.authors:
            index = self._author_index()
            page = AuthorPage.objects.child_of(index).filter(title=self.site_title).first()
            if page is None:
                slug = _slug_for("", self.site_title, "staff")
                page = author_create(
                    index=index, name=_clip(self.site_title, 255), slug=self._free_slug(index, slug)
                )
                self.report.count("author", "created")
            self.authors[key] = page
        return self.authors[key]

    def _user_for(self, author: WxrAuthor, page: AuthorPage):
        """The author's Django account: theirs if the address is known, else a new one.

        A new account cannot sign in (inactive, no password) until an administrator
        turns it on: importing a file must never hand out access to the admin.
        """
        if page.user_id:
            return page.user
        User = get_user_model()
        email = normalise_email(author.email)
        if email:
            existing = User.objects.filter(email__iexact=email).first()
            if existing is not None:
                return None if hasattr(existing, "author_profile") else existing
        username = f"wp-{author.login}"[:150]
        if User.objects.filter(username=username).exists():
            return None
        user = User(
            username=username,
            email=email,
            first_name=author.first_name[:150],
            last_name=author.last_name[:150],
            is_active=False,
        )
        user.set_unusable_password()
        user.save()
        return user

    # -- terms -------------------------------------------------------------------

    def term(self, term: WxrTerm) -> None:
        if self.languages.term(term):
            return
        if term.kind == "category":
            if term.parent_slug and term.parent_slug not in self.sections:
                self.waiting_sections[term.parent_slug].append(term)
                return
            self._section(term)
        elif term.kind == "tag":
            self._tag(term)
        else:
            self.report.count(term.kind, "skipped")

    def _section(self, term: WxrTerm) -> None:
        parent = self.sections.get(term.parent_slug or "") or self.home
        fingerprint = _fingerprint(term.name, term.slug, term.parent_slug, term.description)
        section, row = self._target(Kind.CATEGORY, term.wp_id, SectionPage)
        slug = _slug_for(term.slug, term.name, f"section-{term.wp_id}")
        if section is not None:
            if row.fingerprint == fingerprint:
                self.report.count("category", "unchanged")
            else:
                section.title = _clip(term.name, 255)
                section.intro = html_to_text(term.description)
                section.save_revision(log_action=False).publish(log_action=False)
                self.report.count("category", "updated")
        else:
            # A section the newsroom already made under the same name is reused.
            section = SectionPage.objects.child_of(parent).filter(slug=slug).first()
            if section is None:
                section = section_create(
                    parent=parent,
                    title=_clip(term.name, 255),
                    slug=self._free_slug(parent, slug),
                    intro=html_to_text(term.description),
                )
            self.report.count("category", "created")
        self._remember(Kind.CATEGORY, term.wp_id, section, fingerprint=fingerprint)
        self.sections[term.slug] = section
        for child in self.waiting_sections.pop(term.slug, []):
            self._guarded("category", child.slug, self._section, child)

    def _tag(self, term: WxrTerm) -> None:
        tag, _ = self._tag_for(term.slug, term.name, wp_id=term.wp_id)
        self.tags[term.slug] = tag

    def _tag_for(self, raw_slug: str, name: str, *, wp_id: int | None = None) -> tuple[Tag, bool]:
        known = self.tags.get(raw_slug)
        if known is not None:
            return known, False
        mapped, _ = self._target(Kind.TAG, wp_id, Tag)
        if mapped is not None:
            self.report.count("tag", "unchanged")
            return mapped, False
        name = _clip(name, 100)
        tag = Tag.objects.filter(name__iexact=name).first()
        created = tag is None
        if created:
            slug = _slug_for(raw_slug, name, f"tag-{wp_id or ''}".rstrip("-"))
            if Tag.objects.filter(slug=slug).exists():
                slug = f"{slug}-{wp_id or Tag.objects.count()}"
            tag = Tag.objects.create(name=name, slug=slug[:100])
        self.report.count("tag", "created" if created else "unchanged")
        self._remember(Kind.TAG, wp_id, tag)
        return tag, created

    # -- posts and pages ---------------------------------------------------------

    def post(self, post: WxrPost) -> None:
        if post.post_type == "attachment":
            if post.attachment_url:
                self.attachments[post.wp_id] = post.attachment_url
            return
        if post.post_type not in ("post", "page"):
            self.report.skip(
                post.post_type,
                f"{post.post_type} {post.wp_id} ({post.title!r}): Dateline has no "
                f"{post.post_type!r} content type",
            )
            return
        if post.status in IGNORED_POST_STATUSES:
            self.report.skip(
                post.post_type,
                f"{post.post_type} {post.wp_id} ({post.title!r}): status {post.status!r}",
            )
            return
        if post.post_type == "post":
            self._article(post)
            self.languages.post(post)
        else:
            self._standard_page(post)

    def _body(self, post: WxrPost) -> tuple[list[dict], dict | None, int]:
        """Article body blocks, the first image block (converted, with its image), and how
        many pictures are linked to the old site because their file could not be had."""
        converted = wordpress_html_to_blocks(post.content)
        for warning in converted.warnings:
            self.report.warnings.append(f"{post.post_type} {post.wp_id}: {warning}")
        blocks: list[dict] = []
        first_image = None
        linked = 0
        for block in converted.blocks:
            kind, value = block["type"], block["value"]
            if kind == "paragraph":
                blocks.append({"type": "paragraph", "value": value})
            elif kind == "subheading":
                blocks.append({"type": "subheading", "value": _clip(value, 200)})
            elif kind == "quote":
                blocks.append(
                    {
                        "type": "pull_quote",
                        "value": {
                            "quote": value.get("quote", ""),
                            "attribution": _clip(value.get("attribution", ""), 200),
                        },
                    }
                )
            elif kind == "embed":
                blocks.append({"type": "embed", "value": value})
            elif kind == "image":
                src = urljoin(self.source + "/", value.get("src", ""))
                image = self._image(
                    url=src,
                    attachment_id=value.get("wp_attachment_id"),
                    used_in=f"{post.post_type} {post.wp_id}",
                )
                image_block = {
                    "type": "image",
                    "value": {
                        "image": image.pk if image is not None else None,
                        "alt": _clip(value.get("alt", ""), 500),
                        "caption": _clip(value.get("caption", ""), 500),
                        "credit": _clip(value.get("credit", ""), 200),
                        # Without its file the picture stays, as a link to where it was.
                        "original_url": "" if image is not None else src,
                    },
                }
                if image is None:
                    linked += 1
                elif first_image is None:
                    first_image = {**image_block["value"], "position": len(blocks), "image": image}
                blocks.append(image_block)
            else:
                self.report.warnings.append(
                    f"{post.post_type} {post.wp_id}: a {kind!r} block was left out"
                )
        return blocks, first_image, linked

    def _standfirst(self, post: WxrPost, title: str, body: list[dict]) -> str:
        """The excerpt, else the first sentence of the first paragraph, else the title."""
        excerpt = html_to_text(post.excerpt)
        if not excerpt:
            first = next((b["value"] for b in body if b["type"] == "paragraph"), "")
            excerpt = _first_sentence(html_to_text(first))
        return _clip(excerpt or title, 600)

    def _post_fingerprint(self, post: WxrPost) -> str:
        return _fingerprint(
            post.title,
            post.slug,
            post.status,
            post.date,
            post.modified,
            post.excerpt,
            post.content,
            post.creator,
            post.categories,
            post.tags,
            post.postmeta.get("_thumbnail_id"),
            post.comment_status,
            post.parent_id,
        )

    def _article(self, post: WxrPost) -> None:
        fingerprint = self._post_fingerprint(post)
        article, row = self._target(Kind.POST, post.wp_id, ArticlePage)
        if article is not None and row.fingerprint == fingerprint:
            self.report.count("post", "unchanged")
            self._comments(post, article, new_article=False)
            return
        if post.status == "future" and post.date is None:
            self.report.skip("post", f"post {post.wp_id}: scheduled without a date")
            return
        body, first_image, linked = self._body(post)
        fingerprint = _with_linked_images(fingerprint, linked)
        if article is not None and row.fingerprint == fingerprint:
            # Unchanged, and its linked pictures still cannot be had: nothing to update.
            self.report.count("post", "unchanged")
            self._comments(post, article, new_article=False)
            return
        author = self.authors.get(post.creator) or self._stand_in_author(post.creator)
        section = self._section_for(post)
        title = _plain_title(post.title, f"Untitled post {post.wp_id}")
        lead = self._lead_image(post, body, first_image)
        tags = [self._tag_for(ref.slug, ref.name)[0] for ref in post.tags if ref.name or ref.slug]
        fields = {
            "standfirst": self._standfirst(post, title, body),
            "body": body,
            "lead_image": lead["image"],
            "lead_image_caption": lead["caption"],
            "lead_image_credit": lead["credit"],
            "comments_mode": (
                ArticlePage.CommentsMode.CLOSED if post.comment_status == "closed" else ""
            ),
        }
        if post.status in DRAFT_POST_STATUSES - {"draft"}:
            self.report.warnings.append(
                f"post {post.wp_id} ({title}): was {post.status!r} on WordPress; "
                "imported as a draft"
            )
        if post.password:
            self.report.warnings.append(
                f"post {post.wp_id} ({title}): was password-protected; imported as a draft"
            )
        publish = post.status == "publish" and not post.password
        scheduled = post.status == "future" and not post.password
        if article is None:
            article = self._create_article(
                section=section,
                title=title,
                author=author,
                tags=tags,
                slug=self._free_slug(section, _slug_for(post.slug, title, f"post-{post.wp_id}")),
                post=post,
                publish=publish,
                scheduled=scheduled,
                fields=fields,
            )
            self.report.count("post", "created")
            new_article = True
        else:
            self._update_article(
                article, post, section=section, title=title, author=author, tags=tags,
                fields=fields, publish=publish, scheduled=scheduled,
            )  # fmt: skip
            self.report.count("post", "updated")
            new_article = False
            if publish:
                self._set_dates(ArticlePage, article, post)
        if lead.get("waiting"):
            self.waiting_lead_images.append((article.pk, lead["waiting"]))
        self._remember(Kind.POST, post.wp_id, article, fingerprint=fingerprint, row=row)
        if publish or scheduled:
            self._redirects(post, article, f"/?p={post.wp_id}")
        self._comments(post, article, new_article=new_article)

    def _create_article(
        self, *, section, title, author, tags, slug, post, publish, scheduled, fields
    ) -> ArticlePage:
        """A new article, already live (or scheduled, or a draft) with one revision.

        news.services.article_create saves the page three times and runs Wagtail's whole
        publishing action (signals, logs, cache purges) for a page nobody has seen yet;
        at 0.1-0.2 s a page that alone is 20 minutes for 10,000 posts. Here the page is
        saved once, in its final state, and its revision is written directly: what
        Wagtail's publish would leave in the database, at a third of the cost.
        """
        published = post.date or timezone.now()
        modified = max(post.modified or published, published)
        article = ArticlePage(
            title=title,
            slug=slug,
            live=publish,
            has_unpublished_changes=not publish,
            first_published_at=published if publish else None,
            last_published_at=modified if publish else None,
            go_live_at=post.date if scheduled else None,
            **fields,
        )
        revision = Revision(
            content_type=self.content_types[ArticlePage],
            base_content_type=article.get_base_content_type(),
            object_str=title,
            created_at=modified if publish else timezone.now(),
            approved_go_live_at=post.date if scheduled else None,
        )
        # Where ids come first (PostgreSQL), the page's row names its revision when it is
        # written (foreign keys are checked at commit, and the revision is written with
        # the story, before anything can read the page); elsewhere the page is updated.
        named_ahead = bulk.ids_ahead(Revision, [revision])
        if named_ahead:
            article.latest_revision_id = revision.pk
            article.latest_revision_created_at = revision.created_at
            article.live_revision_id = revision.pk if publish else None
        _add_child(section, article)
        self.created_pages.append(article)
        # The byline and tag rows written in bulk (no child relations held on the page
        # for its save to write one by one), dated as ArticlePage.save dates them.
        dated = {"published_at": article.first_published_at}
        children = {
            relation.get_accessor_name(): [] for relation in get_all_child_relations(article)
        }
        children["authors"] = [ArticleAuthor(article=article, author=author, sort_order=0, **dated)]
        children["tagged_items"] = [
            ArticleTag(content_object=article, tag=tag, **dated) for tag in dict.fromkeys(tags)
        ]
        bulk.insert(ArticleAuthor, children["authors"])
        bulk.insert(ArticleTag, children["tagged_items"])
        revision.object_id = str(article.pk)
        revision.content = _serializable_data_of_new(article, children)
        revision.save(force_insert=True)
        if not named_ahead:
            # The columns are all on the page row: no lookup of the article row first.
            Page.objects.filter(pk=article.pk).update(
                latest_revision=revision,
                latest_revision_created_at=revision.created_at,
                live_revision=revision if publish else None,
            )
        article.latest_revision = revision
        return article

    def _update_article(
        self, article, post, *, section, title, author, tags, fields, publish, scheduled
    ) -> None:
        if article.get_parent().pk != section.pk:
            article.move(section, pos="last-child")
            article.refresh_from_db()
        article.title = title
        for name, value in fields.items():
            setattr(article, name, value)
        article.authors.all().delete()
        article.authors.add(ArticleAuthor(author=author, sort_order=0))
        article.tags.set(tags)
        article.go_live_at = post.date if scheduled else None
        revision = article.save_revision(log_action=False)
        if publish or scheduled:
            revision.publish(log_action=False)
        elif article.live:
            article.unpublish(log_action=False)

    def _set_dates(self, model, page, post: WxrPost) -> None:
        published = post.date or timezone.now()
        modified = max(post.modified or published, published)
        dates = {
            "first_published_at": published,
            "last_published_at": modified,
            "latest_revision_created_at": modified,
        }
        model.objects.filter(pk=page.pk).update(**dates)
        for name, value in dates.items():  # the revision saved next keeps them too
            setattr(page, name, value)
        if isinstance(page, ArticlePage):
            page.date_listing_links()  # an author's and a tag's listings order by it

    def _section_for(self, post: WxrPost) -> SectionPage:
        for ref in post.categories:
            section = self.sections.get(ref.slug)
            if section is not None:
                return section
        for ref in post.categories:
            if ref.slug or ref.name:
                self.report.warnings.append(
                    f"post {post.wp_id}: category {ref.slug or ref.name!r} is not in the "
                    "export's category list; filed under Uncategorized"
                )
                break
        return self._uncategorized()

    def _uncategorized(self) -> SectionPage:
        section = self.sections.get("uncategorized")
        if section is None:
            section = SectionPage.objects.child_of(self.home).filter(slug="uncategorized").first()
            if section is None:
                section = section_create(
                    parent=self.home, title="Uncategorized", slug="uncategorized"
                )
                self.report.count("category", "created")
            self.sections["uncategorized"] = section
        return section

    def _standard_page(self, post: WxrPost) -> None:
        fingerprint = self._post_fingerprint(post)
        page, row = self._target(Kind.PAGE, post.wp_id, StandardPage)
        if page is not None and row.fingerprint == fingerprint:
            self.report.count("page", "unchanged")
            return
        body, _, linked = self._body(post)
        fingerprint = _with_linked_images(fingerprint, linked)
        if page is not None and row.fingerprint == fingerprint:
            self.report.count("page", "unchanged")
            return
        parent, _ = self._target(Kind.PAGE, post.parent_id, StandardPage)
        parent = parent or self.home
        title = _plain_title(post.title, f"Untitled page {post.wp_id}")
        publish = post.status in ("publish", "future") and not post.password
        if post.comments:
            self.report.count("comment", "skipped", len(post.comments))
            self.report.problems.append(
                f"page {post.wp_id} ({title}): {len(post.comments)} comments not imported; "
                "Dateline takes comments on articles only"
            )
        if page is None:
            page = StandardPage(
                title=title,
                slug=self._free_slug(parent, _slug_for(post.slug, title, f"page-{post.wp_id}")),
                standfirst=_clip(html_to_text(post.excerpt), 600),
                body=body,
                live=False,
            )
            parent.add_child(instance=page)
            self.report.count("page", "created")
        else:
            page.title = title
            page.standfirst = _clip(html_to_text(post.excerpt), 600)
            page.body = body
            self.report.count("page", "updated")
        if post.status == "future" and post.date:
            page.go_live_at = post.date
        revision = page.save_revision(log_action=False)
        if publish:
            revision.publish(log_action=False)
            if post.status == "publish":
                self._set_dates(StandardPage, page, post)
        self._remember(Kind.PAGE, post.wp_id, page, fingerprint=fingerprint, row=row)
        if publish:
            self._redirects(post, page, f"/?page_id={post.wp_id}")

    def _free_slug(self, parent: Page, slug: str) -> str:
        """The slug itself when no sibling has it, else the slug with a number.

        Asked of the database each time (the slug index, then the parent's path range):
        a set of every sibling's slug would grow with the archive.
        """
        interval = Page._get_children_path_interval(parent.path)
        with connection.cursor() as cursor:  # once per story: the ORM's build is most of it
            cursor.execute(_slug_taken_sql(), [slug, parent.depth + 1, *interval])
            if cursor.fetchone() is None:
                return slug
        siblings = Page.objects.filter(depth=parent.depth + 1, path__range=interval)
        taken = set(siblings.filter(slug__startswith=f"{slug}-").values_list("slug", flat=True))
        number = 2
        while f"{slug}-{number}" in taken:
            number += 1
        self.report.warnings.append(f"the address {slug!r} was taken; used {slug}-{number}")
        return f"{slug}-{number}"

    # -- redirects ---------------------------------------------------------------

    def _redirects(self, post: WxrPost, page: Page, id_path: str) -> None:
        """301s from the post's old permalink and from its /?p=<id> link to the page."""
        url_parts = page.get_url_parts()
        new_path = Redirect.normalise_path(url_parts[2]) if url_parts else None
        old_paths = {id_path}
        if post.link:
            parts = urlsplit(post.link)
            old_paths.add(parts.path + (f"?{parts.query}" if parts.query else ""))
        wanted = {Redirect.normalise_path(path) for path in old_paths} - {"", "/", new_path}
        existing = list(Redirect.objects.filter(site=None, old_path__in=wanted))
        moved = [r.pk for r in existing if r.redirect_page_id != page.pk or r.redirect_link]
        if moved:
            Redirect.objects.filter(pk__in=moved).update(
                redirect_page=page, redirect_link="", is_permanent=True
            )
        known = {r.old_path for r in existing}
        # Now, not with the batch: the next story's lookup must see these.
        bulk.insert(
            Redirect,
            [
                Redirect(old_path=path, redirect_page=page, is_permanent=True)
                for path in sorted(wanted - known)
            ],
            now=True,
        )

    # -- images ------------------------------------------------------------------

    def _lead_image(self, post: WxrPost, body: list[dict], first_image: dict | None) -> dict:
        """The featured image, else the first image of the body (taken out of the body
        when it opens it, so readers do not see it twice)."""
        lead = {"image": None, "caption": "", "credit": ""}
        thumbnail = post.postmeta.get("_thumbnail_id", "").strip()
        if thumbnail.isdigit() and int(thumbnail):
            attachment_id = int(thumbnail)
            if attachment_id in self.attachments or self._mapped_row(
                Kind.ATTACHMENT, attachment_id
            ):
                lead["image"] = self._attachment_image(attachment_id)
                if lead["image"] is not None:
                    return lead
            else:
                lead["waiting"] = attachment_id
        if first_image is not None:
            lead.update(
                image=first_image["image"],
                caption=first_image["caption"],
                credit=first_image["credit"],
            )
            if first_image["position"] == 0:
                del body[0]
        return lead

    def _attachment_image(self, attachment_id: int):
        image, _ = self._target(Kind.ATTACHMENT, attachment_id, get_image_model())
        if image is not None:
            return image
        url = self.attachments.get(attachment_id)
        if url is None:
            self.report.warnings.append(
                f"attachment {attachment_id} is used as a featured image but is not in the export"
            )
            return None
        return self._image(url=url, attachment_id=attachment_id)

    def _media_path(self, url: str) -> str:
        path = unquote(urlsplit(url).path)
        marker = "/wp-content/uploads/"
        if marker in path:
            return path.split(marker, 1)[1]
        return path.lstrip("/")

    def _image(self, *, url: str, attachment_id: int | None = None, used_in: str = ""):
        """The Wagtail image for a picture of the export: from --media-dir, else fetched
        from the old site (--fetch-media); None when neither has it (then it is listed)."""
        if attachment_id is not None:
            image, _ = self._target(Kind.ATTACHMENT, attachment_id, get_image_model())
            if image is not None:
                return image
            url = self.attachments.get(attachment_id) or url
        if not url:
            return None
        relative = self._media_path(url)
        if relative in self.images:
            self.images.move_to_end(relative)
            return self.images[relative]
        found = self._find_file(relative)
        if found is not None:
            image = None
            if self.dry_run:
                self.report.count("image", "created")
            else:
                image = self._store_image(found.name, found.read_bytes(), attachment_id)
        else:
            self.report.missing_media.append(relative)
            image = self._fetched_image(url, attachment_id, used_in=used_in)
        self.images[relative] = image
        if len(self.images) > IMAGES_REMEMBERED:
            # A picture seen again after that is found again; Wagtail's file hash
            # (_store_image) keeps it from being stored twice.
            self.images.popitem(last=False)
        return image

    def _fetched_image(self, url: str, attachment_id: int | None, *, used_in: str):
        """A picture missing from --media-dir, from the old site when it may and can be."""
        where = f" (in {used_in})" if used_in else ""
        if not self.fetch_media:
            reason = "not fetched: --fetch-media was not given"
        else:
            try:
                fetched = fetch_image(url, site_url=self.source)
            except NotFetched as error:
                reason = f"not fetched: {error}"
            else:
                self.report.fetched_media.append(f"{url}{where}")
                if self.dry_run:
                    self.report.count("image", "created")
                    return None
                return self._store_image(fetched.name, fetched.data, attachment_id)
        self.report.linked_media.append(f"{url}{where}: {reason}")
        self.report.count("image", "skipped")
        return None

    def _find_file(self, relative: str) -> Path | None:
        if self.media_dir is None or not relative:
            return None
        root = self.media_dir.resolve()
        for candidate in (relative, SIZE_SUFFIX.sub("", relative)):
            path = (root / candidate).resolve()
            # The export names the file; it must not reach outside the media folder.
            if path.is_relative_to(root) and path.is_file():
                return path
        return None

    def _store_image(self, name: str, data: bytes, attachment_id: int | None):
        Image = get_image_model()
        digest = hashlib.sha1(data, usedforsecurity=False).hexdigest()  # Wagtail's file_hash
        image = Image.objects.filter(file_hash=digest).first()
        if image is None:
            title = _clip(Path(name).stem.replace("-", " "), 255)
            image = Image(title=title, file=ContentFile(data, name=name))
            image.file_hash = digest
            image.save()
            self.report.count("image", "created")
        else:
            self.report.count("image", "unchanged")
        if attachment_id is not None:
            self._remember(Kind.ATTACHMENT, attachment_id, image)
        return image

    # -- comments ----------------------------------------------------------------

    def _comments(self, post: WxrPost, article: ArticlePage, *, new_article: bool) -> None:
        """Store the post's comments as WordPress moderated them, through the comments
        app's bulk import (no pipeline): new ones created, changed ones updated."""
        comments = [c for c in post.comments if c.type in ("comment", "review")]
        for skipped in (c for c in post.comments if c.type not in ("comment", "review")):
            self.report.skip(
                "comment", f"comment {skipped.wp_id} on post {post.wp_id}: a {skipped.type}"
            )
        if not comments:
            return
        existing = {}
        if not new_article:
            existing = {
                row.wp_id: row
                for row in ImportedObject.objects.filter(
                    source=self.source, kind=Kind.COMMENT, wp_id__in=[c.wp_id for c in comments]
                )
            }
        stored: dict[int, Comment] = {}  # WordPress comment id -> comment an earlier run made
        if existing:
            by_pk = Comment.objects.in_bulk([row.object_id for row in existing.values()])
            stored = {
                wp_id: by_pk[row.object_id]
                for wp_id, row in existing.items()
                if row.object_id in by_pk
            }
        fingerprints = {c.wp_id: self._comment_fingerprint(c) for c in comments}
        rows, changed_rows = [], []
        for comment in comments:
            if comment.wp_id in stored:
                row = existing[comment.wp_id]
                if row.fingerprint == fingerprints[comment.wp_id]:
                    self.report.count("comment", "unchanged")
                    continue
                row.fingerprint = fingerprints[comment.wp_id]
                changed_rows.append(row)
            rows.append(self._imported_comment(comment))
        if not rows:
            return
        saved = comments_import(article=article, comments=rows, stored=stored, reason=IMPORT_REASON)
        if changed_rows:
            ImportedObject.objects.bulk_update(changed_rows, ["fingerprint"])
            self.report.count("comment", "updated", len(changed_rows))
        new = [c for c in comments if c.wp_id not in stored and c.wp_id in saved]
        # Now, not with the batch: an export that repeats a comment id fails its story
        # alone (the mapping is unique by id), not the whole batch when it is written.
        bulk.insert(
            ImportedObject,
            [
                ImportedObject(
                    source=self.source,
                    kind=Kind.COMMENT,
                    wp_id=comment.wp_id,
                    content_type=self.content_types[Comment],
                    object_id=saved[comment.wp_id].pk,
                    fingerprint=fingerprints[comment.wp_id],
                )
                for comment in new
            ],
            now=True,
        )
        self.report.count("comment", "created", len(new))

    def _comment_fingerprint(self, comment: WxrComment) -> str:
        return _fingerprint(
            comment.status, comment.content, comment.author_name, comment.author_url
        )

    def _imported_comment(self, comment: WxrComment) -> ImportedComment:
        text = comment.content.strip()
        if "<" in text or "&" in text:
            text = html_to_text(text) or text
        return ImportedComment(
            key=comment.wp_id,
            parent_key=comment.parent_id or None,
            author_name=_clip(comment.author_name, 80),
            email=comment.author_email,
            text=text,
            url=comment.author_url,
            status=COMMENT_STATUSES[comment.status],
            created_at=comment.date,
            ip=comment.author_ip,
            user_id=self.users_by_wp_id.get(comment.user_id) if comment.user_id else None,
        )


def refresh_planner_statistics() -> None:
    """After a bulk load, let PostgreSQL's planner see the tables as they now are.

    PostgreSQL chooses its plans from table statistics, which a load leaves empty until
    autovacuum analyses the tables, and autovacuum may be off or behind. Right after a
    100,000-story import the home page took 176 ms and a search by date 3.8 s; 67 and 96
    ms once analysed (docs/benchmarks.md). Three seconds at that size. SQLite's queries
    here name their plans, and its statistics are left as they are.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
