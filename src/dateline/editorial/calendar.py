"""The editors' calendar of scheduled publications: an iCalendar feed (RFC 5545) behind a
signed address, so a calendar app can subscribe without signing in.

The address carries the user's id and an HMAC over the id, the password hash and the
active flag (the scheme of Django's password-reset links): it stays valid until the user
changes their password or is deactivated, and then stops working at once.
"""

from datetime import UTC, datetime, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from dateline.editorial.selectors import ScheduledPublication

SALT = "dateline.editorial.calendar"
EVENT_LENGTH = timedelta(minutes=15)
LINE_LIMIT = 75  # octets per content line before folding (RFC 5545, 3.1)


def _signature(user) -> str:
    return salted_hmac(SALT, f"{user.pk}:{user.password}:{user.is_active}").hexdigest()[:40]


def calendar_token(user) -> str:
    return f"{user.pk}-{_signature(user)}"


def user_for_token(token: str):
    """The active user the token was made for, or None for a wrong, old or foreign token."""
    user_id, _dash, signature = token.partition("-")
    if not user_id.isdigit():
        return None
    user = get_user_model().objects.filter(pk=int(user_id), is_active=True).first()
    if user is None or not constant_time_compare(signature, _signature(user)):
        return None
    return user


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Split a content line into 75-octet pieces, never inside a UTF-8 character."""
    pieces, current = [], ""
    for char in line:
        limit = LINE_LIMIT if not pieces else LINE_LIMIT - 1  # continuations start with a space
        if len((current + char).encode()) > limit:
            pieces.append(current)
            current = ""
        current += char
    pieces.append(current)
    return "\r\n ".join(pieces)


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def render_calendar(
    publications: list[ScheduledPublication], *, site_name: str, host: str, edit_url, now=None
) -> str:
    """The VCALENDAR text; `edit_url(page_id)` gives each event's link to the story."""
    now = now or timezone.now()
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Dateline//Scheduled publications//EN",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_escape(f'{site_name}: scheduled stories')}",
    ]
    for publication in publications:
        lines += [
            "BEGIN:VEVENT",
            f"UID:scheduled-{publication.revision_id}@{host}",
            f"DTSTAMP:{_utc(now)}",
            f"DTSTART:{_utc(publication.at)}",
            f"DTEND:{_utc(publication.at + EVENT_LENGTH)}",
            f"SUMMARY:{_escape('Goes live: ' + publication.title)}",
            f"URL:{edit_url(publication.page_id)}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)
