"""Wire items for tools: GET /api/v1/wire/ (token; the wire desk permission)."""

from datetime import datetime

from django.core.exceptions import PermissionDenied
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from dateline.api.auth import token_auth
from dateline.api.errors import TOKEN_ERRORS
from dateline.api.fields import Text, When
from dateline.api.pagination import MAX_ID, PageParams, Paginated, paginate
from dateline.wire import selectors
from dateline.wire.models import WireItem, WireProvider

router = Router(auth=token_auth, tags=["wire"])


class WireFilters(PageParams):
    provider: int | None = Field(None, ge=1, le=MAX_ID, description="A provider id.")
    q: Text(selectors.SEARCH_MAX) = Field("", description="Search headlines.")
    status: WireItem.Status | None = Field(None, description="usable, withheld or canceled.")
    updated_after: When | None = Field(
        None, description="Only items stored or changed after this time (for polling tools)."
    )


class WireItemOut(Schema):
    id: int
    provider: str
    guid: str
    version: str
    status: str
    headline: str
    summary: str
    byline: str
    credit: str
    located: str
    link: str
    language: str
    urgency: int | None
    embargoed_until: datetime | None
    version_created: datetime
    updated_at: datetime
    subjects: list[str]
    story_ids: list[int]


class WireItemList(Paginated):
    results: list[WireItemOut]


def _item_out(item: WireItem) -> dict:
    return {
        "id": item.pk,
        "provider": item.provider.name,
        "guid": item.guid,
        "version": item.version,
        "status": item.status,
        "headline": item.headline,
        "summary": item.summary,
        "byline": item.byline,
        "credit": item.credit or item.provider.credit,
        "located": item.located,
        "link": item.link,
        "language": item.language,
        "urgency": item.urgency,
        "embargoed_until": item.embargoed_until,
        "version_created": item.version_created,
        "updated_at": item.updated_at,
        "subjects": [str(subject) for subject in item.subjects],
        "story_ids": [story.article_id for story in item.stories.all()],
    }


@router.get("/", response={200: WireItemList, **TOKEN_ERRORS})
def wire_list(request, filters: Query[WireFilters]):
    """Wire items newest first, as the wire desk lists them."""
    if not request.user.has_perm("wire.use_wire_desk"):
        raise PermissionDenied("You may not read the wire desk.")
    provider = None
    if filters.provider is not None:
        provider = WireProvider.objects.filter(pk=filters.provider).first()
        if provider is None:
            raise HttpError(404, "No such wire provider.")
    items = selectors.desk_items(
        provider=provider,
        query=filters.q,
        status=filters.status or "",
        updated_after=filters.updated_after,
    ).prefetch_related("stories")
    page = paginate(items, filters)
    return {**page, "results": [_item_out(item) for item in page.pop("items")]}
