"""The optional Akismet spam check, called only from a background task."""

import logging
import urllib.parse
import urllib.request

log = logging.getLogger(__name__)
TIMEOUT = 5


def akismet_says_spam(*, key: str, site_url: str, comment, permalink: str) -> bool | None:
    """True for spam, False for ham, None when Akismet could not be asked."""
    data = urllib.parse.urlencode(
        {
            "blog": site_url,
            "user_ip": comment.ip_prefix or "",
            "user_agent": comment.user_agent,
            "permalink": permalink,
            "comment_type": "reply" if comment.parent_id else "comment",
            "comment_author": comment.author_name,
            "comment_author_email": comment.author_email,
            "comment_author_url": comment.author_url,
            "comment_content": comment.text,
        }
    ).encode()
    request = urllib.request.Request(
        f"https://{key}.rest.akismet.com/1.1/comment-check", data=data, method="POST"
    )
    try:
        # An https:// address built here from Akismet's fixed host, never a reader's input.
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310
            answer = response.read(100).decode("ascii", "replace").strip()
    except OSError:
        log.warning("Akismet could not be reached; the comment goes to the pending queue.")
        return None
    if answer not in {"true", "false"}:
        log.warning("Akismet answered %r; the comment goes to the pending queue.", answer)
        return None
    return answer == "true"
