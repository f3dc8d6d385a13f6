"""An article's comments changed: tell its open pages about the newly visible ones."""

import logging

logger = logging.getLogger(__name__)


def on_comments_changed(sender, article_id: int | None = None, article_ids=(), **kwargs):
    from dateline.live.services import live_comments_announce, with_recent_comments

    changed = {*article_ids, *(() if article_id is None else (article_id,))}
    if len(changed) > 1:  # an import's batch: which have comments to announce, in one query
        changed = with_recent_comments(changed)
    for pk in sorted(changed):
        try:
            live_comments_announce(article_id=pk)
        except Exception:
            # Readers see the comment on their next load; the moderator's action stands.
            logger.exception("Could not announce the new comments of article %s", pk)


def connect() -> None:
    from dateline.comments.signals import comments_changed

    comments_changed.connect(on_comments_changed, dispatch_uid="live-comments-changed")
