"""Background work for the search index."""

import logging

from django.apps import apps
from django_tasks import task
from modelsearch.backends import get_search_backends_with_name

log = logging.getLogger(__name__)


@task()
def index_objects(model_label: str, pks: list[str]) -> int:
    """Index these objects of one model (those still there) together, as `update_index`
    indexes a chunk; how many there were. A search service that fails (Elasticsearch
    down) is logged, as Wagtail's own indexing does; the database's own index raises."""
    model = apps.get_model(model_label)
    objects = list(model.get_indexed_objects().filter(pk__in=pks))
    if not objects:
        return 0
    for name, backend in get_search_backends_with_name(with_auto_update=True):
        try:
            backend.add_bulk(model, objects)
        except Exception:
            log.exception(
                "Could not index %d %s in the %r search backend", len(objects), model_label, name
            )
            if not backend.catch_indexing_errors:
                raise
    return len(objects)
