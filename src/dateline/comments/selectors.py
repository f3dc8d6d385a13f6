"""Named reads for comments: the reader's thread, the article's policy, the moderation queues."""

import hashlib
import ipaddress
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery, Window
from django.db.models.functions import RowNumber
from django.utils import timezone
from wagtail.models import ModelLogEntry, Site

from dateline.comments.models import (
    Ban,
    Comment,
    CommentSettings,
    CommentsMode,
    ModerationDecision,
    ModerationWord,
    ModeratorNote,
)
from dateline.comments.network import truncate_ip
from dateline.comments.rendering import normalise_email
from dateline.edge import dependencies
from dateline.edge.memory import remembered, site_setting, view_restrictions
from dateline.news.models import ArticlePage

THREADS_PER_PAGE = 20
# At most this many comments on a page, whatever the threads' shape: a thread too long
# for its share shows its first replies and continues on pages of its own.
COMMENTS_PER_PAGE = 100
MAX_PAGE_NUMBER = 100_000
NESTED_LEVELS = 5  # replies deeper than this are shown flat, with "in reply to"
SORTS = {"oldest": ("created_at", "pk"), "newest": ("-created_at", "-pk")}
# What a public page may load: never the email, the network or the user agent.
PUBLIC_FIELDS = (
    "id", "article_id", "parent_id", "root_id", "depth", "author_name", "author_url",
    "html", "created_at", "edited_at", "is_deleted", "status",
)  # fmt: skip


@dataclass(frozen=True)
class CommentPolicy:
    mode: str
    closes_at: datetime | None
    is_open: bool
    reason: str = ""


# What the comment views and the policy read of an article; anything else loads lazily.
COMMENTABLE_FIELDS = (
    "id", "path", "depth", "url_path", "title", "live", "first_published_at", "comments_mode",
    "comments_close_after_days", "alias_of",
)  # fmt: skip


def commentable_article(article_id: int) -> ArticlePage | None:
    """The live article readers may see, with only the fields comment views read (no body).

    One small query instead of `.live().public()`, which loads every view restriction
    and the whole StreamField. Which paths are restricted comes from the worker's memory
    (dateline.edge.memory), which a restriction added or removed purges in every
    process, as it purges cached pages.
    """
    article = ArticlePage.objects.live().only(*COMMENTABLE_FIELDS).filter(pk=article_id).first()
    if article is None or is_restricted(article):
        return None
    return article


def is_restricted(page) -> bool:
    """Whether a view restriction (password, sign-in, groups) covers the page or an ancestor,
    as Wagtail decides it (an alias counts its source's). For a page nothing restricts
    this asks no query (the worker keeps which paths are restricted)."""
    return view_restrictions(page).exists()


def site_root_of(page):
    """The page's site (id, root_url) without a query, or None for a page outside every site.

    The site root paths are cached by Wagtail (and refreshed when a Site is saved); the
    first matching root is the page's site, as in Page.get_url_parts.
    """
    for root in Site.get_site_root_paths():
        if page.url_path.startswith(root.root_path):
            return root
    return None


def comment_settings_for(article, request=None) -> CommentSettings:
    if request is not None:
        return CommentSettings.for_request(request)
    root = site_root_of(article)
    if root is None:
        return CommentSettings()
    return site_setting(CommentSettings, Site(pk=root.site_id))


def comment_policy_for(article, settings: CommentSettings, *, now=None) -> CommentPolicy:
    """The article's own mode and closing delay where set, else the site's defaults."""
    now = now or timezone.now()
    mode = article.comments_mode or settings.mode
    days = article.comments_close_after_days
    days = settings.close_after_days if days is None else days
    published = article.first_published_at
    closes_at = published + timedelta(days=days) if days and published else None
    if mode == CommentsMode.CLOSED:
        return CommentPolicy(mode, closes_at, False, "Comments are closed on this story.")
    if not article.live:
        return CommentPolicy(mode, closes_at, False, "This story is not published.")
    if closes_at and now >= closes_at:
        return CommentPolicy(mode, closes_at, False, "Comments are closed on this story.")
    return CommentPolicy(mode, closes_at, True)


def approved_comment_count(article) -> int:
    """The article's approved comments, shared by every use in a render: this worker's
    count while none of its comments changed, else one query."""
    if "approved_comment_count" not in article.__dict__:
        article.__dict__["approved_comment_count"] = remembered(
            ("approved-comments", article.pk),
            dependencies.approved_comment_count(article),
            # Built only when counted: building the query cost more than recalling the count.
            lambda: Comment.objects.approved().filter(article_id=article.pk).count(),
        )
    return article.__dict__["approved_comment_count"]


@dataclass
class ThreadNode:
    comment: Comment
    children: list["ThreadNode"] = field(default_factory=list)
    reply_to: Comment | None = None  # set on replies shown flat below the nesting limit
    more_replies: int = 0  # on a thread's first comment: replies shown on its own pages


@dataclass
class CommentPage:
    threads: list[ThreadNode]
    sort: str
    number: int
    has_next: bool
    count: int

    @property
    def next_number(self) -> int:
        return self.number + 1

    @property
    def fingerprint(self) -> str:
        """A digest of everything the rendered threads show, to key their cached HTML.

        Hashing the loaded comments costs microseconds; rendering them costs milliseconds.
        Any approval, edit, erasure or reply changes the digest, so the cache is never stale.
        """
        digest = hashlib.blake2b(digest_size=16)
        digest.update(f"{self.sort}|{self.number}|{self.has_next}".encode())
        stack = list(self.threads)
        while stack:
            node = stack.pop()
            comment = node.comment
            digest.update(
                f"|{comment.pk}:{comment.author_name}:{comment.author_url}:{comment.created_at}:"
                f"{comment.edited_at}:{comment.is_deleted}:{getattr(node.reply_to, 'pk', '')}:"
                f"{len(node.children)}:{node.more_replies}:{comment.html}".encode()
            )
            stack.extend(node.children)
        return digest.hexdigest()


def _build_threads(
    roots: list[Comment], replies: list[Comment], *, parents: dict | None = None
) -> list[ThreadNode]:
    """Threads of these roots; a reply whose parent is not shown (it is on an earlier page
    of a long thread) hangs flat under the root, "in reply to" its parent (`parents`)."""
    children = defaultdict(list)
    shown = {comment.pk for comment in [*roots, *replies]}
    for reply in replies:
        if reply.parent_id in shown:
            children[reply.parent_id].append(reply)
        else:
            children[reply.root_id].append(reply)

    def flat_descendants(comment: Comment, by_id: dict) -> list[ThreadNode]:
        nodes, stack = [], list(reversed(children[comment.pk]))
        while stack:
            reply = stack.pop()
            nodes.append(ThreadNode(reply, reply_to=by_id.get(reply.parent_id)))
            stack.extend(reversed(children[reply.pk]))
        return nodes

    by_id = {**(parents or {}), **{comment.pk: comment for comment in [*roots, *replies]}}

    def build(comment: Comment, level: int) -> ThreadNode:
        if level >= NESTED_LEVELS - 1:
            return ThreadNode(comment, flat_descendants(comment, by_id))
        nodes = [build(child, level + 1) for child in children[comment.pk]]
        for node in nodes:
            if node.comment.parent_id != comment.pk:
                node.reply_to = by_id.get(node.comment.parent_id)
        return ThreadNode(comment, nodes)

    return [build(root, 0) for root in roots]


def replies_per_thread(reply_counts: dict[int, int], budget: int) -> int | None:
    """How many replies each thread may show so that all of them fit in `budget`: the
    largest share that fits (short threads keep all theirs, long ones are cut to it), or
    None when every reply fits."""
    if sum(reply_counts.values()) <= budget:
        return None
    share, counts = 0, sorted(reply_counts.values())
    for high in range(1, (counts[-1] if counts else 0) + 1):
        if sum(min(count, high) for count in counts) > budget:
            break
        share = high
    return share


def comment_page(article, *, sort: str = "oldest", number: int = 1) -> CommentPage:
    """One page of top-level threads with their approved replies, at most
    COMMENTS_PER_PAGE comments (a long thread shows its first replies and a link to the
    rest, `thread_continuation`), in four queries."""
    sort = sort if sort in SORTS else "oldest"
    number = min(max(1, number), MAX_PAGE_NUMBER)  # past it, the offset overflows SQL integers
    approved = Comment.objects.approved().filter(article_id=article.pk).only(*PUBLIC_FIELDS)
    start = (number - 1) * THREADS_PER_PAGE
    roots = list(
        approved.filter(parent__isnull=True).order_by(*SORTS[sort])[
            start : start + THREADS_PER_PAGE + 1
        ]
    )
    has_next = len(roots) > THREADS_PER_PAGE
    roots = roots[:THREADS_PER_PAGE]
    replies, reply_counts = [], {}
    if roots:
        in_threads = approved.filter(root_id__in=[root.pk for root in roots]).exclude(
            parent__isnull=True
        )
        reply_counts = dict(
            in_threads.order_by()
            .values("root_id")
            .annotate(n=Count("pk"))
            .values_list("root_id", "n")
        )
        share = replies_per_thread(reply_counts, COMMENTS_PER_PAGE - len(roots))
        if share is not None:
            # The first `share` replies of each thread, by the database (a window function).
            in_threads = in_threads.annotate(
                rank=Window(
                    RowNumber(), partition_by=F("root_id"), order_by=[F("created_at"), F("pk")]
                )
            ).filter(rank__lte=share)
        # Asked even when no thread has replies: a page costs the same for any threads.
        replies = list(in_threads.order_by("created_at", "pk"))
    threads = _build_threads(roots, replies)
    shown = defaultdict(int)
    for reply in replies:
        shown[reply.root_id] += 1
    for node in threads:
        node.more_replies = reply_counts.get(node.comment.pk, 0) - shown[node.comment.pk]
    return CommentPage(
        threads=threads,
        sort=sort,
        number=number,
        has_next=has_next,
        count=approved_comment_count(article),
    )


@dataclass
class ThreadContinuation:
    """One page of a long thread's replies, after its first page of threads."""

    thread: ThreadNode
    number: int
    has_next: bool


def thread_continuation(article, *, root_id: int, number: int) -> ThreadContinuation | None:
    """Replies of one thread, COMMENTS_PER_PAGE at a time in the order they were written,
    under its first comment; None when there is no such thread or page."""
    if not 1 <= number <= MAX_PAGE_NUMBER:
        return None
    approved = Comment.objects.approved().filter(article_id=article.pk).only(*PUBLIC_FIELDS)
    root = approved.filter(pk=root_id, parent__isnull=True).first()
    if root is None:
        return None
    start = (number - 1) * COMMENTS_PER_PAGE
    replies = list(
        approved.filter(root_id=root.pk)
        .exclude(parent__isnull=True)
        .order_by("created_at", "pk")[start : start + COMMENTS_PER_PAGE + 1]
    )
    if number > 1 and not replies:
        return None
    has_next = len(replies) > COMMENTS_PER_PAGE
    replies = replies[:COMMENTS_PER_PAGE]
    shown = {root.pk, *(reply.pk for reply in replies)}
    missing = {reply.parent_id for reply in replies} - shown
    parents = Comment.objects.only("id", "author_name").in_bulk(missing) if missing else {}
    [thread] = _build_threads([root], replies, parents=parents)
    return ThreadContinuation(thread=thread, number=number, has_next=has_next)


# The moderation desk


QUEUES = {
    "pending": ("Pending", Q(status=Comment.Status.PENDING)),
    "reported": ("Reported", Q(status=Comment.Status.APPROVED, needs_review=True)),
    "approved": ("Approved", Q(status=Comment.Status.APPROVED)),
    "spam": ("Spam", Q(status=Comment.Status.SPAM)),
    "rejected": ("Rejected", Q(status=Comment.Status.REJECTED)),
}


def queue_counts() -> dict[str, int]:
    return Comment.objects.aggregate(
        **{name: Count("pk", filter=condition) for name, (_label, condition) in QUEUES.items()}
    )


def _search(queryset: QuerySet, query: str) -> QuerySet:
    query = query.strip()
    if not query:
        return queryset
    condition = (
        Q(text__icontains=query)
        | Q(author_name__icontains=query)
        | Q(author_email__icontains=query)
    )
    try:
        network = ipaddress.ip_network(query, strict=False)
    except ValueError:
        network = None
    if network is not None:
        condition |= Q(ip_prefix=truncate_ip(str(network.network_address)))
    return queryset.filter(condition)


def moderation_queue(name: str, *, query: str = "") -> QuerySet:
    _label, condition = QUEUES.get(name, QUEUES["pending"])
    queryset = Comment.objects.filter(condition) if not query else Comment.objects.all()
    order = "-report_count" if name == "reported" else "-created_at"
    return with_last_decision(
        _search(queryset, query).select_related("article", "parent").order_by(order, "-pk")
    )


def with_last_decision(comments: QuerySet) -> QuerySet:
    """Each comment with its latest decision's phase and reason (why it waits, in the
    pipeline's words), from subqueries of the same query: no query per row."""
    latest = ModerationDecision.objects.filter(comment=OuterRef("pk")).order_by("-at", "-pk")
    return comments.annotate(
        last_phase=Subquery(latest.values("phase")[:1]),
        last_reason=Subquery(latest.values("reason")[:1]),
        last_action=Subquery(latest.values("action")[:1]),
    )


def next_in_queue(comment: Comment) -> Comment | None:
    """The pending comment a moderator should look at after this one: the next older one
    in the queue's order, else the newest (the queue lists newest first)."""
    pending = Comment.objects.filter(status=Comment.Status.PENDING).exclude(pk=comment.pk)
    older = pending.filter(
        Q(created_at__lt=comment.created_at) | Q(created_at=comment.created_at, pk__lt=comment.pk)
    )
    return (
        older.order_by("-created_at", "-pk").first()
        or pending.order_by("-created_at", "-pk").first()
    )


def commenter_history(email: str) -> dict:
    email = normalise_email(email)
    comments = Comment.objects.by_email(email).select_related("article")
    counts = comments.aggregate(
        total=Count("pk"),
        **{status: Count("pk", filter=Q(status=status)) for status in Comment.Status.values},
    )
    return {
        "email": email,
        "counts": counts,
        "comments": comments.order_by("-created_at")[:100],
        "notes": ModeratorNote.objects.filter(commenter_email=email).select_related("author"),
        "names": sorted(set(comments.values_list("author_name", flat=True))),
    }


def audit_log(*, comment: Comment | None = None) -> QuerySet:
    decisions = ModerationDecision.objects.select_related("comment", "actor")
    return decisions.filter(comment=comment) if comment else decisions


def desk_changes() -> QuerySet:
    """Who banned, listed words or left notes, and when: Wagtail's log entries for those
    models (the desk's ban button, the Bans and Word lists screens, notes)."""
    return (
        ModelLogEntry.objects.filter(
            content_type__in=ContentType.objects.get_for_models(
                Ban, ModerationWord, ModeratorNote
            ).values()
        )
        .select_related("user", "content_type")
        .order_by("-timestamp", "-pk")
    )


def comments_awaiting_moderators() -> QuerySet:
    return Comment.objects.filter(
        status=Comment.Status.PENDING, moderators_notified=False
    ).select_related("article")
