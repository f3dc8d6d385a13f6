"""Background work for the wire; each task only calls a service."""

from django_tasks import task

from dateline.wire import services
from dateline.wire.models import WireProvider


@task()
def poll_provider(provider_id: int) -> str:
    provider = WireProvider.objects.filter(pk=provider_id, active=True).first()
    if provider is None:
        return "no such active provider"
    return services.provider_poll(provider=provider).summary()
