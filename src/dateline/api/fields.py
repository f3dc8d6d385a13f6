"""Input types every router can use, so bad values are a 400 naming the field, never a 500.

from dateline.api.fields import Text, When

class EntryIn(Schema):
    title: Text(200, min_length=1)
    published_at: When | None = None
"""

from datetime import UTC, datetime
from typing import Annotated

from pydantic import AfterValidator, StringConstraints


def printable(value: str) -> str:
    """Text a database can hold: no NUL or other control characters, no lone surrogates."""
    for character in value:
        if (ord(character) < 32 and character not in "\t\n\r") or "\ud800" <= character <= "\udfff":
            raise ValueError("must not contain control characters")
    return value


def Text(max_length: int, min_length: int = 0):
    """A string, stripped of surrounding spaces, within these lengths, printable."""
    return Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=min_length, max_length=max_length),
        AfterValidator(printable),
    ]


def in_utc(value: datetime) -> datetime:
    """An aware UTC time (a time without a zone is taken as UTC), within years 1900-9998."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    try:
        value = value.astimezone(UTC)
    except (OverflowError, ValueError) as error:
        raise ValueError("is out of range") from error
    if not 1900 <= value.year <= 9998:
        raise ValueError("must be between the years 1900 and 9998")
    return value


When = Annotated[datetime, AfterValidator(in_utc)]
