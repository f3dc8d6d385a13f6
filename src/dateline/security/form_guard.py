"""What protects the public forms that cached pages carry (comments, newsletter sign-up).

Those pages are the same for every reader, so they cannot hold a CSRF token or
anything else about the reader. A form instead carries:

- a signed time ("form token"), naming only what the form is for: a post must come
  between `min_age` seconds (a person takes that long) and `max_age` after the page
  was rendered, and a bot replaying a stolen token is held to that window;
- a honeypot field people never see or fill in;

and the view checks that the POST came from a page of this site (Origin/Referer).
"""

import time
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing

HONEYPOT_FIELD = "contact_me_by_fax_only"


class FormTokenError(ValueError):
    pass


def form_token(*, purpose: str, subject: int | str, issued_at: float | None = None) -> str:
    """A token for a form about `subject` (an article id, a form name). It names no one."""
    issued = int(time.time() if issued_at is None else issued_at)
    return signing.dumps({"a": subject, "t": issued}, salt=f"dateline.{purpose}", compress=False)


def check_form_token(
    token: str,
    *,
    purpose: str,
    subject: int | str,
    min_age: float,
    max_age: float,
    now: float | None = None,
    too_quick: str = "That was quicker than anyone can fill in this form; please try again.",
    wrong_subject: str = "This form belongs to another page.",
) -> None:
    """Raise FormTokenError unless `token` is for this subject and neither too new nor too old."""
    now = time.time() if now is None else now
    try:
        data = signing.loads(token, salt=f"dateline.{purpose}")
        issued, token_subject = int(data["t"]), data["a"]
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise FormTokenError(
            "The form was damaged; please reload the page and try again."
        ) from error
    if str(token_subject) != str(subject):
        raise FormTokenError(wrong_subject)
    age = now - issued
    if age < min_age:
        raise FormTokenError(too_quick)
    if age > max_age:
        raise FormTokenError("The form has expired; please reload the page and try again.")


def posted_from_this_site(request) -> bool:
    """The POST came from a page of this site: its Origin, else its Referer, names our host."""
    origin = request.META.get("HTTP_ORIGIN") or request.META.get("HTTP_REFERER") or ""
    if not origin or origin == "null":
        return False
    parts = urlsplit(origin)
    if f"{parts.scheme}://{parts.netloc}" in settings.CSRF_TRUSTED_ORIGINS:
        return True
    return bool(parts.netloc) and parts.netloc == request.get_host()
