"""Signed links in newsletter emails: confirm, manage, one-click unsubscribe.

No login is needed: the link itself, signed with the site's secret key, says which
address it is for. Each token also carries a short fingerprint of the address, so a
link stops working once the address is erased (or its row reused).
"""

import hashlib

from django.core import signing

CONFIRM_MAX_AGE = 7 * 24 * 60 * 60
MANAGE_MAX_AGE = 365 * 24 * 60 * 60
# Unsubscribe links never expire: RFC 8058 asks that they keep working, and they only stop mail.
UNSUBSCRIBE_MAX_AGE = None

CONFIRM, MANAGE, UNSUBSCRIBE = "confirm", "manage", "unsubscribe"
MAX_AGES = {CONFIRM: CONFIRM_MAX_AGE, MANAGE: MANAGE_MAX_AGE, UNSUBSCRIBE: UNSUBSCRIBE_MAX_AGE}


class LinkError(ValueError):
    pass


def fingerprint(email: str) -> str:
    return hashlib.sha256(email.lower().encode()).hexdigest()[:12]


def _salt(action: str) -> str:
    return f"dateline.newsletters.{action}"


def link_token(*, action: str, subscriber_id: int, email: str, newsletter_id: int | None = None):
    payload = {"s": subscriber_id, "e": fingerprint(email)}
    if newsletter_id is not None:
        payload["n"] = newsletter_id
    if action == UNSUBSCRIBE:  # no time: it never expires, and a shorter header line
        return signing.Signer(salt=_salt(action)).sign_object(payload)
    return signing.dumps(payload, salt=_salt(action), compress=False)


def read_link_token(token: str, *, action: str) -> dict:
    """The payload of a valid link; LinkError for a forged, damaged or expired one."""
    try:
        if action == UNSUBSCRIBE:
            data = signing.Signer(salt=_salt(action)).unsign_object(token)
        else:
            data = signing.loads(token, salt=_salt(action), max_age=MAX_AGES[action])
    except signing.SignatureExpired as error:
        raise LinkError("This link has expired.") from error
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise LinkError("This link is not valid.") from error
    if not isinstance(data, dict) or not isinstance(data.get("s"), int):
        raise LinkError("This link is not valid.")
    return data
