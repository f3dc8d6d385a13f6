"""Signed tokens: the comment form's timestamp, and the links sent to commenters by email."""

import time

from django.core import signing

FORM_SALT = "dateline.comments.form"
FORM_MIN_AGE = 5  # seconds: a person takes longer than this to write a comment
FORM_MAX_AGE = 24 * 60 * 60
LINK_MAX_AGE = 60 * 60 * 24 * 365


class TokenError(ValueError):
    pass


def form_token(*, article_id: int, issued_at: float | None = None) -> str:
    """The token rendered into the comment form. It names no one, so cached pages can carry it."""
    issued = int(time.time() if issued_at is None else issued_at)
    return signing.dumps({"a": article_id, "t": issued}, salt=FORM_SALT, compress=False)


def check_form_token(token: str, *, article_id: int, now: float | None = None) -> None:
    """Raise TokenError unless `token` is for this article and neither too new nor too old."""
    now = time.time() if now is None else now
    try:
        data = signing.loads(token, salt=FORM_SALT)
        issued, token_article = int(data["t"]), int(data["a"])
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise TokenError("The form was damaged; please reload the page and try again.") from error
    if token_article != article_id:
        raise TokenError("This form belongs to another article.")
    age = now - issued
    if age < FORM_MIN_AGE:
        raise TokenError("That was quicker than anyone can write; please try again.")
    if age > FORM_MAX_AGE:
        raise TokenError("The form has expired; please reload the page and write again.")


def link_token(*, action: str, value) -> str:
    """A token for an emailed link: `unsubscribe` an email address, `delete` a comment."""
    return signing.dumps(value, salt=f"dateline.comments.{action}", compress=False)


def read_link_token(token: str, *, action: str):
    try:
        return signing.loads(token, salt=f"dateline.comments.{action}", max_age=LINK_MAX_AGE)
    except signing.BadSignature as error:
        raise TokenError("This link is not valid or has expired.") from error
