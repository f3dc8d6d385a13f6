"""Sent (after commit) when what readers see of an article's comments changed.

The page cache listens to it to invalidate the article and its teasers.
"""

from django.dispatch import Signal

comments_changed = Signal()  # sender=Comment, article_id=int
