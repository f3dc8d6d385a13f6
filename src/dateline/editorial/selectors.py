"""Named reads for the newsroom's admin screens: the sections a reporter files into, the
story budget, the scheduled publications calendar, and who changed a live story."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page, Revision, TaskState, WorkflowState

from dateline.news.models import ArticlePage, AuthorPage, SectionPage
from dateline.news.selectors import attach_sections
from dateline.news.text import names_in_words

BUDGET_DAYS = 7
# Drafts stay on the budget this long after their last edit, planned or not.
RECENT_DRAFTS = timedelta(days=7)


class State:
    DRAFT = "draft"
    CHANGES = "changes"
    REVIEW = "review"
    SCHEDULED = "scheduled"
    PUBLISHED = "published"

    LABELS = {
        DRAFT: "Draft",
        CHANGES: "Changes requested",
        REVIEW: "In review",
        SCHEDULED: "Scheduled",
        PUBLISHED: "Published",
    }


def sections_to_file_in(user) -> list[SectionPage]:
    """Sections the user may add a story to, in the page tree's order."""
    sections = SectionPage.objects.order_by("path")
    return [section for section in sections if section.permissions_for_user(user).can_add_subpage()]


def scheduled_revision(page: Page) -> Revision | None:
    return (
        Revision.page_revisions.filter(object_id=str(page.pk), approved_go_live_at__isnull=False)
        .order_by("-created_at", "-pk")
        .first()
    )


@dataclass(frozen=True)
class BudgetFilters:
    section: SectionPage | None = None
    author: AuthorPage | None = None
    days: int = BUDGET_DAYS


@dataclass
class BudgetEntry:
    story: ArticlePage
    state: str
    at: datetime | None  # planned, scheduled or published time
    task_state: TaskState | None = None
    scheduled_revision_id: int | None = None

    @property
    def state_label(self) -> str:
        return State.LABELS[self.state]

    @property
    def can_reschedule(self) -> bool:
        return self.state == State.SCHEDULED and (
            self.scheduled_revision_id == self.story.latest_revision_id
        )


@dataclass
class BudgetDay:
    day: date | None  # None: no time planned yet
    entries: list[BudgetEntry] = field(default_factory=list)


def _workflows_in_progress() -> dict[int, WorkflowState]:
    states = (
        WorkflowState.objects.active()
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .select_related("current_task_state__task")
    )
    return {int(state.object_id): state for state in states}


def _scheduled(before: datetime) -> dict[int, Revision]:
    revisions = Revision.page_revisions.filter(
        approved_go_live_at__isnull=False, approved_go_live_at__lt=before
    ).only("pk", "object_id", "approved_go_live_at", "created_at")
    return {int(revision.object_id): revision for revision in revisions}


def _entry(story, workflows, scheduled) -> BudgetEntry:
    revision = scheduled.get(story.pk)
    workflow = workflows.get(story.pk)
    planned = revision.approved_go_live_at if revision else story.go_live_at
    if workflow is not None and workflow.status == WorkflowState.STATUS_IN_PROGRESS:
        return BudgetEntry(story, State.REVIEW, planned, task_state=workflow.current_task_state)
    if revision is not None:
        return BudgetEntry(
            story, State.SCHEDULED, revision.approved_go_live_at, scheduled_revision_id=revision.pk
        )
    if story.live and not story.has_unpublished_changes:
        return BudgetEntry(story, State.PUBLISHED, story.last_published_at)
    state = State.CHANGES if workflow is not None else State.DRAFT
    if story.live:
        return BudgetEntry(story, state, story.last_published_at)
    return BudgetEntry(story, state, planned)


def story_budget(filters: BudgetFilters, *, now: datetime | None = None) -> list[BudgetDay]:
    """Today's and the coming days' stories, by day in the newsroom's time zone:
    drafts (those without a planned time first), stories in review, scheduled ones with
    their time, and what was published today. Six queries, however many stories."""
    now = now or timezone.now()
    start = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    end = start + timedelta(days=filters.days)
    workflows = _workflows_in_progress()
    scheduled = _scheduled(end)
    stories = ArticlePage.objects.filter(
        Q(pk__in=list(workflows))
        | Q(pk__in=list(scheduled))
        | Q(last_published_at__gte=start)
        | Q(live=False, go_live_at__gte=start, go_live_at__lt=end)
        | Q(live=False, latest_revision_created_at__gte=now - RECENT_DRAFTS)
    )  # fmt: skip
    if filters.section is not None:
        stories = stories.descendant_of(filters.section)
    if filters.author is not None:
        stories = stories.filter(authors__author=filters.author)
    stories = stories.select_related("latest_revision__user").prefetch_related("authors__author")
    entries = [_entry(story, workflows, scheduled) for story in attach_sections(stories)]
    days: dict[date | None, BudgetDay] = defaultdict(lambda: BudgetDay(None))
    today = start.date()
    for entry in entries:
        # Anything overdue (a late schedule, a missed plan) belongs to today.
        day = max(timezone.localdate(entry.at), today) if entry.at else None
        days[day].day = day
        days[day].entries.append(entry)
    for budget_day in days.values():
        budget_day.entries.sort(key=lambda e: (e.at is None, e.at or now, e.story.title.lower()))
    return sorted(days.values(), key=lambda d: (d.day is not None, d.day or today))


@dataclass(frozen=True)
class ScheduledPublication:
    revision_id: int
    page_id: int
    title: str
    at: datetime


def scheduled_publications(*, since: datetime) -> list[ScheduledPublication]:
    """Every scheduled publication from `since` on, with the headline that will go out."""
    revisions = Revision.page_revisions.filter(approved_go_live_at__gte=since).order_by(
        "approved_go_live_at", "pk"
    )
    return [
        ScheduledPublication(
            revision_id=revision.pk,
            page_id=int(revision.object_id),
            title=revision.content.get("title", ""),
            at=revision.approved_go_live_at,
        )
        for revision in revisions
    ]


@dataclass(frozen=True)
class UnpublishedChanges:
    by: str  # "Rita Okafor", or "Rita Okafor and Sam Lee"
    at: datetime  # the latest of their saves
    latest_revision_id: int


def unpublished_changes_by_others(page: Page, user) -> UnpublishedChanges | None:
    """Changes saved to a live page since it was published by people other than `user`
    (drafts, autosaves): what the next Publish would put out. Counted from the live
    revision on, so the editor's own later saves (autosave) do not hide them."""
    if not (page.live and page.has_unpublished_changes and page.latest_revision_id):
        return None
    since = Revision.page_revisions.filter(object_id=str(page.pk))
    if page.live_revision_id:
        since = since.filter(pk__gt=page.live_revision_id)
    others = list(
        since.exclude(user_id=user.pk)
        .select_related("user")
        .only("pk", "created_at", "user__first_name", "user__last_name", "user__username")
        .order_by("-created_at", "-pk")
    )
    if not others:
        return None
    names = []
    for revision in others:
        author = revision.user
        name = (author.get_full_name() or author.get_username()) if author else "someone"
        if name not in names:
            names.append(name)
    return UnpublishedChanges(
        by=names_in_words(names),
        at=others[0].created_at,
        latest_revision_id=page.latest_revision_id,
    )
