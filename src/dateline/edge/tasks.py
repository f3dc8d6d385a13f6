"""Background work of the edge; each task only calls a service."""

from django_tasks import task

from dateline.edge import cdn


@task()
def purge_edge_keys(keys: list[str]) -> dict:
    """Purge surrogate keys from Varnish and Fastly (dateline.edge.cdn)."""
    return cdn.keys_purge_everywhere(keys=keys)
