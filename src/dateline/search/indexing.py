"""Keeping the search index current as stories are saved, a task per save or per batch.

Wagtail (modelsearch) enqueues one background task for every save of an indexed model:
an import of 100,000 stories wrote 100,000 task rows, one round trip each, and left the
worker as many tasks to run. A model that says ``search_index_batched = True`` (and
``search_auto_update = False``, so that modelsearch leaves it alone) is kept here
instead: outside a batch exactly as Wagtail does it (the same task for the saved
object), and inside ``index_updates_batched()`` with one task per model for every
object the block saved (an import's batch of stories).
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from modelsearch import index
from modelsearch.signal_handlers import post_delete_signal_handler, post_save_signal_handler

# The ids of the objects saved inside index_updates_batched(), by model, if one is open.
_batched: ContextVar[dict[type[Model], set] | None] = ContextVar("index_batch", default=None)


def _saved(sender, instance, raw: bool = False, **kwargs) -> None:
    batch = _batched.get()
    if batch is None or raw:  # modelsearch's own handler: a task, or nothing for fixtures
        post_save_signal_handler(instance, raw=raw, **kwargs)
    else:
        batch.setdefault(type(instance), set()).add(instance.pk)


@contextmanager
def index_updates_batched() -> Iterator[None]:
    """Index the objects saved in this block with one task per model when it ends.

    Open it inside the block's transaction: the task is queued in it, as Wagtail's are.
    An object whose save was rolled back (a failed story) is skipped by the task. A block
    that raises queues nothing (its transaction is rolled back). Nested, the outermost
    block does it.
    """
    if _batched.get() is not None:
        yield
        return
    batch: dict[type[Model], set] = {}
    token = _batched.set(batch)
    try:
        yield
    finally:
        _batched.reset(token)
    from dateline.search.tasks import index_objects

    for model, pks in batch.items():
        index_objects.enqueue(model._meta.label, sorted(str(pk) for pk in pks))


def connect() -> None:
    """Keep the index of every indexed model that leaves it to Dateline
    (``search_index_batched``); modelsearch keeps the others."""
    for model in index.get_indexed_models():
        if getattr(model, "search_index_batched", False):
            if getattr(model, "search_auto_update", True):
                raise ImproperlyConfigured(
                    f"{model._meta.label}: search_index_batched needs search_auto_update = "
                    "False, or modelsearch indexes it too"
                )
            post_save.connect(
                _saved, sender=model, dispatch_uid=f"dateline-index-{model._meta.label}"
            )
            post_delete.connect(
                post_delete_signal_handler,
                sender=model,
                dispatch_uid=f"dateline-unindex-{model._meta.label}",
            )
