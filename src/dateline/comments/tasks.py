"""Background work for comments; each task only calls a service."""

from dateline.comments import services
from dateline.comments.jobs import job


@job
def send_comment_receipts() -> int:
    return services.comment_receipts_send()


@job
def send_reply_notification(comment_id: int) -> bool:
    return services.reply_notification_send(comment_id=comment_id)


@job
def send_moderator_digest() -> int:
    return services.moderator_digest_send()


@job
def check_comment_with_akismet(comment_id: int) -> str | None:
    return services.comment_check_spam(comment_id=comment_id)
