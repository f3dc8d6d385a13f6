from django import template

from dateline.comments.pipeline import phase_label

register = template.Library()


@register.filter
def in_words(phase: str) -> str:
    """A pipeline phase or decider, as the desk says it: "first_time" is "New commenter"."""
    return phase_label(phase or "")
