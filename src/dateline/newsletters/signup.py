"""The checks a newsletter sign-up goes through before anything is stored, in order.

Like the comment pipeline (comments/pipeline.py), each check is named and ordered. A
check either passes (None), refuses the sign-up with a message the reader sees
(`SignupRefused`), or answers DROP: the reader (a bot filling the honeypot) gets the
usual answer and nothing is stored or sent. No check looks at whether the address is
already subscribed, so no answer can tell.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator

from dateline.newsletters.models import LINE_BREAKS
from dateline.security import form_guard, ratelimit

FORM_PURPOSE = "newsletters.signup"
FORM_SUBJECT = "signup"  # every sign-up form carries the same kind of token
FORM_MIN_AGE = 2  # seconds: typing an address takes longer
FORM_MAX_AGE = 24 * 60 * 60
PER_NETWORK_PER_HOUR = 20
PER_ADDRESS_PER_HOUR = 5
DROP = "drop"


class SignupRefused(Exception):
    def __init__(self, message: str, *, check: str, field: str | None = None,
                 status_code: int = 400, retry_after: int | None = None):  # fmt: skip
        super().__init__(message)
        self.message, self.check, self.field = message, check, field
        self.status_code, self.retry_after = status_code, retry_after


@dataclass
class Signup:
    email: str
    newsletters: list
    network: str | None  # the client's truncated address, for the rate limit
    form_token: str
    honeypot: str
    now: datetime
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Check:
    name: str
    run: Callable[[Signup], str | None]


def check_address(signup: Signup) -> None:
    if not signup.email:
        raise SignupRefused("Please enter your email address.", check="address", field="email")
    try:
        if LINE_BREAKS.search(signup.email) or len(signup.email) > 254:
            raise ValidationError("not one line")
        EmailValidator()(signup.email)
    except ValidationError as error:
        raise SignupRefused(
            "Please enter a valid email address.", check="address", field="email"
        ) from error


def check_choice(signup: Signup) -> None:
    if not signup.newsletters:
        raise SignupRefused(
            "Please choose at least one newsletter.", check="choice", field="newsletters"
        )


def check_honeypot(signup: Signup) -> str | None:
    return DROP if signup.honeypot else None


def check_form(signup: Signup) -> None:
    try:
        form_guard.check_form_token(
            signup.form_token,
            purpose=FORM_PURPOSE,
            subject=FORM_SUBJECT,
            min_age=FORM_MIN_AGE,
            max_age=FORM_MAX_AGE,
            now=signup.now.timestamp(),
        )
    except form_guard.FormTokenError as error:
        raise SignupRefused(str(error), check="form") from error


def check_rate(signup: Signup) -> None:
    from dateline.newsletters.tokens import fingerprint

    allowed = ratelimit.allow(
        "newsletter-signup-address", fingerprint(signup.email),
        limit=PER_ADDRESS_PER_HOUR, window_seconds=3600,
    )  # fmt: skip
    if signup.network:
        allowed &= ratelimit.allow(
            "newsletter-signup-network", signup.network,
            limit=PER_NETWORK_PER_HOUR, window_seconds=3600,
        )  # fmt: skip
    if not allowed:
        raise SignupRefused(
            "Too many sign-ups; please try again in an hour.",
            check="rate",
            status_code=429,
            retry_after=3600,
        )


CHECKS: list[Check] = [
    Check("address", check_address),
    Check("choice", check_choice),
    Check("honeypot", check_honeypot),
    Check("form", check_form),
    Check("rate", check_rate),
]


def run_checks(signup: Signup) -> str | None:
    """Run every check in order; DROP if one says so, else None (SignupRefused propagates)."""
    for check in CHECKS:
        if check.run(signup) == DROP:
            signup.notes.append(f"dropped by {check.name}")
            return DROP
    return None


def signup_form_token(issued_at: float | None = None) -> str:
    return form_guard.form_token(purpose=FORM_PURPOSE, subject=FORM_SUBJECT, issued_at=issued_at)
