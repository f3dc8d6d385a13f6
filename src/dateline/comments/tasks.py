"""Background work for comments; each task only calls a service."""

from django_tasks import task

from dateline.comments import services


@task()
def send_comment_receipt(comment_id: int) -> bool:
    # New comments are receipted in batches (below); this runs tasks queued before that.
    return services.comment_receipt_send(comment_id=comment_id)


@task()
def send_comment_receipts() -> int:
    return services.comment_receipts_send()


@task()
def send_reply_notification(comment_id: int) -> bool:
    return services.reply_notification_send(comment_id=comment_id)


@task()
def send_moderator_digest() -> int:
    return services.moderator_digest_send()


@task()
def check_comment_with_akismet(comment_id: int) -> str | None:
    return services.comment_check_spam(comment_id=comment_id)
