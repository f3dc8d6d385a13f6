"""Background work for newsletters; each task only calls a service."""

from django_tasks import task

from dateline.newsletters import delivery, services


@task()
def send_confirmation(subscriber_id: int) -> bool:
    return services.confirmation_send(subscriber_id=subscriber_id)


@task()
def deliver_edition(edition_id: int) -> dict:
    report = delivery.edition_deliver(edition_id=edition_id)
    return {"status": report.status, "handed_over": report.handed_over, "failed": report.failed}


@task()
def newsletters_tick() -> dict:
    return services.newsletters_tick()
