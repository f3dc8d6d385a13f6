from django import template
from django.utils import timezone

from dateline.news.models import SectionPage

register = template.Library()


@register.filter
def is_section(page) -> bool:
    """Whether a page in the admin's page listing is a section (its row opens its stories).
    Reads the cached content type: no query."""
    return issubclass(page.specific_class or type(page), SectionPage)


@register.simple_tag
def schedule_dialog_message(page, user) -> tuple[str, str, str]:
    """(heading, description, subtitle) of the schedule dialog for this user: it names the
    newsroom's time zone and the button that makes the schedule
    count for them: "Approve" for a reviewer of a story in review (publishing directly would
    end the review), "Schedule to publish" for an editor, "Submit" for a reporter."""
    zone = timezone.get_current_timezone_name()
    subtitle = f"Choose when this story goes live and/or expires. Times are in {zone}."
    return (*_schedule_message(page, user), subtitle)


def _schedule_message(page, user) -> tuple[str, str]:
    permissions = page.permissions_for_user(user)
    task = page.current_workflow_task if page.pk else None
    reviewer = task is not None and any(
        action == "approve" for action, _label, _modal in task.get_actions(page, user)
    )
    if reviewer:
        return (
            'This schedule takes effect when you choose "Approve": the story then goes live '
            "at this time.",
            '"Schedule to publish" would skip the rest of the review.',
        )
    if task is not None:
        return (
            "The story is in review: the schedule takes effect when an editor approves it.",
            "",
        )
    if permissions.can_publish():
        return ('This schedule takes effect when you choose "Schedule to publish".', "")
    return (
        "Set the time you want; the schedule takes effect when an editor approves the story.",
        'Save it, then choose "Submit to Newsroom review".',
    )
