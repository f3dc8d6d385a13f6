"""Signed tokens: the comment form's timestamp (dateline.security.form_guard), and the links
sent to commenters by email."""

from django.core import signing

from dateline.security import form_guard

FORM_PURPOSE = "comments.form"  # signed with the salt "dateline.comments.form", as before
FORM_MIN_AGE = 5  # seconds: a person takes longer than this to write a comment
FORM_MAX_AGE = 24 * 60 * 60
LINK_MAX_AGE = 60 * 60 * 24 * 365


class TokenError(ValueError):
    pass


def form_token(*, article_id: int, issued_at: float | None = None) -> str:
    """The token rendered into the comment form. It names no one, so cached pages can carry it."""
    return form_guard.form_token(purpose=FORM_PURPOSE, subject=article_id, issued_at=issued_at)


def check_form_token(token: str, *, article_id: int, now: float | None = None) -> None:
    """Raise TokenError unless `token` is for this article and neither too new nor too old."""
    try:
        form_guard.check_form_token(
            token,
            purpose=FORM_PURPOSE,
            subject=article_id,
            min_age=FORM_MIN_AGE,
            max_age=FORM_MAX_AGE,
            now=now,
            too_quick="That was quicker than anyone can write; please try again.",
            wrong_subject="This form belongs to another article.",
        )
    except form_guard.FormTokenError as error:
        raise TokenError(str(error)) from error


def link_token(*, action: str, value) -> str:
    """A token for an emailed link: `unsubscribe` an email address, `delete` a comment."""
    return signing.dumps(value, salt=f"dateline.comments.{action}", compress=False)


def read_link_token(token: str, *, action: str):
    try:
        return signing.loads(token, salt=f"dateline.comments.{action}", max_age=LINK_MAX_AGE)
    except signing.BadSignature as error:
        raise TokenError("This link is not valid or has expired.") from error
