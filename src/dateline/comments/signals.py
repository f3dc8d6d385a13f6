"""Sent when what readers see of articles' comments changed: the comment services' one
announcement of every change they make (a comment published, approved, edited, removed,
erased or imported).

Send it after the change commits (``transaction.on_commit``), with ``article_id=<id>``,
or ``article_ids=[...]`` for one change to many articles (a bulk action): each send is
one purge of those articles and one CDN call. The edge (dateline.edge.invalidation)
listens to it and to nothing else about comments.
"""

from django.dispatch import Signal

comments_changed = Signal()  # sender=Comment, article_id=int or article_ids=list[int]
