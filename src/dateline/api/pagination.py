"""Page-numbered lists, the same in every list the API answers."""

from ninja import Schema
from ninja.errors import HttpError
from pydantic import Field

MAX_PAGE_SIZE = 100
MAX_ID = 2**63 - 1  # the database's integer range; larger ids are simply not found


class PageParams(Schema):
    page: int = Field(1, ge=1, le=1_000_000, description="1 for the first page.")
    page_size: int = Field(20, ge=1, le=MAX_PAGE_SIZE)


class Paginated(Schema):
    count: int
    page: int
    page_size: int
    next_page: int | None
    previous_page: int | None


def paginate(items, params: PageParams, count: int | None = None) -> dict:
    """The requested page of `items` (a queryset) with the counts; past the end is a 404."""
    count = items.count() if count is None else count
    start = (params.page - 1) * params.page_size
    if params.page > 1 and start >= count:
        raise HttpError(404, "No such page of results.")
    last_page = max(1, -(-count // params.page_size))
    items = items[start : start + params.page_size]
    return page_answer(params, count=count, items=items, more=params.page < last_page)


def page_answer(params: PageParams, *, count: int, items, more: bool) -> dict:
    """The fields of a `Paginated` answer for page `params.page` of `count` (`more`: a
    page follows), with its `items` for the caller to turn into results."""
    return {
        "count": count,
        "page": params.page,
        "page_size": params.page_size,
        "next_page": params.page + 1 if more else None,
        "previous_page": params.page - 1 if params.page > 1 else None,
        "items": items,
    }


def known_id(value: int) -> bool:
    return 0 < value <= MAX_ID
